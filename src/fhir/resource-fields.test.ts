import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { syntheticBundle } from '../synth/index.ts';
import { resourceArbitrary } from './arbitraries.ts';
import { type Fields, pruned, resourceFields } from './resource-fields.ts';
import { resourceFacts } from './resource-facts.ts';
import { ATC, concept, LOINC, medicationStatement, SNOMED, tables } from './test-support.ts';

/** Array members a reader may use without looking at any field of the resource. */
const arrayProtocol = new Set(['length', 'map', 'find', 'some', 'forEach', 'filter', 'slice', 'entries', 'keys', 'values', 'constructor']);

/**
 * The value behind a proxy that records, as `path.key`, every read of a key its fields do not list
 * (the `has` and `ownKeys` traps too: a reader testing for a key or listing keys is reading).
 */
function watched(value: unknown, fields: Fields, path: string, unlisted: Set<string>): unknown {
  if (fields === true || typeof value !== 'object' || value === null) return value;
  const isArray = Array.isArray(value);
  const check = (key: string | symbol) => {
    if (typeof key === 'symbol') return;
    if (isArray ? !(arrayProtocol.has(key) || /^\d+$/.test(key)) : !Object.hasOwn(fields, key)) unlisted.add(`${path}.${key}`);
  };
  return new Proxy(value as object, {
    get(target, key, receiver) {
      check(key);
      const v = Reflect.get(target, key, receiver);
      if (typeof key === 'symbol' || typeof v === 'function') return v;
      if (isArray) return /^\d+$/.test(key) ? watched(v, fields, `${path}[]`, unlisted) : v;
      return Object.hasOwn(fields, key) ? watched(v, fields[key]!, `${path}.${key}`, unlisted) : v;
    },
    has(target, key) {
      check(key);
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      unlisted.add(`${path}: keys listed`);
      return Reflect.ownKeys(target);
    },
  });
}

const json = (x: unknown) => JSON.parse(JSON.stringify(x));

/** resourceFacts reads nothing unlisted, and gives the same answer on the resource pruned to its fields. */
function assertFieldsSuffice(resource: unknown, resolve?: (reference: string) => unknown): void {
  const type = typeof resource === 'object' && resource !== null ? (resource as { resourceType?: unknown }).resourceType : undefined;
  const fields = resourceFields(typeof type === 'string' ? type : '');
  const unlisted = new Set<string>();
  const full = resourceFacts(resource, tables, ['x'], { resolve });
  const seen = resourceFacts(watched(resource, fields, typeof type === 'string' ? type : '?', unlisted), tables, ['x'], { resolve });
  assert.deepEqual([...unlisted], [], JSON.stringify(resource));
  assert.deepEqual(json(seen), json(full));
  assert.deepEqual(json(resourceFacts(pruned(resource, fields), tables, ['x'], { resolve })), json(full), JSON.stringify(resource));
}

describe('resourceFields', () => {
  it('lists every field resourceFacts reads, on resource-shaped input with any values', () => {
    const medication = { resourceType: 'Medication', id: 'm1', code: concept(ATC, 'H02AB07', 'prednisone') };
    const resolve = (reference: string) => (reference === 'Medication/m1' ? pruned(medication, resourceFields('Medication')) : undefined);
    for (const noise of [0.02, 0.2, 0.6]) {
      fc.assert(
        fc.property(resourceArbitrary(noise), (r) => assertFieldsSuffice(r, resolve)),
        { numRuns: 1500 },
      );
    }
  });

  it('lists every field resourceFacts reads, on resources that map, with any other fields', () => {
    // A mapped code takes each reader past its first checks, to the fields it reads last.
    const mapping = fc.constantFrom(
      { resourceType: 'Observation', code: concept(LOINC, '751-8') },
      { resourceType: 'Observation', code: concept(LOINC, '59408-5') },
      { resourceType: 'Observation', code: concept(LOINC, '5130-0') },
      { resourceType: 'Observation', code: concept(LOINC, '82810-3') },
      { resourceType: 'Condition', code: concept(SNOMED, '55464009') },
      { resourceType: 'Procedure', code: concept(SNOMED, '116859006') },
      { resourceType: 'MedicationStatement', medicationCodeableConcept: concept(ATC, 'H02AB07') },
      { resourceType: 'QuestionnaireResponse', questionnaire: 'https://firstdose.dev/fhir/Questionnaire/screening-attestations' },
    );
    const resource = fc.tuple(resourceArbitrary(0.05), mapping, fc.subarray(['clinicalStatus', 'abatementDateTime', 'status', 'effectiveDateTime', 'valueQuantity', 'valueCodeableConcept', 'valueRatio', 'valueString', 'valueInteger']));
    fc.assert(
      fc.property(resource, ([r, m, drop]) => {
        const out: Record<string, unknown> = { ...r, ...m };
        for (const key of drop) delete out[key];
        assertFieldsSuffice(out);
      }),
      { numRuns: 3000 },
    );
  });

  it('lists every field resourceFacts reads, on every resource of synthetic patients', () => {
    for (const kind of ['sle', 'other'] as const) for (const seed of [1, 2, 3, 2301]) for (const e of syntheticBundle(seed, kind, '2026-12-01').entry) assertFieldsSuffice(e.resource);
  });

  it('a referenced Medication is read by its code alone', () => {
    const medication = { resourceType: 'Medication', id: 'm1', meta: { versionId: '2' }, code: concept(ATC, 'H02AB07', 'prednisone') };
    const statement: Record<string, unknown> = { ...medicationStatement('H02AB07'), medicationReference: { reference: 'Medication/m1' } };
    delete statement['medicationCodeableConcept'];
    const target = pruned(medication, resourceFields('Medication'));
    assert.deepEqual(target, { resourceType: 'Medication', id: 'm1', code: medication.code });
    assertFieldsSuffice(statement, (reference) => (reference === 'Medication/m1' ? target : undefined));
  });

  it('prunes objects, the elements of arrays, and nothing else', () => {
    const fields: Fields = { a: { b: true }, c: true, d: {} };
    assert.deepEqual(pruned({ a: [{ b: 1, x: 2 }, 3, null], c: { y: [1] }, d: { z: 1 }, e: 5 }, fields), { a: [{ b: 1 }, 3, null], c: { y: [1] }, d: {} });
    assert.deepEqual(pruned('text', fields), 'text');
    assert.deepEqual(pruned([{ a: { b: 1, q: 1 } }], fields), [{ a: { b: 1 } }]);
  });
});
