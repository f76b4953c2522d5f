import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseInput } from '../validation.ts';
import { CrclInput, cockcroftGault, crclScore, idealBodyWeightKg } from './creatinine-clearance.ts';

const crcl = (input: unknown) => {
  const parsed = parseInput(CrclInput, input);
  assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.issues));
  const r = cockcroftGault(parsed.value);
  assert.ok(r.ok);
  return r.value.mlPerMin;
};
const round1 = (x: number) => Math.round(x * 10) / 10;

describe('Cockcroft–Gault worked examples (domain.md §7)', () => {
  it('G1: F 35 y 55 kg SCr 0.8 mg/dL → 85.2', () => {
    assert.equal(round1(crcl({ age: 35, sex: 'female', weightKg: 55, creatinine: { value: 0.8, unit: 'mg/dL' } })), 85.2);
  });
  it('G2: F 60 y 50 kg SCr 106 µmol/L → 39.4 with the exact 88.4 factor (the 1.04 shortcut gives 39.2)', () => {
    assert.equal(round1(crcl({ age: 60, sex: 'female', weightKg: 50, creatinine: { value: 106, unit: 'µmol/L' } })), 39.4);
  });
  it('G3 [superglobalcalculator example 1]: M 65 y 70 kg 1.4 mg/dL → 52.1', () => {
    assert.equal(round1(crcl({ age: 65, sex: 'male', weightKg: 70, creatinine: { value: 1.4, unit: 'mg/dL' } })), 52.1);
  });
  it('G4 [superglobalcalculator example 2]: F 45 y 60 kg 0.9 mg/dL → 74.8', () => {
    assert.equal(round1(crcl({ age: 45, sex: 'female', weightKg: 60, creatinine: { value: 0.9, unit: 'mg/dL' } })), 74.8);
  });
  it('G5 [superglobalcalculator]: M 60 y 80 kg 1.2 mg/dL → 74.1', () => {
    assert.equal(round1(crcl({ age: 60, sex: 'male', weightKg: 80, creatinine: { value: 1.2, unit: 'mg/dL' } })), 74.1);
  });
  it('G6: M 50 y 60 kg 1.5 mg/dL → exactly 50, also from 132.6 µmol/L', () => {
    assert.equal(crcl({ age: 50, sex: 'male', weightKg: 60, creatinine: { value: 1.5, unit: 'mg/dL' } }), 50);
    assert.equal(crcl({ age: 50, sex: 'male', weightKg: 60, creatinine: { value: 132.6, unit: 'umol/L' } }), 50);
  });
  it('F 45 y 65 kg 0.9 mg/dL is 81.0, not the 80.9 a calculator prints', () => {
    assert.equal(round1(crcl({ age: 45, sex: 'female', weightKg: 65, creatinine: { value: 0.9, unit: 'mg/dL' } })), 81);
  });
});

describe('Cockcroft–Gault weight variants (domain.md §6.1)', () => {
  it('uses Devine ideal weight and the 0.4 adjusted weight when asked', () => {
    assert.equal(round1(idealBodyWeightKg('male', 182.88)), 77.6);
    const base = { age: 40, sex: 'male', weightKg: 120, heightCm: 182.88, creatinine: { value: 1, unit: 'mg/dL' } };
    assert.equal(round1(crcl({ ...base, weight: 'ideal' })), round1((100 * 77.6) / 72));
    assert.equal(round1(crcl({ ...base, weight: 'adjusted' })), round1((100 * (77.6 + 0.4 * (120 - 77.6))) / 72));
  });
  it('needs the height for ideal or adjusted weight', () => {
    const r = parseInput(CrclInput, { age: 40, sex: 'male', weightKg: 80, weight: 'ideal', creatinine: { value: 1, unit: 'mg/dL' } });
    assert.deepEqual(!r.ok && r.issues[0]?.path, ['heightCm']);
  });
});

describe('Cockcroft–Gault input errors name the field', () => {
  const good = { age: 50, sex: 'male', weightKg: 60, creatinine: { value: 1.5, unit: 'mg/dL' } };
  const firstIssue = (input: unknown) => {
    const r = parseInput(CrclInput, input);
    assert.equal(r.ok, false);
    return !r.ok ? r.issues[0] : undefined;
  };
  it('age 300', () => assert.deepEqual(firstIssue({ ...good, age: 300 })?.path, ['age']));
  it('a creatinine of 0', () => assert.deepEqual(firstIssue({ ...good, creatinine: { value: 0, unit: 'mg/dL' } })?.path, ['creatinine', 'value']));
  it('a negative weight', () => assert.deepEqual(firstIssue({ ...good, weightKg: -3 })?.path, ['weightKg']));
  it('an unknown sex', () => assert.deepEqual(firstIssue({ ...good, sex: 'f' })?.path, ['sex']));
  it('a creatinine unit that is not a concentration', () => {
    const r = crclScore.compute({ ...good, sex: 'male', creatinine: { value: 1, unit: 'U/L' } });
    assert.deepEqual(!r.ok && r.issues[0], { path: ['creatinine', 'unit'], code: 'incompatible_unit', params: { unit: 'U/L', expected: 'mg/dL' } });
  });
});
