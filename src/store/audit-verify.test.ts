import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { updateRow } from './audit.ts';
import { type BadRecord, verifyAudit, verifyAuditIn } from './audit-verify.ts';
import { auditHash, canonicalSql, canonicalText, hashSql, recordedAtSql } from './canonical.ts';
import type { Sql } from './db.ts';
import { subject } from './schema.ts';
import { describeEachBackend, inRolledBack, seedTrial } from './test-support.ts';

const offBand = (tx: Sql) => tx.query('SET LOCAL session_replication_role = replica');

interface Seeded {
  subjectIds: string[];
  /** seq of the last audit record of subject 0's status (its update). */
  statusSeq: number;
  last: number;
}

describeEachBackend('audit verify', (ctx) => {
  let seeded: Seeded;
  before(async () => {
    const db = ctx.db();
    const { subjects } = await seedTrial(db, 3);
    await updateRow(db, subject, subjects[0]!.id, 1, { status: 'enrolled' }, { user: 'pi-li', reason: 'consent signed' });
    const [status] = await db.query<{ seq: number }>(`SELECT max(seq) AS seq FROM audit_log WHERE row_id = $1 AND field = 'status'`, [subjects[0]!.id]);
    const [last] = await db.query<{ seq: number }>('SELECT max(seq) AS seq FROM audit_log');
    seeded = { subjectIds: subjects.map((s) => s.id), statusSeq: status!.seq, last: last!.seq };
  });

  /** Tampers inside a transaction, verifies there, rolls back: every case starts intact. */
  const tampered = (tamper: (tx: Sql) => Promise<unknown>, batchSize?: number) =>
    inRolledBack(ctx.db(), async (tx) => {
      await offBand(tx);
      await tamper(tx);
      const result = await verifyAuditIn(tx, batchSize ? { batchSize } : {});
      assert.equal(result.ok, false, 'verify must fail');
      return (result as { firstBad: BadRecord }).firstBad;
    });

  it('passes an intact trail and reports its records and head', async () => {
    const result = await verifyAudit(ctx.db());
    assert.ok(result.ok);
    assert.equal(result.records, seeded.last);
    const [head] = await ctx.db().query<{ seq: number; hash: string }>(`SELECT seq, encode(hash, 'hex') AS hash FROM audit_chain_head`);
    assert.deepEqual(result.head, head);
  });

  it('names a trial-data row changed with raw SQL and the triggers off (the tamper test)', async () => {
    const bad = await tampered((tx) => tx.query(`UPDATE subject SET status = 'withdrawn' WHERE id = $1`, [seeded.subjectIds[0]]));
    assert.deepEqual(bad, { seq: seeded.statusSeq, table: 'subject', rowId: seeded.subjectIds[0], field: 'status', problem: 'row_changed' });
  });

  it('names a row deleted or inserted out of band', async () => {
    const removed = await tampered((tx) => tx.query('DELETE FROM subject WHERE id = $1', [seeded.subjectIds[2]]));
    assert.equal(removed.problem, 'row_removed');
    assert.equal(removed.rowId, seeded.subjectIds[2]);
    const inserted = await tampered((tx) =>
      tx.query(`INSERT INTO subject (id, study_id, site_id, screening_number) SELECT gen_random_uuid(), study_id, site_id, 'S-999' FROM subject LIMIT 1`),
    );
    assert.equal(inserted.problem, 'row_unaudited');
    assert.equal(inserted.table, 'subject');
    assert.equal(inserted.seq, null);
  });

  it('names an audit record altered in place', async () => {
    for (const change of [`reason = 'nobody asked'`, `new_value = '"completed"'`, `user_id = 'someone-else'`, `recorded_at = recorded_at + interval '1 day'`]) {
      const bad = await tampered((tx) => tx.query(`UPDATE audit_log SET ${change} WHERE seq = $1`, [seeded.statusSeq]));
      assert.deepEqual(bad, { seq: seeded.statusSeq, table: 'subject', rowId: seeded.subjectIds[0], field: 'status', problem: 'altered' }, change);
    }
  });

  it('names the record after one altered and re-hashed, since the link breaks there', async () => {
    const seq = seeded.statusSeq - 3;
    const bad = await tampered(async (tx) => {
      await tx.query(`UPDATE audit_log SET user_id = 'forger' WHERE seq = $1`, [seq]);
      await tx.query(`UPDATE audit_log a SET hash = ${hashSql} WHERE a.seq = $1`, [seq]);
    });
    assert.equal(bad.seq, seq + 1);
    assert.equal(bad.problem, 'link_broken');
  });

  it('names a record removed from the middle or from the end of the chain', async () => {
    const middle = await tampered((tx) => tx.query('DELETE FROM audit_log WHERE seq = $1', [5]));
    assert.deepEqual(middle, { seq: 5, table: null, rowId: null, field: null, problem: 'missing' });
    const end = await tampered((tx) => tx.query('DELETE FROM audit_log WHERE seq >= $1', [seeded.last - 1]));
    assert.deepEqual(end, { seq: seeded.last - 1, table: null, rowId: null, field: null, problem: 'missing' });
  });

  it('names a record appended out of band even with a correct hash', async () => {
    const bad = await tampered(async (tx) => {
      await tx.query(
        `INSERT INTO audit_log SELECT seq + 1, table_name, row_id, operation, field, old_value, new_value, 'forger', recorded_at, reason, hash, hash
         FROM audit_log WHERE seq = $1`,
        [seeded.last],
      );
      await tx.query(`UPDATE audit_log a SET hash = ${hashSql} WHERE a.seq = $1`, [seeded.last + 1]);
    });
    assert.equal(bad.seq, seeded.last + 1);
    assert.equal(bad.problem, 'head_mismatch');
  });

  it('finds problems at and across batch edges', async () => {
    for (const seq of [1, 3, 4, seeded.last]) {
      const bad = await tampered((tx) => tx.query(`UPDATE audit_log SET reason = 'x' WHERE seq = $1`, [seq]), 3);
      assert.deepEqual([bad.seq, bad.problem], [seq, 'altered']);
    }
    const gap = await tampered((tx) => tx.query('DELETE FROM audit_log WHERE seq BETWEEN 4 AND 9'), 3);
    assert.deepEqual([gap.seq, gap.problem], [4, 'missing']);
    assert.equal((await inRolledBack(ctx.db(), (tx) => verifyAuditIn(tx, { batchSize: 3 }))).ok, true);
  });

  it('computes the same canonical text and hash in JS, in SQL and in the trigger, for awkward values', async () => {
    const db = ctx.db();
    const awkward = ['', ' ', 'a,b', '(x)', 'say "hi"', 'back\\slash', 'line\nbreak\ttab\r', '中文 😀', 'NULL', '\u000b\f'];
    const rows = await inRolledBack(db, async (tx) => {
      await tx.query(`SELECT set_config('firstdose.user', $1, true), set_config('firstdose.reason', $2, true)`, ['u ,"\\', 'r(\n)']);
      for (const [i, text] of awkward.entries())
        await tx.query(`UPDATE subject SET screening_number = $1 WHERE id = $2`, [`${text}#${i}`, seeded.subjectIds[1]]);
      return tx.query<Record<string, string | null>>(
        `SELECT a.seq::text AS seq, a.table_name, a.row_id, a.operation, a.field, a.old_value::text AS old, a.new_value::text AS new,
           a.user_id, ${recordedAtSql('a.recorded_at')} AS at, a.reason, encode(a.prev_hash, 'hex') AS prev, encode(a.hash, 'hex') AS hash,
           ${canonicalSql} AS canonical, encode(${hashSql}, 'hex') AS recomputed
         FROM audit_log a WHERE a.seq > $1 ORDER BY a.seq`,
        [seeded.last],
      );
    });
    assert.equal(rows.length, awkward.length * 2);
    for (const r of rows) {
      const text = canonicalText({
        seq: r.seq!,
        tableName: r.table_name!,
        rowId: r.row_id!,
        operation: r.operation!,
        field: r.field ?? null,
        oldValue: r.old ?? null,
        newValue: r.new ?? null,
        userId: r.user_id!,
        recordedAt: r.at!,
        reason: r.reason ?? null,
      });
      assert.equal(text, r.canonical);
      assert.equal(r.recomputed, r.hash, 'the verify expression recomputes the trigger hash');
      assert.equal(auditHash(Buffer.from(r.prev!, 'hex'), { seq: r.seq!, tableName: r.table_name!, rowId: r.row_id!, operation: r.operation!, field: r.field ?? null, oldValue: r.old ?? null, newValue: r.new ?? null, userId: r.user_id!, recordedAt: r.at!, reason: r.reason ?? null }).toString('hex'), r.hash);
    }
  });
});
