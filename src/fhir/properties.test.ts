// Property tests: the adapter never throws, whatever arrives, and whatever it accepts is a valid
// PatientRecord by the domain's own schema.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AnswerFact, ConditionFact, MedicationFact, ObservationFact, PatientRecord, ProcedureFact } from '../domain/eligibility/patient-record.ts';
import { anyJson, resourceArbitrary } from './arbitraries.ts';
import { bundleToRecord } from './bundle.ts';
import type { Fact } from './fact.ts';
import { resourceFacts } from './resource-facts.ts';
import { ATC, LOINC, tables } from './test-support.ts';

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
      entry: fc.array(fc.record({ fullUrl: fc.constantFrom('urn:uuid:a', 'urn:uuid:b', 'https://x/Patient/p1'), resource: fc.oneof(resource, anyJson) }, { requiredKeys: ['resource'] }), { maxLength: 6 }),
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
