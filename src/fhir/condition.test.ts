import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { concept, condition, factsOf, issuesOf, onlyFact, SNOMED } from './test-support.ts';

const clinical = (code: string) => concept('http://terminology.hl7.org/CodeSystem/condition-clinical', code);
const verification = (code: string) => concept('http://terminology.hl7.org/CodeSystem/condition-ver-status', code);

describe('Condition (SNOMED CT)', () => {
  it('maps SLE with its onset as the diagnosis date', () => {
    assert.deepEqual(onlyFact(condition('55464009', { onsetDateTime: '2019-04-02', recordedDate: '2019-05-01', clinicalStatus: clinical('active') })), {
      kind: 'sle',
      onset: '2019-04-02',
      recorded: '2019-05-01',
      active: true,
      source: 'Condition/c1',
      code: '55464009',
    });
  });

  it('reads a year or year-month diagnosis as its last day, which can only shorten the disease duration', () => {
    assert.equal((onlyFact(condition('55464009', { onsetDateTime: '2015' })) as { onset: string }).onset, '2015-12-31');
    assert.equal((onlyFact(condition('55464009', { onsetDateTime: '2024-02' })) as { onset: string }).onset, '2024-02-29');
    assert.equal((onlyFact(condition('55464009', { recordedDate: '2023-11' })) as { recorded: string }).recorded, '2023-11-30');
  });

  it('keeps the recorded date when there is no onset', () => {
    assert.deepEqual(onlyFact(condition('27503000', { recordedDate: '2020-01-01' })), { kind: 'gilbert', recorded: '2020-01-01', active: true, source: 'Condition/c1', code: '27503000' });
  });

  it('maps the tables alternates and legacy codes (lupus nephritis, normal pregnancy)', () => {
    assert.equal((onlyFact(condition('68815009')) as { kind: string }).kind, 'sle');
    assert.equal((onlyFact(condition('201435004')) as { kind: string }).kind, 'sle');
    assert.equal((onlyFact(condition('77386006')) as { kind: string }).kind, 'pregnancy');
    assert.equal((onlyFact(condition('72892002')) as { kind: string }).kind, 'pregnancy');
  });

  it('honours the exclude list, even when another coding says SLE', () => {
    assert.deepEqual(factsOf(condition('201436003')), []);
    assert.deepEqual(factsOf(condition('200938002')), []);
    const both = condition('x', { code: { coding: [{ system: SNOMED, code: '55464009' }, { system: SNOMED, code: '201436003' }] } });
    assert.deepEqual(factsOf(both), []);
  });

  it('marks inactive, resolved, in remission, refuted and abated conditions as not active', () => {
    for (const status of ['inactive', 'resolved', 'remission'])
      assert.equal((onlyFact(condition('77386006', { clinicalStatus: clinical(status) })) as { active: boolean }).active, false, status);
    assert.equal((onlyFact(condition('77386006', { verificationStatus: verification('refuted') })) as { active: boolean }).active, false);
    assert.equal((onlyFact(condition('77386006', { abatementDateTime: '2025-01-01' })) as { active: boolean }).active, false);
    assert.equal((onlyFact(condition('77386006', { clinicalStatus: clinical('relapse') })) as { active: boolean }).active, true);
  });

  it('ignores entered-in-error and conditions coded only in other systems', () => {
    assert.deepEqual(factsOf(condition('55464009', { verificationStatus: verification('entered-in-error') })), []);
    assert.deepEqual(factsOf(condition('M32.9', { code: concept('http://hl7.org/fhir/sid/icd-10', 'M32.9') })), []);
  });

  it('reports a malformed onset with the resource and field', () => {
    assert.deepEqual(issuesOf(condition('55464009', { onsetDateTime: 20190402 })), [
      { path: ['onsetDateTime'], code: 'invalid_type', params: { resource: 'Condition/c1', expected: 'date', received: 'number' } },
    ]);
  });
});
