// Resource-shaped input for property tests: the fields the FHIR readers look at, with realistic
// values, and with some probability any JSON value instead.
import fc from 'fast-check';
import { ATC, LOINC, SNOMED } from './test-support.ts';

/** Any JSON value, shallow. */
export const anyJson = fc.jsonValue({ maxDepth: 3 });
/**
 * Resource-shaped input: the fields the adapter reads, with realistic values, and with probability
 * `noise` any JSON value instead. Low noise reaches deep into the mappers; high noise tests the checks.
 */
export function resourceArbitrary(noise: number) {
  const or = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: Math.round((1 - noise) * 100), arbitrary: arb }, { weight: Math.round(noise * 100), arbitrary: anyJson });

  const loincCodes = ['751-8', '718-7', '59408-5', '5048-4', '5130-0', '2106-3', '1975-2', '14631-6', '82810-3', '3150-0', '770-8'];
  const coding = fc.oneof(
    fc.record({ system: fc.constant(LOINC), code: fc.constantFrom(...loincCodes, 'LA11849-9', 'LA15173-0') }),
    fc.record({ system: fc.constant(SNOMED), code: fc.constantFrom('55464009', '201436003', '77386006', '116859006', '10828004', '260385009') }),
    fc.record({ system: fc.constant(ATC), code: fc.constantFrom('H02AB07', 'H02AB03', 'H02AB16', 'L01XC02', 'P01BA02', 'L03AA16', 'B03XA05') }),
    fc.record({ system: anyJson, code: anyJson, display: fc.constantFrom('telitacicept', 'RC-18', 'aspirin') }, { requiredKeys: [] }),
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
  const linkId = or(fc.constantFrom('fever', 'arthritis', 'dyspnea-grade', 'lactating', 'unknown'));
  const leafItem = or(fc.record({ linkId, answer: or(fc.array(answer, { maxLength: 2 })) }, { requiredKeys: [] }));
  // Items nest in groups (a group has no answer of its own).
  const item = fc.oneof({ weight: 4, arbitrary: leafItem }, { weight: 1, arbitrary: or(fc.record({ linkId, item: or(fc.array(leafItem, { maxLength: 2 })) }, { requiredKeys: [] })) });

  return fc.record(
    {
      resourceType: or(fc.constantFrom('Patient', 'Observation', 'Condition', 'MedicationStatement', 'Procedure', 'QuestionnaireResponse', 'Medication', 'Encounter')),
      id: or(fc.constantFrom('a', 'p1', 'med')),
      status: or(fc.constantFrom('final', 'active', 'completed', 'stopped', 'entered-in-error', 'not-taken', 'not-done')),
      code: codeableConcept,
      subject: reference,
      patient: reference,
      gender: or(fc.constantFrom('female', 'male', 'F')),
      birthDate: date,
      effectiveDateTime: date,
      effectivePeriod: or(fc.record({ start: date, end: date }, { requiredKeys: [] })),
      effectiveInstant: date,
      issued: date,
      valueQuantity: simpleQuantity,
      valueCodeableConcept: codeableConcept,
      valueRatio: or(fc.record({ numerator: simpleQuantity, denominator: simpleQuantity }, { requiredKeys: [] })),
      valueString: or(fc.constantFrom('1:160', 'positive', 'n/a')),
      valueInteger: or(fc.integer({ min: -1, max: 7 })),
      dataAbsentReason: codeableConcept,
      referenceRange: or(fc.array(or(fc.record({ low: simpleQuantity, high: simpleQuantity, type: codeableConcept }, { requiredKeys: [] })), { maxLength: 2 })),
      component: or(fc.array(or(fc.record({ code: codeableConcept, valueQuantity: simpleQuantity, valueCodeableConcept: codeableConcept }, { requiredKeys: [] })), { maxLength: 2 })),
      clinicalStatus: codeableConcept,
      verificationStatus: codeableConcept,
      onsetDateTime: date,
      recordedDate: date,
      abatementDateTime: date,
      abatementString: or(fc.constantFrom('2019', 'in childhood')),
      onsetPeriod: or(fc.record({ start: date }, { requiredKeys: [] })),
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
