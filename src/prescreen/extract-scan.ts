// Walking a line's objects for the extractors (extract-*.ts): a member's key, the object's next
// member, a string. Positions pass as arguments and return values; the key read, the end of the
// last object and the string read go to `keyId`, `end` and `text`.
import { asciiString, type KeyTable, keyRead, notSure, stringEnd, ws } from './json-bytes.ts';

/** The number of the key `member` read. */
export let keyId = -1;
/** The position after the `}` that `next` or `open` last met. */
export let end = 0;

/** Reads `"key":` at i after key `previous` of the same object; returns the position of the value. */
export function member(b: Buffer, i: number, e: number, table: KeyTable, previous: number): number {
  i = ws(b, table.read(b, i, e, previous), e);
  keyId = keyRead;
  if (i >= e || b[i] !== 0x3a) throw notSure;
  return ws(b, i + 1, e);
}

/** After a member's value: the position of the next member's key, or -1 after the object's `}`. */
export function next(b: Buffer, i: number, e: number): number {
  i = ws(b, i, e);
  const d = i < e ? b[i]! : -1;
  if (d === 0x2c) return ws(b, i + 1, e);
  if (d === 0x7d) {
    end = i + 1;
    return -1;
  }
  throw notSure;
}

/** The first member of the object whose `{` is at i, or -1 when it is empty. */
export function open(b: Buffer, i: number, e: number): number {
  if (i >= e || b[i] !== 0x7b) throw notSure;
  i = ws(b, i + 1, e);
  if (i < e && b[i] === 0x7d) {
    end = i + 1;
    return -1;
  }
  return i;
}

/** Buffer's own Latin-1 decoder (what toString('latin1') calls after checking its arguments). */
type Latin1 = Buffer & { latin1Slice(start: number, end: number): string };

/** The string the last `str` call read. */
export let text = '';

/**
 * The last string read at each place (a unit, a system, the patient's reference, a panel's date, a
 * questionnaire's n-th linkId): bytes equal to it and then a quote are that string again, checked in
 * one pass.
 */
const lastAt: string[] = new Array(256).fill('');

/** The ASCII string of bytes [from, to): the one read last at place `at` when the same bytes, else interned. */
export function placedString(b: Buffer, from: number, to: number, at: number): string {
  const last = lastAt[at]!;
  const n = to - from;
  if (n === last.length && n > 0) {
    let k = 0;
    while (k < n && b[from + k] === last.charCodeAt(k)) k++;
    if (k === n) return last;
  }
  const made = asciiString(b, from, to);
  lastAt[at] = made;
  return made;
}

/**
 * The string at i, as JSON.parse reads it: from its bytes when plain ASCII (the one read last time at
 * place `at` when the same, else interned; at < 0: a string that does not recur, made as it is),
 * else by JSON.parse of its bytes (escapes, UTF-8). Anything but a string is not sure.
 */
export function str(b: Buffer, i: number, e: number, at: number): number {
  if (i >= e || b[i] !== 0x22) throw notSure;
  const from = i + 1;
  if (at >= 0) {
    const last = lastAt[at]!;
    const n = last.length;
    if (n > 0 && from + n < e && b[from + n] === 0x22) {
      let k = 0;
      while (k < n && b[from + k] === last.charCodeAt(k)) k++;
      if (k === n) {
        text = last;
        return from + n + 1;
      }
    }
  }
  for (let j = from; j < e; j++) {
    const c = b[j]!;
    if (c === 0x22) {
      text = at < 0 ? (b as Latin1).latin1Slice(from, j) : placedString(b, from, j, at);
      return j + 1;
    }
    if (c === 0x5c || c < 0x20 || c >= 0x80) {
      const close = stringEnd(b, i, e);
      text = JSON.parse(b.toString('utf8', i, close + 1)) as string;
      return close + 1;
    }
  }
  throw notSure;
}
