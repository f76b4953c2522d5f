// PostgreSQL lost under load (issue 8): the server stopped and started again while the API takes
// a stream of audited writes. While it is down every request is answered 503 with the problem
// `database_unavailable` in the request's language; once it is back the store reconnects by
// itself; no acknowledged write is lost and the audit chain verifies. The server is a private
// one (private-postgres.ts), so the shared cluster of the other tests is never stopped.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { databaseFailure, openStore, verifyAudit, type Db } from '../store/index.ts';
import { privatePostgresMissing, type PrivatePostgres, startPrivatePostgres } from '../store/private-postgres.ts';
import { type Answer, startWrites } from './fault-writers.ts';
import { apiTrial } from './test-support.ts';

const missing = privatePostgresMissing();
/** Stop and start cycles: 1 in CI; `npm run reliability` runs more. */
const rounds = Number(process.env.FIRSTDOSE_FAULT_ROUNDS ?? 1);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('PostgreSQL stopped and restarted under writes', { skip: missing }, () => {
  let pg: PrivatePostgres;
  let db: Db;
  before(async () => {
    pg = await startPrivatePostgres();
    db = await openStore({ databaseUrl: pg.url });
  });
  after(async () => {
    await db?.close();
    await pg?.destroy();
  });

  it('a connection that dies inside a transaction fails that transaction only; the next one reconnects', async () => {
    const other = await openStore({ databaseUrl: pg.url, migrate: false });
    // An unhandled 'error' event is thrown where the socket's data arrives: an uncaught exception.
    const uncaught: unknown[] = [];
    const record = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', record);
    try {
      const failed = await db
        .transaction(async (tx) => {
          const [me] = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
          await other.query('SELECT pg_terminate_backend($1)', [me!.pid]);
          // The connection's 'error' arrives while the client is checked out and no statement
          // runs: without a listener of our own, it would end the process here.
          await pause(300);
          await tx.query('SELECT 1');
        })
        .then(
          () => null,
          (error: unknown) => error,
        );
      assert.deepEqual(uncaught, []);
      assert.equal(databaseFailure(failed)?.code, 'database_unavailable', String(failed));
      assert.deepEqual(await db.query('SELECT 1 AS one'), [{ one: 1 }]);
    } finally {
      process.off('uncaughtException', record);
      await other.close();
    }
  });

  it('answers 503 database_unavailable while it is down (en, zh-CN), reconnects by itself, and loses no acknowledged write', async (t) => {
    const { app, login, call, site } = await apiTrial(db);
    try {
      const crc = await login('crc.li');
      const subject = (await call(crc, 'POST', '/api/subjects', { study: 'hn2301', site: site.code, screeningNumber: 'PG-RESTART' })).json<{ id: string }>();
      const languages = ['en', 'zh-CN'];
      const writes = startWrites(async (n, writer): Promise<Answer> => {
        const body = { kind: 'vital', code: 'weight', valueNum: 60 + n / 1000, unit: 'kg', observedAt: '2026-06-01' };
        const r = await call(crc, 'POST', `/api/subjects/${subject.id}/observations`, body, { 'accept-language': languages[writer % 2]! });
        return { status: r.statusCode, body: r.json() };
      });
      try {
        const reconnectMs: number[] = [];
        for (let round = 1; round <= rounds; round++) {
          const before = writes.acked.length;
          await writes.until(() => writes.acked.length >= before + 20, 20_000, `writes before stop ${round}`);
          await pg.stop();
          const down = writes.failures.length;
          // Down for a while: every writer gets its answers meanwhile.
          await writes.until(() => writes.failures.length >= down + 8, 20_000, `answers while down ${round}`);
          const ackedWhileDown = writes.acked.length;
          const health = await app.inject({ method: 'GET', url: '/api/health' });
          assert.deepEqual([health.statusCode, health.json()], [503, { status: 'unavailable', database: 'unavailable' }], `health while down ${round}`);
          await pg.start();
          const upAt = Date.now();
          await writes.until(() => writes.acked.length > ackedWhileDown, 30_000, `a write after restart ${round}`);
          reconnectMs.push(Date.now() - upAt);
          await writes.until(() => writes.acked.length >= ackedWhileDown + 20, 30_000, `writes after restart ${round}`);
          const healthy = await app.inject({ method: 'GET', url: '/api/health' });
          assert.deepEqual([healthy.statusCode, healthy.json()], [200, { status: 'ok', database: 'ok' }], `health once up ${round}`);
        }
        await writes.stop();
        t.diagnostic(`${rounds} stop/start rounds; first write acknowledged ${reconnectMs.join(', ')} ms after each start; ${writes.acked.length} acknowledged, ${writes.failures.length} refused`);

        const problems = writes.failures.map((f) => f.answer);
        assert.ok(problems.length >= 8 * rounds);
        for (const p of problems) assert.deepEqual([p.status, (p.body as { code: string }).code], [503, 'database_unavailable'], JSON.stringify(p));
        const detail = (title: string) => (problems.find((p) => (p.body as { title: string }).title === title)?.body as { detail: string } | undefined)?.detail ?? `no ${title} answer`;
        assert.match(detail('Unavailable'), /database cannot be reached right now.*reconnects by itself/);
        assert.match(detail('暂不可用'), /暂时无法连接数据库.*自动重新连接/);

        const found = await db.query<{ id: string }>('SELECT id::text AS id FROM observation WHERE id = ANY($1::uuid[])', [writes.acked]);
        assert.equal(found.length, writes.acked.length, 'every acknowledged write is there');
        const verified = await verifyAudit(db);
        assert.equal(verified.ok, true, JSON.stringify(verified));
      } finally {
        await writes.stop();
      }
    } finally {
      await app.close();
    }
  });
});
