import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { StoreError } from '../errors.ts';
import { describeEachBackend } from '../test-support.ts';
import { grantRole, revokeRole, roleFor, rolesOf } from './roles.ts';
import { type Records, admin, makeUser, seedSignableRecords } from './test-support.ts';
import { deactivateUser } from './users.ts';

const refusal = (code: string, params?: Record<string, unknown>) => (error: unknown) => {
  assert.ok(error instanceof StoreError, String(error));
  assert.equal(error.code, code);
  if (params) assert.deepEqual(error.params, params);
  return true;
};

describeEachBackend('roles per site', (ctx) => {
  let r: Records;
  let other: Records;
  before(async () => {
    r = await seedSignableRecords(ctx.db(), 'ROLES');
    other = await seedSignableRecords(ctx.db(), 'ROLES-OTHER');
  });

  it('grants a site role and a study-wide role; the same grant twice is role_exists', async () => {
    const db = ctx.db();
    const { user } = await makeUser(db, 'pi');
    const atA = await grantRole(db, admin, { username: user.username, studyId: r.study.id, siteId: r.siteA.id, role: 'investigator' });
    const wide = await grantRole(db, admin, { username: user.username, studyId: r.study.id, siteId: null, role: 'monitor' });
    assert.deepEqual([atA.siteId, atA.role, atA.active, wide.siteId, wide.role], [r.siteA.id, 'investigator', true, null, 'monitor']);
    await assert.rejects(grantRole(db, admin, { username: user.username, studyId: r.study.id, siteId: null, role: 'monitor' }), refusal('role_exists', { username: user.username, role: 'monitor' }));
    assert.deepEqual((await rolesOf(db, user.username)).map((x) => x.id), [atA.id, wide.id]);
  });

  it('refuses an unknown role, a site of another study and unknown ids', async () => {
    const db = ctx.db();
    const { user } = await makeUser(db, 'pi');
    const grant = { username: user.username, studyId: r.study.id, siteId: null };
    await assert.rejects(grantRole(db, admin, { ...grant, role: 'superuser' as never }), refusal('role_unknown', { role: 'superuser' }));
    await assert.rejects(grantRole(db, admin, { ...grant, siteId: other.siteA.id, role: 'coordinator' }), refusal('not_found', { table: 'site', id: other.siteA.id }));
    await assert.rejects(grantRole(db, admin, { ...grant, studyId: 'not-a-uuid', role: 'coordinator' }), refusal('not_found', { table: 'study', id: 'not-a-uuid' }));
    await assert.rejects(grantRole(db, admin, { ...grant, username: 'nobody.here', role: 'coordinator' }), refusal('not_found', { table: 'app_user', id: 'nobody.here' }));
  });

  it('revoking needs the current version and a reason; a revoked grant can be given again (with a reason)', async () => {
    const db = ctx.db();
    const { user } = await makeUser(db, 'crc');
    const grant = { username: user.username, studyId: r.study.id, siteId: r.siteB.id, role: 'coordinator' as const };
    const role = await grantRole(db, admin, grant);
    await assert.rejects(revokeRole(db, { user: 'admin.zhou' }, { roleId: role.id, expectedVersion: 1 }), refusal('reason_required'));
    await assert.rejects(revokeRole(db, admin, { roleId: role.id, expectedVersion: 7 }), refusal('conflict', { table: 'user_role', id: role.id, expected: 7, actual: 1 }));
    const revoked = await revokeRole(db, admin, { roleId: role.id, expectedVersion: 1 });
    assert.deepEqual([revoked.active, revoked.version], [false, 2]);
    assert.deepEqual(await rolesOf(db, user.username), []);
    assert.deepEqual(await revokeRole(db, admin, { roleId: role.id, expectedVersion: 2 }), revoked, 'revoking again changes nothing');
    await assert.rejects(grantRole(db, { user: 'admin.zhou' }, grant), refusal('reason_required'));
    const again = await grantRole(db, admin, grant);
    assert.deepEqual([again.id, again.active, again.version], [role.id, true, 3]);
    await assert.rejects(revokeRole(db, admin, { roleId: 'nope', expectedVersion: 1 }), refusal('not_found', { table: 'user_role', id: 'nope' }));
  });

  it('R-11: a study-wide role covers every site; a site role its own site only, and no study-level record', async () => {
    const db = ctx.db();
    const { user: pi } = await makeUser(db, 'pi', [{ studyId: r.study.id, siteId: r.siteA.id, role: 'investigator' }]);
    const { user: cra } = await makeUser(db, 'cra', [{ studyId: r.study.id, siteId: null, role: 'monitor' }]);
    const atA = { studyId: r.study.id, siteId: r.siteA.id };
    const atB = { studyId: r.study.id, siteId: r.siteB.id };
    const studyLevel = { studyId: r.study.id, siteId: null };
    assert.equal((await roleFor(db, pi.username, atA, ['investigator']))?.role, 'investigator');
    assert.equal(await roleFor(db, pi.username, atB, ['investigator']), null);
    assert.equal(await roleFor(db, pi.username, studyLevel, ['investigator']), null);
    assert.equal(await roleFor(db, pi.username, atA, ['coordinator']), null);
    for (const scope of [atA, atB, studyLevel]) assert.equal((await roleFor(db, cra.username, scope, ['monitor']))?.role, 'monitor');
    assert.equal(await roleFor(db, cra.username, { studyId: other.study.id, siteId: null }, ['monitor']), null, 'another study');
    assert.equal(await roleFor(db, cra.username, { studyId: null, siteId: null }, ['monitor']), null, 'no study');
  });

  it('prefers the roles in the order allowed, and a site role before a study-wide one', async () => {
    const db = ctx.db();
    const { user } = await makeUser(db, 'both', [
      { studyId: r.study.id, siteId: null, role: 'investigator' },
      { studyId: r.study.id, siteId: null, role: 'safety_committee' },
      { studyId: r.study.id, siteId: r.siteA.id, role: 'investigator' },
    ]);
    const atA = { studyId: r.study.id, siteId: r.siteA.id };
    assert.equal((await roleFor(db, user.username, atA, ['safety_committee', 'investigator']))?.role, 'safety_committee');
    const first = await roleFor(db, user.username, atA, ['investigator', 'safety_committee']);
    assert.deepEqual([first?.role, first?.siteId], ['investigator', r.siteA.id]);
  });

  it('a deactivated user has no roles', async () => {
    const db = ctx.db();
    const { user } = await makeUser(db, 'dm', [{ studyId: r.study.id, siteId: null, role: 'data_manager' }]);
    assert.equal((await rolesOf(db, user.username)).length, 1);
    await deactivateUser(db, admin, user.username);
    assert.deepEqual(await rolesOf(db, user.username), []);
    assert.equal(await roleFor(db, user.username, { studyId: r.study.id, siteId: null }, ['data_manager']), null);
    assert.deepEqual(await rolesOf(db, 'nobody.here'), []);
  });
});
