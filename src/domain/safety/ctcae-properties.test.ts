// CTCAE grades never improve as a value worsens, whatever the unit it is reported in.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { gradeCtcae } from './ctcae.ts';
import type { CtcaeInput } from './ctcae-input.ts';

function grade(input: CtcaeInput): number {
  const r = gradeCtcae(input);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.issues));
  const g = r.value.output.grade;
  assert.ok(Number.isInteger(g) && g >= 0 && g <= 5);
  return g;
}

/** Two values in [min, max], smaller first. */
const pair = (min: number, max: number): fc.Arbitrary<[number, number]> =>
  fc.tuple(fc.double({ min, max, noNaN: true }), fc.double({ min, max, noNaN: true })).map(([a, b]) => (a <= b ? [a, b] : [b, a]));

describe('CTCAE monotonicity (property)', () => {
  const decreasing: Array<[CtcaeInput['term'], string, number, number, number]> = [
    ['neutrophil-count-decreased', '10*9/L', 1.8, 5, 4],
    ['lymphocyte-count-decreased', '10*9/L', 1.0, 4, 4],
    ['white-blood-cell-decreased', '10*9/L', 4.0, 12, 4],
    ['platelet-count-decreased', '10*9/L', 150, 500, 4],
    ['anemia', 'g/L', 120, 200, 3],
    ['anemia', 'mmol/L', 7.4, 12, 3],
    ['hypoalbuminemia', 'g/dL', 3.5, 6, 3],
  ];
  for (const [term, unit, lln, max, highest] of decreasing) {
    it(`${term} (${unit}): a lower value never has a lower grade, and never above grade ${highest}`, () => {
      fc.assert(
        fc.property(pair(0, max), ([lo, hi]) => {
          const gLo = grade({ term, value: { value: lo, unit }, lln });
          const gHi = grade({ term, value: { value: hi, unit }, lln });
          assert.ok(gLo >= gHi, `${lo} → ${gLo}, ${hi} → ${gHi}`);
          assert.ok(gLo <= highest);
        }),
      );
    });
  }

  const increasing: Array<[CtcaeInput['term'], string, number, readonly (number | undefined)[], number]> = [
    ['alanine-aminotransferase-increased', 'U/L', 40, [undefined, 30, 60], 2000],
    ['aspartate-aminotransferase-increased', 'U/L', 40, [undefined, 40, 100], 2000],
    ['alkaline-phosphatase-increased', 'U/L', 120, [undefined, 100, 150], 5000],
    ['ggt-increased', 'U/L', 50, [undefined, 50, 80], 3000],
    ['blood-bilirubin-increased', 'umol/L', 21, [undefined, 15, 30], 500],
    ['creatinine-increased', 'mg/dL', 1.1, [undefined, 0.5, 0.9, 1.5], 10],
    ['activated-partial-thromboplastin-time-prolonged', 's', 35, [undefined], 150],
  ];
  for (const [term, unit, uln, baselines, max] of increasing) {
    it(`${term}: a higher value never has a lower grade (baseline absent, normal, abnormal)`, () => {
      fc.assert(
        fc.property(pair(0, max), fc.constantFrom(...baselines), ([lo, hi], baseline) => {
          const base = { term, uln, ...(baseline === undefined ? {} : { baseline }) };
          const gLo = grade({ ...base, value: { value: lo, unit } });
          const gHi = grade({ ...base, value: { value: hi, unit } });
          assert.ok(gLo <= gHi, `${lo} → ${gLo}, ${hi} → ${gHi} (baseline ${baseline})`);
        }),
      );
    });
  }

  it('INR, with and without anticoagulation: a higher INR never has a lower grade', () => {
    fc.assert(
      fc.property(pair(0.5, 10), fc.boolean(), ([lo, hi], anticoagulated) => {
        const base = { term: 'inr-increased' as const, anticoagulated, baseline: 2 };
        assert.ok(grade({ ...base, value: { value: lo, unit: 'INR' } }) <= grade({ ...base, value: { value: hi, unit: 'INR' } }));
      }),
    );
  });

  it('fever: a higher temperature or a longer time above 40 °C never has a lower grade', () => {
    fc.assert(
      fc.property(pair(25, 45), fc.option(fc.double({ min: 0, max: 96, noNaN: true }), { nil: undefined }), ([lo, hi], hours) => {
        const base = { term: 'fever' as const, ...(hours === undefined ? {} : { durationHours: hours }) };
        assert.ok(grade({ ...base, value: { value: lo, unit: 'Cel' } }) <= grade({ ...base, value: { value: hi, unit: 'Cel' } }));
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: 25, max: 45, noNaN: true }), pair(0, 96), (t, [short, long]) => {
        const at = (durationHours: number) => grade({ term: 'fever', value: { value: t, unit: 'Cel' }, durationHours });
        assert.ok(at(short) <= at(long));
      }),
    );
  });
});

describe('CTCAE unit invariance (property)', () => {
  it('a count graded in cells/µL equals the same count in 10⁹/L, LLN included', () => {
    fc.assert(
      fc.property(fc.constantFrom('neutrophil-count-decreased', 'lymphocyte-count-decreased', 'white-blood-cell-decreased', 'platelet-count-decreased' as const), fc.integer({ min: 0, max: 400_000 }), (term, n) => {
        const inCells = grade({ term, value: { value: n, unit: 'cells/µL' }, lln: 160_000 });
        const inGiga = grade({ term, value: { value: n / 1000, unit: '10*9/L' }, lln: 160 });
        assert.equal(inCells, inGiga, `${n}/µL`);
      }),
    );
  });
  it('haemoglobin in g/dL grades like the same value in g/L', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), (n) => {
        assert.equal(grade({ term: 'anemia', value: { value: n / 100, unit: 'g/dL' }, lln: 12 }), grade({ term: 'anemia', value: { value: n / 10, unit: 'g/L' }, lln: 120 }));
      }),
    );
  });
  it('a temperature in °F grades like the same temperature in °C', () => {
    fc.assert(
      fc.property(fc.integer({ min: 250, max: 450 }), (tenthsC) => {
        const fahrenheit = (tenthsC * 18 + 3200) / 100;
        assert.equal(grade({ term: 'fever', value: { value: fahrenheit, unit: '[degF]' } }), grade({ term: 'fever', value: { value: tenthsC / 10, unit: 'Cel' } }));
      }),
    );
  });
});
