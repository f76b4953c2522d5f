// Hostile values for the fuzz tests of the HTTP API and the CLI: the strings, numbers and shapes
// that break parsers, databases and renderers (lone surrogates, NUL, bidi marks, combining marks,
// 4-byte characters, overlong and special numbers, impossible dates), and JSON written as text so
// that it can hold what JSON.stringify cannot produce (1e400, -0, nesting deeper than the stack).
import fc from 'fast-check';

/** Strings that have broken software before, whatever field they land in. */
export const edgeStrings: readonly string[] = [
  '',
  ' ',
  '\t\n',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF',
  'x\uDBFFy',
  '\u202Ertl\u202C',
  '\u200F\u200E\u061C',
  '\u200B\u2060\uFEFF',
  'e\u0301\u0327\u0308',
  'Z\u0334\u0321\u031B\u0353a\u0337l\u0338g\u0336o',
  '😀',
  '👩‍👩‍👧‍👦',
  '𠜎𠜱𠝹',
  '\uFFFD\uFFFE\uFFFF',
  '\r\n\r\n',
  '%00%ff',
  '../../etc/passwd',
  "' OR 1=1 --",
  '"; DROP TABLE subject; --',
  '<script>alert(1)</script>',
  '{{constructor}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder is the hostile input here
  '${process.exit()}',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '1e309',
  '0x1F',
  '1_000',
  '١٢٣',
  '९९',
  '99999999999999999999999999999',
  '0.30000000000000004',
  'true',
  'null',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '2025-02-29',
  '+002026-01-01',
  '2026-01-01T25:00:00Z',
  '2026-1-1',
  '２０２６-０１-０１',
  'hn2301\u0000',
  'HN2301',
  ' hn2301 ',
  'ustc-fah\u200B',
];

/** Numbers at the edges of what JSON, JavaScript and PostgreSQL agree on. */
export const edgeNumbers: readonly number[] = [
  -0,
  0,
  -1,
  0.5,
  1e308,
  -1e308,
  5e-324,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 63,
  1e21,
  0.1 + 0.2,
];

/** A piece of JSON text put in as it is: numbers JSON.parse turns into Infinity or loses, nesting deeper than any recursion. */
export class RawJson {
  constructor(readonly text: string) {}
}

export const deepArray = (depth: number) => new RawJson(`${'['.repeat(depth)}${']'.repeat(depth)}`);
export const deepObject = (depth: number) => new RawJson(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);

/** Numbers written out as text: overflow, underflow, more digits than a double holds, negative zero. */
export const rawNumbers: readonly RawJson[] = ['1e400', '-1e400', '1e-400', '-0', '-0.0', '123456789012345678901234567890', '0.1000000000000000000000000000001', '1E+2', '1.0'].map(
  (n) => new RawJson(n),
);

/** JSON text of a value that may hold RawJson pieces (iterative: deep values must not overflow the writer). */
export function jsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  const parts: string[] = [];
  for (const [k, v] of Object.entries(value)) if (v !== undefined) parts.push(`${JSON.stringify(k)}:${jsonText(v)}`);
  return `{${parts.join(',')}}`;
}

/** A string of `length` copies of a character that takes `bytes` bytes in UTF-8. */
export const hugeString = (length: number, bytes: 1 | 2 | 3 | 4 = 1) => ['a', 'é', '中', '😀'][bytes - 1]!.repeat(length);

/** Unicode strings with the edge cases mixed in among ordinary text. */
export const unicodeString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...edgeStrings) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...edgeStrings), fc.string({ maxLength: 8 }), fc.constantFrom(...edgeStrings)).map((p) => p.join('')) },
);

/** Any value of a JSON type, including the hostile ones: the wrong type for most fields. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: unicodeString },
  { weight: 2, arbitrary: fc.constantFrom(...edgeNumbers) },
  { weight: 1, arbitrary: fc.constantFrom(...rawNumbers) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], { '': '' }, new RawJson('{"__proto__":{"x":1}}'), new RawJson('{"constructor":{"prototype":{"x":1}}}')) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(deepArray(64), deepObject(64), deepArray(5000), deepObject(5000), deepArray(100_000), deepObject(100_000)) },
  { weight: 1, arbitrary: fc.constantFrom(hugeString(5000), hugeString(70_000), hugeString(300_000, 4)) },
);
