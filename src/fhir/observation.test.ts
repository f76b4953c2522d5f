import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { concept, LOINC, observation, onlyFact, quantity, SNOMED, factsOf, issuesOf } from './test-support.ts';

const value = (code: string, fields: Record<string, unknown>) => (onlyFact(observation(code, fields)) as { value: unknown }).value;
const q = (code: string, v: number, unit: string) => value(code, { valueQuantity: quantity(v, unit) });

describe('Observation: the contract codes (LOINC) and their units', () => {
  it('maps each contract LOINC code to its feature, keeping the value in its UCUM unit', () => {
    const cases: [string, string, number, string][] = [
      ['751-8', 'anc', 1.8, '10*9/L'],
      ['731-0', 'alc', 0.9, '10*9/L'],
      ['718-7', 'hemoglobin', 9.5, 'g/dL'],
      ['6301-6', 'inr', 1.1, '{INR}'],
      ['14979-9', 'aptt', 32, 's'],
      ['10230-1', 'lvef', 55, '%'],
      ['59408-5', 'spo2', 97, '%'],
      ['1742-6', 'alt', 30, 'U/L'],
      ['1920-8', 'ast', 28, 'U/L'],
      ['1975-2', 'bilirubin', 0.8, 'mg/dL'],
      ['2160-0', 'creatinine', 0.9, 'mg/dL'],
      ['29463-7', 'weight', 62, 'kg'],
      ['4485-9', 'c3', 0.7, 'g/L'],
      ['4498-2', 'c4', 12, 'mg/dL'],
    ];
    for (const [code, feature, v, unit] of cases) {
      const fact = onlyFact(observation(code, { valueQuantity: quantity(v, unit) }));
      assert.deepEqual(fact, { feature, date: '2026-01-10', value: { kind: 'quantity', quantity: { value: v, unit } }, source: 'Observation/o1', code, ...(feature === 'spo2' ? { onRoomAir: true } : {}) });
    }
  });

  it('stores the canonical UCUM code for common spellings: µmol/L, cells/µL, /mm3, 10^9/L', () => {
    assert.deepEqual(q('14631-6', 20, 'µmol/L'), { kind: 'quantity', quantity: { value: 20, unit: 'umol/L' } });
    assert.deepEqual(q('14682-9', 70, 'umol/L'), { kind: 'quantity', quantity: { value: 70, unit: 'umol/L' } });
    assert.deepEqual(q('751-8', 1500, 'cells/µL'), { kind: 'quantity', quantity: { value: 1500, unit: '/uL' } });
    assert.deepEqual(q('731-0', 800, '/mm3'), { kind: 'quantity', quantity: { value: 800, unit: '/uL' } });
    assert.deepEqual(q('751-8', 1.5, '10^9/L'), { kind: 'quantity', quantity: { value: 1.5, unit: '10*9/L' } });
    assert.deepEqual(q('718-7', 95, 'g/L'), { kind: 'quantity', quantity: { value: 95, unit: 'g/L' } });
    assert.deepEqual(q('29463-7', 140, '[lb_av]'), { kind: 'quantity', quantity: { value: 140, unit: '[lb_av]' } });
  });

  it('accepts a molar result under the mass code (and back) for bilirubin, creatinine and haemoglobin', () => {
    // Many Chinese and European LIS send 1975-2 / 2160-0 with µmol/L: convertible, so not a wrong kind.
    assert.deepEqual(q('1975-2', 17.1, 'µmol/L'), { kind: 'quantity', quantity: { value: 17.1, unit: 'umol/L' } });
    assert.deepEqual(q('2160-0', 88.4, 'umol/L'), { kind: 'quantity', quantity: { value: 88.4, unit: 'umol/L' } });
    assert.deepEqual(q('718-7', 6.2, 'mmol/L'), { kind: 'quantity', quantity: { value: 6.2, unit: 'mmol/L' } });
  });

  it('uses valueQuantity.unit when there is no code, and the unit when the code is not UCUM', () => {
    assert.deepEqual(value('718-7', { valueQuantity: { value: 10, unit: 'g/dL' } }), { kind: 'quantity', quantity: { value: 10, unit: 'g/dL' } });
    assert.deepEqual(value('718-7', { valueQuantity: { value: 10, unit: 'g/dL', code: 'GDL' } }), { kind: 'quantity', quantity: { value: 10, unit: 'g/dL' } });
  });

  it('keeps an unknown or wrong-kind unit as unusable, never guessed and never dropped', () => {
    assert.deepEqual(q('751-8', 1.5, 'furlongs'), { kind: 'unusable', problem: { code: 'unknown_unit', detail: 'furlongs' } });
    assert.deepEqual(q('751-8', 1.5, 'mg/dL'), { kind: 'unusable', problem: { code: 'incompatible_unit', detail: 'mg/dL (mass-concentration) for anc' } });
    assert.deepEqual(q('10230-1', 0.55, '1'), { kind: 'unusable', problem: { code: 'incompatible_unit', detail: '1 (inr) for lvef' } });
    assert.deepEqual(value('6301-6', { valueQuantity: { value: 1.1 } }), { kind: 'unusable', problem: { code: 'unknown_unit', detail: 'no unit' } });
    assert.deepEqual(q('1742-6', 5, 'mg/dL'), { kind: 'unusable', problem: { code: 'incompatible_unit', detail: 'mg/dL (mass-concentration) for alt' } });
  });

  it('keeps a value with a comparator (<5) as unreadable rather than as its bound', () => {
    assert.deepEqual(value('1742-6', { valueQuantity: { ...quantity(5, 'U/L'), comparator: '<' } }), {
      kind: 'unusable',
      problem: { code: 'unreadable_value', detail: 'comparator <' },
    });
  });

  it('keeps a result without a value as no_value, with the dataAbsentReason', () => {
    assert.deepEqual(value('751-8', {}), { kind: 'unusable', problem: { code: 'no_value' } });
    assert.deepEqual(value('751-8', { dataAbsentReason: concept('http://terminology.hl7.org/CodeSystem/data-absent-reason', 'error') }), {
      kind: 'unusable',
      problem: { code: 'no_value', detail: 'error' },
    });
  });
});

describe('Observation: reference ranges give LLN and ULN in the value unit', () => {
  const withRange = (v: unknown, range: unknown) => onlyFact(observation('4485-9', { valueQuantity: v, referenceRange: range })) as Record<string, unknown>;

  it('takes low and high as LLN and ULN', () => {
    const fact = withRange(quantity(0.7, 'g/L'), [{ low: quantity(0.9, 'g/L'), high: quantity(1.8, 'g/L') }]);
    assert.equal(fact['lln'], 0.9);
    assert.equal(fact['uln'], 1.8);
  });

  it('converts a range sent in another unit, and assumes the value unit when the range has none', () => {
    const fact = withRange(quantity(0.7, 'g/L'), [{ low: quantity(90, 'mg/dL'), high: { value: 1.8 } }]);
    assert.equal(fact['lln'], 0.9);
    assert.equal(fact['uln'], 1.8);
    const bili = onlyFact(observation('1975-2', { valueQuantity: quantity(20, 'umol/L'), referenceRange: [{ high: quantity(1.2, 'mg/dL') }] })) as Record<string, unknown>;
    assert.equal(bili['uln'], 20.52);
  });

  it('leaves out a limit in a unit that cannot be converted, and skips non-normal ranges', () => {
    const fact = withRange(quantity(0.7, 'g/L'), [{ type: concept('http://terminology.hl7.org/CodeSystem/referencerange-meaning', 'therapeutic'), low: quantity(5, 'g/L') }, { low: quantity(2, 'U/L'), high: quantity(1.8, 'g/L') }]);
    assert.equal(fact['lln'], undefined);
    assert.equal(fact['uln'], 1.8);
  });

  it('anti-dsDNA in [IU]/mL is kept in the tables spelling with its ULN (no FirstDose dimension yet)', () => {
    const fact = onlyFact(observation('5130-0', { valueQuantity: { value: 45, unit: 'IU/mL' }, referenceRange: [{ high: { value: 30, unit: 'IU/mL' } }] }));
    assert.deepEqual(fact, { feature: 'antiDsDna', date: '2026-01-10', value: { kind: 'quantity', quantity: { value: 45, unit: '[IU]/mL' } }, uln: 30, source: 'Observation/o1', code: '5130-0' });
    assert.deepEqual(q('5130-0', 45, 'U/mL'), { kind: 'unusable', problem: { code: 'unknown_unit', detail: 'U/mL' } });
  });
});

describe('Observation: titres, coded and ordinal results', () => {
  it('reads an ANA titre as valueQuantity {titer}, valueRatio 1:N or valueString "1:N"', () => {
    const titer = { kind: 'titer', dilution: 160 };
    assert.deepEqual(q('5048-4', 160, '{titer}'), titer);
    assert.deepEqual(value('5048-4', { valueRatio: { numerator: { value: 1 }, denominator: { value: 160 } } }), titer);
    assert.deepEqual(value('5048-4', { valueString: '1:160' }), titer);
    assert.deepEqual(value('5048-4', { valueString: ' 1 : 160 ' }), titer);
  });

  it('does not read other ratios or strings as titres', () => {
    assert.deepEqual(value('5048-4', { valueRatio: { numerator: { value: 2 }, denominator: { value: 320 } } }), { kind: 'unusable', problem: { code: 'unreadable_value', detail: 'ratio 2:320' } });
    assert.deepEqual(value('5048-4', { valueString: '<1:40' }), { kind: 'unusable', problem: { code: 'unreadable_value', detail: '<1:40' } });
    assert.deepEqual(q('5048-4', 160, 'mg/dL'), { kind: 'unusable', problem: { code: 'incompatible_unit', detail: 'mg/dL is not a titre' } });
  });

  it('reads urine hCG as a coded result (SNOMED 10828004 positive / 260385009 negative)', () => {
    assert.deepEqual(value('2106-3', { valueCodeableConcept: concept(SNOMED, '10828004') }), { kind: 'coded', result: 'positive' });
    assert.deepEqual(value('2106-3', { valueCodeableConcept: concept(SNOMED, '260385009') }), { kind: 'coded', result: 'negative' });
    assert.deepEqual(value('2106-3', { valueCodeableConcept: concept(LOINC, 'LA6577-6') }), { kind: 'coded', result: 'negative' });
    assert.deepEqual(value('2106-3', { valueCodeableConcept: concept(SNOMED, '123') }), { kind: 'unusable', problem: { code: 'unreadable_value', detail: 'http://snomed.info/sct|123' } });
  });

  it('reads a coded anti-dsDNA result and the ordinal codes, including result words', () => {
    assert.deepEqual(value('5130-0', { valueCodeableConcept: concept(SNOMED, '10828004') }), { kind: 'coded', result: 'positive' });
    assert.deepEqual(value('6457-6', { valueString: 'Negative' }), { kind: 'coded', result: 'negative' });
    assert.deepEqual(value('2106-3', { valueString: '阴性' }), { kind: 'coded', result: 'negative' });
    assert.deepEqual(value('2106-3', { valueCodeableConcept: { text: 'positive' } }), { kind: 'coded', result: 'positive' });
    assert.deepEqual(value('2106-3', { valueQuantity: quantity(1, '{titer}') }), { kind: 'unusable', problem: { code: 'unreadable_value', detail: 'a number for a presence test' } });
  });
});

describe('Observation: codes, statuses and dates', () => {
  it('maps alternate and low-preference codes too, keeping the code that mapped', () => {
    const fact = onlyFact(observation('30352-9', { valueQuantity: quantity(9, 'g/dL') })) as Record<string, unknown>;
    assert.equal(fact['feature'], 'hemoglobin');
    assert.equal(fact['code'], '30352-9');
  });

  it('prefers the best-role coding when an observation carries several', () => {
    const both = { coding: [{ system: LOINC, code: '2708-6' }, { system: LOINC, code: '59408-5' }] };
    const fact = onlyFact(observation('x', { code: both, valueQuantity: quantity(96, '%') })) as Record<string, unknown>;
    assert.equal(fact['code'], '59408-5');
  });

  it('maps nothing for unmapped, doNotMap and uncoded observations', () => {
    assert.deepEqual(factsOf(observation('770-8', { valueQuantity: quantity(60, '%') })), []);
    assert.deepEqual(factsOf(observation('8867-4', { valueQuantity: quantity(60, '/min') })), []);
    assert.deepEqual(factsOf({ ...observation('751-8'), code: { text: 'ANC' } }), []);
    assert.deepEqual(factsOf(observation('751-8', { code: concept('http://example.org/local', '751-8') })), []);
  });

  it('ignores entered-in-error and cancelled observations', () => {
    for (const status of ['entered-in-error', 'cancelled']) assert.deepEqual(factsOf(observation('751-8', { status, valueQuantity: quantity(1, '10*9/L') })), []);
  });

  it('dates by effectiveDateTime, else effectivePeriod.start, else issued', () => {
    const base = { valueQuantity: quantity(1, '10*9/L'), effectiveDateTime: undefined };
    const date = (fields: Record<string, unknown>) => (onlyFact(observation('751-8', { ...base, ...fields })) as { date: string }).date;
    assert.equal(date({ effectivePeriod: { start: '2026-01-02T08:00:00+08:00' }, issued: '2026-01-03T00:00:00Z' }), '2026-01-02T08:00:00+08:00');
    assert.equal(date({ issued: '2026-01-03T00:00:00Z' }), '2026-01-03T00:00:00Z');
    const missing = issuesOf(observation('751-8', base));
    assert.deepEqual(missing, [{ path: ['effectiveDateTime'], code: 'required', params: { resource: 'Observation/o1' } }]);
  });

  it('reports a date that is not a date, and a year-month as imprecise', () => {
    const bad = issuesOf(observation('751-8', { effectiveDateTime: '2026-02-30', valueQuantity: quantity(1, '10*9/L') }));
    assert.deepEqual(bad, [{ path: ['effectiveDateTime'], code: 'invalid_date', params: { resource: 'Observation/o1', value: '2026-02-30' } }]);
    const partial = issuesOf(observation('751-8', { effectiveDateTime: '2026-01', valueQuantity: quantity(1, '10*9/L') }));
    assert.equal(partial[0]?.code, 'imprecise_date');
  });

  it('names the resource and the field of a malformed value under the caller path', () => {
    const issues = issuesOf({ ...observation('751-8', { valueQuantity: { value: '1.5', unit: '10*9/L' } }), id: 'abc' }, ['entry', 3, 'resource']);
    assert.deepEqual(issues, [
      { path: ['entry', 3, 'resource', 'valueQuantity', 'value'], code: 'invalid_type', params: { resource: 'Observation/abc', expected: 'number', received: 'string' } },
    ]);
  });

  it('requires a patient subject for a mapped observation', () => {
    const { subject: _, ...noSubject } = observation('751-8', { valueQuantity: quantity(1, '10*9/L') });
    assert.deepEqual(issuesOf(noSubject), [{ path: ['subject'], code: 'required', params: { resource: 'Observation/o1' } }]);
    const group = issuesOf(observation('751-8', { valueQuantity: quantity(1, '10*9/L'), subject: { reference: 'Group/g1' } }));
    assert.deepEqual(group, [{ path: ['subject', 'reference'], code: 'not_patient_reference', params: { resource: 'Observation/o1', reference: 'Group/g1' } }]);
  });

  it('turns a pregnancy-status observation (82810-3) into a pregnancy condition', () => {
    const pregnant = onlyFact(observation('82810-3', { valueCodeableConcept: concept(LOINC, 'LA15173-0') }));
    assert.deepEqual(pregnant, { kind: 'pregnancy', recorded: '2026-01-10', active: true, source: 'Observation/o1', code: '82810-3' });
    const not = onlyFact(observation('82810-3', { valueCodeableConcept: concept(SNOMED, '60001007') })) as { active: boolean };
    assert.equal(not.active, false);
    assert.deepEqual(factsOf(observation('82810-3', { valueCodeableConcept: concept(LOINC, 'LA4489-6') })), []);
  });
});
