// The load test (issue 8): 100 people using FirstDose at once for 5 minutes, against the embedded
// database and against PostgreSQL. `npm start -- --demo` runs in a child process (bench/
// load-server.ts, so its memory can be read), on loopback only; 45 coordinators, 20
// investigators and 35 monitors, each with an account of their own, act as bench/load-users.ts
// says, with 5–15 s between actions. Reported per backend: errors (the goal is zero), p50/p99 per
// role, the request rate, and the server's RSS and live heap (after a full GC) at the start and
// the end. Afterwards, with the server stopped: every acknowledged write is in the database, the
// audit chain verifies, and a backup restored into a fresh database reproduces it.
//   npm run bench -- load                    (or: node --import tsx bench/load.bench.ts)
//   FIRSTDOSE_LOAD_SECONDS (300), FIRSTDOSE_LOAD_USERS (100), FIRSTDOSE_LOAD_THINK_MS (5000,15000),
//   FIRSTDOSE_LOAD_BACKENDS
//   (pglite,postgres: postgres only when DATABASE_URL is set), FIRSTDOSE_LOAD_REPORT (a JSON file
//   to write the figures to).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { demoPassword, loginAs, request, type ServerChild, startServer } from '../src/server/fault-server.ts';
import { openStore, type StoreOptions } from '../src/store/index.ts';
import { checkAfterLoad, type LoadCheck } from './load-check.ts';
import { createAccounts, type LoadWorld, person, type RoleName } from './load-users.ts';
import type { Measurement } from './run.ts';

const seconds = Number(process.env.FIRSTDOSE_LOAD_SECONDS ?? 300);
const users = Number(process.env.FIRSTDOSE_LOAD_USERS ?? 100);
/**
 * The pause between one person's actions: 5–15 s, a busy person (a page read or a value saved
 * every 10 s on average, all 100 at once: about 12 requests a second). FIRSTDOSE_LOAD_THINK_MS
 * "1000,3000" makes everyone click every 2 s, past what one server process can answer (a stress
 * run: latency then measures the queue).
 */
const thinkMs = (process.env.FIRSTDOSE_LOAD_THINK_MS ?? '5000,15000').split(',').map(Number) as [number, number];
if (thinkMs.length !== 2 || !(thinkMs[0] >= 0 && thinkMs[1] >= thinkMs[0])) throw new Error(`FIRSTDOSE_LOAD_THINK_MS: two numbers "min,max" of milliseconds, got ${process.env.FIRSTDOSE_LOAD_THINK_MS}`);
/**
 * The memory bound: the live heap (after a full GC) may end at most this much above where it
 * started. Sessions, caches and the protocol are made at the start; what a request allocates is
 * garbage after it. A leak of even 1 kB per request passes it within the run (about 15,000
 * requests).
 */
const heapBoundMb = 16;
/**
 * RSS may grow more: PGlite's WASM memory grows with its buffer pool and never shrinks, and
 * fastify's and V8's pools settle in the first minutes. 128 MB is a quarter of what the server
 * takes at the start.
 */
const rssBoundMb = 128;

export interface Memory {
  readonly rss: number;
  readonly heapUsed: number;
}

export interface LoadReport {
  readonly backend: 'pglite' | 'postgres';
  readonly seconds: number;
  readonly thinkMs: readonly [number, number];
  readonly users: Record<RoleName, number>;
  readonly requests: number;
  readonly perSecond: number;
  readonly errors: number;
  readonly errorSamples: string[];
  readonly latency: Record<string, { n: number; p50: number; p90: number; p99: number; max: number }>;
  readonly memory: { start: Memory; end: Memory; peakRss: number; heapGrowthMb: number; rssGrowthMb: number; withinBound: boolean };
  readonly serverCpuSeconds: number;
  readonly loadAverage: [number, number, number];
  readonly check: LoadCheck;
}

const mb = (bytes: number) => bytes / 2 ** 20;

function quantile(sorted: readonly number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : 0;
}

function summary(values: readonly number[]) {
  const s = [...values].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return { n: s.length, p50: r(quantile(s, 0.5)), p90: r(quantile(s, 0.9)), p99: r(quantile(s, 0.99)), max: r(s.at(-1) ?? 0) };
}

function memoryOf(server: ServerChild, gc: boolean): Promise<Memory> {
  return new Promise((resolve) => {
    server.proc.once('message', (m) => resolve(m as Memory));
    server.proc.send(gc ? 'memory after gc' : 'memory');
  });
}

/** The server process's CPU time so far (user + system), from /proc. */
async function cpuSeconds(pid: number): Promise<number> {
  const { readFileSync } = await import('node:fs');
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Splits `n` people 45 : 20 : 35 over the roles. */
export function roleCounts(n: number): Record<RoleName, number> {
  const investigator = Math.round(n * 0.2);
  const monitor = Math.round(n * 0.35);
  return { coordinator: n - investigator - monitor, investigator, monitor };
}

interface Where {
  readonly backend: 'pglite' | 'postgres';
  /** How the server child is started, how the store is opened afterwards, and where a restore goes. */
  readonly server: { dataDir?: string; databaseUrl?: string };
  readonly store: StoreOptions;
  readonly fresh: StoreOptions;
  cleanup(): Promise<void>;
}

async function pgliteWhere(): Promise<Where> {
  const dir = mkdtempSync(join(tmpdir(), 'firstdose-load-'));
  return {
    backend: 'pglite',
    server: { dataDir: join(dir, 'data') },
    store: { dataDir: join(dir, 'data') },
    fresh: { dataDir: join(dir, 'restored') },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The URL with the schema as its search path (openPostgres keeps a URL's own `options`). */
function searchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

/** A schema of its own on DATABASE_URL (the server's search_path points at it), and one to restore into. */
async function postgresWhere(url: string): Promise<Where> {
  const schema = `load_${process.pid}`;
  const restored = `${schema}_restored`;
  // Created and migrated here; the server finds it ready.
  await (await openStore({ databaseUrl: url, schema })).close();
  return {
    backend: 'postgres',
    server: { databaseUrl: searchPath(url, schema) },
    store: { databaseUrl: url, schema },
    fresh: { databaseUrl: url, schema: restored },
    cleanup: async () => {
      const db = await openStore({ databaseUrl: url, migrate: false });
      try {
        await db.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE; DROP SCHEMA IF EXISTS "${restored}" CASCADE`);
      } finally {
        await db.close();
      }
    },
  };
}

export async function loadRun(where: Where): Promise<LoadReport> {
  const server = await startServer({ ...where.server, demo: true, entry: 'bench/load-server.ts', nodeArgs: ['--expose-gc'] });
  let stopped = false;
  try {
    const base = server.base;
    const admin = await loginAs(base, 'admin', demoPassword);
    const listed = (await request(base, admin, 'GET', '/api/studies')).body as { code: string; sites: { code: string }[] }[];
    const study = listed[0]!.code;
    const site = listed[0]!.sites[0]!.code;
    const counts = roleCounts(users);
    const people = await createAccounts(base, admin, study, site, counts, 'load-test-password-2026');
    const crc = people.find((p) => p.role === 'coordinator')!.who;
    const subjects = (await request(base, crc, 'GET', `/api/subjects?study=${study}`)).body as { id: string; status: string }[];
    const world: LoadWorld = {
      base,
      study,
      subjects: subjects.map((s) => s.id),
      dosed: subjects.filter((s) => s.status === 'dosed' || s.status === 'follow_up').map((s) => s.id),
      observations: [],
      openQueries: [],
      answeredQueries: [],
      stats: { latency: new Map(), errors: [], acked: [] },
    };
    const start = await memoryOf(server, true);
    const cpuStart = await cpuSeconds(server.proc.pid!);
    let peakRss = start.rss;
    const sampler = setInterval(() => void memoryOf(server, false).then((m) => (peakRss = Math.max(peakRss, m.rss))), 10_000);
    const began = Date.now();
    const deadline = began + seconds * 1000;
    await Promise.all(people.map((p, i) => person(world, p.who, p.role, 1000 + i, deadline, thinkMs)));
    const elapsed = (Date.now() - began) / 1000;
    clearInterval(sampler);
    // At the end of a 5-minute run, the 5-minute figure is the run's own.
    const loadAverage = loadavg().map((x) => Math.round(x * 100) / 100) as [number, number, number];
    const cpu = (await cpuSeconds(server.proc.pid!)) - cpuStart;
    const end = await memoryOf(server, true);
    peakRss = Math.max(peakRss, end.rss);
    await server.stop();
    stopped = true;
    const check = await checkAfterLoad(where.store, where.fresh, world.stats.acked);

    const all = [...world.stats.latency.values()].flat();
    const latency: LoadReport['latency'] = { all: summary(all) };
    for (const role of ['coordinator', 'investigator', 'monitor'] as const)
      latency[role] = summary([...world.stats.latency].filter(([k]) => k.startsWith(`${role} `)).flatMap(([, v]) => v));
    for (const [key, values] of [...world.stats.latency].sort()) latency[key] = summary(values);
    const heapGrowthMb = mb(end.heapUsed - start.heapUsed);
    const rssGrowthMb = mb(end.rss - start.rss);
    const errorKinds = new Map<string, number>();
    for (const e of world.stats.errors) errorKinds.set(`${e.role} ${e.action}: ${e.status} ${e.code}`, (errorKinds.get(`${e.role} ${e.action}: ${e.status} ${e.code}`) ?? 0) + 1);
    return {
      backend: where.backend,
      seconds: Math.round(elapsed),
      thinkMs,
      users: counts,
      requests: all.length,
      perSecond: Math.round((all.length / elapsed) * 10) / 10,
      errors: world.stats.errors.length,
      errorSamples: [...errorKinds].map(([k, n]) => `${n}× ${k}`),
      latency,
      memory: { start, end, peakRss, heapGrowthMb, rssGrowthMb, withinBound: heapGrowthMb <= heapBoundMb && rssGrowthMb <= rssBoundMb },
      serverCpuSeconds: Math.round(cpu * 10) / 10,
      loadAverage,
      check,
    };
  } finally {
    if (!stopped) await server.stop();
  }
}

function measurements(r: LoadReport): Measurement[] {
  const u = r.users;
  const head = `${r.backend}, ${u.coordinator + u.investigator + u.monitor} users (${u.coordinator} C, ${u.investigator} I, ${u.monitor} M, ${r.thinkMs.join('–')} ms apart), ${r.seconds} s`;
  const m = r.memory;
  const f = (x: number) => `${x.toFixed(0)} MB`;
  return [
    {
      name: `load ${head}: p99 all`,
      ms: r.latency.all!.p99,
      note: `p50 ${r.latency.all!.p50} ms, max ${r.latency.all!.max} ms; ${r.requests} requests (${r.perSecond}/s); errors ${r.errors}${r.errors ? ` (${r.errorSamples.slice(0, 3).join('; ')})` : ''}; server CPU ${r.serverCpuSeconds} s; load average ${r.loadAverage.join(' ')}`,
    },
    ...(['coordinator', 'investigator', 'monitor'] as const).map((role) => ({ name: `load ${r.backend}: p99 ${role}s`, ms: r.latency[role]!.p99, note: `p50 ${r.latency[role]!.p50} ms, ${r.latency[role]!.n} requests` })),
    {
      name: `load ${r.backend}: memory`,
      ms: 0,
      note: `RSS ${f(mb(m.start.rss))} → ${f(mb(m.end.rss))} (peak ${f(mb(m.peakRss))}), live heap ${f(mb(m.start.heapUsed))} → ${f(mb(m.end.heapUsed))}: growth ${m.heapGrowthMb.toFixed(1)} MB heap (bound ${heapBoundMb}), ${m.rssGrowthMb.toFixed(0)} MB RSS (bound ${rssBoundMb}) ${m.withinBound ? 'within bounds' : 'OVER THE BOUND'}`,
    },
    {
      name: `load ${r.backend}: after the run`,
      ms: r.check.restoreMs,
      note: `${r.check.acked - r.check.missing}/${r.check.acked} acknowledged writes found; audit chain ${r.check.auditOk ? `verifies (${r.check.auditRecords} records)` : 'BROKEN'}; backup restored into a fresh database ${r.check.restoredSame ? 'identical (tables and chain head)' : 'DIFFERS'} (restore time in ms)${r.check.notes.length ? `; ${r.check.notes.join('; ')}` : ''}`,
    },
  ];
}

export function backends(): ('pglite' | 'postgres')[] {
  const asked = (process.env.FIRSTDOSE_LOAD_BACKENDS ?? 'pglite,postgres').split(',').map((s) => s.trim());
  return asked.filter((b): b is 'pglite' | 'postgres' => b === 'pglite' || (b === 'postgres' && Boolean(process.env.DATABASE_URL)));
}

export async function run(): Promise<Measurement[]> {
  const reports: LoadReport[] = [];
  const out: Measurement[] = [];
  for (const backend of backends()) {
    const where = backend === 'pglite' ? await pgliteWhere() : await postgresWhere(process.env.DATABASE_URL!);
    try {
      const report = await loadRun(where);
      reports.push(report);
      out.push(...measurements(report));
    } finally {
      await where.cleanup();
    }
  }
  if (process.env.FIRSTDOSE_LOAD_REPORT) writeFileSync(process.env.FIRSTDOSE_LOAD_REPORT, `${JSON.stringify(reports, null, 2)}\n`);
  return out;
}

/** True when the run met every goal: zero errors, memory within bounds, nothing lost, chain and restore good. */
export function passed(r: LoadReport): boolean {
  return r.errors === 0 && r.memory.withinBound && r.check.missing === 0 && r.check.auditOk && r.check.restoredSame;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const m of await run()) console.log(`${m.name.padEnd(58)} ${m.ms.toFixed(1).padStart(10)} ms  ${m.note ?? ''}`);
}
