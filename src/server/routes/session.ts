// Logging in and out (R-21: each an event), the session the web app reads at start, changing
// one's own password and the one-time attestation that an e-signature equals a handwritten one.
import { z } from 'zod';
import { attestSignature, changePassword, findUser } from '../../store/access/index.ts';
import { authenticate, StoreError } from '../../store/index.ts';
import type { ServerContext } from '../context.ts';
import { clearedSessionCookie, readCookie, sessionCookie, sessionCookieHeader } from '../cookies.ts';
import { toJson } from '../json.ts';
import { HttpProblem, Problem, problemIssue } from '../problem.ts';
import { answers, Password, Signature, Text } from '../schemas.ts';
import type { Session } from '../sessions.ts';
import type { Api } from './api.ts';

const Credentials = z.object({ username: Text(64), password: Password });

export const SessionInfo = z
  .object({
    user: z.object({
      username: z.string(),
      fullName: z.string(),
      roles: z.array(z.object({ role: z.string(), study: z.string(), site: z.string().nullable() })),
      identityVerified: z.boolean(),
      signatureAttested: z.boolean(),
    }),
    csrfToken: z.string().describe('send it as the x-csrf-token header of every request that changes something'),
    idleMinutes: z.number().describe('the session ends after this long without a request'),
  })
  .meta({ id: 'SessionInfo' });

async function sessionInfo(ctx: ServerContext, session: Session) {
  const user = await findUser(ctx.db, session.username);
  const grants = await ctx.grantsOf(session.username);
  return {
    user: {
      username: session.username,
      fullName: session.fullName,
      roles: grants.map((g) => ({ role: g.role, study: g.study, site: g.site })),
      identityVerified: user?.identityVerifiedAt != null,
      signatureAttested: user?.signatureAttestedAt != null,
    },
    csrfToken: session.csrfToken,
    idleMinutes: ctx.idleMinutes,
  };
}

export function sessionRoutes(api: Api, ctx: ServerContext): void {
  const tags = ['session'];
  // Password checks are rate limited (security/rate-limits.ts): 429 with Retry-After.
  const limited = { 429: Problem };
  api.post('/api/session', { schema: { tags, body: Credentials, response: { ...answers({ 200: SessionInfo }), ...limited } } }, async (request, reply) => {
    await ctx.sweepSessions();
    const user = await authenticate(ctx.db, request.body, ctx.policy);
    ctx.forgetRoles(user.username);
    // Against session fixation (OWASP Session Management Cheat Sheet): a log-in always gets a new
    // token of the server's making, and a session the browser still held ends here, on record.
    const held = ctx.sessions.use(readCookie(request.headers.cookie, sessionCookie));
    if (held && 'session' in held) {
      ctx.sessions.end(held.session);
      await ctx.event(held.session.username, 'logout', { reason: 'new_login' });
    }
    const { token, session } = ctx.sessions.create({ username: user.username, fullName: user.fullName });
    reply.header('set-cookie', sessionCookieHeader(token, ctx.secureCookies));
    return sessionInfo(ctx, session);
  });

  api.get('/api/session', { schema: { tags, response: answers({ 200: SessionInfo }) } }, async (request) => sessionInfo(ctx, request.access.session!));

  api.delete('/api/session', { schema: { tags, response: answers({ 204: z.null() }) } }, async (request, reply) => {
    const session = request.access.session!;
    ctx.sessions.end(session);
    await ctx.event(session.username, 'logout', { reason: 'user' });
    reply.header('set-cookie', clearedSessionCookie(ctx.secureCookies));
    return reply.code(204).send(null);
  });

  api.post(
    '/api/session/password',
    { schema: { tags, body: Credentials.extend({ newPassword: Password }), response: { ...answers({ 204: z.null() }), ...limited } } },
    async (request, reply) => {
      const { username, password, newPassword } = request.body;
      const user = await changePassword(ctx.db, { username, password }, newPassword, ctx.policy).catch((error: unknown) => {
        // Every password rule changePassword applies is about the new password: name that field
        // (the store's own message says `password`, which is the current one here).
        if (error instanceof StoreError && error.code === 'password_policy') throw new HttpProblem(400, 'password_policy', [problemIssue('password_policy', error.params, ['newPassword'])]);
        throw error;
      });
      // OWASP ASVS 3.3.3: whoever held the old password is logged out everywhere else; the
      // session that made the change (when it is this user's) stays.
      const held = ctx.sessions.use(readCookie(request.headers.cookie, sessionCookie));
      if (held && 'expired' in held) await ctx.event(held.expired.username, 'logout', { reason: 'idle' });
      const current = held && 'session' in held ? held.session : undefined;
      for (const s of ctx.sessions.endAllOf(user.username, current)) await ctx.event(s.username, 'logout', { reason: 'password_changed' });
      return reply.code(204).send(null);
    },
  );

  api.post('/api/session/attestation', { schema: { tags, body: z.object({ password: Password }), response: answers({ 201: Signature }) } }, async (request, reply) => {
    const session = request.access.session!;
    if (!session) throw new HttpProblem(401, 'unauthenticated');
    const signature = await attestSignature(ctx.db, { username: session.username, password: request.body.password }, ctx.policy);
    return reply.code(201).send(toJson(signature));
  });
}
