// Statements in one call (pglite-statements.ts) answer as PGlite's own query() does, for every
// kind of parameter and result the store uses, on a first run and on later runs; fail with the
// database's error; and keep PGlite's locks: a statement outside a transaction waits for it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PGlite } from '@electric-sql/pglite';
import { pgliteDb } from './pglite.ts';
import { runStatement } from './pglite-statements.ts';
import { blankPglite } from './test-support.ts';

describe('PGlite statements in one call', () => {
  let pglite: PGlite;
  before(async () => {
    pglite = await blankPglite();
    await pglite.exec(`CREATE TABLE kinds (id uuid PRIMARY KEY, n int8, x numeric, d date, t timestamp, tz timestamptz, j jsonb, a text[], b bytea, f boolean, s text)`);
  });
  after(() => pglite.close());

  const id = '0b6f2a4e-93c1-4d6e-8f0a-5d1c9e7b3a21';
  const insert = `INSERT INTO kinds VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11) RETURNING *`;
  const values = [id, 9007199254740993n, '12.50', '2026-05-01', '2026-05-01 08:30:00.123456', new Date('2026-05-01T08:30:00.123Z'), JSON.stringify({ a: [1, null, 'x'] }), ['a', 'b,c', null], new Uint8Array([0, 255, 7]), true, null];

  it('answers as PGlite\'s query() does, first and later, by object and by array', async () => {
    const [inserted] = await runStatement<Record<string, unknown>>(pglite, insert, values, 'object', false);
    assert.deepEqual(inserted, (await pglite.query(`SELECT * FROM kinds WHERE id = $1`, [id])).rows[0]);
    const select = `SELECT * FROM kinds WHERE id = $1 AND n = $2 AND tz = $3 AND a = $4`;
    const params = [id, 9007199254740993n, new Date('2026-05-01T08:30:00.123Z'), ['a', 'b,c', null]];
    const expected = (await pglite.query(select, params)).rows;
    const expectedArrays = (await pglite.query(select, params, { rowMode: 'array' })).rows;
    assert.equal(expected.length, 1);
    for (let run = 0; run < 3; run++) {
      assert.deepEqual(await runStatement(pglite, select, params, 'object', false), expected);
      assert.deepEqual(await runStatement(pglite, select, params, 'array', false), expectedArrays);
    }
    assert.deepEqual(await runStatement(pglite, `SELECT $1::text AS s, $2::int AS i`, [null, undefined], 'object', false), [{ s: null, i: null }]);
  });

  it('fails with the database\'s error and its statement, and the next statement runs', async () => {
    await assert.rejects(runStatement(pglite, `SELECT 1 / $1::int`, [0], 'object', false), (e: { code?: string; query?: string }) => e.code === '22012' && e.query === 'SELECT 1 / $1::int');
    await assert.rejects(runStatement(pglite, `SELEC 1`, [], 'object', false), (e: { code?: string }) => e.code === '42601');
    assert.deepEqual(await runStatement(pglite, `SELECT 1 / $1::int AS q`, [1], 'object', false), [{ q: 1 }]);
  });

  it('reads a statement\'s parameter types anew after a script changed the table', async () => {
    const db = pgliteDb(pglite, 'memory://');
    await db.exec(`CREATE TABLE changing (v int)`);
    await db.query(`INSERT INTO changing VALUES ($1)`, [1]);
    await db.exec(`ALTER TABLE changing ALTER v TYPE date USING date '2026-01-01' + v`);
    await db.query(`INSERT INTO changing VALUES ($1)`, ['2026-03-01']);
    assert.deepEqual(await db.query(`SELECT v FROM changing ORDER BY v`), [{ v: '2026-01-02' }, { v: '2026-03-01' }]);
  });

  it('waits outside a transaction for it to end, and refuses a transaction\'s use after it', async () => {
    const db = pgliteDb(pglite, 'memory://');
    await db.exec(`CREATE TABLE waits (v int)`);
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    let kept: Parameters<Parameters<typeof db.transaction>[0]>[0] | undefined;
    const tx = db.transaction(async (sql) => {
      kept = sql;
      await sql.query(`INSERT INTO waits VALUES ($1)`, [1]);
      await held;
    });
    await new Promise((r) => setTimeout(r, 20));
    let seen: number | undefined;
    const outside = db.query<{ n: number }>(`SELECT count(*)::int AS n FROM waits`).then((rows) => {
      seen = rows[0]!.n;
    });
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(seen, undefined, 'the statement outside waited for the transaction');
    release();
    await Promise.all([tx, outside]);
    assert.equal(seen, 1);
    await assert.rejects(kept!.query(`SELECT 1`), /Transaction is closed/);
  });

  it('counts what may have written (a transaction, a statement other than a SELECT, a script), and not a read', async () => {
    const db = pgliteDb(pglite, 'memory://');
    const count = () => db.localChanges!();
    await db.exec(`CREATE TABLE counted (v int)`);
    let n = count();
    await db.query(`SELECT count(*) FROM counted`);
    await db.queryArrays(`  select v FROM counted`);
    await db.transaction(async (tx) => tx.query(`SELECT 1`), { readOnly: true });
    assert.equal(count(), n, 'reads leave it');
    await db.query(`INSERT INTO counted VALUES (1)`);
    assert.equal(count(), ++n);
    await db.transaction(async (tx) => tx.query(`INSERT INTO counted VALUES (2)`));
    assert.equal(count(), ++n);
    await assert.rejects(db.transaction(async (tx) => tx.query(`INSERT INTO counted VALUES ('x')`)));
    assert.equal(count(), ++n, 'a transaction that failed counts too');
    await db.exec(`DROP TABLE counted`);
    assert.equal(count(), ++n);
  });

  it('refuses a statement once PGlite is closed, as query() does', async () => {
    const closing = await blankPglite();
    await closing.close();
    await assert.rejects(runStatement(closing, 'SELECT 1', [], 'object', false), /PGlite is closed/);
  });
});
