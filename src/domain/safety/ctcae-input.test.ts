// Bad CTCAE input is a list of issues naming the field, never a guessed grade.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Issue } from '../result.ts';
import { parseInput } from '../validation.ts';
import { ctcaeScore } from './ctcae.ts';
import { ctcaeTerms } from './ctcae-terms.ts';

function issues(input: unknown): readonly Issue[] {
  const parsed = parseInput(ctcaeScore.input, input);
  if (!parsed.ok) return parsed.issues;
  const r = ctcaeScore.compute(parsed.value);
  assert.equal(r.ok, false, `expected issues, got ${JSON.stringify(r.ok && r.value.output)}`);
  return r.ok ? [] : r.issues;
}

const anc = { term: 'neutrophil-count-decreased', value: { value: 1.2, unit: '10*9/L' }, lln: 1.8 };

describe('CTCAE input errors name the field', () => {
  it('an unknown term', () => {
    const [first] = issues({ ...anc, term: 'neutropenia' });
    assert.deepEqual(first?.path, ['term']);
    assert.equal(first?.code, 'invalid_choice');
    assert.deepEqual(first?.params.allowed, ctcaeTerms);
  });
  it('a missing value', () => {
    assert.deepEqual(issues({ term: 'anemia', lln: 120 }), [{ path: ['value'], code: 'required', params: {} }]);
  });
  it('a value that is not a number', () => {
    assert.deepEqual(issues({ ...anc, value: { value: '1.2', unit: '10*9/L' } })[0]?.path, ['value', 'value']);
  });
  it('an unknown unit', () => {
    assert.deepEqual(issues({ ...anc, value: { value: 1.2, unit: 'furlongs' } }), [
      { path: ['value', 'unit'], code: 'unknown_unit', params: { unit: 'furlongs' } },
    ]);
  });
  it('a unit of the wrong kind (a count in g/L, an enzyme in mg/dL, INR in seconds)', () => {
    assert.deepEqual(issues({ ...anc, value: { value: 1.2, unit: 'g/L' } }), [
      { path: ['value', 'unit'], code: 'incompatible_unit', params: { unit: 'g/L', expected: '×10⁹/L' } },
    ]);
    assert.deepEqual(issues({ term: 'alanine-aminotransferase-increased', value: { value: 50, unit: 'mg/dL' }, uln: 40 })[0], {
      path: ['value', 'unit'],
      code: 'incompatible_unit',
      params: { unit: 'mg/dL', expected: 'U/L' },
    });
    assert.deepEqual(issues({ term: 'inr-increased', value: { value: 14, unit: 's' } })[0]?.path, ['value', 'unit']);
    assert.deepEqual(issues({ term: 'hypoalbuminemia', value: { value: 0.5, unit: 'mmol/L' }, lln: 35 })[0]?.path, ['value', 'unit']);
    assert.deepEqual(issues({ term: 'fever', value: { value: 38, unit: 'K/uL' } })[0]?.path, ['value', 'unit']);
  });
  it('a negative count', () => {
    assert.deepEqual(issues({ ...anc, value: { value: -0.5, unit: '10*9/L' } }), [
      { path: ['value', 'value'], code: 'too_small', params: { minimum: 0, inclusive: true } },
    ]);
  });
  it('a reference of zero or less, bare or as a quantity', () => {
    assert.deepEqual(issues({ ...anc, value: { value: 1.7, unit: '10*9/L' }, lln: 0 }), [{ path: ['lln'], code: 'must_be_positive', params: {} }]);
    assert.deepEqual(issues({ term: 'alanine-aminotransferase-increased', value: { value: 50, unit: 'U/L' }, uln: { value: -40, unit: 'U/L' } }), [
      { path: ['uln', 'value'], code: 'must_be_positive', params: {} },
    ]);
  });
  it('a reference in an unknown or incompatible unit', () => {
    assert.deepEqual(issues({ ...anc, lln: { value: 1.8, unit: 'bananas' } }), [{ path: ['lln', 'unit'], code: 'unknown_unit', params: { unit: 'bananas' } }]);
    assert.deepEqual(issues({ term: 'blood-bilirubin-increased', value: { value: 40, unit: 'umol/L' }, uln: { value: 21, unit: 'U/L' } })[0]?.path, ['uln', 'unit']);
  });
  it('reports the value and a reference together', () => {
    const found = issues({ ...anc, value: { value: -1, unit: 'furlongs' }, lln: { value: 1.8, unit: 'bananas' } }).map((i) => i.path.join('.'));
    assert.deepEqual(found.sort(), ['lln.unit', 'value.unit', 'value.value']);
  });
  it('an impossible temperature, in the unit it was given', () => {
    assert.deepEqual(issues({ term: 'fever', value: { value: 60, unit: 'Cel' } }), [
      { path: ['value', 'value'], code: 'out_of_range', params: { value: 60, minimum: 25, maximum: 45 } },
    ]);
    assert.deepEqual(issues({ term: 'fever', value: { value: 140, unit: '[degF]' } }), [
      { path: ['value', 'value'], code: 'out_of_range', params: { value: 140, minimum: 77, maximum: 113 } },
    ]);
  });
  it('fields that belong to another term', () => {
    assert.deepEqual(issues({ term: 'alanine-aminotransferase-increased', value: { value: 50, unit: 'U/L' }, uln: 40, durationHours: 3 }), [
      { path: ['durationHours'], code: 'not_applicable_to_term', params: { term: 'alanine-aminotransferase-increased' } },
    ]);
    assert.deepEqual(issues({ term: 'fever', value: { value: 38.5, unit: 'Cel' }, anticoagulated: true })[0]?.path, ['anticoagulated']);
  });
  it('unknown fields and a negative duration', () => {
    assert.deepEqual(issues({ ...anc, grade: 3 }), [{ path: ['grade'], code: 'unknown_field', params: {} }]);
    assert.deepEqual(issues({ term: 'fever', value: { value: 40.5, unit: 'Cel' }, durationHours: -1 })[0]?.path, ['durationHours']);
    assert.deepEqual(issues({ ...anc, value: { value: 1.2, unit: '10*9/L', flag: 'L' } })[0]?.path, ['value', 'flag']);
  });
});
