import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Issue } from '../result.ts';
import { parseInput } from '../validation.ts';
import { ctcaeScore } from './ctcae.ts';

/** Parses and grades like the CLI does; returns the output, or the issues. */
function run(input: unknown) {
  const parsed = parseInput(ctcaeScore.input, input);
  if (!parsed.ok) return { issues: parsed.issues };
  const r = ctcaeScore.compute(parsed.value);
  return r.ok ? { output: r.value.output, explanation: r.value.explanation } : { issues: r.issues };
}

function graded(input: unknown) {
  const r = run(input);
  assert.ok(r.output, `expected a grade, got ${JSON.stringify(r.issues)}`);
  return r as { output: { grade: number; rule: string }; explanation: { code: string; params: Record<string, unknown> }[] };
}

const grade = (input: unknown) => graded(input).output.grade;
const issues = (input: unknown): readonly Issue[] => {
  const r = run(input);
  assert.ok(r.issues, `expected issues, got ${JSON.stringify(r.output)}`);
  return r.issues;
};
const count = (value: number, unit = '10*9/L') => ({ value, unit });

describe('CTCAE v5.0 worked cases (domain.md §7)', () => {
  it('T1: ANC 0.9 ×10⁹/L → neutrophil count decreased G3, no LLN needed', () => {
    assert.deepEqual(graded({ term: 'neutrophil-count-decreased', value: count(0.9) }).output, { grade: 3, rule: '<1.0 - 0.5 x 10e9 /L' });
  });
  it('T2: ANC exactly 1.0 ×10⁹/L → G2 (1.0 ≤ x < 1.5)', () => {
    assert.deepEqual(graded({ term: 'neutrophil-count-decreased', value: count(1.0) }).output, { grade: 2, rule: '<1.5 - 1.0 x 10e9 /L' });
  });
  it('T3: ALC 0.45 ×10⁹/L → lymphocyte count decreased G3', () => {
    assert.deepEqual(graded({ term: 'lymphocyte-count-decreased', value: count(0.45) }).output, { grade: 3, rule: '<0.5 - 0.2 x 10e9 /L' });
  });
  it('T4: Hb 85 g/L, LLN 115 → anaemia G2', () => {
    assert.deepEqual(graded({ term: 'anemia', value: { value: 85, unit: 'g/L' }, lln: 115 }).output, { grade: 2, rule: 'Hgb <100 - 80 g/L' });
  });
  it('T5: PLT 48 ×10⁹/L → G3', () => {
    assert.deepEqual(graded({ term: 'platelet-count-decreased', value: count(48) }).output, { grade: 3, rule: '<50.0 - 25.0 x 10e9 /L' });
  });
  it('T6: ALT 130 U/L, ULN 40, baseline normal → 3.25 × ULN → G2', () => {
    const r = graded({ term: 'alanine-aminotransferase-increased', value: { value: 130, unit: 'U/L' }, uln: 40, baseline: 35 });
    assert.deepEqual(r.output, { grade: 2, rule: '>3.0 - 5.0 x ULN (baseline normal)' });
    assert.equal(r.explanation.at(-1)?.params.ratio, 3.25);
    assert.equal(grade({ term: 'alanine-aminotransferase-increased', value: { value: 130, unit: 'U/L' }, uln: 40 }), 2);
  });
  it('T7: ALT 130 U/L, ULN 40, baseline 60 (abnormal) → 2.17 × baseline → G1', () => {
    const r = graded({ term: 'alanine-aminotransferase-increased', value: { value: 130, unit: 'U/L' }, uln: 40, baseline: 60 });
    assert.deepEqual(r.output, { grade: 1, rule: '1.5 - 3.0 x baseline (baseline abnormal)' });
    assert.equal(r.explanation.at(-1)?.params.ratio, 2.17);
  });
  it('T8: ALT exactly 120 U/L, ULN 40 → exactly 3.00 × ULN → G1 (upper bound inclusive)', () => {
    assert.deepEqual(graded({ term: 'alanine-aminotransferase-increased', value: { value: 120, unit: 'U/L' }, uln: 40 }).output, {
      grade: 1,
      rule: '>ULN - 3.0 x ULN (baseline normal)',
    });
  });
  it('T9: creatinine 1.8 mg/dL, ULN 1.1, baseline 0.7 → 1.64 × ULN (G2), 2.57 × baseline (G2) → G2', () => {
    const r = graded({ term: 'creatinine-increased', value: { value: 1.8, unit: 'mg/dL' }, uln: 1.1, baseline: 0.7 });
    assert.deepEqual(r.output, { grade: 2, rule: '>1.5 - 3.0 x ULN; >1.5 - 3.0 x baseline' });
    const ratios = r.explanation.filter((s) => s.code.endsWith('-multiple')).map((s) => s.params.ratio);
    assert.deepEqual(ratios, [1.64, 2.57]);
  });
  it('T10: creatinine 1.8 mg/dL, ULN 1.1, baseline 0.5 → 3.6 × baseline → G3 (highest criterion wins)', () => {
    assert.deepEqual(graded({ term: 'creatinine-increased', value: { value: 1.8, unit: 'mg/dL' }, uln: 1.1, baseline: 0.5 }).output, {
      grade: 3,
      rule: '>3.0 x baseline',
    });
  });
  it('T11: bilirubin 40 µmol/L, ULN 21 → 1.90 × ULN → G2; the same in mg/dL (2.34) with a µmol/L ULN', () => {
    const r = graded({ term: 'blood-bilirubin-increased', value: { value: 40, unit: 'µmol/L' }, uln: 21 });
    assert.deepEqual(r.output, { grade: 2, rule: '>1.5 - 3.0 x ULN (baseline normal)' });
    assert.equal(r.explanation.at(-1)?.params.ratio, 1.9);
    assert.equal(grade({ term: 'blood-bilirubin-increased', value: { value: 2.34, unit: 'mg/dL' }, uln: { value: 21, unit: 'umol/L' } }), 2);
  });
  it('T12: temperature 38.0 °C → fever G1 (lower bound inclusive)', () => {
    assert.deepEqual(graded({ term: 'fever', value: { value: 38.0, unit: 'Cel' } }).output, {
      grade: 1,
      rule: '38.0 - 39.0 degrees C (100.4 - 102.2 degrees F)',
    });
  });
});

describe('CTCAE missing references', () => {
  it('ANC 1.8 with no LLN cannot tell grade 0 from 1: needed_for_grade on lln', () => {
    assert.deepEqual(issues({ term: 'neutrophil-count-decreased', value: count(1.8) }), [
      { path: ['lln'], code: 'needed_for_grade', params: { reason: 'lln-separates-grade-1-from-0' } },
    ]);
  });
  it('ANC 1.49 with no LLN is grade 2 without it', () => {
    assert.equal(grade({ term: 'neutrophil-count-decreased', value: count(1.49) }), 2);
  });
  it('ALT, AST, ALP, GGT, bilirubin, creatinine and APTT need the ULN, whatever the value', () => {
    for (const term of ['alanine-aminotransferase-increased', 'aspartate-aminotransferase-increased', 'alkaline-phosphatase-increased', 'ggt-increased']) {
      assert.deepEqual(issues({ term, value: { value: 5000, unit: 'U/L' }, baseline: 30 }), [
        { path: ['uln'], code: 'needed_for_grade', params: { reason: 'grades-are-multiples-of-uln' } },
      ]);
    }
    assert.deepEqual(issues({ term: 'blood-bilirubin-increased', value: { value: 40, unit: 'umol/L' } })[0]?.path, ['uln']);
    assert.deepEqual(issues({ term: 'creatinine-increased', value: { value: 9, unit: 'mg/dL' }, baseline: 0.5 })[0]?.path, ['uln']);
    assert.deepEqual(issues({ term: 'activated-partial-thromboplastin-time-prolonged', value: { value: 90, unit: 's' } })[0]?.path, ['uln']);
  });
  it('creatinine without a baseline is graded on the ULN criteria and says the baseline criteria were not applied', () => {
    const r = graded({ term: 'creatinine-increased', value: { value: 1.8, unit: 'mg/dL' }, uln: 1.1 });
    assert.deepEqual(r.output, { grade: 2, rule: '>1.5 - 3.0 x ULN' });
    assert.ok(r.explanation.some((s) => s.code === 'ctcae.baseline-criteria-not-applied'));
  });
  it('anticoagulated INR needs the baseline', () => {
    assert.deepEqual(issues({ term: 'inr-increased', value: { value: 3, unit: 'INR' }, anticoagulated: true }), [
      { path: ['baseline'], code: 'needed_for_grade', params: { reason: 'anticoagulated-inr-graded-against-baseline' } },
    ]);
  });
});

describe('CTCAE explanations and rules', () => {
  it('grade 0 rules', () => {
    assert.deepEqual(graded({ term: 'neutrophil-count-decreased', value: count(2), lln: 1.8 }).output, { grade: 0, rule: 'not below LLN' });
    assert.deepEqual(graded({ term: 'alanine-aminotransferase-increased', value: { value: 30, unit: 'U/L' }, uln: 40 }).output, {
      grade: 0,
      rule: 'not above ULN (baseline normal)',
    });
    assert.deepEqual(graded({ term: 'alanine-aminotransferase-increased', value: { value: 80, unit: 'U/L' }, uln: 40, baseline: 60 }).output, {
      grade: 0,
      rule: '<1.5 x baseline (baseline abnormal)',
    });
    assert.deepEqual(graded({ term: 'fever', value: { value: 37.2, unit: 'Cel' } }).output, { grade: 0, rule: 'below 38.0 degrees C' });
  });
  it('explains an ANC conversion from cells/µL and the deciding comparison', () => {
    const r = graded({ term: 'neutrophil-count-decreased', value: count(1600, 'cells/µL'), lln: 1800 });
    assert.deepEqual(r.output, { grade: 1, rule: '<LLN - 1.5 x 10e9 /L' });
    assert.deepEqual(r.explanation, [
      { code: 'ctcae.converted', params: { field: 'value', from: 1600, fromUnit: '/µL', to: 1.6, toUnit: '×10⁹/L' } },
      { code: 'ctcae.converted', params: { field: 'lln', from: 1800, fromUnit: '/µL', to: 1.8, toUnit: '×10⁹/L' } },
      { code: 'ctcae.lln', params: { grade: 1, value: 1.6, comparator: '<', lln: 1.8, unit: '×10⁹/L' } },
    ]);
  });
  it('anaemia stops at grade 3 from a value and says grade 4 is clinical', () => {
    const r = graded({ term: 'anemia', value: { value: 40, unit: 'g/L' } });
    assert.deepEqual(r.output, { grade: 3, rule: 'Hgb <80 g/L' });
    assert.deepEqual(r.explanation.at(-1), { code: 'ctcae.clinical-grade-not-assessed', params: { grade: 4 } });
  });
  it('fever above 40.0 °C without a duration is grade 3 and says > 24 h would be grade 4', () => {
    const r = graded({ term: 'fever', value: { value: 40.5, unit: 'Cel' } });
    assert.deepEqual(r.output, { grade: 3, rule: '>40.0 degrees C (>104.0 degrees F) for <=24 hrs' });
    assert.deepEqual(r.explanation.at(-1), { code: 'ctcae.fever-duration-unknown', params: { grade: 4 } });
  });
  it('a ratio that would round onto its bound is shown with more digits', () => {
    const r = graded({ term: 'alanine-aminotransferase-increased', value: { value: 120.1, unit: 'U/L' }, uln: 40 });
    assert.equal(r.output.grade, 2);
    assert.equal(r.explanation.at(-1)?.params.ratio, 3.003);
  });
});
