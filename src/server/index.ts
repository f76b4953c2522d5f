// The HTTP API and web server (issue 6): buildServer for tests and src/main.ts, and the first
// start of a new installation.
export { buildServer } from './app.ts';
export type { ServerOptions } from './context.ts';
export { type SecurityOptions, trustProxyOf } from './security/index.ts';
export { accessMatrix, type RouteAccess, type ScopeKind } from './access/matrix.ts';
