import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Db } from '../db.ts';
import { StoreError } from '../errors.ts';
import { describeEachBackend } from '../test-support.ts';
import { authenticate, changePassword } from './authenticate.ts';
import { admin, cheap, makeUser } from './test-support.ts';
import { unlockUser } from './users.ts';

interface EventRow {
  kind: string;
  username: string;
  detail: Record<string, unknown>;
  actor: string;
}

/** The security events about `username`, with the audit trail's user who wrote each. */
const eventsOf = (db: Db, username: string) =>
  db.query<EventRow>(
    `SELECT e.kind, e.username, e.detail, a.user_id AS actor FROM security_event e
     JOIN audit_log a ON a.table_name = 'security_event' AND a.row_id = e.id::text AND a.field = 'kind'
     WHERE e.username = $1 ORDER BY a.seq`,
    [username],
  );

const failedAttempts = async (db: Db, userId: string) =>
  (await db.query<{ n: number; locked: boolean }>('SELECT failed_attempts AS n, locked_at IS NOT NULL AS locked FROM user_credential WHERE user_id = $1', [userId]))[0]!;

const caught = async (promise: Promise<unknown>): Promise<StoreError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  assert.fail('expected a StoreError');
};

describeEachBackend('authentication', (ctx) => {
  it('the right password logs in and writes a login event by the user', async () => {
    const db = ctx.db();
    const { user, credentials } = await makeUser(db, 'crc', [], { verify: false });
    const logged = await authenticate(db, { ...credentials, username: ` ${credentials.username.toUpperCase()} ` }, cheap);
    assert.equal(logged.id, user.id);
    const events = await eventsOf(db, user.username);
    assert.deepEqual(events.at(-1), { kind: 'login', username: user.username, detail: {}, actor: user.username });
  });

  it('R-13/R-21: a wrong password is refused and recorded as login_failed, written by system:auth, not by the account', async () => {
    const db = ctx.db();
    const { user, credentials } = await makeUser(db, 'crc', [], { verify: false });
    const wrong = await caught(authenticate(db, { ...credentials, password: 'not the password' }, cheap));
    assert.equal(wrong.code, 'authentication_failed');
    const events = await eventsOf(db, user.username);
    assert.deepEqual(events.at(-1), { kind: 'login_failed', username: user.username, detail: { purpose: 'login', reason: 'wrong_password', failedAttempts: 1 }, actor: 'system:auth' });
  });

  it('an unknown username fails exactly like a wrong password', async () => {
    const db = ctx.db();
    const { credentials } = await makeUser(db, 'crc', [], { verify: false });
    const wrong = await caught(authenticate(db, { ...credentials, password: 'not the password' }, cheap));
    const unknown = await caught(authenticate(db, { username: 'no.such.user', password: 'not the password' }, cheap));
    assert.deepEqual([unknown.code, unknown.params, unknown.message], [wrong.code, wrong.params, wrong.message]);
    const events = await eventsOf(db, 'no.such.user');
    assert.deepEqual(events, [{ kind: 'login_failed', username: 'no.such.user', detail: { purpose: 'login', reason: 'unknown_user' }, actor: 'system:auth' }]);
  });

  it('R-13: the 5th failure in a row locks the account (default), once, with an account_locked event; then even the right password is refused', async () => {
    const db = ctx.db();
    const { user, credentials } = await makeUser(db, 'crc', [], { verify: false });
    const bad = { ...credentials, password: 'guessing again' };
    for (let i = 1; i <= 4; i++) assert.equal((await caught(authenticate(db, bad, cheap))).code, 'authentication_failed', `attempt ${i}`);
    assert.deepEqual(await failedAttempts(db, user.id), { n: 4, locked: false });
    assert.equal((await caught(authenticate(db, bad, cheap))).code, 'account_locked');
    assert.deepEqual(await failedAttempts(db, user.id), { n: 5, locked: true });
    assert.equal((await caught(authenticate(db, credentials, cheap))).code, 'account_locked');
    assert.equal((await caught(authenticate(db, bad, cheap))).code, 'account_locked');
    const events = await eventsOf(db, user.username);
    const locks = events.filter((e) => e.kind === 'account_locked');
    assert.deepEqual(locks, [{ kind: 'account_locked', username: user.username, detail: { failedAttempts: 5, limit: 5 }, actor: 'system:auth' }]);
    assert.deepEqual(
      events.filter((e) => e.kind === 'login_failed').map((e) => e.detail.reason),
      ['wrong_password', 'wrong_password', 'wrong_password', 'wrong_password', 'wrong_password', 'locked', 'locked'],
    );
  });

  it('R-13: the limit is configurable, an administrator unlocks, and a success resets the count', async () => {
    const db = ctx.db();
    const { user, credentials } = await makeUser(db, 'crc', [], { verify: false });
    const policy = { ...cheap, maxFailedAttempts: 2 };
    const bad = { ...credentials, password: 'guessing again' };
    assert.equal((await caught(authenticate(db, bad, policy))).code, 'authentication_failed');
    await authenticate(db, credentials, policy);
    assert.deepEqual(await failedAttempts(db, user.id), { n: 0, locked: false }, 'failures must be consecutive');
    assert.equal((await caught(authenticate(db, bad, policy))).code, 'authentication_failed');
    assert.equal((await caught(authenticate(db, bad, policy))).code, 'account_locked');
    await unlockUser(db, { user: 'admin.zhou', reason: 'called the user back' }, user.username);
    assert.deepEqual(await failedAttempts(db, user.id), { n: 0, locked: false });
    assert.equal((await authenticate(db, credentials, policy)).id, user.id);
    const kinds = (await eventsOf(db, user.username)).map((e) => `${e.kind} ${e.actor}`);
    assert.deepEqual(kinds.slice(-3), ['account_locked system:auth', 'account_unlocked admin.zhou', `login ${user.username}`]);
  });

  it('R-13: with an expiry, an old password is refused until the user changes it with the old one', async () => {
    const db = ctx.db();
    const { user, credentials } = await makeUser(db, 'crc', [], { verify: false });
    const policy = { ...cheap, passwordMaxAgeDays: 90 };
    await authenticate(db, credentials, policy);
    // Time travel: user_credential is not audited, so moving changed_at back leaves no trace to fix.
    await db.query(`UPDATE user_credential SET changed_at = now() - interval '91 days' WHERE user_id = $1`, [user.id]);
    assert.equal((await caught(authenticate(db, credentials, policy))).code, 'password_expired');
    assert.equal((await authenticate(db, credentials, cheap)).id, user.id, 'no expiry by default');
    const renewed = 'A-new-password-for-2026';
    await changePassword(db, credentials, renewed, policy);
    assert.equal((await caught(authenticate(db, credentials, policy))).code, 'authentication_failed');
    assert.equal((await authenticate(db, { ...credentials, password: renewed }, policy)).id, user.id);
    const kinds = (await eventsOf(db, user.username)).map((e) => e.kind);
    assert.deepEqual(kinds.slice(-5), ['login_failed', 'login', 'password_changed', 'login_failed', 'login']);
  });

  it('changePassword needs the current password and a new one that meets the policy', async () => {
    const db = ctx.db();
    const { user, credentials } = await makeUser(db, 'crc', [], { verify: false });
    assert.equal((await caught(changePassword(db, { ...credentials, password: 'wrong old one' }, 'A-new-password-for-2026', cheap))).code, 'authentication_failed');
    assert.deepEqual((await caught(changePassword(db, credentials, 'short', cheap))).params, { rule: 'length', min: 12 });
    assert.deepEqual((await caught(changePassword(db, credentials, credentials.password, cheap))).params, { rule: 'reused' });
    assert.deepEqual((await caught(changePassword(db, credentials, `x-${user.username}-x`, cheap))).params, { rule: 'contains_username' });
    assert.equal((await authenticate(db, credentials, cheap)).id, user.id, 'the password is unchanged');
  });

  it('an administrator unlocks with a reason; the event names who did it', async () => {
    const db = ctx.db();
    const { user } = await makeUser(db, 'crc', [], { verify: false });
    await unlockUser(db, admin, user.username);
    const last = (await eventsOf(db, user.username)).at(-1)!;
    assert.deepEqual(last, { kind: 'account_unlocked', username: user.username, detail: { by: 'admin.zhou', wasLocked: false, failedAttempts: 0 }, actor: 'admin.zhou' });
  });
});
