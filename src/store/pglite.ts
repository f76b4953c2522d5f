// The embedded backend: PGlite (PostgreSQL 18 in WASM) on a data directory, or in memory.
// Layout: DIR/firstdose.lock (see lock.ts) and DIR/pgdata (PGlite's own files), so the lock is
// never inside the folder PostgreSQL manages.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { type Db, type Sql, transactionMode } from './db.ts';
import { acquireLock } from './lock.ts';
import { sharedParsers } from './types.ts';

export const memoryDataDir = 'memory://';

type PgliteLike = Pick<PGlite | Transaction, 'query' | 'exec'>;

function sqlOf(client: PgliteLike): Sql {
  return {
    query: async <R extends object>(text: string, params: readonly unknown[] = []) =>
      (await client.query<R>(text, params as unknown[])).rows,
    queryArrays: async (text, params = []) => (await client.query<unknown[]>(text, params as unknown[], { rowMode: 'array' })).rows,
    exec: async (script) => {
      await client.exec(script);
    },
  };
}

/** Wraps an open PGlite (a data directory's, an in-memory one, or a `clone()`). */
export function pgliteDb(pglite: PGlite, location: string, release: () => void = () => {}): Db {
  let closed = false;
  return {
    backend: 'pglite',
    location,
    ...sqlOf(pglite),
    transaction: (fn, options) =>
      pglite.transaction(async (tx) => {
        const mode = transactionMode(options);
        if (mode) await tx.query(mode);
        return fn(sqlOf(tx));
      }),
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
