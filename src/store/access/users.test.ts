import assert from 'node:assert/strict';
import { it } from 'node:test';
import { StoreError } from '../errors.ts';
import { describeEachBackend } from '../test-support.ts';
import { authenticate } from './authenticate.ts';
import { admin, cheap, credentialsOf, makeUser, passwordOf, seedSignableRecords, uniqueName } from './test-support.ts';
import { grantRole, revokeRole } from './roles.ts';
import { createUser, deactivateUser, findUser, unlockUser, verifyIdentity } from './users.ts';

const refusal = (code: string, params?: Record<string, unknown>) => (error: unknown) => {
  assert.ok(error instanceof StoreError, String(error));
  assert.equal(error.code, code);
  if (params) assert.deepEqual(error.params, params);
  return true;
};

describeEachBackend('accounts', (ctx) => {
  it('createUser stores the account and a scrypt hash of the password, never the password', async () => {
    const db = ctx.db();
    const username = uniqueName('crc');
    const user = await createUser(db, admin, { username, fullName: '  Wang Fang  ', password: passwordOf(username) }, cheap);
    assert.deepEqual([user.username, user.fullName, user.active, user.identityVerifiedAt, user.signatureAttestedAt], [username, 'Wang Fang', true, null, null]);
    const [credential] = await db.query<{ password_hash: string; failed_attempts: number }>('SELECT password_hash, failed_attempts FROM user_credential WHERE user_id = $1', [user.id]);
    assert.match(credential!.password_hash, /^scrypt\$1024\$8\$1\$/);
    assert.equal(credential!.failed_attempts, 0);
    const leaked = await db.query('SELECT 1 FROM audit_log WHERE new_value::text LIKE $1', [`%${passwordOf(username)}%`]);
    assert.equal(leaked.length, 0, 'the password is nowhere in the audit trail');
  });

  it('R-08: a username is never reused, also after deactivation and whatever its case', async () => {
    const db = ctx.db();
    const username = uniqueName('pi');
    await createUser(db, admin, { username, fullName: 'Li Wei', password: passwordOf(username) }, cheap);
    await assert.rejects(createUser(db, admin, { username, fullName: 'Li Wei (2)', password: passwordOf(username) }, cheap), refusal('username_taken', { username }));
    await deactivateUser(db, { ...admin, reason: 'left the site' }, username);
    await assert.rejects(createUser(db, admin, { username, fullName: 'Another Li Wei', password: passwordOf(username) }, cheap), refusal('username_taken', { username }));
    await assert.rejects(
      createUser(db, admin, { username: username.toUpperCase(), fullName: 'Another Li Wei', password: passwordOf(username) }, cheap),
      refusal('username_taken', { username }),
    );
    const rows = await db.query('SELECT 1 FROM app_user WHERE username = $1', [username]);
    assert.equal(rows.length, 1);
  });

  it('refuses a malformed username, an empty name and a weak password, creating nothing', async () => {
    const db = ctx.db();
    await assert.rejects(createUser(db, admin, { username: 'li wei', fullName: 'Li Wei', password: 'Tr1al-long-enough' }, cheap), refusal('username_invalid', { username: 'li wei' }));
    await assert.rejects(createUser(db, admin, { username: 'x', fullName: 'X', password: 'Tr1al-long-enough' }, cheap), refusal('username_invalid'));
    await assert.rejects(createUser(db, admin, { username: 'system:auth', fullName: 'X', password: 'Tr1al-long-enough' }, cheap), refusal('username_invalid'));
    await assert.rejects(createUser(db, admin, { username: 'no.name', fullName: '  ', password: 'Tr1al-long-enough' }, cheap), refusal('full_name_required'));
    await assert.rejects(createUser(db, admin, { username: 'short.pw', fullName: 'S', password: 'short' }, cheap), refusal('password_policy', { rule: 'length', min: 12 }));
    await assert.rejects(createUser(db, admin, { username: 'has.name', fullName: 'S', password: 'my-has.name-is-here' }, cheap), refusal('password_policy', { rule: 'contains_username' }));
    for (const name of ['no.name', 'short.pw', 'has.name']) assert.equal(await findUser(db, name), null);
  });

  it('R-09: verifyIdentity records who verified and when, by the server clock, and needs a reason', async () => {
    const db = ctx.db();
    const { user } = await makeUser(db, 'dm', [], { verify: false });
    await assert.rejects(verifyIdentity(db, { user: 'admin.zhou' }, user.username), refusal('reason_required'));
    const [{ now }] = (await db.query<{ now: Date }>('SELECT now() AS now')) as [{ now: Date }];
    const verified = await verifyIdentity(db, { user: 'admin.zhou', reason: 'passport checked in person' }, user.username);
    assert.equal(verified.identityVerifiedBy, 'admin.zhou');
    assert.ok(Math.abs(verified.identityVerifiedAt!.getTime() - now.getTime()) < 60_000);
    assert.equal(verified.version, user.version + 1);
  });

  it('verifyIdentity and grantRole refuse a deactivated account; an unknown one is not_found', async () => {
    const db = ctx.db();
    const { study } = await seedSignableRecords(db, 'ACC-INACTIVE');
    const { user } = await makeUser(db, 'gone', [], { verify: false });
    await deactivateUser(db, admin, user.username);
    await assert.rejects(verifyIdentity(db, admin, user.username), refusal('account_inactive'));
    await assert.rejects(grantRole(db, admin, { username: user.username, studyId: study.id, siteId: null, role: 'monitor' }), refusal('account_inactive'));
    await assert.rejects(verifyIdentity(db, admin, 'nobody.here'), refusal('not_found', { table: 'app_user', id: 'nobody.here' }));
  });

  it('a deactivated account cannot log in, and deactivating needs a reason', async () => {
    const db = ctx.db();
    const { user } = await makeUser(db, 'crc');
    await assert.rejects(deactivateUser(db, { user: 'admin.zhou' }, user.username), refusal('reason_required'));
    const ended = await deactivateUser(db, admin, user.username);
    assert.equal(ended.active, false);
    await assert.rejects(authenticate(db, credentialsOf(user.username), cheap), refusal('account_inactive'));
  });

  it('R-12: every administrative action leaves an audit entry with who, when and why', async () => {
    const db = ctx.db();
    const { study, siteA } = await seedSignableRecords(db, 'ACC-R12');
    const who = (reason: string) => ({ user: 'admin.r12', reason });
    const username = uniqueName('sub-i');
    const user = await createUser(db, who('new sub-investigator'), { username, fullName: 'Chen Jing', password: passwordOf(username) }, cheap);
    await verifyIdentity(db, who('ID card seen'), username);
    const role = await grantRole(db, who('delegation log line 12'), { username, studyId: study.id, siteId: siteA.id, role: 'investigator' });
    await revokeRole(db, who('delegation ended'), { roleId: role.id, expectedVersion: role.version });
    await grantRole(db, who('delegated again'), { username, studyId: study.id, siteId: siteA.id, role: 'investigator' });
    await assert.rejects(authenticate(db, { username, password: 'wrong password!' }, { ...cheap, maxFailedAttempts: 1 }), refusal('account_locked'));
    await unlockUser(db, who('identity confirmed by phone'), username);
    await deactivateUser(db, who('left the study'), username);
    const entries = await db.query<{ table_name: string; operation: string; field: string; new_value: unknown; reason: string; recorded_at: Date }>(
      `SELECT table_name, operation, field, new_value, reason, recorded_at FROM audit_log WHERE user_id = 'admin.r12' ORDER BY seq`,
    );
    const acts = [...new Set(entries.map((e) => `${e.table_name} ${e.operation} ${e.reason}`))];
    assert.deepEqual(acts, [
      'app_user INSERT new sub-investigator',
      'app_user UPDATE ID card seen',
      'user_role INSERT delegation log line 12',
      'user_role UPDATE delegation ended',
      'user_role UPDATE delegated again',
      'security_event INSERT identity confirmed by phone',
      'app_user UPDATE left the study',
    ]);
    assert.ok(entries.every((e) => e.recorded_at instanceof Date));
    const changed = (table: string, reason: string) => entries.filter((e) => e.table_name === table && e.reason === reason && e.operation === 'UPDATE').map((e) => [e.field, e.new_value]);
    assert.deepEqual(changed('app_user', 'ID card seen'), [['identity_verified_at', changed('app_user', 'ID card seen')[0]![1]], ['identity_verified_by', 'admin.r12'], ['version', 2]]);
    assert.deepEqual(changed('user_role', 'delegation ended'), [['active', false], ['version', 2]]);
    assert.deepEqual(changed('app_user', 'left the study'), [['active', false], ['version', 3]]);
    const unlock = entries.find((e) => e.table_name === 'security_event' && e.field === 'detail')!.new_value;
    assert.deepEqual(unlock, { by: 'admin.r12', wasLocked: true, failedAttempts: 1 });
    assert.equal(user.version, 1);
  });

  it('unlockUser needs a reason: the credential table is not audited, so the reason is the only record of why', async () => {
    const db = ctx.db();
    const { user } = await makeUser(db, 'crc');
    await assert.rejects(unlockUser(db, { user: 'admin.zhou' }, user.username), refusal('reason_required', { table: 'user_credential' }));
  });
});
