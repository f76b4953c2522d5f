// The security headers of every answer (OWASP Secure Headers Project; CSP Level 3). The web app
// is one origin serving only its own built files, so its policy can be strict: scripts, styles,
// fonts and fetches from this origin only, no inline script or eval, no plugins, no <base>, no
// framing. Vite's build emits external module scripts and stylesheets only, and React sets
// style props through the CSSOM, which style-src does not govern. API answers are data, never a
// page: they get `default-src 'none'`, and those under /api are never stored by a browser or
// proxy cache (no-store), since most carry patient data.
import type { FastifyInstance } from 'fastify';

export const appPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  // DOM sinks (innerHTML, script.src) accept only Trusted Types: the app has no such sink, so any
  // that appears (a dependency's, an injected one) is refused rather than run.
  "require-trusted-types-for 'script'",
].join('; ');

export const apiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** One year, the HSTS preload list's minimum (hstspreload.org); sent only when the server is behind HTTPS. */
export const hstsValue = 'max-age=31536000; includeSubDomains';

export interface HeaderOptions {
  /** The server is reached over HTTPS only (FIRSTDOSE_SECURE_COOKIES=1): browsers are told to keep to it. */
  readonly https: boolean;
}

const isApi = (url: string) => url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');

export function installSecurityHeaders(app: FastifyInstance, options: HeaderOptions): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const api = isApi(request.url);
    reply.header('content-security-policy', api ? apiPolicy : appPolicy);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    // frame-ancestors supersedes it where CSP is understood; older browsers read this one.
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('cross-origin-resource-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
    if (options.https) reply.header('strict-transport-security', hstsValue);
    if (api) {
      reply.header('cache-control', 'no-store');
      reply.header('pragma', 'no-cache');
    }
    return payload;
  });
}
