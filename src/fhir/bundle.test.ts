import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PatientRecord } from '../domain/eligibility/patient-record.ts';
import { bundleToRecord } from './bundle.ts';
import { ATC, concept, condition, dosage, medicationStatement, observation, quantity, tables } from './test-support.ts';

const patient = { resourceType: 'Patient', id: 'p1', birthDate: '1990-05-17', gender: 'female' };
const bundle = (resources: unknown[], type = 'collection') => ({ resourceType: 'Bundle', type, entry: resources.map((resource) => ({ resource })) });

function record(b: unknown): PatientRecord {
  const r = bundleToRecord(b, tables);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.issues));
  // The adapter's output is a valid PatientRecord by the domain's own schema.
  assert.ok(PatientRecord.safeParse(r.value).success);
  return r.value;
}
function issues(b: unknown) {
  const r = bundleToRecord(b, tables);
  assert.ok(!r.ok, 'expected issues');
  return r.issues;
}

describe('bundleToRecord', () => {
  it('collects one patient and every mapped resource', () => {
    const r = record(
      bundle([
        patient,
        observation('751-8', { valueQuantity: quantity(1.8, '10*9/L') }),
        condition('55464009', { onsetDateTime: '2019-04-02' }),
        medicationStatement('H02AB07', { dosage: dosage(10, 'mg', 1, 1, 'd') }),
        { resourceType: 'Encounter', id: 'e1', subject: { reference: 'Patient/p1' } },
        { resourceType: 'Practitioner', id: 'dr1' },
      ]),
    );
    assert.deepEqual([r.id, r.birthDate, r.sex], ['p1', '1990-05-17', 'female']);
    assert.deepEqual([r.observations.length, r.conditions.length, r.medications.length, r.procedures.length, r.answers.length], [1, 1, 1, 0, 0]);
  });

  it('accepts collection, batch, transaction and searchset bundles', () => {
    for (const type of ['collection', 'batch', 'transaction', 'searchset']) record(bundle([patient], type));
    assert.deepEqual(issues(bundle([patient], 'document')), [{ path: ['type'], code: 'invalid_choice', params: { value: 'document', allowed: ['collection', 'batch', 'transaction', 'searchset'] } }]);
  });

  it('resolves urn:uuid references of a transaction bundle, including a bundled Medication', () => {
    const b = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { fullUrl: 'urn:uuid:11111111-1111-4111-8111-111111111111', resource: { resourceType: 'Patient', birthDate: '1985-01-01', gender: 'male' }, request: { method: 'POST', url: 'Patient' } },
        { fullUrl: 'urn:uuid:22222222-2222-4222-8222-222222222222', resource: { resourceType: 'Medication', code: concept(ATC, 'L04AA06') } },
        {
          fullUrl: 'urn:uuid:33333333-3333-4333-8333-333333333333',
          resource: {
            resourceType: 'MedicationStatement',
            status: 'active',
            medicationReference: { reference: 'urn:uuid:22222222-2222-4222-8222-222222222222' },
            subject: { reference: 'urn:uuid:11111111-1111-4111-8111-111111111111' },
            effectivePeriod: { start: '2024-01-01' },
          },
        },
        { request: { method: 'DELETE', url: 'Observation/old' } },
      ],
    };
    const r = record(b);
    assert.equal(r.id, undefined);
    assert.equal(r.sex, 'male');
    assert.deepEqual(r.medications, [{ class: 'immunosuppressant', agent: 'mycophenolate', atc: 'L04AA06', start: '2024-01-01', source: 'urn:uuid:33333333-3333-4333-8333-333333333333' }]);
  });

  it('resolves absolute references and Medication/<id> entries', () => {
    const r = record(
      bundle([
        patient,
        { resourceType: 'Medication', id: 'hcq', code: concept(ATC, 'P01BA02') },
        medicationStatement('x', { medicationCodeableConcept: undefined, medicationReference: { reference: 'https://fhir.example.org/r4/Medication/hcq' }, subject: { reference: 'https://fhir.example.org/r4/Patient/p1/_history/3' } }),
      ]),
    );
    assert.equal(r.medications[0]?.agent, 'hydroxychloroquine');
  });

  it('takes the patient from the subjects when the bundle has no Patient resource', () => {
    const r = record(bundle([observation('718-7', { valueQuantity: quantity(10, 'g/dL') })], 'searchset'));
    assert.equal(r.id, 'p1');
  });

  it('reports a resource about another patient, and a second Patient', () => {
    const other = observation('718-7', { id: 'o9', valueQuantity: quantity(10, 'g/dL'), subject: { reference: 'Patient/p2' } });
    assert.deepEqual(issues(bundle([patient, other])), [
      { path: ['entry', 1, 'resource', 'subject', 'reference'], code: 'other_patient', params: { resource: 'Observation/o9', subject: 'Patient/p2', patient: 'Patient/p1' } },
    ]);
    assert.deepEqual(issues(bundle([patient, { ...patient, id: 'p2' }])), [
      { path: ['entry', 1, 'resource'], code: 'other_patient', params: { resource: 'Patient/p2', subject: 'Patient/p2', patient: 'Patient/p1' } },
    ]);
    const encounter = { resourceType: 'Encounter', id: 'e2', subject: { reference: 'Patient/p2' } };
    assert.equal(issues(bundle([patient, encounter]))[0]?.code, 'other_patient');
  });

  it('reports an unresolvable urn subject for a mapped resource', () => {
    const o = observation('718-7', { valueQuantity: quantity(10, 'g/dL'), subject: { reference: 'urn:uuid:nowhere' } });
    assert.deepEqual(issues(bundle([o])), [{ path: ['entry', 0, 'resource', 'subject', 'reference'], code: 'unresolved_reference', params: { resource: 'Observation/o1', reference: 'urn:uuid:nowhere' } }]);
  });

  it('ignores search outcomes', () => {
    const b = { resourceType: 'Bundle', type: 'searchset', entry: [{ resource: patient }, { search: { mode: 'outcome' }, resource: { resourceType: 'OperationOutcome', issue: [] } }] };
    assert.equal(record(b).id, 'p1');
  });
});

describe('bundleToRecord: malformed bundles are issues naming the resource and the field', () => {
  it('is not a Bundle', () => {
    assert.deepEqual(issues([]), [{ path: [], code: 'invalid_type', params: { expected: 'object', received: 'array' } }]);
    assert.deepEqual(issues({ type: 'collection' }), [{ path: ['resourceType'], code: 'required', params: {} }]);
    assert.deepEqual(issues({ resourceType: 'Bundle', type: 'collection', entry: {} }), [{ path: ['entry'], code: 'invalid_type', params: { expected: 'array', received: 'object' } }]);
  });

  it('has entries without a resourceType, or not objects', () => {
    assert.deepEqual(issues(bundle([{ id: 'x' }])), [{ path: ['entry', 0, 'resource', 'resourceType'], code: 'required', params: { resource: '?' } }]);
    assert.deepEqual(issues({ resourceType: 'Bundle', type: 'collection', entry: ['x', { resource: 7 }] }), [
      { path: ['entry', 0], code: 'invalid_type', params: { expected: 'object', received: 'string' } },
      { path: ['entry', 1, 'resource'], code: 'invalid_type', params: { expected: 'object', received: 'number' } },
    ]);
  });

  it('collects every bad field of every entry: a date that is not a date, a value that is not a number, a bad gender', () => {
    const found = issues(
      bundle([
        { ...patient, gender: 'F' },
        observation('751-8', { id: 'abc', valueQuantity: { value: '1.5', unit: '10*9/L' } }),
        condition('55464009', { onsetDateTime: 'last spring' }),
      ]),
    );
    assert.deepEqual(found, [
      { path: ['entry', 0, 'resource', 'gender'], code: 'invalid_choice', params: { resource: 'Patient/p1', value: 'F', allowed: ['female', 'male', 'other', 'unknown'] } },
      { path: ['entry', 1, 'resource', 'valueQuantity', 'value'], code: 'invalid_type', params: { resource: 'Observation/abc', expected: 'number', received: 'string' } },
      { path: ['entry', 2, 'resource', 'onsetDateTime'], code: 'invalid_date', params: { resource: 'Condition/c1', value: 'last spring' } },
    ]);
  });

  it('names a resource without an id by its fullUrl', () => {
    const b = { resourceType: 'Bundle', type: 'transaction', entry: [{ fullUrl: 'urn:uuid:o', resource: { ...observation('751-8', { effectiveDateTime: 'soon' }), id: undefined } }] };
    assert.deepEqual(issues(b), [{ path: ['entry', 0, 'resource', 'effectiveDateTime'], code: 'invalid_date', params: { resource: 'urn:uuid:o', value: 'soon' } }]);
  });
});
