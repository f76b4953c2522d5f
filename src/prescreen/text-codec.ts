// Dates and resource references packed by their digits. FHIR dates are fixed-width digit fields,
// so `2026-11-20T09:13:00+08:00` becomes three small integers and a flag byte (7 bytes, not 25),
// and `Observation/4200017` a type symbol and an integer. Anything outside these shapes is kept as
// text, so every string comes back exactly as it went in.
import type { Reader, Writer } from './binary.ts';

// Flag bits of a packed date. 0 means "not packed: text follows".
const packed = 1;
const hasTime = 2;
const hasSeconds = 4;
const hasFraction = 8;
const zoneZ = 16;
const zonePlus = 32;
const zoneMinus = 64;

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The number of `count` digits at `at`, or -1. Char codes, not a regex: this runs for every kept fact. */
function digits(s: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Packs `dddd-dd-dd[Tdd:dd[:dd[.d+]][Z|±dd:dd]]` by its digit fields; returns false for anything else. */
function packDate(w: Writer, s: string): boolean {
  const n = s.length;
  const ymd = n >= 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45 ? digits(s, 0, 4) * 10_000 + digits(s, 5, 2) * 100 + digits(s, 8, 2) : -1;
  if (ymd < 0 || digits(s, 0, 4) < 0 || digits(s, 5, 2) < 0 || digits(s, 8, 2) < 0) return false;
  if (n === 10) {
    w.byte(packed);
    w.uint(ymd);
    return true;
  }
  if (s.charCodeAt(10) !== 84 || n < 16 || s.charCodeAt(13) !== 58) return false;
  const hh = digits(s, 11, 2);
  const mi = digits(s, 14, 2);
  if (hh < 0 || mi < 0) return false;
  let at = 16;
  let ss = -1;
  if (s.charCodeAt(at) === 58) {
    ss = digits(s, at + 1, 2);
    if (ss < 0) return false;
    at += 3;
  }
  let fractionEnd = at;
  if (ss >= 0 && s.charCodeAt(at) === 46) {
    fractionEnd = at + 1;
    while (fractionEnd < n && digits(s, fractionEnd, 1) >= 0) fractionEnd++;
    if (fractionEnd === at + 1 || fractionEnd - at > 10) return false;
  }
  let flags = packed | hasTime | (ss >= 0 ? hasSeconds : 0) | (fractionEnd > at ? hasFraction : 0);
  let zone = -1;
  const z = s.charCodeAt(fractionEnd);
  if (fractionEnd === n) {
    // no zone
  } else if (z === 90 && fractionEnd + 1 === n) flags |= zoneZ;
  else if ((z === 43 || z === 45) && fractionEnd + 6 === n && s.charCodeAt(fractionEnd + 3) === 58) {
    const zh = digits(s, fractionEnd + 1, 2);
    const zm = digits(s, fractionEnd + 4, 2);
    if (zh < 0 || zm < 0) return false;
    zone = zh * 100 + zm;
    flags |= z === 43 ? zonePlus : zoneMinus;
  } else return false;
  w.byte(flags);
  w.uint(ymd);
  w.uint(hh * 100 + mi);
  if (ss >= 0) w.byte(ss);
  if (fractionEnd > at) w.text(s.slice(at, fractionEnd));
  if (zone >= 0) w.uint(zone);
  return true;
}

// The results of one panel share their date: the last date's bytes are reused (a string compare
// is cheaper than reading the digits again).
let lastDate = '';
const lastBytes = new Uint8Array(32);
let lastLength = 0;

export function writeDate(w: Writer, date: string): void {
  if (date === lastDate) {
    for (let i = 0; i < lastLength; i++) w.byte(lastBytes[i]!);
    return;
  }
  const start = w.length;
  if (!packDate(w, date)) {
    w.byte(0);
    w.text(date);
  }
  lastLength = w.length - start;
  if (lastLength <= lastBytes.length) {
    lastBytes.set(w.view.subarray(start, w.length));
    lastDate = date;
  } else lastDate = '';
}

export function readDate(r: Reader): string {
  const flags = r.byte();
  if (flags === 0) return r.text();
  const ymd = r.uint();
  const y = Math.floor(ymd / 10_000);
  let out = `${String(y).padStart(4, '0')}-${two(Math.floor(ymd / 100) % 100)}-${two(ymd % 100)}`;
  if (flags & hasTime) {
    const hm = r.uint();
    out += `T${two(Math.floor(hm / 100))}:${two(hm % 100)}`;
    if (flags & hasSeconds) out += `:${two(r.byte())}`;
    if (flags & hasFraction) out += r.text();
    if (flags & zoneZ) out += 'Z';
    else if (flags & (zonePlus | zoneMinus)) {
      const z = r.uint();
      out += `${flags & zonePlus ? '+' : '-'}${two(Math.floor(z / 100))}:${two(z % 100)}`;
    }
  }
  return out;
}

/** The id after the slash as a number when it is a canonical decimal (no leading zero, ≤ 15 digits, so exact), else -1. */
function numericId(source: string, from: number): number {
  const n = source.length - from;
  if (n < 1 || n > 15 || (n > 1 && source.charCodeAt(from) === 48)) return -1;
  return digits(source, from, n);
}

let lastType = '';

/** `Type/id`: the type as a symbol, the id as an integer when it is one, else as text. */
export function writeSource(w: Writer, source: string): void {
  const slash = source.indexOf('/');
  const id = slash > 0 ? numericId(source, slash + 1) : -1;
  if (id >= 0) {
    // The type is the same for every fact of a file: compare before slicing.
    if (!(lastType.length === slash && source.startsWith(lastType))) lastType = source.slice(0, slash);
    w.uint(1);
    w.symbol(lastType);
    w.uint(id);
    return;
  }
  w.uint(0);
  w.text(source);
}

export function readSource(r: Reader): string {
  if (r.uint() === 0) return r.text();
  const type = r.symbol();
  return `${type}/${r.uint()}`;
}
