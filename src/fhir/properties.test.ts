// Property tests: the adapter never throws, whatever arrives, and whatever it accepts is a valid
// PatientRecord by the domain's own schema.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AnswerFact, ConditionFact, MedicationFact, ObservationFact, PatientRecord, ProcedureFact } from '../domain/eligibility/patient-record.ts';
import { bundleToRecord } from './bundle.ts';
import type { Fact } from './fact.ts';
import { resourceFacts } from './resource-facts.ts';
import { ATC, LOINC, SNOMED, tables } from './test-support.ts';

const json = fc.jsonValue({ maxDepth: 3 });
/**
 * Resource-shaped input: the fields the adapter reads, with realistic values, and with probability
 * `noise` any JSON value instead. Low noise reaches deep into the mappers; high noise tests the checks.
 */
function resourceArbitrary(noise: number) {
  const or = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: Math.round((1 - noise) * 100), arbitrary: arb }, { weight: Math.round(noise * 100), arbitrary: json });

  const loincCodes = ['751-8', '718-7', '59408-5', '5048-4', '5130-0', '2106-3', '1975-2', '14631-6', '82810-3', '3150-0', '770-8'];
  const coding = fc.oneof(
    fc.record({ system: fc.constant(LOINC), code: fc.constantFrom(...loincCodes, 'LA11849-9', 'LA15173-0') }),
    fc.record({ system: fc.constant(SNOMED), code: fc.constantFrom('55464009', '201436003', '77386006', '116859006', '10828004', '260385009') }),
    fc.record({ system: fc.constant(ATC), code: fc.constantFrom('H02AB07', 'H02AB03', 'H02AB16', 'L01XC02', 'P01BA02', 'L03AA16', 'B03XA05') }),
    fc.record({ system: json, code: json, display: fc.constantFrom('telitacicept', 'RC-18', 'aspirin') }, { requiredKeys: [] }),
  );
  const codeableConcept = or(fc.record({ coding: or(fc.array(or(coding), { maxLength: 3 })), text: or(fc.constantFrom('positive', '阴性', 'Telitacicept 80 mg')) }, { requiredKeys: [] }));
  const date = or(
      noise > 0.1
        ? fc.constantFrom('2026-01-10', '2026-01-10T08:00:00Z', '2026-02-30', '2026', '2026-01', 'soon', '2025-12-31T23:59:59.5+08:00')
        : fc.constantFrom('2026-01-10', '2026-01-10T08:00:00Z', '2025-12-31T23:59:59.5+08:00'),
    );
  const simpleQuantity = or(
    fc.record(
      {
        value: or(fc.oneof(fc.double(), fc.integer({ min: -5, max: 500 }))),
        unit: or(fc.constantFrom('g/dL', 'g/L', '%', 'mg', 'umol/L', '{titer}', 'IU/mL', '10*9/L', 'cells/uL', 'L/min', 'furlongs')),
        code: or(fc.constantFrom('mg/dL', '%', '{INR}', 'x')),
        comparator: fc.constantFrom('<', '>='),
      },
      { requiredKeys: [] },
    ),
  );
  const reference = or(fc.record({ reference: or(fc.constantFrom('Patient/p1', 'Patient/p2', 'urn:uuid:a', 'Group/g', '#med', 'Medication/m1', 'https://x/Patient/p1/_history/2')) }, { requiredKeys: [] }));
  const answer = or(fc.record({ valueBoolean: or(fc.boolean()), valueInteger: or(fc.integer({ min: -1, max: 7 })) }, { requiredKeys: [] }));
  const item = or(fc.record({ linkId: or(fc.constantFrom('fever', 'arthritis', 'dyspnea-grade', 'lactating', 'unknown')), answer: or(fc.array(answer, { maxLength: 2 })) }, { requiredKeys: [] }));

  return fc.record(
    {
      resourceType: or(fc.constantFrom('Patient', 'Observation', 'Condition', 'MedicationStatement', 'Procedure', 'QuestionnaireResponse', 'Medication', 'Encounter')),
      id: or(fc.constantFrom('a', 'p1', 'med')),
      status: or(fc.constantFrom('final', 'active', 'completed', 'stopped', 'entered-in-error', 'not-taken', 'not-done')),
      code: codeableConcept,
      subject: reference,
      gender: or(fc.constantFrom('female', 'male', 'F')),
      birthDate: date,
      effectiveDateTime: date,
      effectivePeriod: or(fc.record({ start: date, end: date }, { requiredKeys: [] })),
      issued: date,
      valueQuantity: simpleQuantity,
      valueCodeableConcept: codeableConcept,
      valueRatio: or(fc.record({ numerator: simpleQuantity, denominator: simpleQuantity }, { requiredKeys: [] })),
      valueString: or(fc.constantFrom('1:160', 'positive', 'n/a')),
      referenceRange: or(fc.array(or(fc.record({ low: simpleQuantity, high: simpleQuantity, type: codeableConcept }, { requiredKeys: [] })), { maxLength: 2 })),
      component: or(fc.array(or(fc.record({ code: codeableConcept, valueQuantity: simpleQuantity, valueCodeableConcept: codeableConcept }, { requiredKeys: [] })), { maxLength: 2 })),
      clinicalStatus: codeableConcept,
      verificationStatus: codeableConcept,
      onsetDateTime: date,
      recordedDate: date,
      abatementDateTime: date,
      medicationCodeableConcept: codeableConcept,
      medicationReference: reference,
      contained: or(fc.array(or(fc.record({ resourceType: fc.constant('Medication'), id: fc.constant('med'), code: codeableConcept }, { requiredKeys: [] })), { maxLength: 1 })),
      dosage: or(fc.array(or(fc.record({ doseAndRate: or(fc.array(or(fc.record({ doseQuantity: simpleQuantity }, { requiredKeys: [] })))), timing: or(fc.record({ repeat: or(fc.record({ frequency: or(fc.integer({ min: -1, max: 4 })), period: or(fc.double({ min: -1, max: 3 })), periodUnit: or(fc.constantFrom('d', 'h', 'wk', 'mo')) }, { requiredKeys: [] })) }, { requiredKeys: [] })) }, { requiredKeys: [] })), { maxLength: 2 })),
      performedDateTime: date,
      performedPeriod: or(fc.record({ start: date }, { requiredKeys: [] })),
      questionnaire: or(fc.constantFrom('https://firstdose.dev/fhir/Questionnaire/sledai-2k', 'https://firstdose.dev/fhir/Questionnaire/screening-attestations|1', 'x')),
      authored: date,
      item: or(fc.array(item, { maxLength: 3 })),
    },
    { requiredKeys: ['resourceType'] },
  );
}

const resource = resourceArbitrary(0.2);

/** Observations and MedicationStatements that map, with random values, units, ranges and dosages. */
const clean = resourceArbitrary(0.02);
const allLoinc = [...tables.observations.get(LOINC)!.keys()];
const mappedObservation = fc
  .tuple(clean, fc.constantFrom(...allLoinc), fc.constantFrom('2026-01-10', '2026-01-10T08:00:00+08:00'))
  .map(([r, code, date]) => ({ ...r, resourceType: 'Observation', status: 'final', code: { coding: [{ system: LOINC, code }] }, subject: { reference: 'Patient/p1' }, effectiveDateTime: date }));
const allAtc = [...tables.medications.atc.keys(), 'H02AB16', 'L03AA16'];
const mappedMedication = fc
  .tuple(clean, fc.constantFrom(...allAtc), fc.constantFrom('active', 'completed', 'on-hold'))
  .map(([r, code, status]) => ({
    ...r,
    resourceType: 'MedicationStatement',
    status,
    medicationCodeableConcept: { coding: [{ system: ATC, code }] },
    subject: { reference: 'Patient/p1' },
    effectivePeriod: { start: '2025-01-01', end: '2025-06-01' },
  }));

const schemaOf = { observation: ObservationFact, condition: ConditionFact, medication: MedicationFact, procedure: ProcedureFact, answer: AnswerFact } as const;

function assertValidFacts(facts: readonly Fact[]): void {
  for (const f of facts) {
    if (f.kind === 'patient') continue;
    const parsed = schemaOf[f.kind].safeParse(f.fact);
    assert.ok(parsed.success, `${f.kind} fact does not match the domain schema: ${JSON.stringify(f.fact)}`);
  }
}

describe('resourceFacts (property)', () => {
  it('never throws on any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => void resourceFacts(v, tables)));
  });

  it('never throws on arbitrary objects, including non-JSON values', () => {
    fc.assert(fc.property(fc.object({ values: [fc.anything()] }), (v) => void resourceFacts({ resourceType: 'Observation', ...v }, tables)));
  });

  it('never throws on resource-shaped input, and every fact it returns is valid for the domain', () => {
    fc.assert(
      fc.property(resource, (r) => {
        const result = resourceFacts(r, tables, ['entry', 0, 'resource']);
        if (result.ok) assertValidFacts(result.value.facts);
        else for (const i of result.issues) assert.deepEqual(i.path.slice(0, 3), ['entry', 0, 'resource']);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('resourceFacts on mapped resources (property)', () => {
  it('returns facts valid for the domain for observations and medications of every mapped code', () => {
    let facts = 0;
    fc.assert(
      fc.property(fc.oneof(mappedObservation, mappedMedication), (r) => {
        const result = resourceFacts(r, tables);
        if (result.ok) {
          assertValidFacts(result.value.facts);
          facts += result.value.facts.length;
        }
      }),
      { numRuns: 2000 },
    );
    // Guards the generator: most runs must reach a fact, or the property proves little.
    assert.ok(facts > 1000, `only ${facts} facts in 2000 runs`);
  });
});

describe('bundleToRecord (property)', () => {
  it('never throws on a well-formed bundle with random contents, and what it accepts is a PatientRecord', () => {
    const bundle = fc.record({
      resourceType: fc.constant('Bundle'),
      type: fc.constantFrom('collection', 'batch', 'transaction', 'searchset'),
      entry: fc.array(fc.record({ fullUrl: fc.constantFrom('urn:uuid:a', 'urn:uuid:b', 'https://x/Patient/p1'), resource: fc.oneof(resource, json) }, { requiredKeys: ['resource'] }), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(bundle, (b) => {
        const r = bundleToRecord(b, tables);
        if (r.ok) assert.ok(PatientRecord.safeParse(r.value).success, JSON.stringify(r.value));
      }),
      { numRuns: 500 },
    );
  });
});
