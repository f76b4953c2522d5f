import assert from 'node:assert/strict';
import { it } from 'node:test';
import { audited, deleteRow, insertRow, updateRow } from './audit.ts';
import { verifyAudit } from './audit-verify.ts';
import type { Db } from './db.ts';
import { StoreError } from './errors.ts';
import { subject } from './schema.ts';
import { describeEachBackend, seedTrial } from './test-support.ts';

interface AuditRow {
  seq: number;
  table_name: string;
  row_id: string;
  operation: string;
  field: string;
  old_value: unknown;
  new_value: unknown;
  user_id: string;
  reason: string | null;
  recorded_at: Date;
  utc_offset: string;
}

const auditOf = (db: Db, rowId: string) =>
  db.query<AuditRow>(
    `SELECT seq, table_name, row_id, operation, field, old_value, new_value, user_id, reason, recorded_at,
            to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') AS utc_offset
     FROM audit_log WHERE row_id = $1 ORDER BY seq`,
    [rowId],
  );

const count = async (db: Db) => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))[0]!.n;

describeEachBackend('audited writes', (ctx) => {
  it('an insert records table, row, every field with its new value, the user and the server UTC time', async () => {
    const db = ctx.db();
    const before = Date.now();
    const { site: st, study: s } = await seedTrial(db, 0, 'INS');
    // A client cannot set version or created_at: the database owns them.
    const row = await insertRow(db, subject, { studyId: s.id, siteId: st.id, screeningNumber: 'S-100' }, { user: 'crc-wang' });
    assert.equal(row.version, 1);
    const records = await auditOf(db, row.id);
    // created_at has microseconds in the database, milliseconds in a JS Date.
    const createdAt = records.find((r) => r.field === 'created_at')!.new_value as string;
    assert.match(createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00$/);
    assert.equal(Date.parse(createdAt), row.createdAt.getTime());
    assert.deepEqual(
      records.map((r) => [r.table_name, r.operation, r.field, r.old_value, r.new_value]),
      [
        ['subject', 'INSERT', 'cohort', null, null],
        ['subject', 'INSERT', 'created_at', null, createdAt],
        ['subject', 'INSERT', 'dose_level', null, null],
        ['subject', 'INSERT', 'enrolled_on', null, null],
        ['subject', 'INSERT', 'id', null, row.id],
        ['subject', 'INSERT', 'screening_number', null, 'S-100'],
        ['subject', 'INSERT', 'site_id', null, st.id],
        ['subject', 'INSERT', 'status', null, 'screening'],
        ['subject', 'INSERT', 'study_id', null, s.id],
        ['subject', 'INSERT', 'version', null, 1],
      ],
    );
    for (const r of records) {
      assert.equal(r.user_id, 'crc-wang');
      assert.equal(r.reason, null, 'no reason is needed at first entry');
      assert.ok(r.recorded_at.getTime() >= before - 1000 && r.recorded_at.getTime() <= Date.now() + 1000);
      assert.equal(r.utc_offset, r.recorded_at.toISOString().slice(0, 19), 'recorded in UTC');
    }
    assert.deepEqual(
      records.map((r) => r.seq),
      records.map((_, i) => records[0]!.seq + i),
    );
  });

  it('an update records only the changed fields, old and new, with user and reason, and bumps the version', async () => {
    const db = ctx.db();
    const { subjects } = await seedTrial(db, 1, 'UPD');
    const s = subjects[0]!;
    const updated = await updateRow(db, subject, s.id, 1, { status: 'enrolled' }, { user: 'pi-li', reason: 'consent signed 2026-03-02' });
    assert.equal(updated.version, 2);
    assert.equal(updated.status, 'enrolled');
    assert.deepEqual(updated.createdAt, s.createdAt);
    const changes = (await auditOf(db, s.id)).filter((r) => r.operation === 'UPDATE');
    assert.deepEqual(
      changes.map((r) => [r.field, r.old_value, r.new_value, r.user_id, r.reason]),
      [
        ['status', 'screening', 'enrolled', 'pi-li', 'consent signed 2026-03-02'],
        ['version', 1, 2, 'pi-li', 'consent signed 2026-03-02'],
      ],
    );
  });

  it('a delete records every field with its old value, user and reason', async () => {
    const db = ctx.db();
    const { subjects } = await seedTrial(db, 1, 'DEL');
    const s = subjects[0]!;
    await deleteRow(db, subject, s.id, 1, { user: 'dm-zhao', reason: 'duplicate registration' });
    const deletes = (await auditOf(db, s.id)).filter((r) => r.operation === 'DELETE');
    assert.equal(deletes.length, 10);
    assert.ok(deletes.every((r) => r.new_value === null && r.reason === 'duplicate registration'));
    // The fields a new subject leaves empty (dose level, cohort, enrolment date) are recorded as null.
    assert.equal(deletes.filter((r) => r.old_value !== null).length, 7);
    assert.deepEqual(deletes.find((r) => r.field === 'screening_number')?.old_value, 'S-001');
  });

  it('refuses an update without a reason, changing nothing', async () => {
    const db = ctx.db();
    const { subjects } = await seedTrial(db, 1, 'NOREASON');
    const s = subjects[0]!;
    const n = await count(db);
    for (const reason of [undefined, '', '   ']) {
      await assert.rejects(updateRow(db, subject, s.id, 1, { status: 'withdrawn' }, { user: 'crc-wang', ...(reason === undefined ? {} : { reason }) }), {
        code: 'reason_required',
        params: { table: 'subject', id: s.id },
      });
    }
    await assert.rejects(deleteRow(db, subject, s.id, 1, { user: 'crc-wang' }), { code: 'reason_required' });
    const [row] = await db.query<{ status: string; version: number }>('SELECT status, version FROM subject WHERE id = $1', [s.id]);
    assert.deepEqual(row, { status: 'screening', version: 1 });
    assert.equal(await count(db), n);
  });

  it('refuses any write without a user, whatever path it takes', async () => {
    const db = ctx.db();
    const { subjects, study: st } = await seedTrial(db, 1, 'NOUSER');
    await assert.rejects(insertRow(db, subject, { studyId: st.id, siteId: subjects[0]!.siteId, screeningNumber: 'X' }, { user: ' ' }), { code: 'user_required' });
    // Raw SQL outside audited(): the trigger is the one that refuses.
    await assert.rejects(db.query(`UPDATE subject SET status = 'withdrawn' WHERE id = $1`, [subjects[0]!.id]), { code: 'FD001' });
    await assert.rejects(db.query(`DELETE FROM subject WHERE id = $1`, [subjects[0]!.id]), { code: 'FD001' });
  });

  it('refuses a stale version with a conflict naming the record and both versions, changing nothing', async () => {
    const db = ctx.db();
    const { subjects } = await seedTrial(db, 1, 'STALE');
    const s = subjects[0]!;
    await updateRow(db, subject, s.id, 1, { status: 'enrolled' }, { user: 'a', reason: 'first' });
    const n = await count(db);
    await assert.rejects(updateRow(db, subject, s.id, 1, { status: 'withdrawn' }, { user: 'b', reason: 'second, from a stale screen' }), (e: unknown) => {
      assert.ok(e instanceof StoreError);
      assert.equal(e.code, 'conflict');
      assert.deepEqual(e.params, { table: 'subject', id: s.id, expected: 1, actual: 2 });
      return true;
    });
    await assert.rejects(deleteRow(db, subject, s.id, 1, { user: 'b', reason: 'stale' }), { code: 'conflict' });
    await assert.rejects(updateRow(db, subject, '00000000-0000-4000-8000-000000000000', 1, { status: 'withdrawn' }, { user: 'b', reason: 'x' }), { code: 'not_found' });
    const [row] = await db.query<{ status: string; version: number }>('SELECT status, version FROM subject WHERE id = $1', [s.id]);
    assert.deepEqual(row, { status: 'enrolled', version: 2 });
    assert.equal(await count(db), n);
  });

  it('keeps several changes in one transaction, and none of them when one fails', async () => {
    const db = ctx.db();
    const { subjects } = await seedTrial(db, 2, 'TX');
    const n = await count(db);
    await assert.rejects(
      audited(db, { user: 'pi-li', reason: 'batch' }, async (tx) => {
        await tx.update(subject, subjects[0]!.id, 1, { status: 'enrolled' });
        await tx.update(subject, subjects[1]!.id, 5, { status: 'enrolled' });
      }),
      { code: 'conflict' },
    );
    assert.equal(await count(db), n);
    const rows = await db.query<{ version: number }>('SELECT version FROM subject WHERE id = ANY($1::uuid[])', [subjects.map((s) => s.id)]);
    assert.deepEqual(
      rows.map((r) => r.version),
      [1, 1],
    );
  });

  it('refuses to change or remove audit history, the chain head, or an id, or to truncate an audited table', async () => {
    const db = ctx.db();
    const { subjects } = await seedTrial(db, 1, 'APPEND');
    const refusals = [
      `UPDATE audit_log SET reason = 'rewritten'`,
      'DELETE FROM audit_log',
      'TRUNCATE audit_log',
      'UPDATE audit_chain_head SET seq = 0',
      'DELETE FROM audit_chain_head',
      'TRUNCATE security_event',
    ];
    for (const statement of refusals) await assert.rejects(db.query(statement), { code: 'FD003' }, statement);
    await assert.rejects(
      audited(db, { user: 'x', reason: 'y' }, (tx) => tx.sql.query(`UPDATE subject SET id = gen_random_uuid() WHERE id = $1`, [subjects[0]!.id])),
      { code: 'id_immutable' },
    );
    assert.equal((await verifyAudit(db)).ok, true);
  });

  it('links a write\'s records and a statement\'s own audit record in one chain, whichever comes first, and the head ends at the last', async () => {
    const db = ctx.db();
    const { subjects } = await seedTrial(db, 2, 'LINKED');
    const direct = `INSERT INTO audit_log (table_name, row_id, operation, field, user_id, prev_hash, hash)
                    VALUES ('note', 'n1', 'INSERT', 'text', 'x', '\\x00', '\\x00') RETURNING seq`;
    const last = await audited(db, { user: 'pi-li', reason: 'mixed' }, async (tx) => {
      await tx.sql.query(direct);
      await tx.update(subject, subjects[0]!.id, 1, { status: 'enrolled' });
      await tx.update(subject, subjects[1]!.id, 1, { status: 'enrolled' });
      return (await tx.sql.query<{ seq: number }>(direct))[0]!.seq;
    });
    const head = await db.query<{ seq: number }>('SELECT seq FROM audit_chain_head');
    assert.equal(Number(head[0]!.seq), Number(last));
    const written = await auditOf(db, subjects[1]!.id);
    const update = written.filter((r) => r.operation === 'UPDATE');
    assert.deepEqual(update.map((r) => r.field), ['status', 'version']);
    assert.equal(update[1]!.seq, update[0]!.seq + 1);
    assert.equal(update[0]!.recorded_at.getTime(), update[1]!.recorded_at.getTime(), 'one write, one time');
    const result = await verifyAudit(db);
    assert.equal(result.ok, true, JSON.stringify(result));
  });

  it('serialises concurrent writers into one unforked chain', async () => {
    const db = ctx.db();
    const { subjects } = await seedTrial(db, 8, 'CONCURRENT');
    // On the server these run on separate connections at once; PGlite queues them.
    await Promise.all(subjects.map((s, i) => updateRow(db, subject, s.id, 1, { status: i % 2 ? 'enrolled' : 'screen_failed' }, { user: `u${i}`, reason: 'concurrent' })));
    const results = await Promise.allSettled(subjects.map((s) => updateRow(db, subject, s.id, 2, { status: 'withdrawn' }, { user: 'late', reason: 'race' })));
    assert.ok(results.every((r) => r.status === 'fulfilled'));
    // Two writers on one record: exactly one wins, the other gets a conflict.
    const race = await Promise.allSettled([1, 2].map((k) => updateRow(db, subject, subjects[0]!.id, 3, { status: 'completed' }, { user: `racer${k}`, reason: 'race' })));
    assert.deepEqual(race.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
    assert.equal(((race.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason as StoreError).code, 'conflict');
    const result = await verifyAudit(db);
    assert.equal(result.ok, true, JSON.stringify(result));
  });
});
