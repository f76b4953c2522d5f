// Account administration (R-08..R-13), for administrators only: create an account, record the
// identity check, grant and revoke roles per site, unlock, deactivate. Each is the store's own
// audited action with the administrator as actor; changes after first entry need their reason.
// There is deliberately no route to set someone else's password or to sign for them.
import { z } from 'zod';
import { Role } from '../../store/index.ts';
import { createUser, deactivateUser, grantById, grantRole, listUsers, revokeRole, unlockUser, verifyIdentity } from '../../store/access/index.ts';
import { siteByCode, studyByCode } from '../../store/trial/index.ts';
import type { ServerContext } from '../context.ts';
import { toJson } from '../json.ts';
import { HttpProblem } from '../problem.ts';
import { answers, OutInstant, Password, StudyCode, Uuid, Text } from '../schemas.ts';
import type { Api } from './api.ts';

const Username = z.object({ username: Text(64) });
const Reason = z.object({ reason: Text(2000) });

const UserOut = z
  .object({
    id: Uuid,
    username: z.string(),
    fullName: z.string(),
    active: z.boolean(),
    identityVerifiedBy: z.string().nullable(),
    identityVerifiedAt: OutInstant.nullable(),
    signatureAttestedAt: OutInstant.nullable(),
    locked: z.boolean(),
    roles: z.array(z.object({ id: Uuid, role: z.string(), study: z.string(), site: z.string().nullable(), version: z.int() })),
  })
  .meta({ id: 'User' });

export function userRoutes(api: Api, ctx: ServerContext): void {
  const tags = ['users'];
  const admin = (request: { access: { session: { username: string } | null } }) => request.access.session!.username;
  const listing = async (username: string) => {
    const found = (await listUsers(ctx.db)).find((u) => u.username === username);
    if (!found) throw new HttpProblem(404, 'not_found', [{ path: ['username'], code: 'record_not_found', params: { table: 'app_user', id: username } }]);
    return toJson(found);
  };

  api.get('/api/users', { schema: { tags, response: answers({ 200: z.array(UserOut) }) } }, async () => toJson(await listUsers(ctx.db)));

  api.post(
    '/api/users',
    { schema: { tags, body: z.object({ username: Text(64), fullName: Text(200), password: Password }), response: answers({ 201: UserOut }) } },
    async (request, reply) => {
      const user = await createUser(ctx.db, { user: admin(request) }, request.body, ctx.policy);
      return reply.code(201).send(await listing(user.username));
    },
  );

  api.post('/api/users/:username/identity', { schema: { tags, params: Username, body: Reason, response: answers({ 200: UserOut }) } }, async (request) => {
    const user = await verifyIdentity(ctx.db, { user: admin(request), reason: request.body.reason }, request.params.username);
    return listing(user.username);
  });

  api.post(
    '/api/users/:username/roles',
    {
      schema: {
        tags,
        params: Username,
        body: z.object({ study: StudyCode, site: z.string().min(1).nullable().optional().describe('site code; absent or null: study-wide'), role: z.enum(Object.values(Role)), reason: z.string().optional() }),
        response: answers({ 201: UserOut }),
      },
    },
    async (request, reply) => {
      const { study, site, role, reason } = request.body;
      const s = await studyByCode(ctx.db, study);
      const siteId = site ? (await siteByCode(ctx.db, s.id, site)).id : null;
      await grantRole(ctx.db, { user: admin(request), ...(reason ? { reason } : {}) }, { username: request.params.username, studyId: s.id, siteId, role });
      ctx.forgetRoles(request.params.username.toLowerCase());
      return reply.code(201).send(await listing(request.params.username.toLowerCase()));
    },
  );

  api.post(
    '/api/roles/:id/revoke',
    { schema: { tags, params: z.object({ id: z.string() }), body: Reason.extend({ version: z.int().min(1) }), response: answers({ 200: UserOut }) } },
    async (request) => {
      // An administrator revokes roles only in the studies they administer.
      const held = await grantById(ctx.db, request.params.id);
      if (!held || !request.access.grants.some((g) => g.studyId === held.studyId))
        throw new HttpProblem(404, 'not_found', [{ path: [], code: 'record_not_found', params: { table: 'user_role', id: request.params.id } }]);
      await revokeRole(ctx.db, { user: admin(request), reason: request.body.reason }, { roleId: request.params.id, expectedVersion: request.body.version });
      ctx.forgetRoles(held.username);
      return listing(held.username);
    },
  );

  api.post('/api/users/:username/unlock', { schema: { tags, params: Username, body: Reason, response: answers({ 200: UserOut }) } }, async (request) => {
    const user = await unlockUser(ctx.db, { user: admin(request), reason: request.body.reason }, request.params.username);
    return listing(user.username);
  });

  api.post('/api/users/:username/deactivate', { schema: { tags, params: Username, body: Reason, response: answers({ 200: UserOut }) } }, async (request) => {
    const user = await deactivateUser(ctx.db, { user: admin(request), reason: request.body.reason }, request.params.username);
    // A deactivated account is logged out everywhere, now.
    for (const s of ctx.sessions.endAllOf(user.username)) await ctx.event(s.username, 'logout', { reason: 'deactivated' });
    ctx.forgetRoles(user.username);
    return listing(user.username);
  });
}
