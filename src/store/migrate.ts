// Forward-only, versioned migrations: src/store/migrations/NNNN-name.sql, applied in order, each
// in its own transaction together with its schema_migrations row (version, name, sha256 of the
// file). An applied migration whose file changed is an error, as is one this program does not
// have: the record of how the schema came to be must match the code that reads it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db, Sql } from './db.ts';
import { StoreError } from './errors.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly checksum: string;
  readonly sql: string;
}

export const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Line endings normalised, so a checkout with CRLF gives the same checksum. */
export function checksum(sql: string): string {
  return createHash('sha256').update(sql.replaceAll('\r\n', '\n')).digest('hex');
}

/** The migration files in version order; versions must run 1, 2, 3, … without a hole. */
export function loadMigrations(dir = migrationsDir): Migration[] {
  const files = readdirSync(dir).filter((f) => /^\d{4}-[a-z0-9-]+\.sql$/.test(f)).sort();
  return files.map((file, index) => {
    const version = Number(file.slice(0, 4));
    if (version !== index + 1) throw new Error(`migration ${file}: expected version ${index + 1}`);
    const sql = readFileSync(`${dir}/${file}`, 'utf8');
    return { version, name: file.slice(5, -4), checksum: checksum(sql), sql };
  });
}

export interface AppliedMigration {
  readonly version: number;
  readonly name: string;
  readonly checksum: string;
}

// Any fixed number: two processes migrating one server database take turns.
const migrationLock = 0x46495253;

async function ensureTable(tx: Sql): Promise<void> {
  await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now())`);
}

export async function appliedMigrations(sql: Sql): Promise<AppliedMigration[]> {
  const exists = await sql.query<{ t: string | null }>(`SELECT to_regclass('schema_migrations')::text AS t`);
  if (!exists[0]?.t) return [];
  return sql.query<AppliedMigration>(`SELECT version, name, checksum FROM schema_migrations ORDER BY version`);
}

/** Throws unless every applied migration is one of `known`, unchanged. */
export function checkApplied(applied: readonly AppliedMigration[], known: readonly Migration[]): void {
  for (const a of applied) {
    const m = known[a.version - 1];
    if (!m) throw new StoreError('migration_unknown', { version: a.version, name: a.name });
    if (m.checksum !== a.checksum) throw new StoreError('migration_changed', { version: a.version, name: m.name });
  }
}

export interface MigrateOptions {
  /** Stop after this version (restore loads a backup at its own version first). */
  readonly upTo?: number;
  readonly migrations?: readonly Migration[];
}

/** Applies the pending migrations; returns those it applied (none when up to date). */
export async function migrate(db: Db, options: MigrateOptions = {}): Promise<Migration[]> {
  const known = options.migrations ?? loadMigrations();
  const target = Math.min(options.upTo ?? known.length, known.length);
  const done: Migration[] = [];
  for (;;) {
    const next = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [migrationLock]);
      await ensureTable(tx);
      const applied = await appliedMigrations(tx);
      checkApplied(applied, known);
      const m = known[applied.length];
      if (!m || m.version > target) return null;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, m.checksum]);
      return m;
    });
    if (!next) return done;
    done.push(next);
  }
}

/** The schema version: the highest applied migration, 0 for an empty database. */
export async function schemaVersion(sql: Sql): Promise<number> {
  return (await appliedMigrations(sql)).at(-1)?.version ?? 0;
}
