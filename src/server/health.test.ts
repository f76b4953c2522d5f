// GET /api/health asks the database, and the server's log says when the database stops answering
// and when it answers again: one line per change, however many requests fail meanwhile. The
// database is a real PGlite behind a switch that makes every statement fail the way a stopped
// PostgreSQL does (ECONNREFUSED); faults-postgres.test.ts stops a real server.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../store/index.ts';
import { freshDb } from '../store/test-support.ts';
import { hn2301 } from '../store/trial/test-support.ts';
import { buildServer } from './app.ts';

/** `db`, except that while `down()` every statement is refused as by a stopped server. */
function switchable(db: Db, down: () => boolean): Db {
  const refused = () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
  return {
    backend: db.backend,
    location: db.location,
    query: (text, params) => (down() ? refused() : db.query(text, params)),
    queryArrays: (text, params) => (down() ? refused() : db.queryArrays(text, params)),
    exec: (script) => (down() ? refused() : db.exec(script)),
    transaction: (fn, options) => (down() ? refused() : db.transaction(fn, options)),
    close: () => db.close(),
  };
}

const until = async (done: () => boolean, ms: number, what: string) => {
  for (const end = Date.now() + ms; !done(); await new Promise((r) => setTimeout(r, 10))) if (Date.now() > end) assert.fail(`waited ${ms} ms for ${what}`);
};

describe('health and the database', () => {
  let db: Db;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let down = false;
  const lines: { level: number; msg: string }[] = [];
  const about = (level: number) => lines.filter((l) => l.level === level && /database/.test(l.msg));
  before(async () => {
    db = await freshDb('pglite');
    const stream = { write: (line: string) => void lines.push(JSON.parse(line)) };
    app = await buildServer({ db: switchable(db, () => down), protocol: hn2301(), databaseRetryMs: 20, logger: { level: 'info', stream } });
  });
  after(async () => {
    await app?.close();
    await db?.close();
  });

  it('answers 200 with the database ok while it answers', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/health' });
    assert.deepEqual([r.statusCode, r.json()], [200, { status: 'ok', database: 'ok' }]);
  });

  it('answers 503 naming the database while it does not, and logs one warning for the change, not one per request', async () => {
    down = true;
    for (let i = 0; i < 3; i++) {
      const r = await app.inject({ method: 'GET', url: '/api/health' });
      assert.deepEqual([r.statusCode, r.json()], [503, { status: 'unavailable', database: 'unavailable' }]);
    }
    const login = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'nobody', password: 'a long enough password' } });
    assert.deepEqual([login.statusCode, login.json().code], [503, 'database_unavailable']);
    // The public study page too: the study is not missing, the database is.
    const listing = await app.inject({ method: 'GET', url: '/api/public/studies/hn2301' });
    assert.deepEqual([listing.statusCode, listing.json().code], [503, 'database_unavailable']);
    assert.equal(about(40).length, 1, JSON.stringify(lines.filter((l) => l.level >= 40)));
    assert.match(about(40)[0]!.msg, /cannot be reached/);
    assert.deepEqual(lines.filter((l) => l.level >= 50), [], 'no error line per refused request');
    assert.deepEqual(about(30), []);
  });

  it('logs one info line once the database answers again, found without a request, and answers 200 again', async () => {
    down = false;
    await until(() => about(30).length > 0, 5000, 'the line saying the database is back');
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(about(30).length, 1);
    assert.match(about(30)[0]!.msg, /reached again/);
    assert.equal(about(40).length, 1, 'no new warning');
    const r = await app.inject({ method: 'GET', url: '/api/health' });
    assert.deepEqual([r.statusCode, r.json()], [200, { status: 'ok', database: 'ok' }]);
  });

  it('writes the two lines to the console when the server has no logger (npm start)', async (t) => {
    const warn = t.mock.method(console, 'warn', () => {});
    const log = t.mock.method(console, 'log', () => {});
    const quiet = await buildServer({ db: switchable(db, () => down), protocol: hn2301(), databaseRetryMs: 20 });
    try {
      down = true;
      for (let i = 0; i < 3; i++) assert.equal((await quiet.inject({ method: 'GET', url: '/api/health' })).statusCode, 503);
      down = false;
      await until(() => log.mock.callCount() > 0, 5000, 'the console line saying the database is back');
      assert.equal(warn.mock.callCount(), 1);
      assert.match(String(warn.mock.calls[0]!.arguments[0]), /^warning: the database cannot be reached.*ECONNREFUSED/);
      assert.match(String(log.mock.calls[0]!.arguments[0]), /^the database is reached again/);
    } finally {
      down = false;
      await quiet.close();
    }
  });

  it('documents both answers in the OpenAPI document', async () => {
    const health = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths['/api/health'].get.responses;
    for (const [status, value] of [['200', 'ok'], ['503', 'unavailable']] as const) {
      const { properties, required } = health[status].content['application/json'].schema;
      assert.deepEqual([properties.status.enum, properties.database.enum, required], [[value], [value], ['status', 'database']]);
    }
  });
});
