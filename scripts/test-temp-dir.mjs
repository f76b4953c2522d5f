// A temp directory of the test run's own: TMPDIR points at it, which os.tmpdir() and every child
// process (the CLI, PostgreSQL, chromium, R) follow. So whatever is left in it at the end was left
// by this run, and by nothing else on the machine (a second run, another user's program): a check on
// it can fail the run without being flaky, where comparing /tmp before and after could not. It is
// removed at the end whatever it holds, so a test that leaks no longer fills the disk meanwhile.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The names this project's tests and code give their temp folders and files. */
const ours = /^(firstdose|fd-)/;

/** `firstdose-cli-Ab3dE9` → `firstdose-cli-*`, so that 900 leaks of one helper make one line. */
const kind = (name) => name.replace(/[^-]*$/, '*');

function summary(names) {
  const counts = new Map();
  for (const name of names) counts.set(kind(name), (counts.get(kind(name)) ?? 0) + 1);
  return [...counts].map(([k, n]) => (n === 1 ? names.find((name) => kind(name) === k) : `${k} ×${n}`)).join(', ');
}

export function ownTempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'firstdose-run-'));
  // Open to all, as /tmp is: the private PostgreSQL server (private-postgres.ts) runs as the
  // postgres user and keeps its folder in here.
  chmodSync(dir, 0o1777);
  // tsx keeps its compile cache in $TMPDIR/tsx-<euid>: the child processes that run TypeScript
  // (the CLI, the fault servers) share the machine's, rather than compile everything anew each run.
  const cache = process.geteuid ? `tsx-${process.geteuid()}` : undefined;
  if (cache) {
    mkdirSync(join(tmpdir(), cache), { recursive: true, mode: 0o700 });
    symlinkSync(join(tmpdir(), cache), join(dir, cache));
  }
  process.env.TMPDIR = dir;
  return {
    dir,
    /**
     * Removes the directory. Throws, naming them, when the project's own temp folders or files were
     * left in it; only warns about other programs' (a tool the tests run is not this project's to fix).
     */
    finish() {
      const left = readdirSync(dir)
        .filter((name) => name !== cache)
        .sort();
      rmSync(dir, { recursive: true, force: true });
      const own = left.filter((name) => ours.test(name));
      const others = left.filter((name) => !ours.test(name));
      if (others.length > 0) console.warn(`warning: programs run by the tests left ${others.length} temp entries behind (now removed): ${summary(others)}`);
      if (own.length > 0) throw new Error(`the tests left ${own.length} temp entries behind (now removed; remove each in a finally or an after() hook): ${summary(own)}`);
    },
  };
}
