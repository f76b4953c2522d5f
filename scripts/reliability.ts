// `npm run reliability`: the long reliability suite of issue 8, in one command (about 20 minutes
// on the 2-core machine). It runs
//   1. the load benchmark (bench/load.bench.ts): 100 users for 5 minutes on the embedded database,
//      then on PostgreSQL: DATABASE_URL when set, else a private server made for the run
//      (src/store/private-postgres.ts; needs Debian's postgresql package);
//   2. the fault tests (src/server/faults-*.test.ts) with FIRSTDOSE_FAULT_ROUNDS rounds of each
//      fault (default 10: kills and restarts, PostgreSQL stops and starts, disks filled and freed).
// It writes the figures to test-artifacts/reliability/<date>.md and .json, prints the Markdown,
// and exits 1 when a goal was missed (an error, memory over its bound, a write lost, a chain or a
// restore that does not verify, a fault test failing). FIRSTDOSE_LOAD_SECONDS and
// FIRSTDOSE_LOAD_USERS shorten the load, as for the benchmark.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LoadReport, passed, run as runLoad } from '../bench/load.bench.ts';
import { privatePostgresMissing, type PrivatePostgres, startPrivatePostgres } from '../src/store/private-postgres.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const rounds = Number(process.env.FIRSTDOSE_FAULT_ROUNDS ?? 10);
const outDir = join(root, 'test-artifacts', 'reliability');
const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

interface FaultRun {
  readonly rounds: number;
  readonly pass: number;
  readonly fail: number;
  readonly skipped: number;
  readonly seconds: number;
  /** CPU time of the test process and of the servers it started. */
  readonly cpuSeconds: number;
  /** The tests' names with ok / not ok, and their diagnostics. */
  readonly lines: string[];
}

/** CPU seconds of this process's finished children (and theirs), from /proc: cutime + cstime. */
function childrenCpu(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/** Runs the fault tests in a process of their own, as CI does, with `rounds` rounds each. */
async function faults(): Promise<FaultRun> {
  const start = Date.now();
  const cpuBefore = childrenCpu();
  const child = spawn(process.execPath, ['--import', 'tsx', '--test', 'scripts/all-tests.mjs'], {
    cwd: root,
    env: { ...process.env, FIRSTDOSE_TEST_FILTER: 'server/faults-', FIRSTDOSE_FAULT_ROUNDS: String(rounds) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  await new Promise((resolve) => child.once('exit', resolve));
  const count = (name: string) => Number(out.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
  return {
    rounds,
    pass: count('pass'),
    // A runner that ended badly without counting a failure still failed.
    fail: count('fail') || (child.exitCode === 0 ? 0 : 1),
    skipped: count('skipped'),
    seconds: Math.round((Date.now() - start) / 1000),
    cpuSeconds: Math.round(childrenCpu() - cpuBefore),
    lines: out
      .split('\n')
      .filter((l) => /^(not )?ok \d+ - |^ {4}(not )?ok \d+ - |^ *# (?!Subtest)(?!tests|suites|pass|fail|cancelled|skipped|todo|duration)/.test(l))
      .map((l) => l.trim()),
  };
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

function loadTable(reports: readonly LoadReport[]): string {
  const rows: [string, (r: LoadReport) => string][] = [
    ['users (coordinators, investigators, monitors)', (r) => `${r.users.coordinator + r.users.investigator + r.users.monitor} (${r.users.coordinator}, ${r.users.investigator}, ${r.users.monitor})`],
    ["duration; pause between one person's actions", (r) => `${r.seconds} s; ${r.thinkMs.map((x) => x / 1000).join('–')} s`],
    ['requests (per second)', (r) => `${r.requests} (${r.perSecond})`],
    ['errors', (r) => `${r.errors}${r.errors ? `: ${r.errorSamples.join('; ')}` : ''}`],
    ['p50 / p99 / max, all requests', (r) => `${r.latency.all!.p50} / ${r.latency.all!.p99} / ${r.latency.all!.max} ms`],
    ...(['coordinator', 'investigator', 'monitor'] as const).map((role): [string, (r: LoadReport) => string] => [`p50 / p99, ${role}s`, (r) => `${r.latency[role]!.p50} / ${r.latency[role]!.p99} ms (${r.latency[role]!.n})`]),
    ['p99 writes: observation, AE graded, query raised', (r) => ['coordinator enter observation', 'investigator grade adverse event', 'monitor raise query'].map((k) => `${r.latency[k]?.p99 ?? '–'}`).join(', ') + ' ms'],
    ['server RSS start → end (peak)', (r) => `${mb(r.memory.start.rss)} → ${mb(r.memory.end.rss)} (${mb(r.memory.peakRss)})`],
    ['server live heap start → end (after GC)', (r) => `${mb(r.memory.start.heapUsed)} → ${mb(r.memory.end.heapUsed)}`],
    ['memory within bound (heap +16 MB, RSS +128 MB)', (r) => (r.memory.withinBound ? 'yes' : 'NO')],
    ['server CPU', (r) => `${r.serverCpuSeconds} s`],
    ['load average at the end (1, 5, 15 min)', (r) => r.loadAverage.join(', ')],
    ['acknowledged writes found afterwards', (r) => `${r.check.acked - r.check.missing} / ${r.check.acked}`],
    ['audit chain', (r) => (r.check.auditOk ? `verifies, ${r.check.auditRecords} records` : 'BROKEN')],
    ['backup restored into a fresh database', (r) => `${r.check.restoredSame ? 'identical tables and chain head' : 'DIFFERS'} (restore ${(r.check.restoreMs / 1000).toFixed(1)} s)`],
  ];
  const head = `| | ${reports.map((r) => r.backend).join(' | ')} |\n|---|${reports.map(() => '---').join('|')}|`;
  return [head, ...rows.map(([name, f]) => `| ${name} | ${reports.map(f).join(' | ')} |`)].join('\n');
}

const started = new Date();
const loadAtStart = load();
let pg: PrivatePostgres | undefined;
if (!process.env.DATABASE_URL) {
  const missing = privatePostgresMissing();
  if (missing) console.error(`PostgreSQL load skipped: ${missing}`);
  else {
    pg = await startPrivatePostgres();
    process.env.DATABASE_URL = pg.url;
  }
}
const reportFile = join(outDir, `${stamp}-load.json`);
mkdirSync(outDir, { recursive: true });
process.env.FIRSTDOSE_LOAD_REPORT = reportFile;
let reports: LoadReport[] = [];
try {
  console.error(`load: ${process.env.FIRSTDOSE_LOAD_USERS ?? 100} users, ${process.env.FIRSTDOSE_LOAD_SECONDS ?? 300} s per backend…`);
  await runLoad();
  reports = JSON.parse(readFileSync(reportFile, 'utf8')) as LoadReport[];
} finally {
  await pg?.destroy();
  if (pg) delete process.env.DATABASE_URL;
}
console.error(`fault tests, FIRSTDOSE_FAULT_ROUNDS=${rounds}…`);
const faultRun = await faults();

const ok = reports.every(passed) && faultRun.fail === 0;
const md = `## Run of ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC

Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}; load average at the start ${loadAtStart}, at the end ${load()}.
PostgreSQL: ${pg ? 'a private server made for the run' : process.env.DATABASE_URL ? 'DATABASE_URL' : 'not run'}.

### Load (bench/load.bench.ts)

${reports.length ? loadTable(reports) : 'not run'}

### Faults (src/server/faults-*.test.ts, FIRSTDOSE_FAULT_ROUNDS=${faultRun.rounds})

${faultRun.pass} passed, ${faultRun.fail} failed, ${faultRun.skipped} skipped in ${faultRun.seconds} s (CPU ${faultRun.cpuSeconds} s).

${faultRun.lines.map((l) => `    ${l}`).join('\n')}

Result: ${ok ? 'every goal met' : 'GOALS MISSED'}.
`;
writeFileSync(join(outDir, `${stamp}.md`), md);
writeFileSync(join(outDir, `${stamp}.json`), `${JSON.stringify({ started, loadAtStart, load: reports, faults: faultRun, ok }, null, 2)}\n`);
console.log(md);
console.error(`written: ${join(outDir, `${stamp}.md`)}`);
process.exit(ok ? 0 : 1);
