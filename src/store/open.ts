// openStore: the only place that knows which backend it is. DATABASE_URL wins over a data
// directory, as the CLI contract says; the default directory is ./firstdose-data.
import type { Db } from './db.ts';
import { checkRoom, withDiskReserve } from './disk-reserve.ts';
import { StoreError } from './errors.ts';
import { migrate } from './migrate.ts';
import { memoryDataDir, openPglite, pgliteInitialised } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export const defaultDataDir = './firstdose-data';

export interface StoreOptions {
  /** PGlite data directory (default ./firstdose-data), or `memory://`. */
  readonly dataDir?: string;
  /** A PostgreSQL URL; when set, `dataDir` is ignored. */
  readonly databaseUrl?: string;
  /** On the server: a schema of its own (tests). */
  readonly schema?: string;
  /** Apply pending migrations at open (default true; restore migrates step by step itself). */
  readonly migrate?: boolean;
  /** Refuse a data directory that holds no database yet (every command but init and restore). */
  readonly mustExist?: boolean;
}

export type Store = Db;

export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const url = options.databaseUrl || undefined;
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(options.schema)) throw new Error(`bad schema name ${options.schema}`);
  const dataDir = options.dataDir ?? defaultDataDir;
  if (!url && options.mustExist && dataDir !== memoryDataDir && !pgliteInitialised(dataDir))
    throw new StoreError('not_initialised', { dir: dataDir });
  if (!url && dataDir !== memoryDataDir) checkRoom(dataDir);
  const db = url ? await openPostgres(url, options.schema) : dataDir === memoryDataDir ? await openPglite(dataDir) : withDiskReserve(await openPglite(dataDir), dataDir);
  try {
    if (options.migrate !== false) await migrate(db);
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}
