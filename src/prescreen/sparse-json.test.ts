import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { anyJson } from '../fhir/arbitraries.ts';
import { pruned, resourceFields } from '../fhir/resource-fields.ts';
import { oddResource, oddText, random, serialise, string } from './odd-json.ts';
import { readSparse } from './sparse-json.ts';

const fieldsOf = (parsed: unknown) => resourceFields(String((parsed as { resourceType?: unknown }).resourceType));

/** readSparse on `bytes` answers as JSON.parse + pruned, or not at all; returns whether it answered. */
function check(bytes: Buffer, start = 0, end = bytes.length): boolean {
  let parsed: unknown;
  let threw = false;
  try {
    parsed = JSON.parse(bytes.toString('utf8', start, end));
  } catch {
    threw = true;
  }
  const sparse = readSparse(bytes, start, end, resourceFields);
  if (threw) assert.equal(sparse, undefined, `answered on invalid JSON: ${bytes.toString('utf8', start, end)}`);
  else if (sparse !== undefined) assert.deepStrictEqual(sparse, pruned(parsed, fieldsOf(parsed)), bytes.toString('utf8', start, end));
  return sparse !== undefined;
}

describe('readSparse', () => {
  it('answers as JSON.parse + pruned on odd but valid JSON, and answers most of the time', () => {
    let answered = 0;
    const runs = 1000;
    fc.assert(
      fc.property(oddResource, (r) => {
        if (check(Buffer.from(oddText(r)))) answered++;
      }),
      { numRuns: runs },
    );
    // Guards the generator: the reader must not pass by falling back on everything (it falls back on
    // resources whose type is noise or not the first key, or is given twice, and on escaped keys).
    assert.ok(answered > runs / 3, `answered ${answered} of ${runs}`);
  });

  it('never answers where JSON.parse fails, and answers right where a changed byte still parses', () => {
    const edit = fc.record({ at: fc.nat(), structural: fc.boolean(), cut: fc.nat({ max: 3 }), insert: fc.constantFrom('', '{', '}', '[', ']', '"', ',', ':', '\\', 'e', '-', '.', '0', '01', ' ', '\u0001', 'u', 'tru', 'nul', '\u00e9') });
    fc.assert(
      fc.property(oddResource, edit, (r, { at, structural, cut, insert }) => {
        const text = oddText(r);
        // Half the edits land next to a bracket, comma, colon or quote, where the grammar is strictest.
        const marks = [...text.matchAll(/[{}[\],:"]/g)].map((m) => m.index);
        const i = structural && marks.length > 0 ? marks[at % marks.length]! : at % (text.length + 1);
        check(Buffer.from(text.slice(0, i) + insert + text.slice(i + cut)));
      }),
      { numRuns: 1500 },
    );
  });

  it('answers as JSON.parse + pruned whatever JSON values stand in the fields', () => {
    const fields = ['id', 'status', 'code', 'subject', 'valueQuantity', 'referenceRange', 'component', 'item', 'dosage', 'contained', 'gender', 'birthDate', 'other', '__proto__', 'constructor'];
    const resource = fc.record({
      type: fc.constantFrom('Observation', 'Patient', 'Condition', 'MedicationStatement', 'QuestionnaireResponse', 'Procedure', 'Medication', 'Encounter', 'constructor', '__proto__'),
      body: fc.dictionary(fc.constantFrom(...fields), fc.oneof(anyJson, fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' }))),
      seed: fc.integer(),
    });
    fc.assert(
      fc.property(resource, ({ type, body, seed }) => {
        const rnd = random(seed);
        check(Buffer.from(`{"resourceType":${string(type, rnd)},${serialise(body, rnd, false).slice(1)}`));
      }),
      { numRuns: 1500 },
    );
  });

  it('reads only its line of a larger buffer', () => {
    const line = '{"resourceType":"Patient","id":"a","gender":"female"}';
    const bytes = Buffer.from(`xx${line}{"id":"b"}`);
    assert.deepEqual(readSparse(bytes, 2, 2 + line.length, resourceFields), { resourceType: 'Patient', id: 'a', gender: 'female' });
    // A cut line must not be completed by the bytes after it.
    const cut = Buffer.from('{"resourceType":"Patient","id":"a","gender":"fe');
    const more = Buffer.concat([cut, Buffer.from('male"}')]);
    assert.equal(readSparse(more, 0, cut.length, resourceFields), undefined);
    assert.equal(readSparse(Buffer.from('{"resourceType":"Patient","id":12'), 0, 30, resourceFields), undefined);
  });

  it('falls back when it cannot be sure, and reads what JSON.parse reads', () => {
    const cases: Array<[string, boolean]> = [
      ['{"resourceType":"Patient","id":"a"}', true],
      ['  {  "resourceType" : "Patient" , "id" : "a" }\t', true],
      ['{"resourceType":"Patient"}', true],
      ['{"id":"a","resourceType":"Patient"}', false],
      ['{"resourceType":"Patient","resourceType":"Observation","status":"final"}', false],
      ['{"resourceType":"Patient","gend\\u0065r":"male"}', false],
      ['{"resourceType":"Pati\\u0065nt","gender":"male"}', true],
      ['\ufeff{"resourceType":"Patient"}', false],
      ['{"resourceType":"Patient"} x', false],
      ['{"resourceType":"Patient",}', false],
      ['{"resourceType":"Patient","id":"a\tb"}', false],
      ['{"resourceType":"Observation","valueQuantity":{"value":01}}', false],
      ['{"resourceType":"Observation","valueQuantity":{"value":1.}}', false],
      ['{"resourceType":"Observation","valueQuantity":{"value":+1}}', false],
      ['{"resourceType":"Observation","valueQuantity":{"value":1e}}', false],
      ['{"resourceType":"Observation","valueQuantity":{"value":1E+}}', false],
      ['{"resourceType":"Observation","category":{"value":2.5e-}}', false],
      ['{"resourceType":"Observation","category":{"value":-}}', false],
      ['{"resourceType":"Observation","valueQuantity":{"value":-0}}', true],
      ['{"resourceType":"Observation","valueQuantity":{"value":1e400,"unit":"\\u00b5mol/L"}}', true],
      ['{"resourceType":"Observation","valueQuantity":{"value":12345678901234567890123}}', true],
      ['{"resourceType":"Observation","valueQuantity":{"value":0.1000000000000000055511151231257827}}', true],
      ['{"resourceType":"Observation","valueQuantity":{"value":2.5E-3}}', true],
      ['{"resourceType":"Observation","valueQuantity":{"value":"5","__proto__":{"x":1}}}', true],
      ['{"resourceType":"Observation","__proto__":{"status":"final"},"status":"x"}', true],
      ['{"resourceType":"Observation","contained":[{"__proto__":1,"a":"\\ud83d\\ude00"}]}', true],
      ['{"resourceType":"Observation","category":[{"text":"bad \\x escape"}]}', false],
      ['{"resourceType":"Observation","category":[{"text":"\\u12g4"}]}', false],
      ['{"resourceType":"Observation","category":[1 2]}', false],
      ['{"resourceType":"Observation","category":{"a" 1}}', false],
      ['{"resourceType":"Observation","category":tru}', false],
      [`{"resourceType":"Observation","category":${'['.repeat(300)}${']'.repeat(300)}}`, false],
      ['{"resourceType":"Encounter","subject":{"reference":"Patient/1"},"status":"x"}', true],
      ['{"resourceType":"constructor","id":"a"}', true],
      ['{"resourceType":1}', false],
      ['[]', false],
    ];
    for (const [text, answers] of cases) {
      assert.equal(check(Buffer.from(text)), answers, text);
    }
  });

  it('decodes UTF-8 as the whole line would be decoded, invalid sequences included', () => {
    const head = Buffer.from('{"resourceType":"Observation","valueString":"');
    for (const middle of [Buffer.from('患者 µmol'), Buffer.from([0xe6, 0x82]), Buffer.from([0xff, 0x41]), Buffer.from([0xc3])]) {
      const bytes = Buffer.concat([head, middle, Buffer.from('","category":"'), middle, Buffer.from('"}')]);
      assert.equal(check(bytes), true);
    }
    // Outside a string, a byte above 0x7F is not JSON.
    assert.equal(check(Buffer.concat([Buffer.from('{"resourceType":"Patient"'), Buffer.from([0xc2, 0xa0]), Buffer.from('}')])), false);
  });
});
