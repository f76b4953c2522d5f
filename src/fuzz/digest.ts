// Did a refused request or command change the database? A digest of every data table (its row
// count and a hash of its rows) and the audit trail's last sequence number, taken before and
// after. The one change a refusal may make is its own record: a security event saying what
// was refused (a failed login, a rate limit, a conduct rule, a refused signature) with its audit
// entry, and after a failed password check the account's count of failed attempts.
import type { Db } from '../store/index.ts';
import { dataTables, quoteIdent } from '../store/tables.ts';

export type Digest = ReadonlyMap<string, string>;

export async function digest(db: Db): Promise<Digest> {
  const tables = await dataTables(db);
  const parts = tables.map((t) => `SELECT '${t}' AS t, count(*)::int AS n, md5(coalesce(string_agg(md5(x::text), '' ORDER BY md5(x::text)), '')) AS h FROM ${quoteIdent(t)} x`);
  const rows = await db.query<{ t: string; n: number; h: string }>(`${parts.join(' UNION ALL ')} UNION ALL SELECT 'audit_log', coalesce(max(seq), 0)::int, '' FROM audit_log`);
  return new Map(rows.map((r) => [r.t, `${r.n}:${r.h}`]));
}

/** Security events that record a refusal: the only rows a refused request may add. */
export const refusalEvents: ReadonlySet<string> = new Set(['login_failed', 'account_locked', 'rate_limited', 'conduct_refused', 'sign_refused', 'refused']);

/** The kinds of the security events written after `before` was taken. */
async function eventsSince(db: Db, before: Digest): Promise<string[]> {
  const head = Number(before.get('audit_log')!.split(':')[0]);
  const rows = await db.query<{ kind: string }>(`SELECT kind FROM security_event WHERE id::text IN (SELECT row_id FROM audit_log WHERE seq > $1 AND table_name = 'security_event')`, [head]);
  return rows.map((r) => r.kind);
}

/**
 * What a refusal changed that it may not, in words (empty: nothing). `passwordChecked`: the
 * refusal was of a password, so the account's count of failed attempts may have moved.
 */
export async function refusalChanges(db: Db, before: Digest, after: Digest, passwordChecked: boolean): Promise<string[]> {
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter((t) => before.get(t) !== after.get(t));
  const events = changed.includes('security_event') ? await eventsSince(db, before) : [];
  const bad = changed.filter((table) => {
    if (table === 'security_event' || table === 'audit_log') return !events.every((kind) => refusalEvents.has(kind));
    return !(table === 'user_credential' && passwordChecked);
  });
  return bad.length === 0 ? [] : [`changed ${bad.join(', ')} (security events: ${events.join(', ') || 'none'})`];
}
