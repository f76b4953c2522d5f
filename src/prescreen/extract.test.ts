import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { resourceArbitrary } from '../fhir/arbitraries.ts';
import type { Fact } from '../fhir/fact.ts';
import { loadProtocol } from '../protocols/load.ts';
import { syntheticBundle } from '../synth/index.ts';
import { extractFacts } from './extract.ts';
import { agrees, general, tables } from './extract-support.ts';
import { protocolNeeds } from './needs.ts';
import { oddInput, oddText, random, serialise } from './odd-json.ts';
import { PrescreenState } from './state.ts';

const asOf = '2026-12-01';

// Realistic resources: the synthetic generator's lab results, of every test it writes, and its
// questionnaire responses.
const synthetic = syntheticBundle(2301, 'sle', asOf).entry.map((e) => e.resource as Record<string, unknown>);
const results = synthetic.filter((r) => r['resourceType'] === 'Observation');
const responses = synthetic.filter((r) => r['resourceType'] === 'QuestionnaireResponse');

const units = ['g/L', 'g/dL', 'mmol/L', 'umol/L', 'mg/dL', '10*9/L', '10*3/uL', '%', '{titer}', '[IU]/mL', 'kg', 'lb', 's', 'U/L', 'furlongs', 'µmol/L', ''];
const codes = ['751-8', '718-7', '2160-0', '59408-5', '5048-4', '5130-0', '82810-3', '3150-0', '99999-9', '29463-7'];
const strings = ['final', 'entered-in-error', 'cancelled', 'amended', 'Patient/P1', 'Patient/P2', 'Group/g', 'https://x/fhir/Patient/P1/_history/2', '2026-02-30', '2026-01', '2026-01-10', '2026-11-30T08:00:00+08:00', 'fin\u0061l', 'é', '患者', 'a"b', 'a\\b', ''];

/** A change to a result that the extractor must either read as the general path does or leave to it. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('unit' as const), unit: fc.constantFrom(...units), where: fc.constantFrom('value', 'low', 'high') }),
  fc.record({ kind: fc.constant('code' as const), code: fc.constantFrom(...codes), system: fc.constantFrom('http://loinc.org', 'http://loinc.org', 'urn:other') }),
  fc.record({ kind: fc.constant('drop' as const), key: fc.constantFrom('status', 'code', 'subject', 'effectiveDateTime', 'valueQuantity', 'referenceRange', 'id', 'value', 'unit') }),
  fc.record({ kind: fc.constant('set' as const), key: fc.constantFrom('status', 'id', 'effectiveDateTime', 'subject', 'comparator', 'component', 'valueString', 'effectivePeriod', 'meta', 'resourceType'), value: fc.oneof(fc.constantFrom(...strings), fc.jsonValue({ maxDepth: 2 })) }),
  fc.record({ kind: fc.constant('value' as const), value: fc.oneof(fc.double({ noNaN: true }), fc.integer(), fc.constantFrom(0, -0, 1e-7, 123456789012345680, 0.1)) }),
  fc.record({ kind: fc.constant('codings' as const), extra: fc.constantFrom('first', 'last', 'bad') }),
  fc.record({ kind: fc.constant('status' as const), status: fc.constantFrom('final', 'amended', 'preliminary', 'entered-in-error', 'cancelled', 'completed') }),
);

/** A change to a questionnaire response. */
const responseMutation = fc.oneof(
  fc.record({ kind: fc.constant('item' as const), at: fc.nat(), item: fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.record({ linkId: fc.constantFrom('fever', 'seizure', 'dyspnea-grade', 'lactating', 'unknown', 'ana'), answer: fc.array(fc.record({ valueBoolean: fc.oneof(fc.boolean(), fc.jsonValue({ maxDepth: 1 })), valueInteger: fc.oneof(fc.integer({ min: -2, max: 7 }), fc.double()) }, { requiredKeys: [] }), { maxLength: 2 }), item: fc.array(fc.record({ linkId: fc.constant('fever'), answer: fc.constant([{ valueBoolean: true }]) }), { maxLength: 1 }) }, { requiredKeys: [] })) }),
  fc.record({ kind: fc.constant('drop' as const), key: fc.constantFrom('status', 'questionnaire', 'subject', 'authored', 'item', 'id') }),
  fc.record({ kind: fc.constant('status' as const), status: fc.constantFrom('completed', 'amended', 'entered-in-error') }),
  fc.record({ kind: fc.constant('answer' as const), at: fc.nat(), answer: fc.oneof(fc.record({ valueInteger: fc.oneof(fc.integer({ min: -2, max: 8 }), fc.constantFrom(2.5, -0, 1e21)) }), fc.record({ valueBoolean: fc.oneof(fc.boolean(), fc.constantFrom('true', 1, null)) }), fc.constant({})) }),
  fc.record({ kind: fc.constant('set' as const), key: fc.constantFrom('status', 'questionnaire', 'authored', 'subject', 'item', 'text'), value: fc.oneof(fc.constantFrom('entered-in-error', 'completed', 'https://firstdose.dev/fhir/Questionnaire/sledai-2k|2', 'https://other/Questionnaire/x', '2026-11', '2026-11-30', ...strings), fc.jsonValue({ maxDepth: 2 })) }),
);
type ResponseMutation = typeof responseMutation extends fc.Arbitrary<infer M> ? M : never;

function mutateResponse(resource: Record<string, unknown>, m: ResponseMutation): Record<string, unknown> {
  // biome-ignore lint/suspicious/noExplicitAny: a test's edits of a JSON value of any shape
  const r = structuredClone(resource) as Record<string, any>;
  if (m.kind === 'item' && Array.isArray(r['item'])) r['item'].splice(m.at % (r['item'].length + 1), m.at % 3 === 0 ? 1 : 0, m.item);
  else if (m.kind === 'drop') delete r[m.key];
  else if (m.kind === 'status') r['status'] = m.status;
  else if (m.kind === 'answer' && Array.isArray(r['item']) && r['item'].length > 0) {
    // An earlier 'item' mutation may have put any JSON value there: only an object takes an answer.
    const target = r['item'][m.at % r['item'].length];
    if (target !== null && typeof target === 'object' && !Array.isArray(target)) target.answer = [m.answer];
  }
  else if (m.kind === 'set') r[m.key] = m.key === 'subject' && typeof m.value === 'string' ? { reference: m.value } : m.value;
  return r;
}
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(resource: Record<string, unknown>, m: Mutation): Record<string, unknown> {
  // biome-ignore lint/suspicious/noExplicitAny: a test's edits of a JSON value of any shape
  const r = structuredClone(resource) as Record<string, any>;
  switch (m.kind) {
    case 'unit': {
      const q = m.where === 'value' ? r['valueQuantity'] : r['referenceRange']?.[0]?.[m.where];
      if (q) Object.assign(q, { unit: m.unit, code: m.unit });
      break;
    }
    case 'code':
      r['code'] = { coding: [{ system: m.system, code: m.code }] };
      break;
    case 'drop':
      if (m.key === 'value' || m.key === 'unit') delete r['valueQuantity']?.[m.key];
      else delete r[m.key];
      break;
    case 'set':
      if (m.key === 'comparator') r['valueQuantity'] = { ...r['valueQuantity'], comparator: m.value };
      else r[m.key] = m.key === 'subject' && typeof m.value === 'string' ? { reference: m.value } : m.value;
      break;
    case 'value':
      if (r['valueQuantity']) r['valueQuantity'].value = m.value;
      break;
    case 'status':
      r['status'] = m.status;
      break;
    case 'codings': {
      const coding = r['code']?.coding;
      if (!Array.isArray(coding)) break;
      const other = m.extra === 'bad' ? 17 : { system: 'http://loinc.org', code: '59408-5', display: 'SpO2' };
      if (m.extra === 'first') coding.unshift(other);
      else coding.push(other);
      break;
    }
  }
  return r;
}

/** Half as a server usually writes JSON, half as oddly as it may. */
const written = (resource: unknown, seed: number) => (seed % 2 === 0 ? JSON.stringify(resource) : serialise(resource, random(seed)));

const realisticResult = fc.record({ pick: fc.nat(), mutations: fc.array(mutation, { maxLength: 3 }), seed: fc.integer() }).map(({ pick, mutations, seed }) => written(mutations.reduce(mutate, results[pick % results.length]!), seed));
const realisticResponse = fc.record({ pick: fc.nat(), mutations: fc.array(responseMutation, { maxLength: 2 }), seed: fc.integer() }).map(({ pick, mutations, seed }) => written(mutations.reduce(mutateResponse, responses[pick % responses.length]!), seed));
const realistic = fc.oneof({ weight: 3, arbitrary: realisticResult }, { weight: 2, arbitrary: realisticResponse });

const generated = oddInput(fc.tuple(fc.oneof(resourceArbitrary(0.02), resourceArbitrary(0.2)), fc.constantFrom('Observation', 'Observation', 'QuestionnaireResponse')).map(([r, resourceType]) => ({ ...(r as object), resourceType })));

describe('extractFacts', () => {
  it('reads the synthetic results (SpO2 with components, coded results, ratios and texts too) and responses as the general path does', () => {
    assert.ok(results.length > 10 && responses.length === 3);
    for (const key of ['component', 'valueCodeableConcept', 'valueRatio', 'valueString']) assert.ok(results.some((r) => r[key] !== undefined), key);
    for (const r of results) assert.equal(agrees(JSON.stringify(r)), true, JSON.stringify(r));
    for (const r of responses) assert.equal(agrees(JSON.stringify(r)), true, JSON.stringify(r));
  });

  it('answers as the general path on mutated results, in any key order and spelling, or leaves them to it', () => {
    let answered = 0;
    const runs = 1500;
    fc.assert(
      fc.property(realistic, (text) => {
        if (agrees(text)) answered++;
      }),
      { numRuns: runs },
    );
    // Guards the generator: most mutated results are still of the shape the extractor reads.
    assert.ok(answered > runs / 4, `answered ${answered} of ${runs}`);
  });

  it('answers as the general path on generated resources of any content', () => {
    fc.assert(
      fc.property(generated, (input) => {
        agrees(oddText(input));
      }),
      { numRuns: 500 },
    );
  });

  it('never answers where JSON.parse fails, and answers right where a changed byte still parses', () => {
    const edit = fc.record({ at: fc.nat(), cut: fc.nat({ max: 3 }), insert: fc.constantFrom('', '{', '}', '[', ']', '"', ',', ':', '\\', 'e', '-', '.', '0', '01', ' ', '\u0001', 'u', 'tru', '\u00e9', '"code":{}', '"subject":{"reference":"Patient/x"},') });
    fc.assert(
      fc.property(realistic, edit, (text, { at, cut, insert }) => {
        const i = at % (text.length + 1);
        agrees(text.slice(0, i) + insert + text.slice(i + cut));
      }),
      { numRuns: 1500 },
    );
  });

  it('leaves to the general path what it cannot be sure of', () => {
    const base = results.find((r) => (r['valueQuantity'] as object | undefined) !== undefined && r['referenceRange'] !== undefined)!;
    const text = JSON.stringify(base);
    assert.equal(agrees(text), true);
    const leftAlone = [
      text.replace('"status":"final"', '"st\\u0061tus":"final"'),
      text.replace('{"resourceType":"Observation",', '{').replace(/}$/, ',"resourceType":"Observation"}'),
      text.replace(/}$/, ',"status":"final"}'),
      text.replace('"valueQuantity":{', '"valueQuantity":{"comparator":"<",'),
      text.replace(/}$/, ' x'),
      `${text.slice(0, -1)},"resourceType":"Condition"}`,
    ];
    for (const t of leftAlone) assert.equal(agrees(t), false, t);
    // Whitespace anywhere, escapes in the strings it reads and keys in another order are read.
    assert.equal(agrees(text.replace('"status":"final"', '"status":"fin\\u0061l"').replace('"code":"751-8"', '"code":"\\u0037\\u0035\\u0031-8"')), true);
    // (The odd serialiser sometimes repeats a key or moves resourceType: those are left alone.)
    const seeds = Array.from({ length: 50 }, (_, seed) => seed);
    const read = seeds.filter((seed) => agrees(serialise(JSON.parse(text), random(seed)))).length;
    assert.ok(read > 10, `read ${read} of 50`);
    const reordered = Object.fromEntries(Object.entries(base).reverse().filter(([k]) => k !== 'resourceType'));
    assert.equal(agrees(JSON.stringify({ resourceType: 'Observation', ...reordered })), true);
  });

  it('reduces a stream of results to the same state as the general path', () => {
    const protocol = loadProtocol('hn2301');
    if (!protocol.ok) throw new Error('hn2301 does not load');
    const needs = protocolNeeds(protocol.value);
    const stream = fc.array(fc.record({ text: fc.oneof(realistic, generated.map(oddText)), patient: fc.constantFrom('Patient/P1', 'Patient/P2', 'Patient/P3') }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(stream, (lines) => {
        const fast = new PrescreenState(needs, asOf);
        const slow = new PrescreenState(needs, asOf);
        lines.forEach(({ text, patient }, seq) => {
          const line = text.replace(/"Patient\/P[12]"/g, `"${patient}"`);
          const bytes = Buffer.from(line);
          const expected = general(line);
          if (typeof expected !== 'string' && expected.subject !== null && expected.facts.length > 0) slow.add(expected.subject, seq, expected.facts);
          const got = extractFacts(bytes, 0, bytes.length, tables) ?? (typeof expected === 'string' ? undefined : expected);
          if (got !== undefined && got.subject !== null && got.facts.length > 0) fast.add(got.subject, seq, got.facts);
        });
        assert.deepEqual(fast.keys, slow.keys);
        for (let p = 0; p < slow.patientCount; p++) assert.deepStrictEqual(fast.facts(p) as Fact[], slow.facts(p) as Fact[]);
        assert.equal(fast.kept, slow.kept);
        assert.equal(fast.dropped, slow.dropped);
      }),
      { numRuns: 100 },
    );
  });
});
