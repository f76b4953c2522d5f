// Test support: resources written as odd but valid JSON, as a server may write them (whitespace,
// needless escapes, number forms, shuffled and repeated keys, extensions at any level), for the
// property tests of the readers that work on a line's bytes (sparse-json.test.ts, extract.test.ts).
import fc from 'fast-check';
import { resourceArbitrary } from '../fhir/arbitraries.ts';
import { createFastRandom } from '../domain/random/index.ts';

/** A number written as given (`1.50`, `15e-1`, 30 digits), where a generated value stands. */
export class NumberText {
  constructor(readonly text: string) {}
}

/** The serialiser's choices, from one generated seed (the project's seeded xoshiro128**). */
export const random = (seed: number): (() => number) => createFastRandom(seed).next;

/**
 * Valid JSON as odd as a server may write it: whitespace anywhere (`\r` and tabs too), escapes where
 * none is needed (`\u0061`, `\/`, either hex case), numbers in exponent form or with trailing zeros,
 * keys shuffled (resourceType sometimes not first), and keys given twice (JSON.parse keeps the last).
 */
export function serialise(value: unknown, rnd: () => number, top = true): string {
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
export function string(s: string, rnd: () => number, odd = 0.03): string {
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

export const numberText = fc.stringMatching(/^-?(0|[1-9]\d{0,24})(\.\d{1,24})?([eE][+-]?\d{1,3})?$/).map((t) => new NumberText(t));

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

/** A resource from `resource`, with extensions, number texts and a seed for the serialiser's choices. */
export const oddInput = (resource: fc.Arbitrary<unknown>) =>
  fc.record({
    resource,
    extensions: fc.array(extension, { maxLength: 2 }),
    numbers: fc.array(numberText, { maxLength: 3 }),
    seed: fc.integer(),
  });

export const oddResource = oddInput(fc.oneof(resourceArbitrary(0.02), resourceArbitrary(0.3)));

export function oddText({ resource, extensions, numbers, seed }: { resource: unknown; extensions: readonly unknown[]; numbers: readonly NumberText[]; seed: number }): string {
  const rnd = random(seed);
  return serialise(withNumberTexts(withExtensions(resource, extensions, rnd), numbers, rnd), rnd);
}

