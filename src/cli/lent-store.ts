// A store lent to the commands by a program that keeps it open, for one data directory: the
// commands run on it as on one they opened themselves, and leave it open. Opening PGlite takes
// about a second, so a program that runs many commands in process on one database (the CLI's
// fuzz test runs hundreds) lends it instead of paying that each time. Nothing lends by default,
// and DATABASE_URL, when set, still wins as it does for every command.
import { resolve } from 'node:path';
import type { Store } from '../store/index.ts';

const lent = new Map<string, Store>();

/** Lends `db` for `dataDir` until the returned function is called. */
export function lendStore(dataDir: string, db: Store): () => void {
  const key = resolve(dataDir);
  lent.set(key, db);
  return () => {
    if (lent.get(key) === db) lent.delete(key);
  };
}

/** The store lent for this data directory, if any. */
export function lentStore(dataDir: string | undefined, databaseUrl: string | undefined): Store | undefined {
  return databaseUrl || dataDir === undefined ? undefined : lent.get(resolve(dataDir));
}
