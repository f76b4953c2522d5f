// `firstdose backup FILE`: a logical backup of the whole database over one snapshot: the schema
// version, every data table's rows (parents first) and the audit log exactly as stored.
import { recordedAtSql } from './canonical.ts';
import { type AuditLine, BackupWriter } from './backup-file.ts';
import type { ChainHead } from './audit-verify.ts';
import type { Db, Sql } from './db.ts';
import { appliedMigrations } from './migrate.ts';
import { dataTables, quoteIdent } from './tables.ts';

export interface BackupSummary {
  readonly file: string;
  readonly schemaVersion: number;
  readonly rows: Readonly<Record<string, number>>;
  readonly audit: number;
  readonly head: ChainHead;
}

const fetchSize = 2000;

/** Streams a query's rows through a cursor, `fetchSize` at a time. */
async function eachBatch(tx: Sql, query: string, fn: (rows: unknown[][]) => void): Promise<number> {
  await tx.query(`DECLARE firstdose_backup NO SCROLL CURSOR FOR ${query}`);
  let n = 0;
  for (;;) {
    const rows = await tx.queryArrays(`FETCH FORWARD ${fetchSize} FROM firstdose_backup`);
    if (rows.length === 0) break;
    fn(rows);
    n += rows.length;
  }
  await tx.query('CLOSE firstdose_backup');
  return n;
}

// Ordered by the bigint, not by the text column that shares its name ("10" < "2").
const auditQuery = `SELECT a.seq::text, a.table_name, a.row_id, a.operation, a.field, a.old_value::text, a.new_value::text, a.user_id,
  ${recordedAtSql('a.recorded_at')}, a.reason, encode(a.prev_hash, 'hex'), encode(a.hash, 'hex') FROM audit_log a ORDER BY a.seq`;

/** Writes the backup to `file`, which must not exist yet. */
export async function backup(db: Db, file: string): Promise<BackupSummary> {
  const writer = new BackupWriter(file);
  try {
    const summary = await db.transaction(
      async (tx) => {
        // Exact text for every value: UTC timestamps, shortest exact floats.
        await tx.query(`SELECT set_config('TimeZone', 'UTC', true), set_config('extra_float_digits', '1', true), set_config('IntervalStyle', 'postgres', true)`);
        const migrations = await appliedMigrations(tx);
        const tables = await dataTables(tx);
        const [head] = await tx.query<{ seq: number; hash: string }>(`SELECT seq, encode(hash, 'hex') AS hash FROM audit_chain_head`);
        const [count] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
        const chainHead = { seq: head?.seq ?? 0, hash: head?.hash ?? '' };
        writer.header({
          format: 'firstdose-backup',
          formatVersion: 1,
          createdAt: new Date().toISOString(),
          backend: db.backend,
          migrations,
          tables,
          audit: { records: count?.n ?? 0, head: chainHead },
        });
        const rows: Record<string, number> = {};
        for (const table of tables)
          rows[table] = await eachBatch(tx, `SELECT row_to_json(t)::text FROM ${quoteIdent(table)} t`, (batch) => {
            for (const [json] of batch) writer.row(table, json as string);
          });
        const audit = await eachBatch(tx, auditQuery, (batch) => {
          for (const line of batch) writer.audit(line as AuditLine);
        });
        return { file, schemaVersion: migrations.at(-1)?.version ?? 0, rows, audit, head: chainHead };
      },
      { snapshot: true, readOnly: true },
    );
    writer.finish({ rows: summary.rows, audit: summary.audit });
    return summary;
  } catch (error) {
    writer.abandon();
    throw error;
  }
}
