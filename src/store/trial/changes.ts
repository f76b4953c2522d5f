// Has anything changed since? Every change of trial data writes audit records in the same
// transaction, so the audit trail's sequence tells a reader whether what it computed
// earlier still holds: nothing after `seq` about the tables (or the subject) it read means the
// answer is the same. The HTTP API keeps its costly pages (trial status, a subject's record) on
// that basis, and recomputes them only when the record they rest on moved.
import type { Sql } from '../db.ts';

/** The sequence number of the latest audit record (0 for none). */
export async function auditHead(sql: Sql): Promise<number> {
  const rows = await sql.query<{ seq: number }>('SELECT coalesce(max(seq), 0)::int8 AS seq FROM audit_log');
  return Number(rows[0]!.seq);
}

// Both read the records after `seq` up to `until` (the head the answer is then kept at) by the
// primary key, and only then look at their tables: the few records at the end of the trail.
// Left to itself the planner reads far more. PGlite's tables have no statistics (nothing runs
// ANALYZE there), so `seq > $1` looks like a third of the trail: it read all of it, at every
// request after a change; and given the table names it takes the record index, whose sequence
// comes last. OFFSET 0 keeps the range scan apart from the filter (the subquery is not merged).
const tail = `(SELECT table_name, row_id, field, new_value FROM audit_log WHERE seq > $1 AND seq <= $2 OFFSET 0) AS t`;

/** Whether any record of these tables changed after `seq`, up to `until`. */
export async function tablesChangedSince(sql: Sql, seq: number, until: number, tables: readonly string[]): Promise<boolean> {
  const rows = await sql.query(`SELECT 1 FROM ${tail} WHERE table_name = ANY($3::text[]) LIMIT 1`, [seq, until, [...tables]]);
  return rows.length > 0;
}

/**
 * Whether anything about one subject, in the tables given, changed after `seq` (up to `until`):
 * one of the records already known (`rowIds`, the subject's own id among them) changed, or a new
 * record names the subject (`subject_id`) or one of those records (a signature's `row_id`).
 */
export async function subjectChangedSince(sql: Sql, seq: number, until: number, subjectId: string, rowIds: readonly string[], tables: readonly string[]): Promise<boolean> {
  const ids = [...new Set([subjectId, ...rowIds].map((id) => id.toLowerCase()))];
  const rows = await sql.query(
    `SELECT 1 FROM ${tail}
     WHERE table_name = ANY($3::text[])
       AND (row_id = ANY($4::text[])
            OR (field = 'subject_id' AND new_value = to_jsonb($5::text))
            OR (table_name = 'signature' AND field = 'row_id' AND new_value #>> '{}' = ANY($4::text[])))
     LIMIT 1`,
    [seq, until, [...tables], ids, subjectId.toLowerCase()],
  );
  return rows.length > 0;
}

/**
 * The counts of work waiting that trialStatus reports, read alone (they change with every query
 * raised). The study's subjects are read once, as an array, rather than joined: PGlite's tables
 * have no statistics (nothing runs ANALYZE there), and the planner, taking the proposals for one
 * row, joined them by scanning the subjects again for each.
 */
export async function waitingWork(sql: Sql, studyId: string): Promise<{ openQueries: number; proposals: number }> {
  const rows = await sql.query<{ queries: number; proposals: number }>(
    `SELECT (SELECT count(*) FROM data_query WHERE study_id = $1 AND status IN ('open', 'answered'))::int AS queries,
            (SELECT count(*) FROM observation o WHERE o.status = 'proposed'
               AND o.subject_id = ANY (ARRAY(SELECT s.id FROM subject s WHERE s.study_id = $1)))::int AS proposals`,
    [studyId],
  );
  return { openQueries: rows[0]!.queries, proposals: rows[0]!.proposals };
}
