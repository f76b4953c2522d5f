import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demographicsOf } from './demographics.ts';

describe('demographicsOf', () => {
  it('reads sex and the year of birth from the screening evidence, never the full date', () => {
    const evaluation = {
      criteria: [
        { id: 'age', evidence: [{ item: 'age', value: 36 }, { item: 'birthDate', value: '1989-08-09' }] },
        { id: 'pregnancy', evidence: [{ item: 'sex', value: 'female' }] },
      ],
    };
    const d = demographicsOf(evaluation);
    assert.deepEqual(d, { sex: 'female', birthYear: '1989' });
    assert.ok(!JSON.stringify(d).includes('08-09'));
  });

  it('gives nothing it cannot read', () => {
    assert.deepEqual(demographicsOf(null), {});
    assert.deepEqual(demographicsOf({ criteria: [{ evidence: [{ item: 'sex', value: 'F' }, { item: 'birthDate', value: 19890809 }] }] }), {});
  });
});
