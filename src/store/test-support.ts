// Store tests run on PGlite always and on the PostgreSQL server when DATABASE_URL is set (CI
// sets it). Each PGlite database starts from a dump of one template made once per run (about
// 1 s, against 4 s for a new one) and each server database is a schema of its own, dropped on
// close. Every database a test opens must be closed: an open PGlite keeps the process alive.
import { after, before, describe } from 'node:test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { Db, Sql } from './db.ts';
import { migrate } from './migrate.ts';
import { createPglite, memoryDataDir, pgliteDb } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import { audited } from './audit.ts';
import { site, study, subject } from './schema.ts';

export type TestBackend = 'pglite' | 'postgres';

export const databaseUrl = process.env.DATABASE_URL || undefined;
export const testBackends: readonly TestBackend[] = databaseUrl ? ['pglite', 'postgres'] : ['pglite'];

let templates: Promise<{ blank: Blob; migrated: Blob }> | undefined;

/** Dumps of a new database before and after the migrations, made once per run. */
function pgliteTemplates() {
  templates ??= (async () => {
    const pglite: PGlite = await createPglite(memoryDataDir);
    try {
      const blank = await pglite.dumpDataDir('none');
      await migrate(pgliteDb(pglite, memoryDataDir));
      return { blank, migrated: await pglite.dumpDataDir('none') };
    } finally {
      await pglite.close();
    }
  })();
  return templates;
}

/** A PGlite data directory holding the migrated template, ready for openStore (no lock held). */
export async function seedDataDir(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const pglite = await createPglite(join(dir, 'pgdata'), (await pgliteTemplates()).migrated);
  await pglite.close();
}

/** A new PGlite of our settings with no tables: the driver itself, under test. The caller closes it. */
export async function blankPglite(): Promise<PGlite> {
  return createPglite(memoryDataDir, (await pgliteTemplates()).blank);
}

export const testSchema = (label: string) => `test_${label}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;

/** A new, empty database: migrated unless `blank`. The caller closes it. */
export async function freshDb(backend: TestBackend, options: { blank?: boolean } = {}): Promise<Db> {
  if (backend === 'pglite') {
    const t = await pgliteTemplates();
    return pgliteDb(await createPglite(memoryDataDir, options.blank ? t.blank : t.migrated), memoryDataDir);
  }
  const schema = testSchema('db');
  const db = await openPostgres(databaseUrl!, schema);
  if (!options.blank) await migrate(db);
  return {
    ...db,
    close: async () => {
      try {
        await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await db.close();
      }
    },
  };
}

export interface BackendContext {
  readonly backend: TestBackend;
  /** The describe block's shared, migrated database. */
  db(): Db;
  /** Another database, closed after the block. */
  fresh(options?: { blank?: boolean }): Promise<Db>;
}

/** One describe block per backend, each with a database opened before and closed after it. */
export function describeEachBackend(title: string, body: (ctx: BackendContext) => void): void {
  for (const backend of testBackends) {
    describe(`${title} [${backend}]`, () => {
      let shared: Db | undefined;
      const opened: Db[] = [];
      const ctx: BackendContext = {
        backend,
        db: () => {
          if (!shared) throw new Error('the shared database is opened in before()');
          return shared;
        },
        fresh: async (options) => {
          const db = await freshDb(backend, options);
          opened.push(db);
          return db;
        },
      };
      before(async () => {
        shared = await freshDb(backend);
      });
      after(async () => {
        await Promise.all([shared, ...opened].map((db) => db?.close()));
      });
      body(ctx);
    });
  }
}

/** A study with one site and `subjects` subjects, written by audited inserts. */
export async function seedTrial(db: Db, subjects = 3, code = 'HN2301') {
  return audited(db, { user: 'coordinator' }, async (tx) => {
    const s = await tx.insert(study, { code, title: 'First-in-human dose escalation' });
    const st = await tx.insert(site, { studyId: s.id, code: '01', name: 'Site 01' });
    const subs = [];
    for (let i = 1; i <= subjects; i++) subs.push(await tx.insert(subject, { studyId: s.id, siteId: st.id, screeningNumber: `S-${String(i).padStart(3, '0')}` }));
    return { study: s, site: st, subjects: subs };
  });
}

/** Rolls back whatever `fn` did, after it returns its result: tamper, look, leave no trace. */
export async function inRolledBack<T>(db: Db, fn: (tx: Sql) => Promise<T>): Promise<T> {
  const marker = new Error('rollback');
  let result: T | undefined;
  try {
    await db.transaction(async (tx) => {
      result = await fn(tx);
      throw marker;
    });
  } catch (error) {
    if (error !== marker) throw error;
  }
  return result as T;
}
