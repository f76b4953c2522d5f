import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseInput } from '../validation.ts';
import { glucocorticoids, PrednisoneEquivalentInput, prednisoneEquivalentMgPerDay } from './prednisone-equivalent.ts';

const mgPerDay = (input: unknown) => {
  const parsed = parseInput(PrednisoneEquivalentInput, input);
  assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.issues));
  const r = prednisoneEquivalentMgPerDay(parsed.value);
  assert.ok(r.ok);
  return r.value.mgPerDay;
};

describe('prednisone equivalents (domain.md §6.2, §7 P1–P5)', () => {
  it('P1: methylprednisolone 16 mg/day → 20', () => assert.equal(mgPerDay({ drug: 'methylprednisolone', dose: { value: 16, unit: 'mg' } }), 20));
  it('P2: dexamethasone 1.5 mg/day → 10', () => assert.equal(mgPerDay({ drug: 'dexamethasone', dose: { value: 1.5, unit: 'mg' } }), 10));
  it('P3/P4: hydrocortisone 20 mg/day → 5', () => assert.equal(mgPerDay({ drug: 'hydrocortisone', dose: { value: 20, unit: 'mg' } }), 5));
  it('P5: prednisone 35 mg/day → 35', () => assert.equal(mgPerDay({ drug: 'prednisone', dose: { value: 35, unit: 'mg' } }), 35));

  it('uses the tabulated equivalent of every drug', () => {
    const expected = { prednisone: 5, prednisolone: 5, methylprednisolone: 6.25, triamcinolone: 6.25, hydrocortisone: 1.25, cortisone: 1, dexamethasone: 33.3333333333, betamethasone: 41.6666666667, deflazacort: 4.16666666667 };
    for (const drug of glucocorticoids) assert.equal(mgPerDay({ drug, dose: { value: 5, unit: 'mg' } }), expected[drug], drug);
  });

  it('multiplies by times per day and accepts grams', () => {
    assert.equal(mgPerDay({ drug: 'prednisolone', dose: { value: 5, unit: 'mg' }, timesPerDay: 3 }), 15);
    assert.equal(mgPerDay({ drug: 'methylprednisolone', dose: { value: 0.5, unit: 'g' } }), 625);
    assert.equal(mgPerDay({ drug: 'hydrocortisone', dose: { value: 0, unit: 'mg' } }), 0);
  });

  it('is proportional to the dose (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...glucocorticoids), fc.integer({ min: 1, max: 1000 }), (drug, dose) => {
        const one = mgPerDay({ drug, dose: { value: 1, unit: 'mg' } });
        assert.ok(Math.abs(mgPerDay({ drug, dose: { value: dose, unit: 'mg' } }) - dose * one) < 1e-9 * dose * one);
      }),
    );
  });

  it('refuses unknown drugs, negative doses and non-mass units', () => {
    const issuesOf = (input: unknown) => {
      const r = parseInput(PrednisoneEquivalentInput, input);
      return r.ok ? prednisoneEquivalentMgPerDay(r.value) : r;
    };
    const unknown = issuesOf({ drug: 'aspirin', dose: { value: 5, unit: 'mg' } });
    assert.deepEqual(!unknown.ok && unknown.issues[0]?.path, ['drug']);
    const negative = issuesOf({ drug: 'prednisone', dose: { value: -5, unit: 'mg' } });
    assert.deepEqual(!negative.ok && negative.issues[0]?.path, ['dose', 'value']);
    const wrongUnit = issuesOf({ drug: 'prednisone', dose: { value: 5, unit: 'mg/dL' } });
    assert.deepEqual(!wrongUnit.ok && wrongUnit.issues[0]?.path, ['dose', 'unit']);
  });
});
