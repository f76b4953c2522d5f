// What the server enforces beyond sessions and the access matrix (docs/security.md): security
// headers and the Content-Security-Policy, JSON answers that cannot form markup, the Fetch
// Metadata check of changes, and the rate limits of the routes anyone can call.
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.ts';
import { installFetchMetadataCheck } from './fetch-metadata.ts';
import { installSecurityHeaders } from './headers.ts';
import { installJsonEscaping } from './json-escape.ts';
import { installRateLimits, type RateLimits } from './rate-limits.ts';

export { appPolicy, apiPolicy, hstsValue } from './headers.ts';
export { defaultRateLimits, limitedRoutes, type RateLimits } from './rate-limits.ts';
export { clientKey, trustProxyOf } from './client-address.ts';
export { escapeJsonText } from './json-escape.ts';

export interface SecurityOptions {
  /** Overrides of the default rate limits (defaultRateLimits). */
  readonly rateLimits?: Partial<RateLimits>;
  /**
   * Behind a reverse proxy: which proxies' X-Forwarded-For to believe (fastify's trustProxy: true
   * or addresses/CIDRs). Without it every client looks like the proxy, and the
   * per-address limits would count them all as one.
   */
  readonly trustProxy?: boolean | string | string[];
}

export function installSecurity(app: FastifyInstance, ctx: ServerContext, options: SecurityOptions): void {
  installFetchMetadataCheck(app);
  installRateLimits(app, ctx, options.rateLimits);
  installSecurityHeaders(app, { https: ctx.secureCookies });
  installJsonEscaping(app);
}
