// The embedded backend: PGlite (PostgreSQL 18 in WASM) on a data directory, or in memory.
// Layout: DIR/firstdose.lock (see lock.ts) and DIR/pgdata (PGlite's own files), so the lock is
// never inside the folder PostgreSQL manages.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { type Db, type Sql, transactionMode } from './db.ts';
import { acquireLock } from './lock.ts';
import { forgetStatements, runStatement } from './pglite-statements.ts';
import { sharedParsers } from './types.ts';

export const memoryDataDir = 'memory://';

/** Statements in one call each (pglite-statements.ts); scripts through PGlite's exec. */
function sqlOf(pglite: PGlite, tx?: Transaction): Sql {
  const statement = <R>(text: string, params: readonly unknown[], rowMode: 'object' | 'array') => {
    // As PGlite's own transaction object does: used after its end, it would run in someone else's.
    if (tx?.closed) return Promise.reject(new Error('Transaction is closed'));
    return runStatement<R>(pglite, text, params, rowMode, tx !== undefined);
  };
  return {
    query: <R extends object>(text: string, params: readonly unknown[] = []) => statement<R>(text, params, 'object'),
    queryArrays: (text, params = []) => statement<unknown[]>(text, params, 'array'),
    exec: async (script) => {
      forgetStatements(pglite);
      await (tx ?? pglite).exec(script);
    },
  };
}

/** A statement that only reads: the store never writes from a SELECT outside a transaction. */
const reads = (text: string) => /^\s*select\b/i.test(text);

/** Wraps an open PGlite (a data directory's, an in-memory one, or a `clone()`). */
export function pgliteDb(pglite: PGlite, location: string, release: () => void = () => {}): Db {
  let closed = false;
  let changes = 0;
  // Counted once settled, before the caller goes on: whatever it does next sees the count moved.
  const counted = <T>(done: Promise<T>): Promise<T> =>
    done.finally(() => {
      changes++;
    });
  const sql = sqlOf(pglite);
  return {
    backend: 'pglite',
    location,
    query: (text, params) => (reads(text) ? sql.query(text, params) : counted(sql.query(text, params))),
    queryArrays: (text, params) => (reads(text) ? sql.queryArrays(text, params) : counted(sql.queryArrays(text, params))),
    exec: (script) => counted(sql.exec(script)),
    localChanges: () => changes,
    transaction: (fn, options) => {
      const done = pglite.transaction(async (tx) => {
        const sql = sqlOf(pglite, tx);
        const mode = transactionMode(options);
        if (mode) await sql.query(mode);
        return fn(sql);
      });
      return options?.readOnly ? done : counted(done);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await pglite.close();
      } finally {
        release();
      }
    },
  };
}

export const pgliteOptions = { parsers: sharedParsers };

/** True when DIR holds a PGlite database already (PG_VERSION is written by initdb). */
export function pgliteInitialised(dataDir: string): boolean {
  return existsSync(join(dataDir, 'pgdata', 'PG_VERSION'));
}

/** PGlite with our parsers and session settings; `loadDataDir` starts it from a dump. */
export async function createPglite(path: string, loadDataDir?: Blob): Promise<PGlite> {
  const pglite = await PGlite.create(path, { ...pgliteOptions, ...(loadDataDir ? { loadDataDir } : {}) });
  await pglite.exec(`SET TimeZone = 'UTC'`);
  return pglite;
}

/** Opens (creating when new) the database in `dataDir`, holding its lock until `close()`. */
export async function openPglite(dataDir: string): Promise<Db> {
  if (dataDir === memoryDataDir) return pgliteDb(await createPglite(memoryDataDir), memoryDataDir);
  mkdirSync(dataDir, { recursive: true });
  const release = acquireLock(dataDir);
  try {
    return pgliteDb(await createPglite(join(dataDir, 'pgdata')), dataDir, release);
  } catch (error) {
    release();
    throw error;
  }
}
