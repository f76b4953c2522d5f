// Test support: random XPT libraries that the format can hold, for round-trip properties.
import fc from 'fast-check';
import { ibmLimit, missingCodes, readIbm, writeIbm } from './ibm-float.ts';
import { type SasMissing, sasMissing, type XptDataset, type XptFormat, type XptLibrary, type XptValue, type XptVariable } from './model.ts';
import { encodeText } from './text-codec.ts';

const utf8Bytes = (s: string) => encodeText(s, 'utf-8')!.length;

/** Text as SAS gives it back: no trailing blanks or NULs (they are padding). */
export const sasText = (maxBytes: number) =>
  fc
    .string({ unit: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...'ABCXYZ az09 -_/.,()') }, { weight: 1, arbitrary: fc.constantFrom('é', 'µ', '中', '文', '°', '≥') }), maxLength: maxBytes })
    .map((s) => s.replace(/[ \0]+$/, ''))
    .filter((s) => utf8Bytes(s) <= maxBytes);

const sasName = fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,7}$/);

const format: fc.Arbitrary<XptFormat> = fc.record(
  {
    name: fc.constantFrom('', 'DATE', 'BEST', 'E8601DA', '$CHAR', '$'),
    width: fc.integer({ min: 0, max: 32 }),
    decimals: fc.integer({ min: 0, max: 6 }),
    justify: fc.constantFrom(0, 1),
  },
  { noNullPrototype: true },
);

const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -ibmLimit / 2, max: ibmLimit / 2 }).filter((x) => x === 0 || Math.abs(x) >= 2 ** -260);

/** A number as a numeric variable of `length` bytes holds it: the first bytes of its IBM form. */
function stored(x: number, length: number): number {
  const bytes = new Uint8Array(8);
  writeIbm(x === 0 ? 0 : x, bytes, 0);
  bytes.fill(0, length);
  return readIbm(bytes, 0) as number;
}

const missing: fc.Arbitrary<SasMissing> = fc.constantFrom(...missingCodes).map((c) => sasMissing[c]);

function cellOf(v: XptVariable): fc.Arbitrary<XptValue> {
  if (v.type === 'char') return sasText(Math.min(v.length, 30)).filter((s) => utf8Bytes(s) <= v.length);
  const number = fc.oneof({ weight: 5, arbitrary: finite }, { weight: 2, arbitrary: fc.integer({ min: -9999, max: 9999 }) }).map((x) => stored(x, v.length));
  return fc.oneof({ weight: 6, arbitrary: number }, { weight: 1, arbitrary: missing });
}

const variable = (name: string): fc.Arbitrary<XptVariable> =>
  fc.oneof(
    fc.record({ type: fc.constant('char' as const), length: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 200 })) }),
    fc.record({ type: fc.constant('num' as const), length: fc.oneof({ weight: 4, arbitrary: fc.constant(8) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: 7 }) }) }),
  ).chain(({ type, length }) =>
    fc.record(
      { name: fc.constant(name), label: sasText(40), type: fc.constant(type), length: fc.constant(length), format, informat: format.map((f) => ({ ...f, justify: 0 })) },
      { requiredKeys: ['name', 'label', 'type', 'length'], noNullPrototype: true },
    ),
  ).map(({ format, informat, ...rest }) => ({ ...rest, ...(format && !blank(format) ? { format } : {}), ...(informat && !blank(informat) ? { informat } : {}) }));

/** A format of blanks and zeros is no format: the reader gives none back. */
const blank = (f: XptFormat) => f.name === '' && f.width === 0 && f.decimals === 0 && f.justify === 0;

const stamp = fc.constantFrom('21AUG20:09:14:29', '01JAN40:00:00:00', '31DEC39:23:59:59', '29FEB24:12:00:00');

/** A data set with at least one numeric variable, so that no observation is all blanks (see xpt-read.ts). */
export const datasetArbitrary = (name: string): fc.Arbitrary<XptDataset> =>
  fc
    .uniqueArray(sasName, { minLength: 1, maxLength: 10, selector: (n) => n.toUpperCase() })
    .chain((names) => fc.tuple(...names.map(variable)))
    .map((vars) => (vars.some((v) => v.type === 'num') ? vars : [...vars, { name: '_N', label: '', type: 'num' as const, length: 8 }]))
    .filter((vars) => new Set(vars.map((v) => v.name.toUpperCase())).size === vars.length)
    .chain((variables) =>
      fc.record({
        name: fc.constant(name),
        label: sasText(40),
        type: fc.constantFrom('', 'DATA'),
        created: stamp,
        modified: stamp,
        sasVersion: fc.constantFrom('9.4', '9.0401M7'),
        os: fc.constantFrom('X64_10PR', 'NODEJS', 'Linux'),
        variables: fc.constant(variables),
        rows: fc.array(fc.tuple(...variables.map(cellOf)), { maxLength: 25 }),
      }, { noNullPrototype: true }),
    );

export const libraryArbitrary: fc.Arbitrary<XptLibrary> = fc
  .uniqueArray(sasName, { minLength: 0, maxLength: 3, selector: (n) => n.toUpperCase() })
  .chain((names) => fc.tuple(...names.map(datasetArbitrary)))
  .chain((datasets) => fc.record({ sasVersion: fc.constant('9.4'), os: fc.constant('NODEJS'), created: stamp, modified: stamp, datasets: fc.constant(datasets) }, { noNullPrototype: true }));
