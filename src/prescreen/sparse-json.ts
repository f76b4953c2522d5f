// A JSON reader for one NDJSON line that builds only the fields a FHIR reader looks at
// (src/fhir/resource-fields.ts) and scans past the rest. JSON.parse builds every object, array and
// string of a ~650-byte Observation (category, displays, systems, the reference range's units): on
// the 100,000-patient benchmark export it alone ran at 261,000 resources/s, short of the 200,000/s
// budget once mapping, reducing and screening are added. Scanning the bytes and building a dozen
// values measured ~2.2 us per Observation line against ~3.2 us for JSON.parse (the scan alone ~1 us).
//
// It answers exactly as JSON.parse + pruned() or not at all: every byte is checked against the JSON
// grammar (skipped values too, so a line JSON.parse rejects is never read), and anything it cannot
// be sure of — a first key other than resourceType, a second resourceType, an escaped key, deep
// nesting — returns undefined, and the caller parses the line with JSON.parse. Values are made as
// JSON.parse makes them: strings with escapes, and whole objects or arrays a reader takes as they
// are, by JSON.parse itself on their bytes; other strings by decoding their bytes (UTF-8, or Latin-1
// when all ASCII); numbers of up to 15 digits without an exponent as digits ÷ 10^places, which is
// exact (both are exact doubles and IEEE division rounds correctly), others by Number().
import type { Fields } from '../fhir/resource-fields.ts';
import { asciiString, escapeEnd, FALSE, isDigit, literal, maxDepth, NULL, notSure, numberRead, readNumber, skip, TRUE, ws } from './json-bytes.ts';
import { compile, type Entry, type FieldNode, find, isKeyAt, type Key, keyOf, setField } from './sparse-fields.ts';

/** The value the last read* function read. */
let read: unknown;

/**
 * The elements of the arrays being read, a nested array's above its parent's: each array is made
 * once its length is known. Pushing onto a fresh array gave it room for 17 elements, a third of
 * all the bytes the pre-screen's read pass allocated (a questionnaire's items hold one answer each).
 */
const elements: unknown[] = [];

/** The position of the closing quote of a key; an escaped key may spell a listed one ("st\u0061tus"): not sure. */
function keyEnd(b: Uint8Array, i: number, e: number): number {
  i++;
  for (;;) {
    if (i >= e) throw notSure;
    const c = b[i]!;
    if (c === 0x22) return i;
    if (c === 0x5c || c < 0x20) throw notSure;
    i++;
  }
}

function readString(b: Buffer, i: number, e: number, field: Entry | undefined): number {
  const from = i + 1;
  // The field's last string, checked in the same pass as the bytes: it holds no quote, backslash,
  // control or non-ASCII character, so bytes equal to it followed by a quote are that string.
  const last = field?.last;
  if (last !== undefined && last.length > 0 && from + last.length < e && b[from + last.length] === 0x22) {
    let k = 0;
    while (k < last.length && b[from + k] === last.charCodeAt(k)) k++;
    if (k === last.length) {
      read = last;
      return from + k + 1;
    }
  }
  let plain = true;
  let ascii = true;
  i = from;
  for (;;) {
    if (i >= e) throw notSure;
    const c = b[i]!;
    if (c === 0x22) break;
    if (c === 0x5c) {
      plain = false;
      i = escapeEnd(b, i, e);
      continue;
    }
    if (c < 0x20) throw notSure;
    if (c >= 0x80) ascii = false;
    i++;
  }
  if (!plain) read = JSON.parse(b.toString('utf8', from - 1, i + 1));
  else if (!ascii) read = b.toString('utf8', from, i);
  else {
    read = asciiString(b, from, i);
    if (field !== undefined && i - from <= 64) field.last = read as string;
  }
  return i + 1;
}

function readNumberValue(b: Buffer, i: number, e: number): number {
  i = readNumber(b, i, e, true);
  read = numberRead;
  return i;
}

/** Reads the value of `field` at i: by the field's fields when it is an object or an array, whole when it has none. */
function readValue(b: Buffer, i: number, e: number, field: Entry, depth: number): number {
  const c = i < e ? b[i]! : -1;
  if (c === 0x22) return readString(b, i, e, field);
  const node = field.node;
  if (c === 0x7b || c === 0x5b) {
    if (depth > maxDepth) throw notSure;
    if (node === null) {
      const end = skip(b, i, e, depth);
      read = JSON.parse(b.toString('utf8', i, end));
      return end;
    }
    if (c === 0x5b) return readArray(b, i, e, field, depth);
    const out: Record<string, unknown> = {};
    i = ws(b, i + 1, e);
    if (i < e && b[i] === 0x7d) i++;
    else i = readMembers(b, i, e, node, out, depth, false);
    read = out;
    return i;
  }
  if (c === 0x2d || isDigit(c)) return readNumberValue(b, i, e);
  if (c === 0x74) {
    read = true;
    return literal(b, i, e, TRUE);
  }
  if (c === 0x66) {
    read = false;
    return literal(b, i, e, FALSE);
  }
  if (c === 0x6e) {
    read = null;
    return literal(b, i, e, NULL);
  }
  throw notSure;
}

/** An array of the field: each element by the field's own fields. */
function readArray(b: Buffer, i: number, e: number, field: Entry, depth: number): number {
  i = ws(b, i + 1, e);
  if (i < e && b[i] === 0x5d) {
    read = [];
    return i + 1;
  }
  const base = elements.length;
  for (;;) {
    i = ws(b, readValue(b, i, e, field, depth + 1), e);
    elements.push(read);
    const d = i < e ? b[i]! : -1;
    if (d === 0x5d) {
      read = elements.slice(base);
      elements.length = base;
      return i + 1;
    }
    if (d !== 0x2c) throw notSure;
    i = ws(b, i + 1, e);
  }
}

/**
 * The members (one or more) of an object from i into `out`; returns the position after its `}`.
 * `top`: the resource itself, whose resourceType was read already.
 */
function readMembers(b: Buffer, i: number, e: number, node: FieldNode, out: Record<string, unknown>, depth: number, top: boolean): number {
  let expected = node.first;
  let previous: Key | undefined;
  let atFirst = true;
  for (;;) {
    if (i >= e || b[i] !== 0x22) throw notSure;
    let key: Key | undefined;
    // The key that followed the previous one last time, checked by its bytes; else found.
    if (expected !== undefined && isKeyAt(expected, b, i + 1, e)) {
      key = expected;
      i += key.bytes.length + 2;
    } else {
      const keyEndAt = keyEnd(b, i, e);
      key = keyOf(node, b, i + 1, keyEndAt);
      i = keyEndAt + 1;
    }
    if (atFirst) node.first = key;
    else if (previous !== undefined) previous.after = key;
    atFirst = false;
    previous = key;
    expected = key?.after;
    const field = key?.field;
    i = ws(b, i, e);
    if (i >= e || b[i] !== 0x3a) throw notSure;
    i = ws(b, i + 1, e);
    if (field === undefined) i = skip(b, i, e, depth + 1);
    else {
      // A second resourceType would change which fields count (JSON.parse keeps the last).
      if (top && field.name === 'resourceType') throw notSure;
      i = readValue(b, i, e, field, depth + 1);
      setField(out, field.name, read);
    }
    i = ws(b, i, e);
    const d = i < e ? b[i]! : -1;
    if (d === 0x7d) return i + 1;
    if (d !== 0x2c) throw notSure;
    i = ws(b, i + 1, e);
  }
}

const typeNode = compile({ resourceType: true });

/**
 * The resource on bytes [start, end) with only the fields `fieldsOf(resourceType)` lists, exactly as
 * pruned(JSON.parse(line), fields) gives it; undefined when the reader cannot be sure (then parse).
 */
export function readSparse(b: Buffer, start: number, end: number, fieldsOf: (type: string) => Fields): Record<string, unknown> | undefined {
  const e = end;
  try {
    let i = ws(b, start, e);
    if (i >= e || b[i] !== 0x7b) return undefined;
    i = ws(b, i + 1, e);
    // The first key must be resourceType: it decides which fields to build.
    if (i >= e || b[i] !== 0x22) return undefined;
    const keyEndAt = keyEnd(b, i, e);
    if (find(typeNode, b, i + 1, keyEndAt) === undefined) return undefined;
    i = ws(b, keyEndAt + 1, e);
    if (i >= e || b[i] !== 0x3a) return undefined;
    i = ws(b, i + 1, e);
    if (i >= e || b[i] !== 0x22) return undefined;
    i = ws(b, readString(b, i, e, undefined), e);
    const type = read as string;
    const fields = fieldsOf(type);
    if (fields === true || !Object.hasOwn(fields, 'resourceType')) return undefined;
    const out: Record<string, unknown> = { resourceType: type };
    const d = i < e ? b[i]! : -1;
    if (d === 0x2c) i = readMembers(b, ws(b, i + 1, e), e, compile(fields), out, 0, true);
    else if (d === 0x7d) i++;
    else return undefined;
    return ws(b, i, e) === e ? out : undefined;
  } catch (error) {
    if (error === notSure) return undefined;
    // JSON.parse of an escaped string or a whole value the scan accepted; never expected.
    if (error instanceof SyntaxError) return undefined;
    throw error;
  } finally {
    read = undefined;
    elements.length = 0;
  }
}
