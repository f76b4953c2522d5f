import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { concept, factsOf, issuesOf, onlyFact, SNOMED } from './test-support.ts';

const procedure = (code: string, fields: Record<string, unknown> = {}) => ({
  resourceType: 'Procedure',
  id: 'pr1',
  status: 'completed',
  code: concept(SNOMED, code),
  subject: { reference: 'Patient/p1' },
  performedDateTime: '2026-01-05T10:00:00Z',
  ...fields,
});

describe('Procedure: transfusions (SNOMED CT 116859006 and descendants)', () => {
  it('maps a completed transfusion with its date', () => {
    assert.deepEqual(onlyFact(procedure('116859006')), { kind: 'transfusion', date: '2026-01-05T10:00:00Z', source: 'Procedure/pr1', code: '116859006' });
  });

  it('maps the tables alternates (red cells, platelets) and performedPeriod.start', () => {
    assert.equal((onlyFact(procedure('116863004')) as { code: string }).code, '116863004');
    const fact = onlyFact(procedure('12719002', { performedDateTime: undefined, performedPeriod: { start: '2026-01-04', end: '2026-01-04' } }));
    assert.equal((fact as { date: string }).date, '2026-01-04');
  });

  it('ignores transfusions not done or entered in error, and other procedures', () => {
    for (const status of ['not-done', 'entered-in-error', 'preparation']) assert.deepEqual(factsOf(procedure('116859006', { status })), []);
    assert.deepEqual(factsOf(procedure('80146002')), []);
  });

  it('requires the date of a transfusion', () => {
    assert.deepEqual(issuesOf(procedure('116859006', { performedDateTime: undefined })), [{ path: ['performedDateTime'], code: 'required', params: { resource: 'Procedure/pr1' } }]);
  });
});
