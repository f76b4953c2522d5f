// The data directory's disk full (issue 8): the embedded database on a small tmpfs, filled up
// while the API takes audited writes. The write that no longer fits is answered 507 with the
// problem `disk_full` (en, zh-CN); once space is freed the same server takes writes again; the
// CLI says the disk is full; nothing acknowledged is lost, and the database opens, verifies and
// takes writes after a restart.
// Needs root (mount); skipped, saying so, where mounting is not permitted.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { it } from 'node:test';
import { registerUserCommands } from '../cli/commands/user.ts';
import { runProgram } from '../cli/test-support.ts';
import { openStore, verifyAudit } from '../store/index.ts';
import { seedDataDir } from '../store/test-support.ts';
import { startWrites } from './fault-writers.ts';
import { apiTrial } from './test-support.ts';

/** Mounts a tmpfs of `mb` megabytes, or says why it cannot. */
function mountTmpfs(mb: number): { dir: string } | { missing: string } {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return { missing: 'mounting a tmpfs needs root on Linux' };
  const dir = mkdtempSync(join(tmpdir(), 'firstdose-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${mb}m,mode=0700`, 'tmpfs', dir], { stdio: 'pipe' });
    return { dir };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return { missing: `mount -t tmpfs is not permitted here (${String((error as { stderr?: unknown }).stderr ?? error).trim()})` };
  }
}

/** Fills the file system of `dir` to the last page with one file, and returns its path. */
function fill(dir: string): string {
  const file = join(dir, 'filler');
  const fd = openSync(file, 'w');
  try {
    for (const size of [1 << 20, 4096]) {
      const chunk = Buffer.alloc(size, 1);
      for (;;) {
        try {
          writeSync(fd, chunk);
        } catch (error) {
          if ((error as { code?: string }).code === 'ENOSPC') break;
          throw error;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return file;
}

/** Fill and free cycles under the running server: 1 in CI; `npm run reliability` runs more. */
const rounds = Number(process.env.FIRSTDOSE_FAULT_ROUNDS ?? 1);

const userAdd = (data: string, username: string) =>
  runProgram([(program, language, io, env) => registerUserCommands(program, language, io, env, Readable.from(['']))], ['user', 'add', username, '--name', username, '--as', 'admin', '--data', data], {
    env: { FIRSTDOSE_PASSWORD: 'Lupus-trial-2026-Hefei' },
  });

it('a full disk: 507 disk_full (en, zh-CN), writes again once freed, a CLI line naming it; nothing acknowledged lost; the chain verifies', async (t) => {
  const mounted = mountTmpfs(128);
  if ('missing' in mounted) return t.skip(mounted.missing);
  const data = join(mounted.dir, 'data');
  try {
    await seedDataDir(data);
    const db = await openStore({ dataDir: data });
    let acked: string[];
    try {
      const { app, login, call, site } = await apiTrial(db);
      try {
        const crc = await login('crc.li');
        const subject = (await call(crc, 'POST', '/api/subjects', { study: 'hn2301', site: site.code, screeningNumber: 'DISK-FULL' })).json<{ id: string }>();
        const languages = ['en', 'zh-CN'];
        const writes = startWrites(async (n, writer) => {
          const body = { kind: 'vital', code: 'weight', valueNum: 60 + n / 1000, unit: 'kg', observedAt: '2026-06-01' };
          const r = await call(crc, 'POST', `/api/subjects/${subject.id}/observations`, body, { 'accept-language': languages[writer % 2]! });
          return { status: r.statusCode, body: r.json() };
        }, 2);
        // Filled and freed `rounds` times under the running server, which takes writes again once
        // there is room, then filled once more for the CLI.
        try {
          for (let round = 1; round <= rounds; round++) {
            const before = writes.acked.length;
            await writes.until(() => writes.acked.length >= before + 10, 20_000, `writes before the disk fills (${round})`);
            const filler = fill(mounted.dir);
            const refused = writes.failures.length;
            await writes.until(() => writes.failures.length >= refused + 6, 60_000, `writes refused on the full disk (${round})`);
            rmSync(filler);
            const after = writes.acked.length;
            await writes.until(() => writes.acked.length >= after + 5, 20_000, `writes once space is freed (${round})`);
          }
          fill(mounted.dir);
          const refused = writes.failures.length;
          await writes.until(() => writes.failures.length >= refused + 2, 60_000, 'writes refused on the full disk (last)');
        } finally {
          await writes.stop();
        }
        acked = writes.acked;
        const problems = writes.failures.map((f) => f.answer);
        for (const p of problems) assert.deepEqual([p.status, (p.body as { code: string }).code], [507, 'disk_full'], JSON.stringify(p));
        const detail = (title: string) => (problems.find((p) => (p.body as { title: string }).title === title)?.body as { detail: string } | undefined)?.detail ?? `no ${title} answer`;
        assert.match(detail('Disk full'), /^the disk holding the database is full, so nothing was saved/);
        assert.match(detail('磁盘已满'), /^数据库所在磁盘已满/);
        // Reads still work on the full disk.
        assert.equal((await call(crc, 'GET', `/api/subjects/${subject.id}`)).statusCode, 200);
      } finally {
        await app.close();
      }
    } finally {
      await db.close();
    }

    const full = await userAdd(data, 'full.disk');
    assert.equal(full.code, 1, full.stderr);
    // Refused by the disk reserve (disk-reserve.ts) or, past it, by PostgreSQL itself.
    assert.match(full.stderr, /^the disk holding the database is full \(.*(MB free, below the 32 MB kept for the database's log|[Nn]o space left on device).*\); nothing was saved: free space on it, then try again$/);

    rmSync(join(mounted.dir, 'filler'));
    const reopened = await openStore({ dataDir: data });
    try {
      const found = await reopened.query<{ id: string }>('SELECT id::text AS id FROM observation WHERE id = ANY($1::uuid[])', [acked]);
      assert.equal(found.length, acked.length, 'every acknowledged write is there');
      const verified = await verifyAudit(reopened);
      assert.equal(verified.ok, true, JSON.stringify(verified));
    } finally {
      await reopened.close();
    }
    const freed = await userAdd(data, 'space.again');
    assert.equal(freed.code, 0, freed.stderr);
  } finally {
    // Lazily when still busy (a failed step may leave a file open): a failing umount must not
    // hide the failure that left it busy.
    try {
      execFileSync('umount', [mounted.dir], { stdio: 'pipe' });
    } catch {
      execFileSync('umount', ['-l', mounted.dir], { stdio: 'pipe' });
    }
    rmSync(mounted.dir, { recursive: true, force: true });
  }
});
