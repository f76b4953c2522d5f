// Accounts: creation with a password, identity verification, deactivation, unlocking. Each is an
// audited write attributed to the acting administrator (regulatory.md R-12); a change after first
// entry needs the administrator's reason, which the database enforces for app_user and which
// unlockUser enforces itself (user_credential is not audited: it holds a secret).
import { eq } from 'drizzle-orm';
import { type Actor, type AuditedTx, audited } from '../audit.ts';
import type { Db, Sql } from '../db.ts';
import { StoreError, sqlState } from '../errors.ts';
import { orm } from '../orm.ts';
import { type AppUser, appUser, userCredential } from '../schema-conduct.ts';
import { SecurityEventKind, recordEvent } from './events.ts';
import { checkPasswordPolicy, hashPassword } from './password.ts';
import { type AccessPolicy, accessPolicy } from './policy.ts';

/** The database's rule for usernames (migration 0003); checked first for a clear error. */
const usernamePattern = /^[a-z0-9][a-z0-9._-]{1,63}$/;

/** Usernames are lower-case: `Li.Wei` and `li.wei` are the same account, never two. */
export const normaliseUsername = (username: string) => username.trim().toLowerCase();

export interface NewUser {
  readonly username: string;
  readonly fullName: string;
  readonly password: string;
}

export async function findUser(sql: Sql, username: string): Promise<AppUser | null> {
  const rows = await orm(sql).select().from(appUser).where(eq(appUser.username, normaliseUsername(username)));
  return rows[0] ?? null;
}

export async function requireUser(sql: Sql, username: string): Promise<AppUser> {
  const user = await findUser(sql, username);
  if (!user) throw new StoreError('not_found', { table: 'app_user', id: normaliseUsername(username) });
  return user;
}

/** The database's clock: the transaction's start, as DEFAULT now() would give. */
export async function serverNow(sql: Sql): Promise<Date> {
  const rows = await sql.query<{ now: Date }>('SELECT now() AS now');
  return rows[0]!.now;
}

/**
 * A new account with its password. A username that exists, or ever existed, is refused
 * (`username_taken`): app_user rows are never deleted, so this holds after deactivation too.
 */
export async function createUser(db: Db, actor: Actor, input: NewUser, policy: Partial<AccessPolicy> = {}): Promise<AppUser> {
  const username = normaliseUsername(input.username);
  if (!usernamePattern.test(username)) throw new StoreError('username_invalid', { username });
  const fullName = input.fullName.trim();
  if (fullName === '') throw new StoreError('full_name_required', { username });
  checkPasswordPolicy(username, input.password);
  // Hashed before the transaction: its writes hold the audit chain's lock until commit.
  const passwordHash = await hashPassword(input.password, accessPolicy(policy).scrypt);
  try {
    return await audited(db, actor, async (tx) => {
      if (await findUser(tx.sql, username)) throw new StoreError('username_taken', { username });
      const user = await tx.insert(appUser, { username, fullName });
      await tx.orm.insert(userCredential).values({ userId: user.id, passwordHash });
      return user;
    });
  } catch (error) {
    // Two administrators creating the same name at once: the unique constraint decides.
    if (sqlState(error) === '23505') throw new StoreError('username_taken', { username });
    throw error;
  }
}

async function updateUser(tx: AuditedTx, username: string, change: (user: AppUser, now: Date) => Partial<AppUser> | null): Promise<AppUser> {
  const user = await requireUser(tx.sql, username);
  const changes = change(user, await serverNow(tx.sql));
  if (!changes) return user;
  return tx.update(appUser, user.id, user.version, changes);
}

/** Records that `actor` verified the person's identity, at server time; only then may the account sign. */
export function verifyIdentity(db: Db, actor: Actor, username: string): Promise<AppUser> {
  return audited(db, actor, (tx) =>
    updateUser(tx, username, (user, now) => {
      if (!user.active) throw new StoreError('account_inactive', { username: user.username });
      return { identityVerifiedBy: actor.user.trim(), identityVerifiedAt: now };
    }),
  );
}

/** Ends the account. The row stays (its name is never reused) and its signatures keep their signer. */
export function deactivateUser(db: Db, actor: Actor, username: string): Promise<AppUser> {
  return audited(db, actor, (tx) => updateUser(tx, username, (user) => (user.active ? { active: false } : null)));
}

/** Clears a lockout. The credential table is not audited, so the act is recorded as an event, with the reason. */
export async function unlockUser(db: Db, actor: Actor, username: string): Promise<AppUser> {
  if (!actor.reason?.trim()) throw new StoreError('reason_required', { table: 'user_credential' });
  return audited(db, actor, async (tx) => {
    const user = await requireUser(tx.sql, username);
    const before = await tx.sql.query<{ locked: boolean; failed: number }>(
      'UPDATE user_credential c SET failed_attempts = 0, locked_at = NULL FROM user_credential o WHERE c.user_id = $1 AND o.user_id = c.user_id RETURNING o.locked_at IS NOT NULL AS locked, o.failed_attempts AS failed',
      [user.id],
    );
    await recordEvent(tx.sql, {
      kind: SecurityEventKind.accountUnlocked,
      username: user.username,
      detail: { by: actor.user.trim(), wasLocked: before[0]?.locked ?? false, failedAttempts: before[0]?.failed ?? 0 },
    });
    return user;
  });
}
