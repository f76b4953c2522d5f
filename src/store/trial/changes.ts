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

/** One audit record, as far as a kept answer asks: its table and row, and which record it names. */
export interface AuditChange {
  readonly seq: number;
  readonly table: string;
  readonly rowId: string;
  readonly field: string | null;
  /** The new value's text for the fields that name another record (`subject_id`, a signature's `row_id`); else null. */
  readonly names: string | null;
}

/**
 * What an answer was read from: records of these tables; with `subject`, only those about that
 * subject: one of the records already known (`rowIds`, the subject's own id among them), or a new
 * record that names the subject (`subject_id`) or one of those records (a signature's `row_id`).
 */
export interface Dependency {
  readonly tables: readonly string[];
  readonly subject?: { readonly id: string; readonly rowIds: readonly string[] };
}

/**
 * The audit records after `seq` up to `until`, read by the primary key. The range is bounded on
 * both sides on purpose: PGlite's tables have no statistics (nothing runs ANALYZE there), and
 * `seq > $1` alone looks like a third of the trail to the planner, which then read all of it.
 */
export async function auditChanges(sql: Sql, seq: number, until: number): Promise<AuditChange[]> {
  const rows = await sql.queryArrays(
    `SELECT seq, table_name, row_id, field, CASE WHEN field IN ('subject_id', 'row_id') THEN new_value #>> '{}' END
     FROM audit_log WHERE seq > $1 AND seq <= $2 ORDER BY seq`,
    [seq, until],
  );
  return rows.map(([s, table, rowId, field, names]) => ({ seq: Number(s), table: String(table), rowId: String(rowId), field: field as string | null, names: names as string | null }));
}

/** A subject dependency's ids (the subject's own first), lower case as the audit trail writes them; made once per dependency. */
const knownIds = new WeakMap<Dependency, readonly [string, ReadonlySet<string>]>();

/** Whether this audit record changes what `dependency` describes. */
export function touches(dependency: Dependency, change: AuditChange): boolean {
  if (!dependency.tables.includes(change.table)) return false;
  const subject = dependency.subject;
  if (!subject) return true;
  let ids = knownIds.get(dependency);
  if (!ids) {
    const id = subject.id.toLowerCase();
    ids = [id, new Set([id, ...subject.rowIds.map((r) => r.toLowerCase())])];
    knownIds.set(dependency, ids);
  }
  const [id, known] = ids;
  if (known.has(change.rowId)) return true;
  if (change.field === 'subject_id') return change.names === id;
  return change.table === 'signature' && change.field === 'row_id' && change.names !== null && known.has(change.names);
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
