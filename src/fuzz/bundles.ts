// Hostile FHIR bundles for the fuzz tests: a real patient's bundle with references that lead
// nowhere (to a missing patient, medication, contained resource or another server), with the
// patient missing or doubled, with resources of any shape mixed in, with any node replaced by a
// hostile value, or grown far beyond a real export.
import fc from 'fast-check';
import { resourceArbitrary } from '../fhir/arbitraries.ts';
import { hostileValue } from './hostile.ts';
import { mutatedArbitrary } from './mutate.ts';

type Json = Record<string, unknown>;

export const nowhere: readonly unknown[] = [
  'Patient/nowhere',
  'Patient/',
  'Patient',
  '#missing',
  '#',
  'urn:uuid:00000000-0000-4000-8000-000000000000',
  'urn:oid:1.2.3',
  'https://elsewhere.example/fhir/Patient/P000000',
  'Patient/P000000/_history/x',
  'Medication/none',
  'Observation/none',
  'Group/g1',
  '',
  ' ',
  'Patient/\u0000',
  '../Patient/P000000',
  null,
  42,
  ['Patient/P000000'],
  {},
];

const referenceFields = ['subject', 'patient', 'medicationReference', 'encounter', 'basedOn', 'partOf', 'hasMember', 'derivedFrom', 'focus', 'informationSource', 'source'] as const;

/** One reference field of one entry pointed somewhere that does not exist. */
function danglingReference(bundle: Json): fc.Arbitrary<Json> {
  const entries = (bundle.entry as Json[]) ?? [];
  return fc.tuple(fc.nat(entries.length), fc.constantFrom(...referenceFields), fc.constantFrom(...nowhere), fc.boolean()).map(([i, field, target, asArray]) => {
    const entry = entries[i % Math.max(entries.length, 1)];
    if (!entry) return bundle;
    const resource = { ...(entry.resource as Json), [field]: asArray ? [{ reference: target }] : { reference: target } };
    const copy = [...entries];
    copy[i % entries.length] = { ...entry, resource };
    return { ...bundle, entry: copy };
  });
}

/** Shapes of a whole bundle that no exporter should produce. */
function brokenShape(bundle: Json): fc.Arbitrary<unknown> {
  const entries = (bundle.entry as Json[]) ?? [];
  const patient = entries.find((e) => (e.resource as Json | undefined)?.resourceType === 'Patient');
  return fc.constantFrom<unknown>(
    { ...bundle, entry: entries.filter((e) => e !== patient) },
    { ...bundle, entry: [...entries, { ...patient, resource: { ...(patient?.resource as Json), id: 'P2', gender: 'male' } }] },
    { ...bundle, entry: [...entries, { ...patient, resource: { ...(patient?.resource as Json), birthDate: '2026-02-30' } }] },
    { ...bundle, entry: [null, 1, 'x', [], {}, { resource: null }, { resource: 'Patient' }, ...entries] },
    { ...bundle, entry: {} },
    { ...bundle, entry: entries.map((e) => e.resource) },
    { ...bundle, resourceType: 'Patient' },
    { ...bundle, type: 'transaction', entry: entries.map((e) => ({ ...e, request: { method: 'DELETE', url: 'Patient/P000000' } })) },
    { resourceType: 'Bundle' },
    { resourceType: 'Bundle', entry: [] },
    { ...bundle, entry: entries.map((e) => ({ ...e, resource: { ...(e.resource as Json), contained: [{ resourceType: 'Medication', id: 'm' }], medicationReference: { reference: '#nope' } } })) },
    { ...bundle, entry: entries.map((e) => ({ ...e, resource: { ...(e.resource as Json), subject: { reference: 'Patient/other' } } })) },
    { ...bundle, entry: entries.map((e) => ({ ...e, fullUrl: 'urn:uuid:same' })) },
    [bundle],
    'Bundle',
    null,
  );
}

/** A bundle of `copies` times its entries: far bigger than a patient's record, still well-formed. */
export function grownBundle(bundle: Json, copies: number): Json {
  const entries = (bundle.entry as Json[]) ?? [];
  return { ...bundle, entry: Array.from({ length: copies }, () => entries).flat() };
}

/** Hostile variants of a real bundle (given as its JSON text). */
export function hostileBundle(text: string, options: { huge?: boolean } = {}): fc.Arbitrary<unknown> {
  const bundle = JSON.parse(text) as Json;
  const entries = (bundle.entry as Json[]) ?? [];
  const arbs: fc.Arbitrary<unknown>[] = [
    danglingReference(bundle),
    brokenShape(bundle),
    fc.array(resourceArbitrary(0.3), { maxLength: 6 }).map((extra) => ({ ...bundle, entry: [...entries, ...extra.map((resource) => ({ resource }))] })),
    mutatedArbitrary(fc.constant(bundle)),
    hostileValue,
  ];
  if (options.huge) arbs.push(fc.constantFrom(grownBundle(bundle, 60), grownBundle(bundle, 300)));
  return fc.oneof(...arbs);
}
