// JSON grammar on a line's bytes, shared by the sparse reader (sparse-json.ts) and the per-type
// extractors (extract-*.ts). Each function takes the bytes, a position and the line's end, and
// returns the position after what it read: positions stay in registers, which measured faster than
// a reader object. Anything these cannot be sure of throws `notSure`, and the caller falls back to
// JSON.parse, so a line JSON.parse rejects is never read.

/** Thrown when the reader cannot be sure of the answer; caught at the top. */
export const notSure = new Error('not sure');
export const maxDepth = 256;
const pow10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

export function ws(b: Uint8Array, i: number, e: number): number {
  while (i < e) {
    const c = b[i]!;
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return i;
    i++;
  }
  return i;
}

const isHex = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
export const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** Checks the escape whose backslash is at i; returns the position after it. */
export function escapeEnd(b: Uint8Array, i: number, e: number): number {
  const c = i + 1 < e ? b[i + 1]! : -1;
  if (c === 0x75) {
    if (i + 5 >= e || !isHex(b[i + 2]!) || !isHex(b[i + 3]!) || !isHex(b[i + 4]!) || !isHex(b[i + 5]!)) throw notSure;
    return i + 6;
  }
  // " \ / b f n r t
  if (c === 0x22 || c === 0x5c || c === 0x2f || c === 0x62 || c === 0x66 || c === 0x6e || c === 0x72 || c === 0x74) return i + 2;
  throw notSure;
}

/** The position of the closing quote of the string whose opening quote is at i (checked, not read). */
export function stringEnd(b: Uint8Array, i: number, e: number): number {
  i++;
  for (;;) {
    if (i >= e) throw notSure;
    const c = b[i]!;
    if (c === 0x22) return i;
    if (c === 0x5c) i = escapeEnd(b, i, e);
    else if (c < 0x20) throw notSure;
    else i++;
  }
}

/**
 * The position of the closing quote of a string that must be plain ASCII (no escape, no control or
 * non-ASCII byte), so that its bytes are its characters: a key, a code, a date. Not sure otherwise.
 */
export function plainEnd(b: Uint8Array, i: number, e: number): number {
  const close = plainClose(b, i + 1, e);
  if (close < 0) throw notSure;
  return close;
}

/** As plainEnd for the string content starting at i (after its opening quote), -1 where plainEnd is not sure. */
export function plainClose(b: Uint8Array, i: number, e: number): number {
  for (; i < e; i++) {
    const c = b[i]!;
    if (c === 0x22) return i;
    if (c === 0x5c || c < 0x20 || c >= 0x80) return -1;
  }
  return -1;
}

/** The value the last readNumber read. */
export let numberRead = 0;

/** Scans a number by the JSON grammar from i; reads its value into `numberRead` when `wanted`. */
export function readNumber(b: Buffer, i: number, e: number, wanted: boolean): number {
  const start = i;
  let negative = false;
  if (b[i] === 0x2d) {
    negative = true;
    i++;
  }
  let m = 0;
  let digits = 0;
  let places = 0;
  let c = i < e ? b[i]! : -1;
  if (c === 0x30) {
    i++;
    digits = 1;
  } else if (c >= 0x31 && c <= 0x39) {
    do {
      m = m * 10 + (c - 0x30);
      digits++;
      c = ++i < e ? b[i]! : -1;
    } while (isDigit(c));
  } else throw notSure;
  c = i < e ? b[i]! : -1;
  if (c === 0x2e) {
    c = ++i < e ? b[i]! : -1;
    if (!isDigit(c)) throw notSure;
    do {
      m = m * 10 + (c - 0x30);
      digits++;
      places++;
      c = ++i < e ? b[i]! : -1;
    } while (isDigit(c));
  }
  let exponent = false;
  if (c === 0x65 || c === 0x45) {
    exponent = true;
    c = ++i < e ? b[i]! : -1;
    if (c === 0x2b || c === 0x2d) c = ++i < e ? b[i]! : -1;
    if (!isDigit(c)) throw notSure;
    while (i < e && isDigit(b[i]!)) i++;
  }
  if (!wanted) return i;
  // Up to 15 digits without an exponent: digits ÷ 10^places is exact (both are exact doubles and
  // IEEE division rounds correctly), as JSON.parse reads it; anything else by Number().
  if (exponent || digits > 15) numberRead = Number(b.toString('latin1', start, i));
  else {
    const v = places === 0 ? m : m / pow10[places]!;
    numberRead = negative ? -v : v;
  }
  return i;
}

/** The position after the literal `word` at i. */
export function literal(b: Uint8Array, i: number, e: number, word: Uint8Array): number {
  if (i + word.length > e) throw notSure;
  for (let k = 0; k < word.length; k++) if (b[i + k] !== word[k]) throw notSure;
  return i + word.length;
}

export const TRUE = Buffer.from('true');
export const FALSE = Buffer.from('false');
export const NULL = Buffer.from('null');

/** The position after the value at i, its grammar checked. */
export function skip(b: Buffer, i: number, e: number, depth: number): number {
  const c = i < e ? b[i]! : -1;
  if (c === 0x22) return stringEnd(b, i, e) + 1;
  if (c === 0x7b || c === 0x5b) {
    if (depth > maxDepth) throw notSure;
    const close = c + 2; // } and ] follow { and [ by two
    i = ws(b, i + 1, e);
    if (i < e && b[i] === close) return i + 1;
    for (;;) {
      if (close === 0x7d) {
        if (i >= e || b[i] !== 0x22) throw notSure;
        i = ws(b, stringEnd(b, i, e) + 1, e);
        if (i >= e || b[i] !== 0x3a) throw notSure;
        i = ws(b, i + 1, e);
      }
      i = ws(b, skip(b, i, e, depth + 1), e);
      const d = i < e ? b[i]! : -1;
      if (d === close) return i + 1;
      if (d !== 0x2c) throw notSure;
      i = ws(b, i + 1, e);
    }
  }
  if (c === 0x2d || isDigit(c)) return readNumber(b, i, e, false);
  if (c === 0x74) return literal(b, i, e, TRUE);
  if (c === 0x66) return literal(b, i, e, FALSE);
  if (c === 0x6e) return literal(b, i, e, NULL);
  throw notSure;
}

// Making a string costs more than scanning its bytes, and most recur (systems, codes, units,
// statuses, the patient's reference, a panel's date): short ASCII strings are kept in a table by a
// hash of their bytes, and a string found there with the same bytes is used again.
const internBits = 12;
const interned: string[] = new Array(1 << internBits).fill('');
const internMax = 64;

function sameBytes(s: string, b: Uint8Array, from: number): boolean {
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) !== b[from + k]) return false;
  return true;
}

/** The string of ASCII bytes [from, to), the same string as last time when it recurs. */
export function asciiString(b: Buffer, from: number, to: number): string {
  const n = to - from;
  if (n > internMax || n === 0) return n === 0 ? '' : b.toString('latin1', from, to);
  // A hash of the length and five bytes: the full comparison below decides anyway.
  const h = Math.imul(n ^ (b[from]! << 8) ^ (b[from + (n >> 1)]! << 16) ^ (b[to - 1]! << 24) ^ b[Math.max(from, to - 2)]! ^ (b[from + (n >> 2)]! << 4), 0x9e3779b1);
  const slot = h >>> (32 - internBits);
  const held = interned[slot]!;
  if (held.length === n && sameBytes(held, b, from)) return held;
  const made = b.toString('latin1', from, to);
  interned[slot] = made;
  return made;
}

/**
 * The keys of one kind of object, matched by their bytes: each key's number (listed keys by their
 * index in `names`, others numbered as met, up to a bound), or -1. The lines of an export repeat
 * their keys in one order, so the key that followed a key last time is checked first, by its bytes
 * alone; else a table by length and end bytes, then a full comparison.
 */
export class KeyTable {
  private readonly slots: Int16Array = new Int16Array(256).fill(-1);
  private readonly bytes: Uint8Array[] = [];
  /** The key that followed key k last time (-1: none known), and the first key last time. */
  private readonly after = new Int16Array(keysKept).fill(-1);
  private first = -1;

  constructor(names: readonly string[]) {
    for (const name of names) this.add(copyOf(Buffer.from(name, 'latin1'), 0, name.length));
  }

  private static hash(n: number, first: number, last: number): number {
    return (n * 31 + first * 7 + last * 3) & 255;
  }

  private add(bytes: Uint8Array): number {
    const id = this.bytes.length;
    this.bytes.push(bytes);
    let h = KeyTable.hash(bytes.length, bytes[0] ?? 0, bytes[bytes.length - 1] ?? 0);
    while (this.slots[h] !== -1) h = (h + 1) & 255;
    this.slots[h] = id;
    return id;
  }

  private find(b: Uint8Array, from: number, to: number): number {
    const n = to - from;
    for (let h = KeyTable.hash(n, n === 0 ? 0 : b[from]!, n === 0 ? 0 : b[to - 1]!); ; h = (h + 1) & 255) {
      const id = this.slots[h]!;
      if (id === -1) break;
      const k = this.bytes[id]!;
      if (k.length !== n) continue;
      let j = 0;
      while (j < n && b[from + j] === k[j]) j++;
      if (j === n) return id;
    }
    return this.bytes.length < keysKept ? this.add(copyOf(b, from, to)) : -1;
  }

  /**
   * The key whose opening quote is at i, after key `previous` of the same object (-1: the first):
   * its number goes to `keyRead`; returns the position after its closing quote. A key with an
   * escape, a control or a non-ASCII byte is not sure (an escaped key may spell a listed one).
   */
  read(b: Uint8Array, i: number, e: number, previous: number): number {
    if (i >= e || b[i] !== 0x22) throw notSure;
    const expected = previous < 0 ? this.first : this.after[previous]!;
    if (expected >= 0) {
      const k = this.bytes[expected]!;
      const n = k.length;
      if (i + n + 1 < e && b[i + n + 1] === 0x22) {
        let j = 0;
        while (j < n && b[i + 1 + j] === k[j]) j++;
        if (j === n) {
          keyRead = expected;
          return i + n + 2;
        }
      }
    }
    const close = plainEnd(b, i, e);
    const id = this.find(b, i + 1, close);
    if (previous < 0) this.first = id;
    else this.after[previous] = id;
    keyRead = id;
    return close + 1;
  }
}

/** A copy of bytes [from, to) (a loop: subarray or slice of a Buffer make a Buffer, slowly). */
export function copyOf(b: Uint8Array, from: number, to: number): Uint8Array {
  const out = new Uint8Array(to - from);
  for (let j = 0; j < out.length; j++) out[j] = b[from + j]!;
  return out;
}

/** Keys numbered per table: the listed ones and the first others met. */
const keysKept = 64;
/** The number of the key KeyTable.read last read. */
export let keyRead = -1;

/** Whether bytes [from, to) spell `s` (ASCII). */
export function spells(b: Uint8Array, from: number, to: number, s: string): boolean {
  if (to - from !== s.length) return false;
  for (let k = 0; k < s.length; k++) if (b[from + k] !== s.charCodeAt(k)) return false;
  return true;
}
