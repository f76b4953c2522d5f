// `npm start` as the fault tests and the load benchmark run it: src/main.ts in a process of its
// own on a loopback port (so it can be killed), on a PGlite data directory or DATABASE_URL, with
// the demo trial and its people (password firstdose-demo-2026) or with what the caller stored.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../store/private-postgres.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const demoPassword = 'firstdose-demo-2026';

export interface ServerChild {
  readonly proc: ChildProcess;
  readonly base: string;
  /** What it wrote on stderr so far (for failure messages). */
  stderr(): string;
  /** SIGINT (the server closes its store, as at Ctrl-C) and waits for the exit. */
  stop(): Promise<void>;
  /** SIGKILL: no chance to close anything. Resolves once the process is gone. */
  kill(): Promise<void>;
}

export interface ServerWhere {
  /** A PGlite data directory; ignored when databaseUrl is given. */
  readonly dataDir?: string;
  readonly databaseUrl?: string;
  /** `--demo`: the demo trial at first start (it takes a while: it screens and doses people). */
  readonly demo?: boolean;
  /** Extra node options, e.g. ['--expose-gc']. */
  readonly nodeArgs?: readonly string[];
  /** A module to run instead of src/main.ts (it must import src/main.ts). */
  readonly entry?: string;
  /** Milliseconds to wait for /api/health (default 180 s: a first start creates the database). */
  readonly timeoutMs?: number;
}

const exited = (proc: ChildProcess) => (proc.exitCode !== null || proc.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => proc.once('exit', () => resolve())));

export async function startServer(where: ServerWhere): Promise<ServerChild> {
  const port = await freePort();
  const entry = where.entry ?? 'src/main.ts';
  const args = [...(where.nodeArgs ?? []), '--import', 'tsx', entry, ...(where.demo ? ['--demo'] : []), ...(where.databaseUrl ? [] : ['--data', where.dataDir!])];
  const proc = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: where.databaseUrl ?? '', LANG: 'C.UTF-8', FIRSTDOSE_ADMIN_PASSWORD: demoPassword },
    stdio: ['ignore', 'ignore', 'pipe', ...(where.entry ? (['ipc'] as const) : [])],
  });
  let stderr = '';
  proc.stderr!.on('data', (d) => {
    stderr += d;
  });
  const base = `http://127.0.0.1:${port}`;
  const child: ServerChild = {
    proc,
    base,
    stderr: () => stderr,
    stop: async () => {
      proc.kill('SIGINT');
      await exited(proc);
    },
    kill: async () => {
      proc.kill('SIGKILL');
      await exited(proc);
    },
  };
  const deadline = Date.now() + (where.timeoutMs ?? 180_000);
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`the server exited with ${proc.exitCode}: ${stderr}`);
    const up = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  await child.kill();
  throw new Error(`the server did not answer within ${where.timeoutMs ?? 180_000} ms: ${stderr}`);
}

export interface HttpUser {
  readonly username: string;
  /** Cookie and CSRF token, to spread into a request's headers. */
  readonly headers: Record<string, string>;
}

export async function loginAs(base: string, username: string, password = demoPassword): Promise<HttpUser> {
  const r = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!r.ok) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  return { username, headers: { cookie: String(r.headers.get('set-cookie')).split(';')[0]!, 'x-csrf-token': csrfToken } };
}

/** One request; the answer's body parsed when it is JSON. */
export async function request(base: string, who: HttpUser | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const r = await fetch(`${base}${path}`, {
    method,
    headers: { ...(who?.headers ?? {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await r.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: kept as text.
  }
  return { status: r.status, body: parsed };
}
