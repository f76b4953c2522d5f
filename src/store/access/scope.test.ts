import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { StoreError } from '../errors.ts';
import { describeEachBackend } from '../test-support.ts';
import { recordScope, signableTables } from './scope.ts';
import { type Records, makeUser, seedSignableRecords } from './test-support.ts';

describeEachBackend('record scope', (ctx) => {
  let r: Records;
  before(async () => {
    r = await seedSignableRecords(ctx.db(), 'SCOPE');
  });

  it('names the study and site of a record of every signable table', async () => {
    const db = ctx.db();
    const { user } = await makeUser(db, 'crc');
    const atA = { studyId: r.study.id, siteId: r.siteA.id, accountId: null };
    const studyLevel = { studyId: r.study.id, siteId: null, accountId: null };
    const cases: [string, string, object][] = [
      ['subject', r.subjectB.id, { ...atA, siteId: r.siteB.id }],
      ['screening_result', r.screening.id, atA],
      ['visit', r.visit.id, atA],
      ['observation', r.lab.id, atA],
      ['dose_administration', r.dose.id, atA],
      ['adverse_event', r.aeA.id, atA],
      ['adverse_event', r.aeB.id, { ...atA, siteId: r.siteB.id }],
      ['data_query', r.query.id, atA],
      ['data_query', r.studyQuery.id, studyLevel],
      ['import_batch', r.batch.id, atA],
      ['import_batch', r.studyBatch.id, studyLevel],
      ['escalation_decision', r.decision.id, studyLevel],
      ['protocol_version', r.protocol.id, studyLevel],
      ['app_user', user.id, { studyId: null, siteId: null, accountId: user.id }],
    ];
    assert.deepEqual([...new Set(cases.map((c) => c[0]))].sort(), [...signableTables].sort(), 'every signable table is tested');
    for (const [table, id, scope] of cases) assert.deepEqual(await recordScope(db, table, id), scope, table);
  });

  it('refuses other tables and names a missing record', async () => {
    const db = ctx.db();
    const refusal = (code: string, params: object) => (error: unknown) => error instanceof StoreError && error.code === code && assert.deepEqual(error.params, params) === undefined;
    await assert.rejects(recordScope(db, 'audit_log', '1'), refusal('not_signable', { table: 'audit_log' }));
    await assert.rejects(recordScope(db, 'site; DROP TABLE study', r.siteA.id), refusal('not_signable', { table: 'site; DROP TABLE study' }));
    await assert.rejects(recordScope(db, 'visit', r.aeA.id), refusal('not_found', { table: 'visit', id: r.aeA.id }));
    await assert.rejects(recordScope(db, 'visit', 'not-a-uuid'), refusal('not_found', { table: 'visit', id: 'not-a-uuid' }));
  });
});
