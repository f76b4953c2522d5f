// A PostgreSQL server of a test's own, in a temporary directory on a free loopback port, for the
// fault tests that stop and start the server under load: the shared cluster (DATABASE_URL) stays
// up for every other test and every other user of the machine. Made with the installed
// PostgreSQL's own initdb and pg_ctl (Debian's postgresql package); as root they run as the
// `postgres` user, since PostgreSQL refuses to run as root.
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PrivatePostgres {
  /** postgres://firstdose@127.0.0.1:PORT/postgres (trust authentication, loopback only). */
  readonly url: string;
  /** A fast shutdown, as `pg_ctlcluster … stop` does: open connections are terminated. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server at once and removes its directory. */
  destroy(): Promise<void>;
}

/** The newest installed PostgreSQL's bin directory, or undefined. */
function binDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

/** A port nothing listens on now, on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Why a private server cannot be had here, or undefined when it can. */
export function privatePostgresMissing(): string | undefined {
  if (process.platform !== 'linux') return 'a private PostgreSQL server is made on Linux only';
  if (!binDir()) return 'PostgreSQL is not installed (/usr/lib/postgresql/*/bin/initdb; apt-get install postgresql)';
  if (userInfo().uid === 0 && !existsSync('/usr/sbin/runuser')) return 'running as root without runuser to switch to the postgres user';
  return undefined;
}

/** Creates and starts the server (about 2 s). Always destroy() it. */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = binDir()!;
  const root = userInfo().uid === 0;
  const dir = mkdtempSync(join(tmpdir(), 'firstdose-pg-'));
  const as = (program: string, args: string[]) => (root ? run('/usr/sbin/runuser', ['-u', 'postgres', '--', join(bin, program), ...args]) : run(join(bin, program), args));
  const data = join(dir, 'data');
  const destroy = async () => {
    await as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (root) {
      const ids = await run('id', ['-u', 'postgres']).then((r) => Number(r.stdout.trim()));
      const gid = await run('id', ['-g', 'postgres']).then((r) => Number(r.stdout.trim()));
      chownSync(dir, ids, gid);
    }
    const port = await freePort();
    await as('initdb', ['-D', data, '-U', 'firstdose', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
    const start = async () => {
      await as('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', '-o', options, 'start']);
    };
    await start();
    return {
      url: `postgres://firstdose@127.0.0.1:${port}/postgres`,
      stop: async () => {
        await as('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']);
      },
      start,
      destroy,
    };
  } catch (error) {
    // The caller has nothing to destroy(): a server that half started is stopped and its folder removed here.
    await destroy();
    throw error;
  }
}
