import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { anyJson, resourceArbitrary } from '../fhir/arbitraries.ts';
import { pruned, resourceFields } from '../fhir/resource-fields.ts';
import { readSparse } from './sparse-json.ts';

/** A number written as given (`1.50`, `15e-1`, 30 digits), where a generated value stands. */
class NumberText {
  constructor(readonly text: string) {}
}

/** mulberry32: the serialiser's choices, from one generated seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Valid JSON as odd as a server may write it: whitespace anywhere (`\r` and tabs too), escapes where
 * none is needed (`\u0061`, `\/`, either hex case), numbers in exponent form or with trailing zeros,
 * keys shuffled (resourceType sometimes not first), and keys given twice (JSON.parse keeps the last).
 */
function serialise(value: unknown, rnd: () => number, top = true): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const ws = () => (rnd() < 0.75 ? '' : pick([' ', '\t', '\r', '  ', ' \r\t']));
  if (value instanceof NumberText) return value.text;
  if (typeof value === 'string') return string(value, rnd);
  if (typeof value === 'number') return number(value, rnd);
  if (value === null || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${ws()}${value.map((v) => `${ws()}${serialise(v, rnd, false)}${ws()}`).join(',')}${ws()}]`;
  const entries = Object.entries(value as object);
  if (rnd() < (top ? 0.05 : 0.3)) entries.sort(() => rnd() - 0.5);
  // A key given twice: the first value is the one JSON.parse drops.
  if (entries.length > 0 && rnd() < 0.1) {
    const [key] = pick(entries);
    if (!(top && key === 'resourceType' && rnd() < 0.8)) entries.splice(Math.floor(rnd() * entries.length), 0, [key, pick([1, 'x', null, { a: [] }])]);
  }
  return `{${ws()}${entries.map(([k, v]) => `${ws()}${string(k, rnd, 0.001)}${ws()}:${ws()}${serialise(v, rnd, false)}${ws()}`).join(',')}${ws()}}`;
}

/** A JSON string; `odd`: the share of characters escaped though they need not be. */
function string(s: string, rnd: () => number, odd = 0.03): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const u = (n: number) => `\\u${n.toString(16).padStart(4, '0')[rnd() < 0.5 ? 'toUpperCase' : 'toLowerCase']()}`;
    const short: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '/': '\\/' };
    const must = c < 0x20 || ch === '"' || ch === '\\';
    if (must || rnd() < odd) {
      if (short[ch] !== undefined && rnd() < 0.5) out += short[ch];
      else if (c > 0xffff) out += u(ch.charCodeAt(0)) + u(ch.charCodeAt(1));
      else out += u(c);
    } else out += ch;
  }
  return `${out}"`;
}

function number(n: number, rnd: () => number): string {
  const plain = JSON.stringify(n);
  const r = rnd();
  if (Object.is(n, -0)) return r < 0.5 ? '-0' : '-0.0e0';
  if (r < 0.6) return plain;
  if (r < 0.75) return n.toExponential().replace('e+', rnd() < 0.5 ? 'E+' : 'e');
  if (r < 0.85 && /^-?\d+\.\d+$/.test(plain)) return `${plain}000`;
  // The same value with the point moved into the exponent (still exact: the decimal is the same).
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(plain);
  return m ? `${m[1]}${m[2]}${m[3] ?? ''}e-${(m[3] ?? '').length}` : plain;
}

const numberText = fc.stringMatching(/^-?(0|[1-9]\d{0,24})(\.\d{1,24})?([eE][+-]?\d{1,3})?$/).map((t) => new NumberText(t));

/** Extensions nest, with values of every kind, at any level of a resource. */
const extension = fc.letrec<{ ext: unknown }>((tie) => ({
  ext: fc.record(
    { url: fc.constant('https://example.org/x'), valueString: fc.string(), valueDecimal: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), numberText), extension: fc.array(tie('ext'), { maxLength: 2 }) },
    { requiredKeys: ['url'] },
  ),
})).ext;

/** Adds extensions (and `_field` primitive extensions) to some objects of a value. */
function withExtensions(value: unknown, extras: readonly unknown[], rnd: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => withExtensions(v, extras, rnd));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = withExtensions(v, extras, rnd);
  if (extras.length > 0 && rnd() < 0.3) out['extension'] = extras;
  if (extras.length > 0 && rnd() < 0.1) out['_status'] = { extension: extras };
  return out;
}

/** Numbers of the readers' fields replaced by number texts, some of them odd. */
function withNumberTexts(value: unknown, texts: readonly NumberText[], rnd: () => number): unknown {
  if (typeof value === 'number' && texts.length > 0 && rnd() < 0.3) return texts[Math.floor(rnd() * texts.length)];
  if (Array.isArray(value)) return value.map((v) => withNumberTexts(v, texts, rnd));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withNumberTexts(v, texts, rnd)]));
}

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

const oddResource = fc.record({
  resource: fc.oneof(resourceArbitrary(0.02), resourceArbitrary(0.3)),
  extensions: fc.array(extension, { maxLength: 2 }),
  numbers: fc.array(numberText, { maxLength: 3 }),
  seed: fc.integer(),
});

function oddText({ resource, extensions, numbers, seed }: { resource: unknown; extensions: readonly unknown[]; numbers: readonly NumberText[]; seed: number }): string {
  const rnd = random(seed);
  return serialise(withNumberTexts(withExtensions(resource, extensions, rnd), numbers, rnd), rnd);
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
