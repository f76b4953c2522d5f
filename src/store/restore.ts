// `firstdose restore FILE`: into an empty data directory or database only. The file is checked
// whole first (backup-check.ts); then the schema is migrated to the backup's version, the rows
// and the audit log are loaded as they are with the triggers off, the chain is verified inside
// the same transaction, and only then is it committed (a failed check leaves the target empty).
// Last, any newer migrations run as they would at any start.
import { type ChainHead, verifyAuditIn } from './audit-verify.ts';
import { readBackup } from './backup-file.ts';
import { type CheckedBackup, checkBackup } from './backup-check.ts';
import type { Db, Sql } from './db.ts';
import { StoreError, sqlState } from './errors.ts';
import { appliedMigrations, checkApplied, loadMigrations, migrate } from './migrate.ts';
import { type StoreOptions, openStore } from './open.ts';
import { bookkeepingTables, dataTables, loadableColumns, quoteIdent, resetSequences } from './tables.ts';

export interface RestoreSummary {
  readonly location: string;
  readonly schemaVersion: number;
  readonly rows: Readonly<Record<string, number>>;
  readonly audit: number;
  readonly head: ChainHead;
}

/** Refuses a target with data, or with a schema the backup is older than. */
async function assertEmpty(db: Db, backupVersion: number): Promise<void> {
  const applied = await appliedMigrations(db);
  checkApplied(applied, loadMigrations());
  if (applied.length > backupVersion)
    throw new StoreError('target_schema_newer', { location: db.location, target: applied.length, backup: backupVersion });
  if (applied.length === 0) return;
  for (const table of [...(await dataTables(db)), 'audit_log']) {
    const [r] = await db.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${quoteIdent(table)}) AS any`);
    if (r?.any) throw new StoreError('not_empty', { location: db.location, table });
  }
}

const insertAudit = `INSERT INTO audit_log (seq, table_name, row_id, operation, field, old_value, new_value, user_id, recorded_at, reason, prev_hash, hash)
  SELECT (r->>0)::bigint, r->>1, r->>2, r->>3, r->>4, (r->>5)::jsonb, (r->>6)::jsonb, r->>7, (r->>8)::timestamptz, r->>9,
         decode(r->>10, 'hex'), decode(r->>11, 'hex')
  FROM json_array_elements($1::json) r`;

/** Loads the file's rows and audit records in batches; json_populate keeps each value's text. */
async function load(tx: Sql, file: string): Promise<void> {
  let table = '';
  let batch: string[] = [];
  let size = 0;
  const columns = new Map<string, string>();
  const flush = async () => {
    if (batch.length === 0) return;
    const array = `[${batch.join(',')}]`;
    if (table === 'audit_log') await tx.query(insertAudit, [array]);
    else {
      let cols = columns.get(table);
      if (!cols) {
        cols = (await loadableColumns(tx, table)).map(quoteIdent).join(', ');
        columns.set(table, cols);
      }
      const t = quoteIdent(table);
      await tx.query(`INSERT INTO ${t} (${cols}) OVERRIDING SYSTEM VALUE SELECT ${cols} FROM json_populate_recordset(NULL::${t}, $1::json)`, [array]);
    }
    batch = [];
    size = 0;
  };
  for await (const item of readBackup(file)) {
    if (item.kind !== 'row' && item.kind !== 'audit') continue;
    const target = item.kind === 'row' ? item.table : 'audit_log';
    if (bookkeepingTables.includes(target) && item.kind === 'row') throw new StoreError('backup_invalid', { file, reason: 'unknown_table', table: target });
    if (target !== table) await flush();
    table = target;
    const text = item.kind === 'row' ? item.json : JSON.stringify(item.line);
    batch.push(text);
    size += text.length;
    if (batch.length >= 5000 || size > 4 << 20) await flush();
  }
  await flush();
}

/** Restores `file` into the database at `target` (a data directory or DATABASE_URL). */
export async function restore(target: StoreOptions, file: string): Promise<RestoreSummary> {
  const checked = await checkBackup(file);
  const db = await openStore({ ...target, migrate: false });
  try {
    return await restoreChecked(db, file, checked);
  } finally {
    await db.close();
  }
}

/** The same into a database the caller has open (and closes). */
export async function restoreInto(db: Db, file: string): Promise<RestoreSummary> {
  return restoreChecked(db, file, await checkBackup(file));
}

async function restoreChecked(db: Db, file: string, { header, trailer }: CheckedBackup): Promise<RestoreSummary> {
  const known = loadMigrations();
  try {
    checkApplied(header.migrations, known);
  } catch (error) {
    if (error instanceof StoreError) throw new StoreError('backup_invalid', { file, reason: 'schema', version: Number(error.params.version) });
    throw error;
  }
  await assertEmpty(db, header.migrations.length);
  await migrate(db, { upTo: header.migrations.length, migrations: known });
  await db.transaction(async (tx) => {
    // Rows and audit records go in as they were: with the audit triggers on, loading would
    // append new audit records instead. Needs a superuser (PGlite's user is one).
    try {
      await tx.query(`SET LOCAL session_replication_role = replica`);
    } catch (error) {
      if (sqlState(error) === '42501') throw new StoreError('restore_privilege', { location: db.location });
      throw error;
    }
    await load(tx, file);
    await tx.query(`UPDATE audit_chain_head SET seq = $1, hash = decode($2, 'hex')`, [header.audit.head.seq, header.audit.head.hash]);
    await resetSequences(tx);
    await tx.query(`SET LOCAL session_replication_role = origin`);
    const verified = await verifyAuditIn(tx);
    if (!verified.ok) throw new StoreError('restore_unverified', { ...verified.firstBad });
  });
  // Statistics and visibility for the freshly loaded tables, as a long-lived database has them
  // (the first verify after a large restore is otherwise much slower).
  await db.exec(`VACUUM (ANALYZE) ${[...header.tables, 'audit_log'].map(quoteIdent).join(', ')}`);
  await migrate(db, { migrations: known });
  return { location: db.location, schemaVersion: header.migrations.length, rows: trailer.rows, audit: trailer.audit, head: header.audit.head };
}
