// Failures the store expects, as codes with parameters (style.md §8): the CLI and, later, the
// HTTP API phrase them in the user's language. They are thrown rather than returned because
// most happen inside a transaction, and throwing is what rolls it back (nothing is changed).
import type { IssueParams } from '../domain/result.ts';

export const StoreErrorCode = {
  /** Another live process holds the PGlite data directory. */
  locked: 'locked',
  /** A command other than init/restore found no database in the data directory. */
  notInitialised: 'not_initialised',
  /** Optimistic locking: the record's version is not the one the change was based on. */
  conflict: 'conflict',
  notFound: 'not_found',
  /** The database refused an audited write: no user set for the transaction. */
  userRequired: 'user_required',
  /** The database refused an update or delete without a reason. */
  reasonRequired: 'reason_required',
  /** The database refused to change or remove audit history. */
  appendOnly: 'append_only',
  /** A record's id cannot change: the audit trail follows records by id. */
  idImmutable: 'id_immutable',
  /** Rows of the conduct record are never deleted: a status change with a reason replaces deletion. */
  deleteRefused: 'delete_refused',
  /** An applied migration's file has changed since it was applied. */
  migrationChanged: 'migration_changed',
  /** The database has a migration this program does not know: it is newer than the program. */
  migrationUnknown: 'migration_unknown',
  /** Restore refuses a target that already holds data. */
  notEmpty: 'not_empty',
  /** Restore refuses a target whose schema is newer than the backup's. */
  targetSchemaNewer: 'target_schema_newer',
  /** The backup file is not a FirstDose backup, is cut short, or was altered. */
  backupInvalid: 'backup_invalid',
  /** The restored audit chain did not verify; the restore was rolled back. */
  restoreUnverified: 'restore_unverified',
  /** Restore loads rows with the triggers off, which PostgreSQL allows a superuser only. */
  restorePrivilege: 'restore_privilege',
  /** A username outside [a-z0-9][a-z0-9._-]{1,63}. */
  usernameInvalid: 'username_invalid',
  /** The username is or was in use: usernames are never reused or reassigned. */
  usernameTaken: 'username_taken',
  fullNameRequired: 'full_name_required',
  /** The password breaks a rule: `rule` is length, contains_username, banned or reused. */
  passwordPolicy: 'password_policy',
  /** Unknown username or wrong password: one code for both, so neither is revealed. */
  authenticationFailed: 'authentication_failed',
  /** Too many failed password checks; an administrator unlocks the account. */
  accountLocked: 'account_locked',
  accountInactive: 'account_inactive',
  /** The password is older than the policy allows; the user changes it with the old one. */
  passwordExpired: 'password_expired',
  /** The account's identity has not been verified, so it cannot sign. */
  identityNotVerified: 'identity_not_verified',
  /** The user has not yet attested that their e-signature equals a handwritten one. */
  attestationRequired: 'attestation_required',
  /** None of the signer's roles covering the record may sign with this meaning. */
  meaningNotAllowed: 'meaning_not_allowed',
  roleUnknown: 'role_unknown',
  /** The user already holds this role for this study and site. */
  roleExists: 'role_exists',
  /** Records of this table are not signed. */
  notSignable: 'not_signable',
  /** The database cannot be reached now (server down, restarting, connection lost): retry later. */
  databaseUnavailable: 'database_unavailable',
  /** The disk holding the database is full: the write was refused, nothing of it was kept. */
  diskFull: 'disk_full',
} as const;
export type StoreErrorCode = (typeof StoreErrorCode)[keyof typeof StoreErrorCode];

export class StoreError extends Error {
  readonly code: StoreErrorCode;
  readonly params: IssueParams;
  constructor(code: StoreErrorCode, params: IssueParams = {}) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'StoreError';
    this.code = code;
    this.params = params;
  }
}

/** SQLSTATEs raised by the triggers of migration 0001 (class FD is FirstDose's own). */
const sqlStates: Readonly<Record<string, StoreErrorCode>> = {
  FD001: StoreErrorCode.userRequired,
  FD002: StoreErrorCode.reasonRequired,
  FD003: StoreErrorCode.appendOnly,
  FD004: StoreErrorCode.idImmutable,
  FD005: StoreErrorCode.deleteRefused,
};

/** The SQLSTATE of a database error, also when drizzle wrapped it (as `cause`). */
export function sqlState(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++)
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  return undefined;
}

/** The database error as a StoreError when it is one of the audit refusals, else unchanged. */
export function fromDatabaseError(error: unknown): unknown {
  if (error instanceof StoreError) return error;
  const state = sqlState(error);
  const code = state ? sqlStates[state] : undefined;
  return code ? new StoreError(code, {}) : error;
}

// Client-side codes of a connection that cannot be made or was lost (Node's net errors).
const connectionErrnos = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// `pg` raises these as plain Errors, without a code, when a connection drops or never comes.
const connectionMessages = /^(Connection terminated|Client has encountered a connection error|Client was closed and is not queryable|timeout exceeded when trying to connect)/;

/**
 * The database failure behind `error` when it is not FirstDose's doing but the machine's or the
 * server's: the disk is full (SQLSTATE 53100, ENOSPC) or the database cannot be reached
 * (SQLSTATE class 08, 57P01–57P03 shutdown and startup, 53300 too many connections, a refused
 * or dropped connection). Searched through `cause`, as drizzle wraps the driver's error.
 * `detail` is the first line of the underlying message, for a CLI or a log; the HTTP API does
 * not show it.
 */
export function databaseFailure(error: unknown): StoreError | undefined {
  for (let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (e instanceof StoreError) return e.code === StoreErrorCode.databaseUnavailable || e.code === StoreErrorCode.diskFull ? e : undefined;
    const code = typeof e.code === 'string' ? e.code : '';
    const detail = (typeof e.message === 'string' && e.message.split('\n')[0]) || code;
    if (code === '53100' || code === 'ENOSPC' || code === 'EDQUOT') return new StoreError(StoreErrorCode.diskFull, { detail });
    if (/^08[0-9A-Z]{3}$/.test(code) || /^57P0[123]$/.test(code) || code === '53300' || connectionErrnos.has(code) || (!code && connectionMessages.test(detail)))
      return new StoreError(StoreErrorCode.databaseUnavailable, { detail });
  }
  return undefined;
}
