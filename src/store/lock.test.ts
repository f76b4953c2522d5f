import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { acquireLock, lockFileName, processAlive } from './lock.ts';
import { openStore } from './open.ts';

const root = mkdtempSync(join(tmpdir(), 'firstdose-lock-'));
after(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;
const newDir = () => {
  const dir = join(root, `d${++dirs}`);
  mkdirSync(dir);
  return dir;
};

/** The pid of a process that has certainly ended. */
function deadPid(): number {
  const done = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const pid = Number(done.stdout);
  assert.equal(processAlive(pid), false);
  return pid;
}

describe('the data directory lock', () => {
  it('writes our pid, refuses a second opener naming the holder, and releases on close', () => {
    const dir = newDir();
    const release = acquireLock(dir);
    assert.equal(readFileSync(join(dir, lockFileName), 'utf8'), `${process.pid}\n`);
    // A second opener in the same process is refused too: two PGlite on one folder corrupt it.
    assert.throws(() => acquireLock(dir), { code: 'locked', params: { dir, pid: process.pid, lockFile: join(dir, lockFileName) } });
    release();
    assert.equal(existsSync(join(dir, lockFileName)), false);
    acquireLock(dir)();
  });

  it("takes over a dead process's lock, and an unreadable one", () => {
    const dir = newDir();
    writeFileSync(join(dir, lockFileName), `${deadPid()}\n`);
    const release = acquireLock(dir);
    assert.equal(readFileSync(join(dir, lockFileName), 'utf8'), `${process.pid}\n`);
    release();
    writeFileSync(join(dir, lockFileName), '');
    acquireLock(dir)();
  });

  it("refuses a live process's lock (pid 1 is always alive) and leaves it alone", () => {
    const dir = newDir();
    writeFileSync(join(dir, lockFileName), '1\n');
    assert.throws(() => acquireLock(dir), { code: 'locked', params: { dir, pid: 1, lockFile: join(dir, lockFileName) } });
    assert.equal(readFileSync(join(dir, lockFileName), 'utf8'), '1\n');
  });

  it('release leaves a lock that is no longer ours', () => {
    const dir = newDir();
    const release = acquireLock(dir);
    writeFileSync(join(dir, lockFileName), '1\n');
    release();
    assert.equal(readFileSync(join(dir, lockFileName), 'utf8'), '1\n');
  });

  it('commands other than init and restore refuse a directory without a database', async () => {
    await assert.rejects(openStore({ dataDir: join(root, 'nothing-here'), mustExist: true }), { code: 'not_initialised', params: { dir: join(root, 'nothing-here') } });
    assert.equal(existsSync(join(root, 'nothing-here')), false);
  });
});
