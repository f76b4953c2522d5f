// One process per PGlite data directory. PGlite has no lock of its own: two processes on one
// folder both "commit" and rows are silently lost (see docs: stack.md). So the directory carries
// `firstdose.lock` with the owner's pid, created atomically (O_EXCL); a lock whose process is gone
// (crash, SIGKILL) is stale and is taken over.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StoreError } from './errors.ts';

export const lockFileName = 'firstdose.lock';

/** True when a process with this pid exists (EPERM: it exists but belongs to someone else). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holder(path: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Takes the directory's lock or throws `locked` naming the live holder. Returns the release
 * function, which removes the file only while it is still ours. The same process opening the
 * directory twice is refused too: two PGlite instances on one folder corrupt it just the same.
 */
export function acquireLock(dir: string): () => void {
  const path = join(dir, lockFileName);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => {
        if (holder(path) === process.pid) unlinkSync(path);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const pid = holder(path);
    // An unreadable or half-written file is as stale as a dead pid: its writer never finished.
    if (pid !== null && processAlive(pid)) throw new StoreError('locked', { dir, pid, lockFile: path });
    try {
      unlinkSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new StoreError('locked', { dir, pid: holder(path) ?? 0, lockFile: path });
}
