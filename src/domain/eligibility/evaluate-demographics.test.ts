// I1 age 18–69 inclusive on the screening date (domain.md §0.1), boundaries on the birthday.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hn2301 } from '../../protocols/test-support.ts';
import { ASOF, patient, screenWith } from './test-support.ts';

const { criterion, statusOf } = screenWith(hn2301);

describe('age (I1)', () => {
  const born = (birthDate: string) => patient((r) => { r.birthDate = birthDate; });

  it('met from the 18th birthday to the day before the 70th', () => {
    assert.equal(statusOf(born('2008-03-01'), 'age'), 'met', '18 on the birthday');
    assert.equal(statusOf(born('1957-03-02'), 'age'), 'met', '69, the day before turning 70');
    assert.equal(statusOf(born('1957-03-01'), 'age', undefined, '2026-02-28'), 'met', '69 the day before');
  });

  it('not met the day before the 18th birthday and on the 70th birthday', () => {
    const young = criterion(born('2008-03-02'), 'age');
    assert.equal(young.status, 'not-met');
    assert.deepEqual(young.reason, { code: 'age_below_minimum', params: { age: 17, min: 18, max: 69, birthDate: '2008-03-02' } });
    const old = criterion(born('1956-03-01'), 'age');
    assert.equal(old.status, 'not-met', '70 on the birthday');
    assert.equal(old.reason.code, 'age_above_maximum');
  });

  it('unknown without a birth date, asking for it', () => {
    const c = criterion(patient((r) => { delete r.birthDate; }), 'age');
    assert.equal(c.status, 'unknown');
    assert.deepEqual(c.missing, [{ item: 'birthDate', code: 'no_birth_date', params: {} }]);
  });

  it('uses the screening date passed in, not a clock', () => {
    assert.equal(statusOf(born('2008-03-05'), 'age', undefined, ASOF), 'not-met');
    assert.equal(statusOf(born('2008-03-05'), 'age', undefined, '2026-03-05'), 'met');
  });
});
