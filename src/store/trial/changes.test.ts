// What changed since: the audit records of a range, and whether one of them concerns a kept
// answer (a table's records, or one subject's). The server keeps its costly pages on this.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { audited } from '../audit.ts';
import { describeEachBackend, seedTrial } from '../test-support.ts';
import { observation } from '../schema-conduct.ts';
import { subject } from '../schema.ts';
import { type AuditChange, auditChanges, auditHead, type Dependency, touches } from './changes.ts';

describeEachBackend('audit changes', (ctx) => {
  it('reads the records after one sequence up to another, in order, with the record each names', async () => {
    const db = ctx.db();
    const { site, subjects } = await seedTrial(db, 2, 'CHANGES');
    const start = await auditHead(db);
    const o = await audited(db, { user: 'crc' }, (tx) =>
      tx.insert(observation, { subjectId: subjects[0]!.id, kind: 'vital', code: 'weight', valueNum: 60, unit: 'kg', observedAt: new Date(), status: 'final', source: 'entry' }),
    );
    const middle = await auditHead(db);
    await audited(db, { user: 'crc', reason: 'moved' }, (tx) => tx.update(subject, subjects[1]!.id, 1, { siteId: site.id, status: 'enrolled' }));
    const end = await auditHead(db);
    const first = await auditChanges(db, start, middle);
    assert.equal(first.length, middle - start);
    assert.deepEqual(first.map((c) => c.seq), Array.from({ length: middle - start }, (_, i) => start + 1 + i));
    assert.ok(first.every((c) => c.table === 'observation' && c.rowId === o.id));
    assert.equal(first.find((c) => c.field === 'subject_id')!.names, subjects[0]!.id);
    assert.equal(first.find((c) => c.field === 'code')!.names, null);
    const second = await auditChanges(db, middle, end);
    assert.deepEqual(second.map((c) => [c.table, c.field]), [['subject', 'status'], ['subject', 'version']]);
    assert.deepEqual(await auditChanges(db, end, end), []);
  });

  it('says whether a record concerns a table, or one subject by its records, its new records and their signatures', () => {
    const s = '6f1c0c56-4a0e-4d55-9d43-3f8f0e3a1b2c';
    const known = 'a3a9d6d4-5a43-4a0c-8f0b-9b8f5c1e2d3f';
    const other = 'e0b7c6f5-1d2e-4c3b-8a9f-0e1d2c3b4a59';
    const change = (table: string, rowId: string, field: string | null, names: string | null = null): AuditChange => ({ seq: 1, table, rowId, field, names });
    const tables: Dependency = { tables: ['subject', 'site'] };
    assert.equal(touches(tables, change('site', other, 'name')), true);
    assert.equal(touches(tables, change('observation', other, 'code')), false);
    const record: Dependency = { tables: ['subject', 'observation', 'signature'], subject: { id: s.toUpperCase(), rowIds: [known.toUpperCase()] } };
    assert.equal(touches(record, change('subject', s, 'status')), true, 'the subject itself');
    assert.equal(touches(record, change('observation', known, 'value_num')), true, 'a record already shown');
    assert.equal(touches(record, change('observation', other, 'subject_id', s)), true, 'a new record of the subject');
    assert.equal(touches(record, change('observation', other, 'subject_id', known)), false);
    assert.equal(touches(record, change('observation', other, 'code')), false, 'another subject\'s record');
    assert.equal(touches(record, change('signature', other, 'row_id', known)), true, 'a signature of a record shown');
    assert.equal(touches(record, change('signature', other, 'row_id', other)), false);
    assert.equal(touches(record, change('visit', s, 'status')), false, 'a table the answer was not read from');
  });
});
