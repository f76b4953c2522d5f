// The second half of `audit verify`: the audited tables must hold what the log replays to. A row
// changed, inserted or deleted with the triggers off (raw SQL under session_replication_role =
// replica, ALTER TABLE … DISABLE TRIGGER) leaves no audit record, so only this finds it.
//
// How far it goes: every current row must equal, field by field, the new values of the last
// audit record of each of its fields; a field with no audit record must be null (so a column
// added to an audited table later must start null, or be filled by an audited UPDATE in its
// migration); a row whose last audit records are not a DELETE must exist. It compares the end
// state, not every step in between: the chain already proves the history itself unaltered.
// Tables listed in audited_tables that no longer exist are skipped.
import type { BadRecord } from './audit-verify.ts';
import type { Sql } from './db.ts';
import { quoteIdent } from './tables.ts';

// Per row rather than per field: one sort of the table's audit records (DISTINCT ON), folded
// into one jsonb object per row and compared with the row itself; nulls are dropped on both
// sides, so "no record" and "recorded null" agree, and a deleted row replays to {}. About twice
// as fast as a field-level join on 1,000,000 records; the field is found afterwards.
const rowSql = (table: string) => `WITH last AS (
  SELECT DISTINCT ON (a.row_id, a.field) a.row_id, a.field, a.new_value, a.seq
  FROM audit_log a WHERE a.table_name = $1 ORDER BY a.row_id, a.field, a.seq DESC
), replayed AS (
  SELECT row_id, jsonb_strip_nulls(jsonb_object_agg(field, new_value)) AS v, max(seq) AS seq FROM last GROUP BY row_id
), cur AS (
  SELECT t.id::text AS row_id, jsonb_strip_nulls(to_jsonb(t)) AS v FROM ${quoteIdent(table)} t
)
SELECT coalesce(c.row_id, r.row_id) AS row_id, r.seq, coalesce(c.v, '{}')::text AS cur, coalesce(r.v, '{}')::text AS replayed
FROM cur c FULL JOIN replayed r ON r.row_id = c.row_id
WHERE coalesce(c.v, '{}') <> coalesce(r.v, '{}')
ORDER BY r.seq NULLS LAST, 1 LIMIT 1`;

const fieldSql = `SELECT k AS field, (SELECT max(a.seq) FROM audit_log a WHERE a.table_name = $3 AND a.row_id = $4 AND a.field = k) AS seq
FROM (SELECT jsonb_object_keys($1::jsonb) AS k UNION SELECT jsonb_object_keys($2::jsonb)) keys
WHERE ($1::jsonb -> k) IS DISTINCT FROM ($2::jsonb -> k) ORDER BY seq NULLS LAST, k LIMIT 1`;

interface Mismatch {
  row_id: string;
  seq: number | null;
  cur: string;
  replayed: string;
}

async function firstMismatch(tx: Sql, table: string): Promise<BadRecord | null> {
  const [m] = await tx.query<Mismatch>(rowSql(table), [table]);
  if (!m) return null;
  const at = { table, rowId: m.row_id };
  if (m.cur === '{}') return { ...at, seq: m.seq, field: null, problem: 'row_removed' };
  if (m.replayed === '{}') return { ...at, seq: m.seq, field: null, problem: 'row_unaudited' };
  const [f] = await tx.query<{ field: string; seq: number | null }>(fieldSql, [m.cur, m.replayed, table, m.row_id]);
  return { ...at, seq: f?.seq ?? null, field: f?.field ?? null, problem: f?.seq == null ? 'row_unaudited' : 'row_changed' };
}

/** The first audited table row that the log does not account for, or null. */
export async function replayCheck(tx: Sql): Promise<BadRecord | null> {
  const tables = await tx.query<{ table_name: string }>(
    'SELECT table_name FROM audited_tables WHERE to_regclass(quote_ident(table_name)) IS NOT NULL ORDER BY table_name',
  );
  let first: BadRecord | null = null;
  for (const { table_name: table } of tables) {
    const bad = await firstMismatch(tx, table);
    // Across tables too, the earliest audit record wins; a row without any comes last.
    if (bad && (!first || (bad.seq !== null && (first.seq === null || bad.seq < first.seq)))) first = bad;
  }
  return first;
}
