// buildServer: the HTTP API (docs/api.md) as a fastify app over the store, and the web app's
// files. Tests call it with an open store and use `app.inject()`; src/main.ts listens with it.
// Requests are checked against zod schemas (validation.ts), every route against the access
// matrix (access/), and every failure answered as an RFC 9457 problem (problem.ts).
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { createJsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { installGuard } from './access/guard.ts';
import { accessMatrix, routeKey } from './access/matrix.ts';
import { ServerContext, type ServerOptions } from './context.ts';
import { consoleLog } from './health.ts';
import { acceptLanguage } from './language.ts';
import { problemOf } from './problem.ts';
import { registerRoutes } from './routes/index.ts';
import { installSecurity, type SecurityOptions } from './security/index.ts';
import { installWebApp } from './static.ts';
import { validatorCompiler } from './validation.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Logs everyone out (at shutdown), recording each logout. */
    endSessions(): Promise<void>;
  }
}

/** A bundle (FHIR export) may be a few megabytes; nothing else comes close. */
const bodyLimit = 20 * 1024 * 1024;

export async function buildServer(options: ServerOptions & SecurityOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit,
    exposeHeadRoutes: false,
    return503OnClosing: true,
    trustProxy: options.trustProxy ?? false,
    // A URL that does not decode (`%E0%A4%A`) is refused by the router before any hook runs: as a problem too.
    frameworkErrors: (error, request, reply) => {
      const problem = problemOf(error, acceptLanguage(request.headers['accept-language'], ctx.language));
      return (reply as unknown as FastifyReply).code(problem.status).type('application/problem+json').send(problem);
    },
  });
  // Made after the app for its logger (frameworkErrors above reads it only once requests come).
  // Without a logger (npm start) the database's comings and goings still reach the console.
  const ctx = new ServerContext(options, options.logger ? app.log : consoleLog);
  app.addHook('onClose', async () => ctx.database.stop());
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Fail closed: a route nobody decided the access of is an error at start, not an open door.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    for (const method of [route.method].flat()) {
      if (!accessMatrix[routeKey(method, route.url)]) throw new Error(`route ${method} ${route.url} has no entry in the access matrix`);
    }
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'FirstDose API', version: '1', description: 'The HTTP API of FirstDose (docs/api.md). Errors are RFC 9457 problems.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'fd_session' } } },
    },
    transform: createJsonSchemaTransform({ skipList: [], zodToJsonConfig: { unrepresentable: 'any' } }),
    transformObject: jsonSchemaTransformObject,
  });

  // Before the guard: a cross-site change is refused before its session is even looked up.
  installSecurity(app, ctx, options);
  installGuard(app, ctx);
  app.setErrorHandler((error, request, reply) => {
    const problem = problemOf(error, request.language ?? ctx.language);
    // A lost database is logged once when lost and once when back (health.ts), not per request.
    if (problem.code === 'database_unavailable') ctx.database.failed(error);
    else if (problem.status >= 500) request.log.error(error);
    return reply.code(problem.status).type('application/problem+json').send(problem);
  });

  await app.register(async (api) => registerRoutes(api.withTypeProvider<ZodTypeProvider>(), ctx));
  installWebApp(app, ctx, options.webRoot);
  // Called before closing, while the store is still open: every open session ends on record.
  app.decorate('endSessions', () => ctx.closeSessions());
  return app;
}
