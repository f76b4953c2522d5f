// Storage: audited single-record writes (each its own transaction, through the triggers and the
// hash chain) on PGlite and, when DATABASE_URL is set, on PostgreSQL; and `audit verify` over
// 1,000,000 audit records (goal ≤ 10 s). The large trail is made as a synthetic backup with the
// chain computed in JS and restored (the audit triggers would take minutes to write it), so the
// restore time is reported too. FIRSTDOSE_BENCH_AUDIT_RECORDS sets the size.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Db,
  type StoreOptions,
  audited,
  insertRow,
  openStore,
  restore,
  site,
  study,
  subject,
  updateRow,
  verifyAudit,
} from '../src/store/index.ts';
import { writeSyntheticBackup } from '../src/store/synthetic-backup.ts';
import type { Measurement } from './run.ts';

const writes = 500;
const auditRecords = Number(process.env.FIRSTDOSE_BENCH_AUDIT_RECORDS ?? 1_000_000);

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Times `n` calls of `write(i)` one after another; p99 as the figure, rate and median in the note. */
async function timeWrites(name: string, n: number, write: (i: number) => Promise<unknown>): Promise<Measurement> {
  for (let i = 0; i < 20; i++) await write(-1 - i);
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await write(i);
    times.push(performance.now() - t);
  }
  const total = performance.now() - start;
  times.sort((a, b) => a - b);
  const rate = (n / total) * 1000;
  return { name, ms: percentile(times, 99), note: `p99 of one; ${rate.toFixed(0)} writes/s, median ${percentile(times, 50).toFixed(2)} ms, ${n} writes` };
}

async function writeBench(label: string, db: Db): Promise<Measurement[]> {
  const { s, st } = await audited(db, { user: 'bench' }, async (tx) => {
    const s = await tx.insert(study, { code: `BENCH-${Date.now()}`, title: 'Benchmark' });
    return { s, st: await tx.insert(site, { studyId: s.id, code: '01', name: 'Site' }) };
  });
  const ids: string[] = [];
  const inserts = await timeWrites(`${label}: audited insert of one subject (10 audit records)`, writes, async (i) => {
    const row = await insertRow(db, subject, { studyId: s.id, siteId: st.id, screeningNumber: `B-${i}` }, { user: 'bench' });
    if (i >= 0) ids.push(row.id);
  });
  const versions = new Map<string, number>();
  const updates = await timeWrites(`${label}: audited update of one field (2 audit records)`, writes, async (i) => {
    const id = ids[(i + ids.length) % ids.length]!;
    const v = versions.get(id) ?? 1;
    await updateRow(db, subject, id, v, { status: v % 2 ? 'enrolled' : 'screening' }, { user: 'bench', reason: 'benchmark' });
    versions.set(id, v + 1);
  });
  return [inserts, updates];
}

async function verifyBench(label: string, target: StoreOptions, file: string, made: string): Promise<Measurement[]> {
  let t = performance.now();
  await restore(target, file);
  const restoreMs = performance.now() - t;
  const db = await openStore(target);
  try {
    t = performance.now();
    const result = await verifyAudit(db);
    const ms = performance.now() - t;
    if (!result.ok) throw new Error(`synthetic trail did not verify: ${JSON.stringify(result.firstBad)}`);
    return [
      { name: `${label}: audit verify, ${result.records.toLocaleString('en')} audit records`, ms, note: 'goal ≤ 10 s' },
      { name: `${label}: restore of that backup (check, load, verify)`, ms: restoreMs, note: made },
    ];
  } finally {
    await db.close();
  }
}

export async function run(): Promise<Measurement[]> {
  const root = mkdtempSync(join(tmpdir(), 'firstdose-bench-store-'));
  const url = process.env.DATABASE_URL || undefined;
  const schema = `bench_${process.pid}`;
  const out: Measurement[] = [];
  try {
    const local = await openStore({ dataDir: join(root, 'writes') });
    try {
      out.push(...(await writeBench('pglite', local)));
    } finally {
      await local.close();
    }
    if (url) {
      const server = await openStore({ databaseUrl: url, schema: `${schema}_w` });
      try {
        out.push(...(await writeBench('postgres', server)));
      } finally {
        await server.query(`DROP SCHEMA ${schema}_w CASCADE`);
        await server.close();
      }
    }
    const file = join(root, 'synthetic.jsonl');
    const t = performance.now();
    const made = writeSyntheticBackup(file, auditRecords);
    const note = `synthetic backup of ${made.subjects} subjects written in ${((performance.now() - t) / 1000).toFixed(1)} s`;
    out.push(...(await verifyBench('pglite', { dataDir: join(root, 'verify') }, file, note)));
    if (url) {
      try {
        out.push(...(await verifyBench('postgres', { databaseUrl: url, schema: `${schema}_v` }, file, note)));
      } finally {
        const admin = await openStore({ databaseUrl: url, migrate: false });
        await admin.query(`DROP SCHEMA IF EXISTS ${schema}_v CASCADE`);
        await admin.close();
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return out;
}
