// The hash chain's definition, once in SQL (for `audit verify`, which recomputes in the database
// with this expression rather than trusting the trigger's function) and once in JS (for checking
// a backup file before it is loaded). The trigger of migration 0001 computes the same; a test
// holds all three together on both backends.
//
//   hash = sha256(prev_hash || utf8(ROW(seq, table_name, row_id, operation, field, old_value,
//                 new_value, user_id, recorded_at, reason)::text))
//
// ROW(...)::text is PostgreSQL's record output: unambiguous (quotes and doubles what needs it,
// NULL is empty, '' is ""), independent of session settings once recorded_at is formatted
// explicitly in UTC, and about 2.5× faster in PGlite than concatenating length-prefixed fields,
// which matters for 1,000,000 records. jsonb values print in their canonical text form.
import { createHash } from 'node:crypto';

/** recorded_at as the chain hashes it: UTC, microseconds, e.g. 2026-05-01T08:30:00.123456Z. */
export const recordedAtSql = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The record's canonical text in SQL, for a row of audit_log aliased `a`. */
export const canonicalSql = `ROW(a.seq, a.table_name, a.row_id, a.operation, a.field, a.old_value, a.new_value, a.user_id, ${recordedAtSql('a.recorded_at')}, a.reason)::text`;

/** The hash recomputed in SQL, for a row of audit_log aliased `a`. */
export const hashSql = `sha256(a.prev_hash || convert_to(${canonicalSql}, 'UTF8'))`;

/** An audit record as text, the way the backup file carries it and the hash reads it. */
export interface AuditRecordText {
  readonly seq: string;
  readonly tableName: string;
  readonly rowId: string;
  readonly operation: string;
  readonly field: string | null;
  /** jsonb's text form, e.g. `"enrolled"`, `1`, `null`; JS null for SQL NULL. */
  readonly oldValue: string | null;
  readonly newValue: string | null;
  readonly userId: string;
  /** As recordedAtSql prints it. */
  readonly recordedAt: string;
  readonly reason: string | null;
}

// record_out (src/backend/utils/adt/rowtypes.c) quotes a field that is empty or holds a double
// quote, backslash, parenthesis, comma or C isspace() character, and doubles quotes and backslashes.
const needsQuotes = /["\\(),\t\n\v\f\r ]/;

function recordField(value: string | null): string {
  if (value === null) return '';
  if (value === '' || needsQuotes.test(value)) return `"${value.replace(/["\\]/g, (c) => c + c)}"`;
  return value;
}

export function canonicalText(r: AuditRecordText): string {
  const fields = [r.seq, r.tableName, r.rowId, r.operation, r.field, r.oldValue, r.newValue, r.userId, r.recordedAt, r.reason];
  return `(${fields.map(recordField).join(',')})`;
}

export const genesisHash = Buffer.alloc(32);

export function auditHash(prevHash: Uint8Array, record: AuditRecordText): Buffer {
  return createHash('sha256').update(prevHash).update(canonicalText(record), 'utf8').digest();
}
