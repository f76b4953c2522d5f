// Actions that are not data changes (regulatory.md R-21), as rows of security_event. The table is
// audited, so each event is also in the hash-chained audit trail, attributed to the
// transaction's user; `username` is whom the event is about (for a failed login, the name typed).
import type { Sql } from '../db.ts';
import { fromDatabaseError } from '../errors.ts';
import { orm } from '../orm.ts';
import { securityEvent } from '../schema-conduct.ts';

/** The kinds FirstDose writes; other modules may add their own (any text is stored). */
export const SecurityEventKind = {
  login: 'login',
  logout: 'logout',
  loginFailed: 'login_failed',
  accountLocked: 'account_locked',
  accountUnlocked: 'account_unlocked',
  passwordChanged: 'password_changed',
  sign: 'sign',
  signRefused: 'sign_refused',
  export: 'export',
  print: 'print',
  viewIdentifying: 'view_identifying',
  viewUnblinded: 'view_unblinded',
  lock: 'lock',
  unlock: 'unlock',
  configurationChanged: 'configuration_changed',
  decisionOverride: 'decision_override',
  refused: 'refused',
} as const;
export type SecurityEventKind = (typeof SecurityEventKind)[keyof typeof SecurityEventKind];

export type SecurityEvent = typeof securityEvent.$inferSelect;

export interface EventInput {
  // `string & {}` keeps the known kinds as suggestions while accepting a module's own.
  readonly kind: SecurityEventKind | (string & {});
  readonly username: string | null;
  /** JSON-serialisable facts of the event: what was exported, which rule refused, … */
  readonly detail?: Readonly<Record<string, unknown>>;
}

/**
 * Appends one event. `sql` must be a transaction opened by audited() (the audit trigger needs its
 * user), usually the caller's own, so the event commits or rolls back with the action.
 */
export async function recordEvent(sql: Sql, event: EventInput): Promise<SecurityEvent> {
  try {
    const rows = await orm(sql)
      .insert(securityEvent)
      .values({ kind: event.kind, username: event.username, detail: event.detail ?? {} })
      .returning();
    return rows[0]!;
  } catch (error) {
    throw fromDatabaseError(error);
  }
}
