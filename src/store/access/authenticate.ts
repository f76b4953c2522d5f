// Checking a username and password: at login, and again at every signing. Failures are
// counted per account and lock it after policy.maxFailedAttempts in a row; every outcome
// is a security_event. Events about an unauthenticated attempt are written by
// `system:auth`, not by the account typed: whoever typed it has not shown they own it (a colon
// cannot occur in a username, so the two never mix).
import { eq } from 'drizzle-orm';
import { audited } from '../audit.ts';
import type { Db, Sql } from '../db.ts';
import { StoreError } from '../errors.ts';
import { orm } from '../orm.ts';
import { type AppUser, appUser, userCredential } from '../schema-conduct.ts';
import { SecurityEventKind, recordEvent } from './events.ts';
import { checkPasswordPolicy, dummyHash, hashPassword, verifyPassword } from './password.ts';
import { type AccessPolicy, accessPolicy } from './policy.ts';
import { normaliseUsername } from './users.ts';

export interface Credentials {
  readonly username: string;
  readonly password: string;
}

export const authSystemUser = 'system:auth';

type Purpose = 'login' | 'sign' | 'password_change';

async function failure(db: Db, username: string, purpose: Purpose, reason: string, error: StoreError, extra: Record<string, unknown> = {}): Promise<never> {
  await audited(db, { user: authSystemUser }, (tx) =>
    recordEvent(tx.sql, { kind: SecurityEventKind.loginFailed, username: username.slice(0, 64), detail: { purpose, reason, ...extra } }),
  );
  throw error;
}

/** A wrong password: one more failure, and the lock when it is the last one allowed. */
async function wrongPassword(db: Db, user: AppUser, purpose: Purpose, policy: AccessPolicy): Promise<never> {
  const locked = await audited(db, { user: authSystemUser }, async (tx) => {
    const rows = await tx.sql.query<{ failed: number; locked: boolean; was_locked: boolean }>(
      `UPDATE user_credential c
       SET failed_attempts = c.failed_attempts + 1,
           locked_at = CASE WHEN c.locked_at IS NULL AND c.failed_attempts + 1 >= $2 THEN now() ELSE c.locked_at END
       FROM user_credential o
       WHERE c.user_id = $1 AND o.user_id = c.user_id
       RETURNING c.failed_attempts AS failed, c.locked_at IS NOT NULL AS locked, o.locked_at IS NOT NULL AS was_locked`,
      [user.id, policy.maxFailedAttempts],
    );
    const r = rows[0]!;
    await recordEvent(tx.sql, { kind: SecurityEventKind.loginFailed, username: user.username, detail: { purpose, reason: 'wrong_password', failedAttempts: r.failed } });
    // The lockout event is the administrator's alert: it names the account and the count.
    if (r.locked && !r.was_locked)
      await recordEvent(tx.sql, { kind: SecurityEventKind.accountLocked, username: user.username, detail: { failedAttempts: r.failed, limit: policy.maxFailedAttempts } });
    return r.locked;
  });
  throw locked ? new StoreError('account_locked', { username: user.username }) : new StoreError('authentication_failed', {});
}

/**
 * The account whose password this is, or a StoreError: `authentication_failed` (unknown name or
 * wrong password alike), `account_locked`, `account_inactive`, `password_expired` (unless
 * `allowExpired`, for changing it). Writes the failure events; success is the caller's to record.
 */
export async function checkCredentials(
  db: Db,
  credentials: Credentials,
  purpose: Purpose,
  policy: AccessPolicy,
  allowExpired = false,
): Promise<AppUser> {
  const username = normaliseUsername(credentials.username);
  const [found] = await orm(db)
    .select({ user: appUser, credential: userCredential })
    .from(appUser)
    .innerJoin(userCredential, eq(userCredential.userId, appUser.id))
    .where(eq(appUser.username, username));
  if (!found) {
    await verifyPassword(credentials.password, await dummyHash(policy.scrypt));
    return failure(db, username, purpose, 'unknown_user', new StoreError('authentication_failed', {}));
  }
  const { user, credential } = found;
  if (!user.active) return failure(db, username, purpose, 'inactive', new StoreError('account_inactive', { username }));
  if (credential.lockedAt) return failure(db, username, purpose, 'locked', new StoreError('account_locked', { username }));
  if (!(await verifyPassword(credentials.password, credential.passwordHash))) return wrongPassword(db, user, purpose, policy);
  const [state] = await db.query<{ expired: boolean; locked: boolean }>(
    `SELECT $2::int IS NOT NULL AND changed_at < now() - make_interval(days => $2::int) AS expired, locked_at IS NOT NULL AS locked
     FROM user_credential WHERE user_id = $1`,
    [user.id, policy.passwordMaxAgeDays],
  );
  // Locked by a concurrent failed attempt while the password was being checked.
  if (state?.locked) return failure(db, username, purpose, 'locked', new StoreError('account_locked', { username }));
  if (state?.expired && !allowExpired) return failure(db, username, purpose, 'password_expired', new StoreError('password_expired', { username }));
  return user;
}

/** After a right password: the failures before it no longer count as consecutive. */
export async function clearFailures(sql: Sql, userId: string): Promise<void> {
  await sql.query('UPDATE user_credential SET failed_attempts = 0 WHERE user_id = $1 AND failed_attempts <> 0', [userId]);
}

/** Logs in: the account, after a `login` event; a failure as checkCredentials describes. */
export async function authenticate(db: Db, credentials: Credentials, policy: Partial<AccessPolicy> = {}): Promise<AppUser> {
  const user = await checkCredentials(db, credentials, 'login', accessPolicy(policy));
  await audited(db, { user: user.username }, async (tx) => {
    await clearFailures(tx.sql, user.id);
    await recordEvent(tx.sql, { kind: SecurityEventKind.login, username: user.username, detail: {} });
  });
  return user;
}

/**
 * The user changes their own password, proving they know the current one (also when it has
 * expired). There is deliberately no way to set another user's password.
 */
export async function changePassword(db: Db, credentials: Credentials, newPassword: string, policy: Partial<AccessPolicy> = {}): Promise<AppUser> {
  const p = accessPolicy(policy);
  const user = await checkCredentials(db, credentials, 'password_change', p, true);
  checkPasswordPolicy(user.username, newPassword);
  if (newPassword.normalize('NFKC') === credentials.password.normalize('NFKC')) throw new StoreError('password_policy', { rule: 'reused' });
  const passwordHash = await hashPassword(newPassword, p.scrypt);
  await audited(db, { user: user.username }, async (tx) => {
    await tx.sql.query('UPDATE user_credential SET password_hash = $2, changed_at = now(), failed_attempts = 0 WHERE user_id = $1', [user.id, passwordHash]);
    await recordEvent(tx.sql, { kind: SecurityEventKind.passwordChanged, username: user.username, detail: {} });
  });
  return user;
}
