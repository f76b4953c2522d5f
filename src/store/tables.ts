// The tables a backup carries, in an order that loads parents before children, and the
// bookkeeping tables it does not: the migrations create and fill those themselves.
import type { Sql } from './db.ts';

/** Filled by the migrations (or, for the head, set from the backup's header). */
export const bookkeepingTables: readonly string[] = ['schema_migrations', 'audited_tables', 'audit_chain_head', 'audit_log'];

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Data tables of the current schema, each after the tables it references. */
export async function dataTables(sql: Sql): Promise<string[]> {
  const rows = await sql.query<{ name: string; refs: string[] }>(
    `SELECT c.relname AS name,
       array(SELECT DISTINCT r.relname::text FROM pg_constraint k JOIN pg_class r ON r.oid = k.confrelid
             WHERE k.conrelid = c.oid AND k.contype = 'f' AND k.confrelid <> c.oid) AS refs
     FROM pg_class c
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
     ORDER BY c.relname`,
  );
  const tables = rows.filter((r) => !bookkeepingTables.includes(r.name));
  const refs = new Map(tables.map((t) => [t.name, t.refs]));
  const ordered: string[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (ordered.includes(name) || path.has(name) || !refs.has(name)) return;
    path.add(name);
    for (const parent of refs.get(name) ?? []) visit(parent, path);
    ordered.push(name);
  };
  for (const t of tables) visit(t.name, new Set());
  return ordered;
}

/** The columns a restore writes (generated columns are computed, not loaded). */
export async function loadableColumns(sql: Sql, table: string): Promise<string[]> {
  const rows = await sql.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute
     WHERE attrelid = to_regclass($1) AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
     ORDER BY attnum`,
    [quoteIdent(table)],
  );
  return rows.map((r) => r.name);
}

/** Moves every sequence owned by a column (serial, identity) past the column's largest value. */
export async function resetSequences(sql: Sql): Promise<void> {
  const owned = await sql.query<{ seq: string; tbl: string; col: string }>(
    `SELECT s.oid::regclass::text AS seq, t.relname AS tbl, a.attname AS col
     FROM pg_depend d
     JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
     JOIN pg_class t ON t.oid = d.refobjid
     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
     WHERE d.deptype IN ('a', 'i') AND t.relnamespace = current_schema()::regnamespace`,
  );
  for (const o of owned)
    await sql.query(`SELECT setval($1::regclass, coalesce(max(${quoteIdent(o.col)}), 1), max(${quoteIdent(o.col)}) IS NOT NULL) FROM ${quoteIdent(o.tbl)}`, [o.seq]);
}
