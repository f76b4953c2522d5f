// The HTTP API under load (issue 6): `npm start -- --demo` in a child process on the embedded
// database (PGlite), and autocannon on loopback with 50 connections for 30 s, each looping over
// a mix of reads and audited writes as logged-in users: the trial status, the subject list, a
// subject's whole record, an observation entered by the coordinator and a data query raised by
// the monitor (two audited writes in six requests). Goal: p99 ≤ 50 ms and zero errors.
// Three runs. 50 users each at a person's pace (FIRSTDOSE_BENCH_HTTP_RATE requests per second
// each, default 1: busier than anyone clicks), their requests spread over each second and each
// user starting at another step of the mix, as people working independently click: the goal's
// run. The same users all sending at the same instant each second, the same request (one
// autocannon with connectionRate: its 50 timers fire together): a burst, whose p99 is the time
// to serve 50 requests of the dearest kind back to back. And 50 connections sending as fast as
// answered (saturation: the queue is then 50 deep, so latency is 50 × the mean service time).
// The paced runs' percentiles are of every request's own latency: autocannon's histogram, with
// a rate set, adds a made-up sample for every millisecond a response took (its interval for
// coordinated omission is 1/rate taken as milliseconds), which weighs slow answers many times.
// FIRSTDOSE_BENCH_HTTP_SECONDS and FIRSTDOSE_BENCH_HTTP_CONNECTIONS change the runs.
// The server runs in its own process so that it and autocannon each have a core, as in use.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Measurement } from './run.ts';

interface Histogram {
  readonly average: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
}
interface AutocannonResult {
  readonly latency: Histogram;
  readonly requests: { readonly average: number; readonly total: number };
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  readonly duration: number;
}
interface RequestSpec {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}
interface AutocannonRun extends Promise<AutocannonResult> {
  on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, ms: number) => void): this;
  on(event: 'reqError', listener: (error: unknown) => void): this;
}
type Autocannon = (options: { url: string; connections: number; duration: number; requests: RequestSpec[]; connectionRate?: number }) => AutocannonRun;

// autocannon ships without types; the shapes used are declared above.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const root = fileURLToPath(new URL('..', import.meta.url));
const seconds = Number(process.env.FIRSTDOSE_BENCH_HTTP_SECONDS ?? 30);
const connections = Number(process.env.FIRSTDOSE_BENCH_HTTP_CONNECTIONS ?? 50);
const rate = Number(process.env.FIRSTDOSE_BENCH_HTTP_RATE ?? 1);
const password = 'firstdose-demo-2026';

async function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--data', dataDir, '--demo'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const up = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return child;
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGINT');
  throw new Error('the server did not start within 5 minutes');
}

async function login(base: string, username: string): Promise<Record<string, string>> {
  const r = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!r.ok) throw new Error(`login ${username}: ${r.status}`);
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  return { cookie: String(r.headers.get('set-cookie')).split(';')[0]!, 'x-csrf-token': csrfToken };
}

async function json<T>(base: string, path: string, headers: Record<string, string>): Promise<T> {
  const r = await fetch(`${base}${path}`, { headers });
  if (!r.ok) throw new Error(`${path}: ${r.status}`);
  return (await r.json()) as T;
}

/** Every response's own latency, and the failures, of paced users (see the top of the file). */
interface PacedResult {
  readonly latencies: number[];
  readonly errors: number;
  readonly non2xx: number;
  readonly seconds: number;
}

/**
 * `users` users at `rate` requests per second each for `duration` s. Spread: each user is an
 * autocannon of its own, started 1/(users × rate) s after the one before, beginning at its own
 * step of the mix. Else one autocannon whose users all send at once.
 */
async function paced(url: string, requests: RequestSpec[], users: number, duration: number, spread: boolean): Promise<PacedResult> {
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const watch = (run: AutocannonRun) =>
    run
      .on('response', (_client, status, _bytes, ms) => {
        latencies.push(ms);
        if (status < 200 || status >= 300) non2xx++;
      })
      .on('reqError', () => errors++);
  const started = performance.now();
  if (!spread) await watch(autocannon({ url, connections: users, duration, requests, connectionRate: rate }));
  else {
    const runs: Promise<AutocannonResult>[] = [];
    for (let i = 0; i < users; i++) {
      const first = i % requests.length;
      runs.push(watch(autocannon({ url, connections: 1, duration, requests: [...requests.slice(first), ...requests.slice(0, first)], connectionRate: rate })));
      await new Promise((r) => setTimeout(r, 1000 / (users * rate)));
    }
    await Promise.all(runs);
  }
  return { latencies, errors, non2xx, seconds: (performance.now() - started) / 1000 };
}

function pacedMeasurement(name: string, r: PacedResult, perLoop: number): Measurement {
  const sorted = [...r.latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  const ms = (x: number | undefined) => (x ?? Number.NaN).toFixed(1);
  const writes = Math.round((sorted.length * 2) / perLoop);
  const failures = r.errors + r.non2xx;
  return {
    name,
    ms: at(0.99),
    note: `p50 ${ms(at(0.5))} ms, p90 ${ms(at(0.9))} ms, max ${ms(sorted.at(-1))} ms; ${(sorted.length / r.seconds).toFixed(0)} req/s, ${sorted.length} requests (~${writes} audited writes); errors ${r.errors}, non-2xx ${r.non2xx}${failures === 0 ? ' (zero errors)' : ''}`,
  };
}

function measurement(name: string, r: AutocannonResult, perLoop: number): Measurement {
  const writes = Math.round((r.requests.total * 2) / perLoop);
  const failures = r.errors + r.timeouts + r.non2xx;
  return {
    name,
    ms: r.latency.p99,
    note: `p50 ${r.latency.p50} ms, p90 ${r.latency.p90} ms, max ${r.latency.max} ms; ${r.requests.average.toFixed(0)} req/s, ${r.requests.total} requests (~${writes} audited writes); errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}${failures === 0 ? ' (zero errors)' : ''}`,
  };
}

export async function run(): Promise<Measurement[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'firstdose-http-bench-'));
  const port = 3900 + (process.pid % 90);
  const base = `http://127.0.0.1:${port}`;
  const server = await startServer(dataDir, port);
  try {
    const crc = await login(base, 'crc.li');
    const cra = await login(base, 'cra.wang');
    const subjects = await json<{ id: string; screeningNumber: string }[]>(base, '/api/subjects?study=hn2301', crc);
    const read = subjects.find((s) => s.screeningNumber === '002')!.id;
    // Writes go to a subject that is not read, so the record read stays the same size throughout.
    const written = subjects.find((s) => s.screeningNumber === '006')!.id;
    const detail = await json<{ observations: { id: string }[] }>(base, `/api/subjects/${read}`, crc);
    const queried = detail.observations[0]!.id;
    const post = (headers: Record<string, string>, path: string, body: unknown): RequestSpec => ({
      method: 'POST',
      path,
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const requests: RequestSpec[] = [
      { method: 'GET', path: '/api/studies/hn2301/status', headers: crc },
      { method: 'GET', path: '/api/subjects?study=hn2301', headers: crc },
      { method: 'GET', path: `/api/subjects/${read}`, headers: crc },
      post(crc, `/api/subjects/${written}/observations`, { kind: 'vital', code: 'weight', valueNum: 61.5, unit: 'kg', observedAt: '2026-06-01' }),
      post(cra, '/api/queries', { study: 'hn2301', table: 'observation', rowId: queried, text: 'Please confirm against the source document.' }),
      { method: 'GET', path: '/api/subjects?study=hn2301', headers: cra },
    ];
    // A short warm-up, then the measured runs.
    await autocannon({ url: base, connections: 10, duration: 3, requests });
    const spread = await paced(base, requests, connections, seconds, true);
    const burst = await paced(base, requests, connections, seconds, false);
    const saturated = await autocannon({ url: base, connections, duration: seconds, requests });
    return [
      pacedMeasurement(`HTTP mix, ${connections} users at ${rate} req/s each, ${seconds} s: p99 (goal ≤ 50 ms)`, spread, requests.length),
      pacedMeasurement(`HTTP mix, the same users all at once each second: p99`, burst, requests.length),
      measurement(`HTTP mix, ${connections} connections unpaced, ${seconds} s: p99`, saturated, requests.length),
    ];
  } finally {
    server.kill('SIGINT');
    await new Promise((r) => server.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
