// The embedded database's disk reserve. PostgreSQL refuses a write cleanly when a table cannot
// grow on a full disk (SQLSTATE 53100), but not when its write-ahead log needs a new segment:
// then it stops (PANIC), and PGlite with it, aborting or hanging the whole process (seen in the
// disk-full fault test once the log crossed a 16 MB segment on a full tmpfs). So a transaction on
// PGlite first checks the free space of its data directory's disk and is refused as disk_full
// while less than the reserve is left: room for the log's next segments, whatever is written.
// Opening is refused the same way: PGlite starting on a full disk aborted too.
import { existsSync, statfsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Db } from './db.ts';
import { StoreError } from './errors.ts';

/** Two write-ahead log segments (16 MB each); FIRSTDOSE_DISK_RESERVE_MB changes it. */
export const defaultReserveMb = 32;

export function reserveMb(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.FIRSTDOSE_DISK_RESERVE_MB ?? defaultReserveMb);
  return Number.isFinite(value) && value >= 0 ? value : defaultReserveMb;
}

/** Free megabytes (for an unprivileged user) on the disk holding `dir`. */
export function freeMb(dir: string): number {
  const s = statfsSync(dir);
  return (s.bavail * s.bsize) / 2 ** 20;
}

/** Throws disk_full, naming the directory and the space, when `dir`'s disk has less than `reserve` MB free. */
export function checkRoom(dir: string, reserve = reserveMb()): void {
  if (reserve <= 0) return;
  // A directory about to be made is on the disk of its nearest existing parent.
  let at = resolve(dir);
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  const free = freeMb(at);
  if (free < reserve) throw new StoreError('disk_full', { detail: `${dir}: ${free.toFixed(1)} MB free, below the ${reserve} MB kept for the database's log` });
}

/** `db` with every transaction refused as disk_full while `dir`'s disk has less than `reserve` MB free. */
export function withDiskReserve(db: Db, dir: string, reserve = reserveMb()): Db {
  if (reserve <= 0) return db;
  return {
    ...db,
    transaction: (fn, options) => {
      // A read-only transaction writes nothing worth refusing (verify, backup).
      if (!options?.readOnly) {
        try {
          checkRoom(dir, reserve);
        } catch (error) {
          return Promise.reject(error);
        }
      }
      return db.transaction(fn, options);
    },
  };
}
