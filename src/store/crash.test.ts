// The crash test: a child process makes a stream of acknowledged writes and is killed with
// SIGKILL; after a restart every acknowledged write is there and the audit chain verifies.
// While the child runs, its PGlite data directory is locked against a second process.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { verifyAudit } from './audit-verify.ts';
import type { Db } from './db.ts';
import { openStore } from './open.ts';
import { databaseUrl, seedDataDir, testSchema } from './test-support.ts';

const child = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const acknowledgedBeforeKill = 30;

/** Starts the writer, collects the ids it acknowledges, kills it after `n`; `whileRunning` runs once it is ready. */
async function writeAndKill(args: string[], n: number, whileRunning: (proc: ChildProcess) => Promise<void>): Promise<string[]> {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr!.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => proc.on('exit', (_code, signal) => resolve(signal)));
  const ids: string[] = [];
  try {
    for await (const line of createInterface({ input: proc.stdout! })) {
      if (line === 'ready') await whileRunning(proc);
      else ids.push(line);
      if (ids.length === n) {
        proc.kill('SIGKILL');
        break;
      }
    }
  } finally {
    proc.kill('SIGKILL');
  }
  assert.equal(await exited, 'SIGKILL', `the writer ended on its own: ${stderr}`);
  assert.equal(ids.length, n, stderr);
  return ids;
}

async function assertSurvived(db: Db, ids: string[]): Promise<void> {
  const found = await db.query<{ id: string }>('SELECT id::text AS id FROM subject WHERE id = ANY($1::uuid[])', [ids]);
  assert.equal(found.length, ids.length, 'every acknowledged write is there');
  const verified = await verifyAudit(db);
  assert.equal(verified.ok, true, JSON.stringify(verified));
}

it('PGlite: acknowledged writes survive SIGKILL, the chain verifies, and the directory is locked meanwhile', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'firstdose-crash-'));
  try {
    await seedDataDir(dir);
    const ids = await writeAndKill([dir], acknowledgedBeforeKill, async (proc) => {
      await assert.rejects(openStore({ dataDir: dir }), { code: 'locked', params: { dir, pid: proc.pid!, lockFile: join(dir, 'firstdose.lock') } });
    });
    // The dead writer's lock is stale: a restart takes it over.
    const db = await openStore({ dataDir: dir });
    try {
      await assertSurvived(db, ids);
    } finally {
      await db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('PostgreSQL: acknowledged writes survive SIGKILL of the client and the chain verifies', { skip: !databaseUrl && 'DATABASE_URL not set' }, async () => {
  const schema = testSchema('crash');
  const db = await openStore({ databaseUrl, schema });
  try {
    const ids = await writeAndKill([databaseUrl!, schema], acknowledgedBeforeKill, async () => {});
    await assertSurvived(db, ids);
  } finally {
    await db.query(`DROP SCHEMA "${schema}" CASCADE`);
    await db.close();
  }
});
