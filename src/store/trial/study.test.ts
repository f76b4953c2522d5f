import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Protocol } from '../../domain/protocol/index.ts';
import { signaturesOf, sign } from '../access/index.ts';
import { describeEachBackend } from '../test-support.ts';
import { ConductRefusal } from './refusal.ts';
import { amendProtocol, protocolInForce } from './study.ts';
import { hn2301, trialWithPeople } from './test-support.ts';

describeEachBackend('protocol versions', (ctx) => {
  it('an amendment is a new version in force from its date; earlier screenings keep the version they used', async () => {
    const db = await ctx.fresh();
    const t = await trialWithPeople(db);
    const before = await t.screened('001', '2026-06-01');
    const v1 = hn2301();
    const amended = Protocol.parse({
      ...v1,
      version: '2',
      effectiveDate: '2026-07-01',
      supersedes: v1.version,
      criteria: v1.criteria.map((c) => (c.id === 'age' ? { ...c, text: { en: 'Aged 18–65', 'zh-CN': '年龄 18–65 岁' } } : c)),
    });
    const row = await amendProtocol(db, { user: 'admin' }, t.study.id, amended);
    await sign(db, t.src, { table: 'protocol_version', rowId: row.id, meaning: 'approved' });
    assert.equal((await signaturesOf(db, 'protocol_version', row.id))[0]!.status, 'valid');
    await assert.rejects(amendProtocol(db, { user: 'admin' }, t.study.id, amended), (e: unknown) => e instanceof ConductRefusal && e.code === 'protocol_version_exists');

    assert.equal((await protocolInForce(db, t.study.id, '2026-06-30')).row.label, v1.version);
    assert.equal((await protocolInForce(db, t.study.id, '2026-07-01')).row.label, '2');
    const after = await t.screened('002', '2026-07-02');
    const versions = await db.query<{ subject: string; label: string; version_in_result: string }>(
      `SELECT s.screening_number AS subject, p.label, r.evaluation ->> 'protocolVersion' AS version_in_result
       FROM screening_result r JOIN protocol_version p ON p.id = r.protocol_version_id JOIN subject s ON s.id = r.subject_id ORDER BY 1`,
    );
    assert.deepEqual(versions, [
      { subject: '001', label: v1.version, version_in_result: v1.version },
      { subject: '002', label: '2', version_in_result: '2' },
    ]);
    // Both versions can be retrieved whole, side by side.
    const both = await db.query<{ label: string; text: string }>(
      `SELECT label, content -> 'criteria' -> 0 -> 'text' ->> 'en' AS text FROM protocol_version WHERE study_id = $1 ORDER BY effective_date`,
      [t.study.id],
    );
    assert.deepEqual(both.map((b) => b.label), [v1.version, '2']);
    assert.notEqual(both[0]!.text, both[1]!.text);
    assert.ok(before.screening.id && after.screening.id);
  });
});
