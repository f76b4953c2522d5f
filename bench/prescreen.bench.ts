// Population pre-screening (issue parts 6–7). Budgets: ≥ 200,000 resources per second on one core
// and ≤ 1 KB per patient beyond a fixed base, on a 100,000-patient synthetic export; `screen` of one
// bundle ≤ 20 ms in process.
//
// How it is measured:
// - The export is generated once per (generator version, seed, patients, date) into the temp folder
//   and reused (~25 s for 100,000 patients; a `complete` marker guards half-written ones).
// - Throughput: resources ÷ wall time of one whole `prescreen` (read, reduce, screen, rank) in a
//   fresh process, on one thread (no worker threads; V8's collector helpers aside), and ÷ CPU time of
//   the process (process.cpuUsage, all threads: the GC helpers included), the figure that depends
//   less on what else the machine runs. For reference, the same files mapped to facts as the read
//   pass maps them (the extractors of extract.ts, else the sparse reader and resourceFacts: the part
//   before the reducer), through the sparse reader alone (JSON.parse where it cannot be sure) and
//   with resourceFacts, and through JSON.parse alone and with resourceFacts, as they were read before.
// - Memory: each pre-screen runs in a fresh child process (node --expose-gc), on the full export and
//   on one a fifth of its size. Per run: the peak RSS (getrusage maxrss), everything the process held
//   at its worst, garbage, buffers and the young generation included; and the live state at its
//   largest (end of the read pass, after a full collection: V8 heap + off-heap bytes). The cost per
//   patient beyond a fixed base is the slope between the two runs: (M(N) − M(N/5)) ÷ (4N/5), which
//   leaves out what does not grow with the patients (code, young generation, read buffers).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateProtocol } from '../src/domain/eligibility/evaluate.ts';
import { bundleToRecord } from '../src/fhir/bundle.ts';
import { defaultCodeTables } from '../src/fhir/code-tables.ts';
import { resourceFacts } from '../src/fhir/resource-facts.ts';
import { extractFacts } from '../src/prescreen/extract.ts';
import { exportFiles } from '../src/prescreen/files.ts';
import { resourceFields } from '../src/fhir/resource-fields.ts';
import { forEachLineBytes } from '../src/prescreen/ndjson.ts';
import { prescreen } from '../src/prescreen/prescreen.ts';
import { readSparse } from '../src/prescreen/sparse-json.ts';
import { loadProtocol } from '../src/protocols/load.ts';
import { generatorVersion, syntheticBundle, writeSyntheticExport } from '../src/synth/index.ts';
import type { Measurement } from './run.ts';
import { median } from './timing.ts';

const patients = Number(process.env.FIRSTDOSE_BENCH_PATIENTS ?? 100_000);
const seed = 2301;
const asOf = '2026-12-01';
const fmt = (n: number) => Math.round(n).toLocaleString('en');

interface ChildReport {
  readonly ms: number;
  readonly cpuMs: number;
  readonly patients: number;
  readonly resources: number;
  readonly counts: Record<string, number>;
  readonly peakRssAboveBase: number;
  readonly liveAboveBase: number;
}

/** In the child: one pre-screen, measured. Prints a ChildReport as JSON. */
async function child(dir: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run the child with --expose-gc');
  const protocol = loadProtocol('hn2301');
  if (!protocol.ok) throw new Error('hn2301 does not load');
  defaultCodeTables();
  gc();
  const mem = () => {
    const m = process.memoryUsage();
    return { rss: m.rss, live: m.heapUsed + m.external };
  };
  const base = mem();
  let live = 0;
  let pauses = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  const r = await prescreen(dir, protocol.value, {
    asOf,
    onProgress: (p) => {
      // The first report of the screening pass: every patient's state is still held.
      if (p.phase === 'evaluate' && live === 0) {
        const pausedAt = performance.now();
        gc();
        live = mem().live;
        pauses += performance.now() - pausedAt;
      }
    },
  });
  const ms = performance.now() - start - pauses;
  const used = process.cpuUsage(cpu);
  const report: ChildReport = {
    ms,
    cpuMs: (used.user + used.system) / 1000 - pauses,
    patients: r.patients,
    resources: r.resources,
    counts: r.counts,
    peakRssAboveBase: process.resourceUsage().maxRSS * 1024 - base.rss,
    liveAboveBase: live - base.live,
  };
  process.stdout.write(JSON.stringify(report));
}

async function cachedExport(patients: number): Promise<string> {
  const dir = join(tmpdir(), `firstdose-bench-export-v${generatorVersion}-${seed}-${patients}-${asOf}`);
  if (existsSync(join(dir, 'complete'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await writeSyntheticExport(dir, { patients, seed, asOf });
  writeFileSync(join(dir, 'complete'), '');
  return dir;
}

/** Wall and CPU milliseconds of `fn`. */
async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await fn();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}

/** One measured pre-screen in a fresh process. */
function childRun(dir: string): ChildReport {
  const spawned = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url)], {
    env: { ...process.env, FIRSTDOSE_PRESCREEN_BENCH_CHILD: dir },
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (spawned.status !== 0) throw new Error(`prescreen bench child failed: ${spawned.stderr}`);
  return JSON.parse(spawned.stdout) as ChildReport;
}

/** Every line of the export read (by the extractors, the sparse reader, or JSON.parse), and mapped when `map`. */
async function readOnly(dir: string, reader: 'extract' | 'sparse' | 'parse', map: boolean): Promise<number> {
  const tables = defaultCodeTables();
  let n = 0;
  for (const file of await exportFiles(dir)) {
    await forEachLineBytes(file.path, (bytes, start, end) => {
      n++;
      if (reader === 'extract' && extractFacts(bytes, start, end, tables) !== undefined) return;
      const r = (reader !== 'parse' ? readSparse(bytes, start, end, resourceFields) : undefined) ?? JSON.parse(bytes.toString('utf8', start, end));
      if (map) resourceFacts(r, tables);
    });
  }
  return n;
}

export async function run(): Promise<Measurement[]> {
  const protocol = loadProtocol('hn2301');
  if (!protocol.ok) throw new Error('hn2301 does not load');
  const dir = await cachedExport(patients);
  const small = await cachedExport(Math.round(patients / 5));
  const out: Measurement[] = [];

  for (const [name, reader, map] of [
    ['extractors, else sparse reader + resourceFacts (the read pass before the reducer)', 'extract', true],
    ['sparse reader only', 'sparse', false],
    ['sparse reader + resourceFacts (as before)', 'sparse', true],
    ['JSON.parse only', 'parse', false],
    ['JSON.parse + resourceFacts', 'parse', true],
  ] as const) {
    const read = await timed(() => readOnly(dir, reader, map));
    out.push({ name: `${name}, ${fmt(read.value)} resources`, ms: read.ms, note: `${fmt((read.value / read.ms) * 1000)} resources/s, ${fmt((read.value / read.cpuMs) * 1000)} per CPU-second` });
  }

  const r = childRun(dir);
  const s = childRun(small);
  out.push({
    name: `prescreen hn2301, ${fmt(r.patients)} patients, ${fmt(r.resources)} resources`,
    ms: r.ms,
    note: `${fmt((r.resources / r.ms) * 1000)} resources/s wall, ${fmt((r.resources / r.cpuMs) * 1000)} per CPU-second (budget 200,000); ${r.counts.yes} eligible, ${r.counts.undetermined} undetermined`,
  });
  const slope = (a: number, b: number) => ((a - b) / (r.patients - s.patients)).toFixed(0);
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
  out.push({
    name: 'prescreen memory per patient beyond a fixed base',
    ms: 0,
    note: `peak RSS ${slope(r.peakRssAboveBase, s.peakRssAboveBase)} B/patient (budget 1,024), live state ${slope(r.liveAboveBase, s.liveAboveBase)} B/patient; peak RSS above a fresh process ${mb(r.peakRssAboveBase)} (${fmt(r.patients)}) / ${mb(s.peakRssAboveBase)} (${fmt(s.patients)})`,
  });

  const bundle = syntheticBundle(seed, 'sle', asOf);
  const tables = defaultCodeTables();
  out.push(
    await median(`screen one bundle in process (${bundle.entry.length} resources, bundleToRecord + evaluateProtocol)`, () => {
      const record = bundleToRecord(bundle, tables);
      if (!record.ok) throw new Error('synthetic bundle does not map');
      return evaluateProtocol(protocol.value, record.value, asOf);
    }, 51, 10, 'median of 51 runs (budget 20 ms)'),
  );
  return out;
}

const childDir = process.env.FIRSTDOSE_PRESCREEN_BENCH_CHILD;
if (childDir !== undefined && process.argv[1] === fileURLToPath(import.meta.url)) await child(childDir);
