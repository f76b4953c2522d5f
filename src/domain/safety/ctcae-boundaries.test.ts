// Every CTCAE v5.0 bound from both sides (range convention of domain.md §5.1: "<1.5 - 1.0" is
// 1.0 ≤ x < 1.5; ">3.0 - 5.0 x ULN" is 3·ULN < x ≤ 5·ULN; a bound written without "<" or ">" is
// inclusive), in the units labs report.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseInput } from '../validation.ts';
import { ctcaeScore } from './ctcae.ts';

function grade(input: Record<string, unknown>): number {
  const parsed = parseInput(ctcaeScore.input, input);
  assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.issues));
  const r = ctcaeScore.compute(parsed.value);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.issues));
  return r.value.output.grade;
}

type Case = [value: number, grade: number];

/** Runs one table of [value, expected grade] rows against a fixed rest of the input. */
function table(title: string, unit: string, rest: Record<string, unknown>, rows: Case[]) {
  it(title, () => {
    for (const [value, expected] of rows)
      assert.equal(grade({ ...rest, value: { value, unit } }), expected, `${title}: ${value} ${unit}`);
  });
}

describe('CTCAE v5.0 blood count bounds', () => {
  const anc = { term: 'neutrophil-count-decreased', lln: 1.8 };
  table('neutrophils ×10⁹/L: LLN 1.8 / 1.5 / 1.0 / 0.5', '10*9/L', anc, [[1.8, 0], [1.79, 1], [1.5, 1], [1.49, 2], [1.0, 2], [0.99, 3], [0.5, 3], [0.49, 4], [0, 4]]);
  table('neutrophils cells/µL with a bare LLN 1800', 'cells/µL', { ...anc, lln: 1800 }, [[1800, 0], [1799, 1], [1500, 1], [1499, 2], [1000, 2], [999, 3], [500, 3], [499, 4]]);
  table('neutrophils /mm3 with an LLN in 10^9/L', '/mm3', { ...anc, lln: { value: 1.8, unit: '10^9/L' } }, [[1800, 0], [1799, 1], [1500, 1], [1499, 2]]);
  table('neutrophils 10^3/µL', '10^3/µL', { ...anc, lln: 1.8 }, [[1.5, 1], [1.49, 2], [0.5, 3], [0.49, 4]]);
  table('lymphocytes: LLN 1.0 / 0.8 / 0.5 / 0.2', '10*9/L', { term: 'lymphocyte-count-decreased', lln: 1.0 }, [[1.0, 0], [0.99, 1], [0.8, 1], [0.79, 2], [0.5, 2], [0.49, 3], [0.2, 3], [0.19, 4]]);
  table('lymphocytes cells/µL', 'cells/uL', { term: 'lymphocyte-count-decreased', lln: 1000 }, [[800, 1], [799, 2], [500, 2], [499, 3], [200, 3], [199, 4]]);
  table('white cells: LLN 4.0 / 3.0 / 2.0 / 1.0', '10*9/L', { term: 'white-blood-cell-decreased', lln: 4.0 }, [[4.0, 0], [3.99, 1], [3.0, 1], [2.99, 2], [2.0, 2], [1.99, 3], [1.0, 3], [0.99, 4]]);
  table('platelets: LLN 150 / 75 / 50 / 25', '10*9/L', { term: 'platelet-count-decreased', lln: 150 }, [[150, 0], [149.9, 1], [75, 1], [74.9, 2], [50, 2], [49.9, 3], [25, 3], [24.9, 4]]);
  table('platelets /mm3', '/mm3', { term: 'platelet-count-decreased', lln: 150000 }, [[75000, 1], [74999, 2], [50000, 2], [49999, 3], [25000, 3], [24999, 4]]);
  it('an LLN below the grade 2 bound does not lift a value out of grade 2 (CTCAE text)', () => {
    assert.equal(grade({ term: 'neutrophil-count-decreased', lln: 1.4, value: { value: 1.45, unit: '10*9/L' } }), 2);
    assert.equal(grade({ term: 'neutrophil-count-decreased', lln: 1.4, value: { value: 1.5, unit: '10*9/L' } }), 0);
  });
});

describe('CTCAE v5.0 anaemia and hypoalbuminaemia bounds', () => {
  table('Hb g/L: LLN 120 / 100 / 80, at most grade 3', 'g/L', { term: 'anemia', lln: 120 }, [[120, 0], [119.9, 1], [100, 1], [99.9, 2], [80, 2], [79.9, 3], [20, 3]]);
  table('Hb g/dL: LLN 12.0 / 10.0 / 8.0', 'g/dL', { term: 'anemia', lln: 12 }, [[12, 0], [11.9, 1], [10.0, 1], [9.99, 2], [8.0, 2], [7.99, 3]]);
  table('Hb g/dL with an LLN in g/L', 'g/dL', { term: 'anemia', lln: { value: 120, unit: 'g/L' } }, [[12, 0], [11.99, 1]]);
  // CTCAE prints its own mmol/L bounds, 6.2 and 4.9 (domain.md §6.3: 8.0 g/dL ≈ 4.96 mmol/L "CTCAE prints 4.9").
  table('Hb mmol/L: LLN 7.4 / 6.2 / 4.9 as printed', 'mmol/L', { term: 'anemia', lln: 7.4 }, [[7.4, 0], [7.39, 1], [6.2, 1], [6.19, 2], [4.9, 2], [4.89, 3]]);
  table('Hb mmol/L with an LLN in g/dL (12 g/dL = 7.4472 mmol/L)', 'mmol/L', { term: 'anemia', lln: { value: 12, unit: 'g/dL' } }, [[7.4472, 0], [7.44, 1]]);
  table('albumin g/L: LLN 35 / 30 / 20, at most grade 3', 'g/L', { term: 'hypoalbuminemia', lln: 35 }, [[35, 0], [34.9, 1], [30, 1], [29.9, 2], [20, 2], [19.9, 3], [5, 3]]);
  table('albumin g/dL: LLN 3.5 / 3 / 2', 'g/dL', { term: 'hypoalbuminemia', lln: 3.5 }, [[3.5, 0], [3.49, 1], [3, 1], [2.99, 2], [2, 2], [1.99, 3]]);
});

describe('CTCAE v5.0 liver enzyme bounds', () => {
  for (const term of ['alanine-aminotransferase-increased', 'aspartate-aminotransferase-increased']) {
    table(`${term}, baseline normal: ULN 40 / 3.0 / 5.0 / 20.0 × ULN`, 'U/L', { term, uln: 40 }, [[40, 0], [40.1, 1], [120, 1], [120.1, 2], [200, 2], [200.1, 3], [800, 3], [800.1, 4]]);
    table(`${term}, baseline 40 = ULN is normal`, 'U/L', { term, uln: 40, baseline: 40 }, [[40.1, 1], [120, 1], [120.1, 2]]);
    table(`${term}, baseline 60 abnormal: 1.5 (inclusive) / 3.0 / 5.0 / 20.0 × baseline`, 'U/L', { term, uln: 40, baseline: 60 }, [[50, 0], [89.9, 0], [90, 1], [180, 1], [180.1, 2], [300, 2], [300.1, 3], [1200, 3], [1200.1, 4]]);
  }
  table('ALT in µkat/L with a ULN in U/L (0.5 µkat/L = 30 U/L)', 'ukat/L', { term: 'alanine-aminotransferase-increased', uln: { value: 40, unit: 'U/L' } }, [[2, 1], [2.01, 2]]);
  for (const term of ['alkaline-phosphatase-increased', 'ggt-increased']) {
    table(`${term}, baseline normal: ULN 120 / 2.5 / 5.0 / 20.0 × ULN`, 'U/L', { term, uln: 120 }, [[120, 0], [121, 1], [300, 1], [301, 2], [600, 2], [601, 3], [2400, 3], [2401, 4]]);
    table(`${term}, baseline 150 abnormal: 2.0 (inclusive) / 2.5 / 5.0 / 20.0 × baseline`, 'U/L', { term, uln: 120, baseline: 150 }, [[299, 0], [300, 1], [375, 1], [376, 2], [750, 2], [751, 3], [3000, 3], [3001, 4]]);
  }
  table('bilirubin µmol/L, baseline normal: ULN 21 / 1.5 / 3.0 / 10.0 × ULN', 'umol/L', { term: 'blood-bilirubin-increased', uln: 21 }, [[21, 0], [21.1, 1], [31.5, 1], [31.6, 2], [63, 2], [63.1, 3], [210, 3], [210.1, 4]]);
  table('bilirubin, baseline 30 abnormal: > 1.0 / 1.5 / 3.0 / 10.0 × baseline', 'umol/L', { term: 'blood-bilirubin-increased', uln: 21, baseline: 30 }, [[30, 0], [30.1, 1], [45, 1], [45.1, 2], [90, 2], [90.1, 3], [300, 3], [300.1, 4]]);
  table('bilirubin mg/dL, ULN 1.2: exactly 1.5 × ULN is grade 1', 'mg/dL', { term: 'blood-bilirubin-increased', uln: 1.2 }, [[1.2, 0], [1.21, 1], [1.8, 1], [1.81, 2], [3.6, 2], [3.61, 3]]);
  table('bilirubin µmol/L with a ULN in mg/dL (1.2 mg/dL = 20.52 µmol/L)', 'µmol/L', { term: 'blood-bilirubin-increased', uln: { value: 1.2, unit: 'mg/dL' } }, [[20.52, 0], [20.53, 1], [30.78, 1], [30.79, 2]]);
});

describe('CTCAE v5.0 creatinine, APTT and INR bounds', () => {
  const creatinine = { term: 'creatinine-increased', uln: 1.1 };
  table('creatinine mg/dL, no baseline: ULN 1.1 / 1.5 / 3.0 / 6.0 × ULN', 'mg/dL', creatinine, [[1.1, 0], [1.11, 1], [1.65, 1], [1.66, 2], [3.3, 2], [3.31, 3], [6.6, 3], [6.61, 4]]);
  // 1.5 × 0.7 is 1.0499999999999998 in binary floating point: the bound must still be exactly 1.05.
  table('creatinine, baseline 0.7: 1.5 / 3.0 × baseline, exact at the bound', 'mg/dL', { ...creatinine, baseline: 0.7 }, [[1.05, 0], [1.06, 2], [2.1, 2], [2.11, 3]]);
  table('creatinine µmol/L with a ULN in mg/dL (1.1 mg/dL = 97.24 µmol/L)', 'umol/L', { term: 'creatinine-increased', uln: { value: 1.1, unit: 'mg/dL' } }, [[97.24, 0], [97.25, 1], [145.86, 1], [145.87, 2]]);
  table('creatinine mg/dL with ULN and baseline in µmol/L', 'mg/dL', { term: 'creatinine-increased', uln: { value: 97.24, unit: 'umol/L' }, baseline: { value: 44.2, unit: 'umol/L' } }, [[1.51, 3], [1.5, 2], [1.1, 2], [0.75, 0], [0.76, 2]]);
  table('APTT s: ULN 35 / 1.5 / 2.5 × ULN, at most grade 3', 's', { term: 'activated-partial-thromboplastin-time-prolonged', uln: 35 }, [[35, 0], [35.1, 1], [52.5, 1], [52.6, 2], [87.5, 2], [87.6, 3], [300, 3]]);
  table('INR: 1.2 / 1.5 / 2.5, at most grade 3', 'INR', { term: 'inr-increased' }, [[1.0, 0], [1.2, 0], [1.21, 1], [1.5, 1], [1.51, 2], [2.5, 2], [2.51, 3], [8, 3]]);
  table('INR not anticoagulated ignores the baseline', '{INR}', { term: 'inr-increased', baseline: 0.9, anticoagulated: false }, [[1.2, 0], [1.21, 1]]);
  table('INR anticoagulated, baseline 2.0: > 1 / 1.5 / 2.5 × baseline', 'INR', { term: 'inr-increased', baseline: 2, anticoagulated: true }, [[2.0, 0], [2.01, 1], [3.0, 1], [3.01, 2], [5.0, 2], [5.01, 3]]);
});

describe('CTCAE v5.0 fever bounds', () => {
  table('°C: 38.0 / 39.0 / 40.0', 'Cel', { term: 'fever' }, [[37.9, 0], [38.0, 1], [39.0, 1], [39.01, 2], [40.0, 2], [40.01, 3]]);
  table('°F: 100.4 / 102.2 / 104.0 as printed by CTCAE', '[degF]', { term: 'fever' }, [[100.3, 0], [100.4, 1], [102.2, 1], [102.3, 2], [104.0, 2], [104.1, 3]]);
  table('°F spelled °F', '°F', { term: 'fever' }, [[100.4, 1]]);
  table('> 40.0 °C for exactly 24 h is grade 3', 'Cel', { term: 'fever', durationHours: 24 }, [[40.5, 3], [39.5, 2]]);
  table('> 40.0 °C for more than 24 h is grade 4', 'Cel', { term: 'fever', durationHours: 24.5 }, [[40.01, 4], [40.0, 2]]);
});
