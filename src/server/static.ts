// The web app, served by the same server: its built files from dist/web, and index.html for
// every other path outside /api (the app routes in the browser: /study/hn2301, /subjects/…).
// Until the app is built, a short page in both languages says how to build it. /api paths that
// match no route are problems like every other API failure.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from './context.ts';
import { HttpProblem, problemOf } from './problem.ts';

const placeholder = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>FirstDose</title></head>
<body style="font-family: system-ui, 'Noto Sans CJK SC', sans-serif; max-width: 42rem; margin: 3rem auto">
<h1>FirstDose</h1>
<p>The API is running (<a href="/api/health">/api/health</a>, <a href="/api/openapi.json">/api/openapi.json</a>), but the web application has not been built: run <code>npm run build:web</code>, then restart.</p>
<p lang="zh-CN">API 已在运行，但网页应用尚未构建：请运行 <code>npm run build:web</code>，然后重新启动。</p>
</body></html>`;

export function installWebApp(app: FastifyInstance, ctx: ServerContext, webRoot: string | undefined): void {
  const root = webRoot ? resolve(webRoot) : undefined;
  const built = root !== undefined && existsSync(join(root, 'index.html'));
  if (built) void app.register(fastifyStatic, { root: root!, prefix: '/', index: ['index.html'] });

  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (path === '/api' || path.startsWith('/api/') || (request.method !== 'GET' && request.method !== 'HEAD')) {
      const problem = problemOf(new HttpProblem(404, 'not_found', [{ path: [], code: 'route_not_found', params: { method: request.method, path } }]), request.language ?? ctx.language);
      return reply.code(404).type('application/problem+json').send(problem);
    }
    if (built) return reply.type('text/html; charset=utf-8').sendFile('index.html');
    return reply.type('text/html; charset=utf-8').send(placeholder);
  });
}
