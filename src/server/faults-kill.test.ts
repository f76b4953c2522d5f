// The server killed (SIGKILL) during a stream of HTTP writes, on each backend (issue 8): `npm
// start`'s src/main.ts in its own process, a coordinator's observations posted by four writers,
// the process killed with writes in flight, then started again on the same data. Every write it
// acknowledged (201 with an id) is there, and the audit chain verifies. The trial is stored
// beforehand with cheaply hashed passwords (the demo's first start costs far more than the test).
// FIRSTDOSE_FAULT_ROUNDS kills and restarts more than once.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { openStore, verifyAudit, type StoreOptions } from '../store/index.ts';
import { password, trialWithPeople } from '../store/trial/test-support.ts';
import { addSubject } from '../store/trial/index.ts';
import { privatePostgresMissing, startPrivatePostgres } from '../store/private-postgres.ts';
import { seedDataDir } from '../store/test-support.ts';
import { loginAs, request, type ServerWhere, startServer } from './fault-server.ts';
import { startWrites } from './fault-writers.ts';

/** Kill and restart cycles per backend: 1 in CI; `npm run reliability` runs more. */
const rounds = Number(process.env.FIRSTDOSE_FAULT_ROUNDS ?? 1);

/** The study, its people and a subject to write to; returns the subject's id. */
async function seed(options: StoreOptions): Promise<string> {
  const db = await openStore(options);
  try {
    const t = await trialWithPeople(db);
    return (await addSubject(db, t.crc, { studyId: t.study.id, siteId: t.site.id, screeningNumber: 'KILL-1' })).id;
  } finally {
    await db.close();
  }
}

/**
 * Writes and kills, `rounds` times, each after a different number of acknowledged writes; after
 * each restart, every write acknowledged so far must be served. Returns the acknowledged ids.
 */
async function killDuringWrites(where: ServerWhere, subject: string): Promise<string[]> {
  let server = await startServer(where);
  const acked: string[] = [];
  try {
    for (let round = 1; ; round++) {
      const crc = await loginAs(server.base, 'crc.li', password);
      const record = (await request(server.base, crc, 'GET', `/api/subjects/${subject}`)).body as { observations: { id: string }[] };
      const there = new Set(record.observations.map((o) => o.id));
      assert.deepEqual(acked.filter((id) => !there.has(id)), [], `every acknowledged write is served after restart ${round - 1}`);
      if (round > rounds) break;
      const writes = startWrites(async (n) => {
        const body = { kind: 'vital', code: 'weight', valueNum: 60 + n / 1000, unit: 'kg', observedAt: '2026-06-01' };
        return request(server.base, crc, 'POST', `/api/subjects/${subject}/observations`, body);
      });
      try {
        await writes.until(() => writes.acked.length >= 20 + ((round * 13) % 31), 60_000, `writes before kill ${round}`);
        await server.kill();
      } finally {
        await writes.stop();
      }
      acked.push(...writes.acked);
      // Writes cut off by the kill have no answer (status 0); nothing else may fail.
      assert.deepEqual([...new Set(writes.failures.map((f) => f.answer.status))].filter((s) => s !== 0), []);
      server = await startServer(where);
    }
  } finally {
    await server.stop();
  }
  return acked;
}

async function assertStored(options: StoreOptions, acked: string[]): Promise<void> {
  const db = await openStore(options);
  try {
    const found = await db.query<{ id: string }>('SELECT id::text AS id FROM observation WHERE id = ANY($1::uuid[])', [acked]);
    assert.equal(found.length, acked.length, 'every acknowledged write is in the database');
    const verified = await verifyAudit(db);
    assert.equal(verified.ok, true, JSON.stringify(verified));
  } finally {
    await db.close();
  }
}

it('PGlite: the server killed mid-stream loses no acknowledged write, restarts, and the chain verifies', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'firstdose-kill-'));
  try {
    await seedDataDir(dir);
    const acked = await killDuringWrites({ dataDir: dir }, await seed({ dataDir: dir }));
    await assertStored({ dataDir: dir }, acked);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('PostgreSQL: the server killed mid-stream loses no acknowledged write, restarts, and the chain verifies', { skip: privatePostgresMissing() }, async () => {
  const pg = await startPrivatePostgres();
  try {
    const acked = await killDuringWrites({ databaseUrl: pg.url }, await seed({ databaseUrl: pg.url }));
    await assertStored({ databaseUrl: pg.url }, acked);
  } finally {
    await pg.destroy();
  }
});
