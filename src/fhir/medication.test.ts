import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MedicationFact } from '../domain/eligibility/patient-record.ts';
import { ATC, concept, dosage, factsOf, issuesOf, medicationStatement, onlyFact } from './test-support.ts';

const med = (atc: string, fields: Record<string, unknown> = {}) => onlyFact(medicationStatement(atc, fields)) as MedicationFact;

describe('MedicationStatement: classes by ATC', () => {
  it('maps a glucocorticoid to its FirstDose drug name with dose and administrations per day', () => {
    assert.deepEqual(med('H02AB07', { dosage: dosage(10, 'mg', 1, 1, 'd') }), {
      class: 'corticosteroid',
      agent: 'prednisone',
      atc: 'H02AB07',
      dose: { value: 10, unit: 'mg' },
      perDay: 1,
      start: '2025-06-01',
      source: 'MedicationStatement/m1',
    });
  });

  it('derives perDay = frequency / period in days for d, h and wk', () => {
    assert.equal(med('H02AB02', { dosage: dosage(0.75, 'mg', 2, 1, 'd') }).perDay, 2);
    assert.equal(med('H02AB04', { dosage: dosage(4, 'mg', 1, 12, 'h') }).perDay, 2);
    assert.equal(med('L04AX03', { dosage: dosage(15, 'mg', 1, 1, 'wk') }).perDay, 0.142857142857);
    // Timing.repeat.frequency defaults to 1 (https://hl7.org/fhir/R4/datatypes.html#Timing).
    assert.equal(med('H02AB06', { dosage: dosage(5, 'mg', undefined, 2, 'd') }).perDay, 0.5);
  });

  it('flags a systemic glucocorticoid without a prednisone equivalent instead of dropping it', () => {
    const fluocortolone = med('H02AB03', { dosage: dosage(20, 'mg', 1, 1, 'd') });
    assert.equal(fluocortolone.class, 'corticosteroid');
    assert.equal(fluocortolone.agent, 'fluocortolone');
    assert.deepEqual(fluocortolone.problem, { code: 'unreadable_value', detail: 'no_prednisone_equivalent' });
    // H02AB16 is in the H02AB prefix but in neither list: the agent is its ATC code.
    const unknown = med('H02AB16', { dosage: dosage(6, 'mg', 1, 1, 'd') });
    assert.equal(unknown.agent, 'H02AB16');
    assert.equal(unknown.problem?.detail, 'no_prednisone_equivalent');
  });

  it('flags a glucocorticoid dose FirstDose cannot convert to prednisone mg', () => {
    assert.deepEqual(med('H02AB07', { dosage: dosage(2, '{tbl}', 1, 1, 'd') }).problem, { code: 'unknown_unit', detail: '{tbl}' });
    assert.deepEqual(med('H02AB07', { dosage: dosage(2, 'mL', 1, 1, 'd') }).problem, { code: 'unknown_unit', detail: 'mL' });
    assert.deepEqual(med('H02AB07', { dosage: dosage(2, '%', 1, 1, 'd') }).problem, { code: 'incompatible_unit', detail: '% is not a mass' });
    assert.deepEqual(med('H02AB07').problem, { code: 'no_value', detail: 'dose' });
    assert.deepEqual(med('H02AB07', { dosage: dosage(5, 'mg', 1, 1, 'mo') }).problem, { code: 'unreadable_value', detail: 'periodUnit mo' });
  });

  it('does not count topical or inhaled corticosteroids (not H02AB)', () => {
    assert.deepEqual(factsOf(medicationStatement('D07AC01')), []);
    assert.deepEqual(factsOf(medicationStatement('R03BA02')), []);
  });

  it('maps hydroxychloroquine, immunosuppressants and growth factors', () => {
    assert.deepEqual([med('P01BA02').class, med('P01BA02').agent], ['hydroxychloroquine', 'hydroxychloroquine']);
    assert.deepEqual([med('L04AA06').class, med('L04AA06').agent], ['immunosuppressant', 'mycophenolate']);
    assert.deepEqual([med('L03AA02').class, med('L03AA02').agent], ['growth-factor', 'filgrastim']);
    assert.deepEqual([med('B02BX04').class, med('B02BX04').agent], ['growth-factor', 'romiplostim']);
    // Under the L03AA prefix without a name in the tables (empegfilgrastim, 2015).
    assert.deepEqual([med('L03AA16').class, med('L03AA16').agent], ['growth-factor', 'L03AA16']);
  });

  it('does not match review codes, even under a prefix, nor B02BX haemostatics', () => {
    assert.deepEqual(factsOf(medicationStatement('B03XA05')), []);
    assert.deepEqual(factsOf(medicationStatement('L04AG10')), []);
    assert.deepEqual(factsOf(medicationStatement('B02BX06')), []);
  });

  it('counts the former and the current ATC code of one drug as one agent', () => {
    for (const [former, current, drug] of [
      ['L01XC02', 'L01FA01', 'rituximab'],
      ['L04AA26', 'L04AG04', 'belimumab'],
      ['L04AA13', 'L04AK01', 'leflunomide'],
      ['L01BA01', 'L04AX03', 'methotrexate'],
    ] as const) {
      const a = med(former);
      const b = med(current);
      assert.equal(a.agent, drug);
      assert.equal(b.agent, drug);
      assert.equal(new Set([a.agent, b.agent]).size, 1);
      assert.deepEqual([a.atc, b.atc], [former, current]);
    }
  });

  it('matches telitacicept (no ATC code) by name in the text or a display', () => {
    const byText = { coding: [{ system: 'http://example.org/local-drugs', code: 'X1' }], text: 'Telitacicept for injection 80 mg' };
    assert.equal(med('x', { medicationCodeableConcept: byText }).agent, 'telitacicept');
    const byDisplay = { coding: [{ system: 'http://example.org/local-drugs', code: 'X1', display: 'RC-18' }] };
    assert.equal(med('x', { medicationCodeableConcept: byDisplay }).agent, 'telitacicept');
    assert.deepEqual(factsOf(medicationStatement('x', { medicationCodeableConcept: { text: 'pretelitacicept' } })), []);
  });
});

describe('MedicationStatement: regimens, references and statuses', () => {
  it('keeps a dose change as two statements: the old one ends, the new one starts that day', () => {
    const old = med('H02AB07', { status: 'completed', effectivePeriod: { start: '2025-06-01', end: '2025-12-01' }, dosage: dosage(20, 'mg', 1, 1, 'd') });
    const now = med('H02AB07', { id: 'm2', effectivePeriod: { start: '2025-12-01' }, dosage: dosage(10, 'mg', 1, 1, 'd') });
    assert.deepEqual([old.start, old.end, old.dose?.value], ['2025-06-01', '2025-12-01', 20]);
    assert.deepEqual([now.start, now.end, now.dose?.value], ['2025-12-01', undefined, 10]);
  });

  it('uses effectiveDateTime as the start, and as the end too when the statement is over', () => {
    const once = med('L01FA01', { status: 'completed', effectivePeriod: undefined, effectiveDateTime: '2024-03-05' });
    assert.deepEqual([once.start, once.end], ['2024-03-05', '2024-03-05']);
    const ongoing = med('P01BA02', { effectivePeriod: undefined, effectiveDateTime: '2024-03-05' });
    assert.deepEqual([ongoing.start, ongoing.end], ['2024-03-05', undefined]);
  });

  it('requires the end of a stopped regimen, and a start', () => {
    assert.deepEqual(issuesOf(medicationStatement('H02AB07', { status: 'stopped' })), [
      { path: ['effectivePeriod', 'end'], code: 'required', params: { resource: 'MedicationStatement/m1', status: 'stopped' } },
    ]);
    assert.deepEqual(issuesOf(medicationStatement('H02AB07', { effectivePeriod: undefined })), [
      { path: ['effectiveDateTime'], code: 'required', params: { resource: 'MedicationStatement/m1' } },
    ]);
  });

  it('reads the drug from a contained Medication or one resolved by the caller', () => {
    const medication = { resourceType: 'Medication', id: 'med1', code: concept(ATC, 'L04AA06') };
    const contained = medicationStatement('x', { medicationCodeableConcept: undefined, medicationReference: { reference: '#med1' }, contained: [medication] });
    assert.equal((onlyFact(contained) as MedicationFact).agent, 'mycophenolate');
    const referenced = medicationStatement('x', { medicationCodeableConcept: undefined, medicationReference: { reference: 'Medication/med1' } });
    assert.equal((onlyFact(referenced, { resolve: (ref) => (ref === 'Medication/med1' ? medication : undefined) }) as MedicationFact).agent, 'mycophenolate');
    assert.deepEqual(issuesOf(referenced), [
      { path: ['medicationReference', 'reference'], code: 'unresolved_reference', params: { resource: 'MedicationStatement/m1', reference: 'Medication/med1' } },
    ]);
  });

  it('ignores statements that were not taken, intended or entered in error', () => {
    for (const status of ['not-taken', 'entered-in-error', 'intended']) assert.deepEqual(factsOf(medicationStatement('H02AB07', { status })), []);
  });

  it('reports malformed timing with the field', () => {
    const issues = issuesOf(medicationStatement('H02AB07', { dosage: dosage(10, 'mg', 0, 1, 'd') }));
    assert.deepEqual(issues, [{ path: ['dosage', 0, 'timing', 'repeat', 'frequency'], code: 'must_be_positive', params: { resource: 'MedicationStatement/m1' } }]);
  });
});
