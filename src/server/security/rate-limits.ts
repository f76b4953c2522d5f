// Rate limits of the routes anyone can call (OWASP Authentication Cheat Sheet, "Login
// Throttling"; ASVS V2.2.1). Password checks (log-in, changing one's password) count their
// failures per user name and per client address: the account lock-out (5 failures in a row,
// R-13) stops guessing one account's password, the address limit stops trying one password on
// many accounts, and the user-name limit stops hammering a locked or unknown account (each try
// writes an event). The user-name limit is above the lock-out's count, so the lock, and the
// administrator's alert that comes with it, always comes first; a refused try checks no password,
// so it neither counts towards the lock nor clears it. The public self-check and contact requests
// count every request per address, well-formed or not. A refusal is 429 with Retry-After, and the
// first refusal of a period is a security event (`rate_limited`): one per period, so that a flood
// cannot flood the audit trail too.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authSystemUser, normaliseUsername, recordEvent } from '../../store/access/index.ts';
import { audited } from '../../store/index.ts';
import { routeKey } from '../access/matrix.ts';
import type { ServerContext } from '../context.ts';
import { HttpProblem } from '../problem.ts';
import { clientKey } from './client-address.ts';
import { type Limit, RateLimiter } from './rate-limiter.ts';

export interface RateLimits {
  /** Failed password checks from one client address. */
  readonly loginPerAddress: Limit;
  /** Failed password checks of one user name; `max` must be above the lock-out's count. */
  readonly loginPerUsername: Limit;
  /** Self-checks from one client address. */
  readonly selfCheckPerAddress: Limit;
  /** Contact requests from one client address. */
  readonly contactPerAddress: Limit;
}

const minutes = (n: number) => n * 60_000;

export const defaultRateLimits: RateLimits = {
  // A ward's staff behind one hospital address mistype, but not 30 times in 15 minutes.
  loginPerAddress: { max: 30, windowMs: minutes(15) },
  loginPerUsername: { max: 10, windowMs: minutes(15) },
  // A patient tries a few answers; a script tries thousands.
  selfCheckPerAddress: { max: 60, windowMs: minutes(10) },
  contactPerAddress: { max: 5, windowMs: minutes(60) },
};

type Guarded = 'password' | 'selfCheck' | 'contact';

/** The routes limited here; every other route needs a session, and a session's user is known. */
export const limitedRoutes: Readonly<Record<string, Guarded>> = {
  'POST /api/session': 'password',
  'POST /api/session/password': 'password',
  'POST /api/public/studies/:id/self-check': 'selfCheck',
  'POST /api/public/studies/:id/contact-requests': 'contact',
};

/** Answers that mean the password check failed: only these count (a success takes its try back). */
const failedCheck = new Set([401, 423]);

interface Counted {
  readonly limiter: RateLimiter;
  readonly key: string;
  readonly by: 'address' | 'username';
}

declare module 'fastify' {
  interface FastifyRequest {
    rateCounted: readonly Counted[] | null;
  }
}

export function installRateLimits(app: FastifyInstance, ctx: ServerContext, limits: Partial<RateLimits> = {}): void {
  const l = { ...defaultRateLimits, ...limits };
  if (l.loginPerUsername.max <= ctx.policy.maxFailedAttempts)
    throw new Error(`loginPerUsername.max (${l.loginPerUsername.max}) must be above the lock-out's maxFailedAttempts (${ctx.policy.maxFailedAttempts}), or the limit would keep the lock from happening`);
  const now = () => ctx.clock().getTime();
  const limiters = {
    passwordAddress: new RateLimiter(l.loginPerAddress, now),
    passwordUsername: new RateLimiter(l.loginPerUsername, now),
    selfCheck: new RateLimiter(l.selfCheckPerAddress, now),
    contact: new RateLimiter(l.contactPerAddress, now),
  };

  const addressLimiter = { password: limiters.passwordAddress, selfCheck: limiters.selfCheck, contact: limiters.contact } as const;
  const kindOf = (request: FastifyRequest) => limitedRoutes[routeKey(request.method, request.routeOptions.url ?? '')];

  /** Counts the request under each key, or refuses it (429) when one is spent, counting nothing. */
  async function admit(request: FastifyRequest, reply: FastifyReply, counted: readonly Counted[]): Promise<void> {
    const refused = counted.map((c) => ({ ...c, waitMs: c.limiter.retryAfterMs(c.key) })).filter((c) => c.waitMs > 0);
    if (refused.length === 0) {
      // Counted before the work, so that many tries sent at once cannot all slip under the limit.
      for (const c of counted) c.limiter.hit(c.key);
      request.rateCounted = [...(request.rateCounted ?? []), ...counted];
      return;
    }
    const seconds = Math.ceil(Math.max(...refused.map((c) => c.waitMs)) / 1000);
    for (const c of refused) {
      if (!c.limiter.firstRefusal(c.key)) continue;
      const detail = { route: request.routeOptions.url, by: c.by, address: request.ip, max: c.limiter.limit.max, windowSeconds: c.limiter.limit.windowMs / 1000, retryAfterSeconds: seconds };
      request.log.warn({ rateLimited: detail }, 'rate limited');
      await audited(ctx.db, { user: authSystemUser }, (tx) => recordEvent(tx.sql, { kind: 'rate_limited', username: c.by === 'username' ? c.key : null, detail }));
    }
    reply.header('retry-after', String(seconds));
    throw new HttpProblem(429, 'too_many_requests', [{ path: [], code: 'too_many_requests', params: { seconds } }]);
  }

  app.decorateRequest('rateCounted', null);

  // The address, before the body is even read: a flood of junk is limited too.
  app.addHook('onRequest', async (request, reply) => {
    const kind = kindOf(request);
    if (kind) await admit(request, reply, [{ limiter: addressLimiter[kind], key: clientKey(request.ip), by: 'address' }]);
  });

  // The user name, once the body is known to be well-formed.
  app.addHook('preHandler', async (request, reply) => {
    if (kindOf(request) !== 'password') return;
    const username = normaliseUsername(String((request.body as { username?: unknown } | undefined)?.username ?? '')).slice(0, 64);
    await admit(request, reply, [{ limiter: limiters.passwordUsername, key: username, by: 'username' }]);
  });

  // Before the answer leaves (not after it, in onResponse), so that the next try sees the count.
  // A password check counts only when it failed: a success, a malformed request or a refusal
  // by the user-name limit (which checked nothing) takes its tries back.
  app.addHook('onSend', async (request, reply, payload) => {
    const counted = request.rateCounted;
    if (counted && kindOf(request) === 'password' && !failedCheck.has(reply.statusCode)) {
      for (const c of counted) c.limiter.refund(c.key);
    }
    request.rateCounted = null;
    return payload;
  });
}
