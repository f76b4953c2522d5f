// Account administration through the API: only an administrator creates
// accounts, records identity checks, grants and revokes roles (each audited with who and why),
// unlocks and deactivates; a deactivated account is logged out at once and its name is never
// given again.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { describeEachBackend } from '../store/test-support.ts';
import { apiTrial, type Login, password } from './test-support.ts';

describeEachBackend('server users', (ctx) => {
  let x: Awaited<ReturnType<typeof apiTrial>>;
  let admin: Login;
  before(async () => {
    x = await apiTrial(ctx.db());
    admin = await x.login('admin');
  });
  after(() => x.app.close());

  it('creates an account, verifies the identity, grants a site role and the new user works at that site', async () => {
    const created = await x.call(admin, 'POST', '/api/users', { username: 'Zhao.Min', fullName: 'Zhao Min', password: 'correct horse battery' });
    assert.equal(created.statusCode, 201);
    assert.deepEqual([created.json().username, created.json().identityVerifiedAt, created.json().roles], ['zhao.min', null, []]);
    const weak = await x.call(admin, 'POST', '/api/users', { username: 'weak.one', fullName: 'Weak', password: 'password1234' });
    assert.equal(weak.statusCode, 400);
    const verified = await x.call(admin, 'POST', '/api/users/zhao.min/identity', { reason: 'hospital staff card checked' });
    assert.equal(verified.json().identityVerifiedBy, 'admin');
    const granted = await x.call(admin, 'POST', '/api/users/zhao.min/roles', { study: 'hn2301', site: 'ustc-fah', role: 'coordinator' });
    assert.equal(granted.statusCode, 201);
    assert.deepEqual(granted.json().roles.map((r: { role: string; site: string }) => [r.role, r.site]), [['coordinator', 'ustc-fah']]);
    assert.equal((await x.call(admin, 'POST', '/api/users/zhao.min/roles', { study: 'hn2301', site: 'ustc-fah', role: 'coordinator' })).statusCode, 409);
    const zhao = await x.login('zhao.min', 'correct horse battery');
    assert.equal((await x.call(zhao, 'POST', '/api/subjects', { study: 'hn2301', site: 'ustc-fah', screeningNumber: 'Z-1' })).statusCode, 201);
    const trail = await ctx.db().query<{ user_id: string; reason: string | null }>(`SELECT user_id, reason FROM audit_log WHERE table_name = 'app_user' AND field = 'identity_verified_by'`);
    assert.ok(trail.some((t) => t.user_id === 'admin' && t.reason === 'hospital staff card checked'));
  });

  it('revokes a role with a reason, at once, and refuses a stale version', async () => {
    const listed = (await x.call(admin, 'GET', '/api/users')).json();
    const role = listed.find((u: { username: string }) => u.username === 'zhao.min').roles[0];
    const zhao = await x.login('zhao.min', 'correct horse battery');
    const r = await x.call(admin, 'POST', `/api/roles/${role.id}/revoke`, { reason: 'moved to another trial', version: role.version });
    assert.equal(r.statusCode, 200);
    assert.deepEqual(r.json().roles, []);
    assert.equal((await x.call(zhao, 'GET', '/api/subjects')).statusCode, 403, 'the revoked role no longer opens anything');
    assert.equal((await x.call(admin, 'POST', `/api/roles/${role.id}/revoke`, { reason: 'again', version: role.version })).statusCode, 409);
  });

  it('deactivates an account: its sessions end, it cannot log in, and its name is never reused', async () => {
    const dm = await x.login('dm.chen');
    const r = await x.call(admin, 'POST', '/api/users/dm.chen/deactivate', { reason: 'left the hospital' });
    assert.equal(r.json().active, false);
    assert.equal((await x.call(dm, 'GET', '/api/session')).statusCode, 401);
    assert.equal((await x.call(null, 'POST', '/api/session', { username: 'dm.chen', password })).statusCode, 401);
    const again = await x.call(admin, 'POST', '/api/users', { username: 'dm.chen', fullName: 'Someone Else', password: 'correct horse battery' });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, 'username_taken');
  });

  it('lets nobody but an administrator administer accounts, and nobody set another\'s password', async () => {
    const pi = await x.login('pi.zhang');
    assert.equal((await x.call(pi, 'GET', '/api/users')).statusCode, 403);
    assert.equal((await x.call(pi, 'POST', '/api/users', { username: 'sneaky', fullName: 'S', password: 'correct horse battery' })).statusCode, 403);
    const other = await x.call(admin, 'POST', '/api/session/password', { username: 'pi.zhang', password: 'not pi\'s password', newPassword: 'taken over now 1' });
    assert.equal(other.statusCode, 401);
    assert.equal((await x.call(admin, 'POST', '/api/users/nobody/identity', { reason: 'x' })).statusCode, 404);
  });
});
