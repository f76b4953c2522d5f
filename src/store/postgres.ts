// The server backend: a `pg` pool on DATABASE_URL (PostgreSQL 15 on Debian is the oldest we run).
import pg from 'pg';
import { type Db, type Sql, transactionMode } from './db.ts';
import { sharedParsers } from './types.ts';

/** A pool per store; its parsers give the same JS values as PGlite (types.ts). */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    sharedParsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

function sqlOf(client: pg.Pool | pg.PoolClient): Sql {
  return {
    query: async <R extends object>(text: string, params: readonly unknown[] = []) =>
      (await client.query<R & pg.QueryResultRow>(text, params as unknown[])).rows,
    queryArrays: async (text, params = []) => (await client.query<unknown[]>({ text, values: params as unknown[], rowMode: 'array' })).rows,
    // Without parameters `pg` uses the simple protocol, which runs several statements at once.
    exec: async (script) => {
      await client.query(script);
    },
  };
}

/** The URL as safe to print: no password. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'DATABASE_URL';
  }
}

/**
 * The URL with our session settings added to its `options` (kept, and applied after ours, so a
 * URL's own `?options=-c search_path=…` still works). Startup options rather than a SET per new
 * connection: nothing can run on a connection before them.
 */
export function withSessionOptions(url: string, schema?: string): string {
  const u = new URL(url);
  const own = `-c TimeZone=UTC${schema ? ` -c search_path=${schema}` : ''}`;
  const theirs = u.searchParams.get('options');
  u.searchParams.set('options', theirs ? `${own} ${theirs}` : own);
  return u.toString();
}

/**
 * How long a request waits for a new connection before it fails as unavailable: long enough for
 * a busy server, short enough that a request to an unreachable host answers rather than hangs.
 */
const connectTimeoutMs = 10_000;

/**
 * Opens a pool on `url`. `schema`, when given, is created if missing and made the only schema on
 * the search path: tests use one schema per test file on a shared server.
 */
export async function openPostgres(url: string, schema?: string): Promise<Db> {
  // When the server goes away (stopped, restarted, network lost), the connections it had fail and
  // are dropped; the pool opens new ones on the next request, so the store reconnects by itself
  // once the server is back. Meanwhile requests fail with connection errors (databaseFailure()
  // in errors.ts names them). keepAlive notices a silently dead peer.
  const pool = new pg.Pool({ connectionString: withSessionOptions(url, schema), types, connectionTimeoutMillis: connectTimeoutMs, keepAlive: true });
  // An idle client's network error would otherwise be an unhandled 'error' event and kill the process.
  pool.on('error', () => {});
  try {
    if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } catch (error) {
    await pool.end();
    throw error;
  }
  let closed = false;
  return {
    backend: 'postgres',
    location: redactUrl(url),
    ...sqlOf(pool),
    transaction: async (fn, options) => {
      const client = await pool.connect();
      let broken: Error | undefined;
      // pg-pool listens for errors only on idle clients: a checked-out one whose connection dies
      // between two statements (while `fn` computes) would emit an unhandled 'error' and end the
      // process. The next statement then fails, which rolls back; the client is destroyed.
      const lost = (error: Error) => {
        broken = error;
      };
      client.on('error', lost);
      try {
        await client.query('BEGIN');
        const mode = transactionMode(options);
        if (mode) await client.query(mode);
        const result = await fn(sqlOf(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((e: Error) => {
          broken = e;
        });
        throw error;
      } finally {
        // A client whose connection broke or whose ROLLBACK failed is in an unknown state:
        // destroy it rather than reuse it.
        client.removeListener('error', lost);
        client.release(broken);
      }
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
