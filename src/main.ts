// `npm start`. Until the HTTP server and web app arrive (issue #6) this serves a placeholder page
// naming the built-in protocol, in English and Chinese, so that the README's two commands work.
import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>FirstDose</title></head>
<body style="font-family: system-ui, 'Noto Sans CJK SC', sans-serif; max-width: 42rem; margin: 3rem auto">
<h1>FirstDose</h1>
<p>First-in-human dose-escalation trials, end to end. Built-in protocol: HN2301 (NCT06801119).</p>
<p lang="zh-CN">首次人体剂量递增试验的全流程软件。内置方案：HN2301（NCT06801119）。</p>
<p>The web application is being built; the <code>firstdose</code> command works today: <code>npx firstdose --help</code>.</p>
</body></html>`;

const server = createServer((request, response) => {
  if (request.url === '/health') {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok' }));
    return;
  }
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
});

server.listen(port, host, () => {
  console.log(`FirstDose is running at http://${host}:${port}/ (Ctrl-C to stop)`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => server.close(() => process.exit(0)));
