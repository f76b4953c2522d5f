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

/** Whether any record of these tables changed after `seq`. */
export async function tablesChangedSince(sql: Sql, seq: number, tables: readonly string[]): Promise<boolean> {
  const rows = await sql.query('SELECT 1 FROM audit_log WHERE seq > $1 AND table_name = ANY($2::text[]) LIMIT 1', [seq, [...tables]]);
  return rows.length > 0;
}

/**
 * Whether anything about one subject, in the tables given, changed after `seq`: one of the
 * records already known (`rowIds`, the subject's own id among them) changed, or a new record
 * names the subject (`subject_id`) or one of those records (a signature's `row_id`).
 */
export async function subjectChangedSince(sql: Sql, seq: number, subjectId: string, rowIds: readonly string[], tables: readonly string[]): Promise<boolean> {
  const ids = [...new Set([subjectId, ...rowIds].map((id) => id.toLowerCase()))];
  const rows = await sql.query(
    `SELECT 1 FROM audit_log
     WHERE seq > $1 AND table_name = ANY($4::text[])
       AND (row_id = ANY($2::text[])
            OR (field = 'subject_id' AND new_value = to_jsonb($3::text))
            OR (table_name = 'signature' AND field = 'row_id' AND new_value #>> '{}' = ANY($2::text[])))
     LIMIT 1`,
    [seq, ids, subjectId.toLowerCase(), [...tables]],
  );
  return rows.length > 0;
}

/** The counts of work waiting that trialStatus reports, read alone (they change with every query raised). */
export async function waitingWork(sql: Sql, studyId: string): Promise<{ openQueries: number; proposals: number }> {
  const rows = await sql.query<{ queries: number; proposals: number }>(
    `SELECT (SELECT count(*) FROM data_query WHERE study_id = $1 AND status IN ('open', 'answered'))::int AS queries,
            (SELECT count(*) FROM observation o JOIN subject s ON s.id = o.subject_id WHERE s.study_id = $1 AND o.status = 'proposed')::int AS proposals`,
    [studyId],
  );
  return { openQueries: rows[0]!.queries, proposals: rows[0]!.proposals };
}
