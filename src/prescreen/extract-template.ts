// Lab results read by comparing their bytes with a result read before. In an export, the results of
// one test from one laboratory differ only in a few values: the id, the patient's reference, the
// date and the number. Everything else — the status, the category, the coding, the units, the
// reference range, the keys and their order, the spaces — is the same, byte for byte. So a line the
// extractor read (extract-observation.ts) becomes a template: its bytes with those four values cut
// out. A later line is read with the template when its bytes equal the template's outside the four
// values, the strings among them are plain ASCII (no escape, no quote, no control byte) and the
// number is a JSON number: then it is the template's JSON with other values in those places, and its
// facts are the template's with those values. (A result of another kind — a coded result, a ratio,
// a text — has no number cut out: its value is in the bytes compared.) Anything else is left to the
// extractor.
//
// Which template: those whose last bytes (a result's reference range, with its unit) are the line's
// last bytes, found by a hash of them, most recent first. Comparing bytes costs a fraction of
// checking them against the grammar and reading them key by key.
import type { ObservationFact, ObservationValue } from '../domain/eligibility/patient-record.ts';
import type { CodeTables } from '../fhir/code-tables-types.ts';
import type { ResourceFacts } from '../fhir/fact.ts';
import { isFullDate } from '../fhir/fhir-read.ts';
import { placedString } from './extract-scan.ts';
import { notSure, numberRead, plainClose, readNumber } from './json-bytes.ts';

/** The four values a template leaves out: strings (id, reference, date) or the number. */
const Value = { id: 0, reference: 1, date: 2, number: 3 } as const;
type Value = (typeof Value)[keyof typeof Value];

/** Where the extractor found the values of the line it just read: [from, to) of each, -1 when absent. */
export const found = new Int32Array(8);

/** Called by the extractor before each line. */
export function forgetFound(): void {
  found.fill(-1);
}

/** What a template's line gave, apart from its values: a quantity's unit, or a value (frozen) that is all in its bytes. */
export interface TemplateFact {
  readonly feature: ObservationFact['feature'];
  readonly code: string;
  readonly unit?: string;
  readonly value?: ObservationValue;
  readonly lln: number | undefined;
  readonly uln: number | undefined;
  readonly onRoomAir: boolean | undefined;
}

interface Template {
  readonly bytes: Buffer;
  /** Constant segments [starts[k], ends[k]) of bytes, and after segment k (but the last) value kinds[k]. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly kinds: Value[];
  readonly fact: TemplateFact;
}

/** The bytes at the end of a line that choose its templates; a template's last value must end before them. */
const tailBytes = 48;
const perTail = 4;
const maxTemplates = 1024;
/** Segments this long or longer are compared by Buffer#compare (a native call costs ~100 ns). */
const nativeFrom = 96;

let templates = 0;
/** Lines read by a template (tests and benchmarks look at it). */
export let templateReads = 0;
let forTables: CodeTables | undefined;
/** Templates by a hash of their last bytes, most recent first. */
let byTail = new Map<number, Template[]>();

function reset(tables: CodeTables): void {
  forTables = tables;
  templates = 0;
  byTail = new Map();
}

function tailHash(b: Buffer, end: number): number {
  let h = 0x811c9dc5;
  for (let i = end - tailBytes; i < end; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
  return h;
}

function sameBytes(t: Buffer, from: number, to: number, b: Buffer, at: number): boolean {
  const n = to - from;
  if (n >= nativeFrom) return b.compare(t, from, to, at, at + n) === 0;
  for (let j = 0; j < n; j++) if (b[at + j] !== t[from + j]) return false;
  return true;
}

/** The places (extract-scan.ts str) of the reference and date, shared with the extractor: a patient's lines repeat them. */
export const referencePlace = 4;
export const datePlace = 5;
/** The date last found to be a full date. */
let lastFullDate = '';

/**
 * The fact, made whole at once: a literal per set of members (the limits and room air a template
 * has or not) is one allocation, where members added one by one grow the object again.
 */
function factOf(f: TemplateFact, date: string, value: ObservationValue, source: string): ObservationFact {
  const { feature, code, lln, uln, onRoomAir } = f;
  switch ((lln === undefined ? 0 : 1) | (uln === undefined ? 0 : 2) | (onRoomAir === undefined ? 0 : 4)) {
    case 0:
      return { feature, date, value, source, code };
    case 1:
      return { feature, date, value, source, code, lln };
    case 2:
      return { feature, date, value, source, code, uln };
    case 3:
      return { feature, date, value, source, code, lln, uln };
    case 4:
      return { feature, date, value, source, code, onRoomAir };
    case 5:
      return { feature, date, value, source, code, lln, onRoomAir };
    case 6:
      return { feature, date, value, source, code, uln, onRoomAir };
    default:
      return { feature, date, value, source, code, lln, uln, onRoomAir };
  }
}

/** The facts of the line [start, end) read with template t, or undefined when it does not fit. */
function readWith(t: Template, b: Buffer, start: number, end: number, normalise: (reference: string) => string | null): ResourceFacts | undefined {
  const { bytes, starts, ends, kinds } = t;
  let at = start;
  let id: string | undefined;
  let reference = '';
  let date = '';
  let value = 0;
  const last = kinds.length;
  for (let k = 0; ; k++) {
    const from = starts[k]!;
    const to = ends[k]!;
    if (at + (to - from) > end || !sameBytes(bytes, from, to, b, at)) return undefined;
    at += to - from;
    if (k === last) break;
    const kind = kinds[k]!;
    if (kind === Value.number) {
      const c = b[at];
      if (c !== 0x2d && !(c !== undefined && c >= 0x30 && c <= 0x39)) return undefined;
      try {
        at = readNumber(b, at, end, true);
      } catch (error) {
        if (error === notSure) return undefined;
        throw error;
      }
      value = numberRead;
      continue;
    }
    const close = plainClose(b, at, end);
    if (close < 0) return undefined;
    if (kind === Value.id) id = (b as Buffer & { latin1Slice(start: number, end: number): string }).latin1Slice(at, close);
    else if (kind === Value.reference) reference = placedString(b, at, close, referencePlace);
    else date = placedString(b, at, close, datePlace);
    at = close;
  }
  if (at !== end || !Number.isFinite(value)) return undefined;
  if (date !== lastFullDate) {
    if (!isFullDate(date)) return undefined;
    lastFullDate = date;
  }
  const subject = normalise(reference);
  if (subject === null) return undefined;
  const f = t.fact;
  const source = id === undefined || id === '' ? 'Observation' : `Observation/${id}`;
  return { subject, facts: [{ kind: 'observation', fact: factOf(f, date, f.value ?? { kind: 'quantity', quantity: { value, unit: f.unit! } }, source) }] };
}

/** The facts of the lab result on [start, end) when a template fits it, else undefined (the extractor reads it, then `learn`). */
export function readByTemplate(b: Buffer, start: number, end: number, tables: CodeTables, normalise: (reference: string) => string | null): ResourceFacts | undefined {
  if (tables !== forTables) reset(tables);
  if (end - start < tailBytes) return undefined;
  const candidates = byTail.get(tailHash(b, end));
  if (candidates === undefined) return undefined;
  for (let c = 0; c < candidates.length; c++) {
    const t = candidates[c]!;
    const facts = readWith(t, b, start, end, normalise);
    if (facts === undefined) continue;
    if (c > 0) {
      candidates.splice(c, 1);
      candidates.unshift(t);
    }
    templateReads++;
    return facts;
  }
  return undefined;
}

/** Makes the line the extractor just read into a template (its values where `found` says), given what it gave. */
export function learn(b: Buffer, start: number, end: number, fact: TemplateFact): void {
  const spans: Array<{ from: number; to: number; kind: Value }> = [];
  for (const kind of [Value.id, Value.reference, Value.date, Value.number]) {
    const from = found[kind * 2]!;
    const to = found[kind * 2 + 1]!;
    if (from < 0) {
      // The id may be absent (the source is then "Observation"), the number when the value is in the bytes.
      if (kind === Value.id || (kind === Value.number && fact.value !== undefined)) continue;
      return;
    }
    if (kind === Value.number && fact.value !== undefined) return;
    if (kind !== Value.number && plainClose(b, from, end) !== to) return;
    spans.push({ from, to, kind });
  }
  spans.sort((x, y) => x.from - y.from);
  if (spans[spans.length - 1]!.to > end - tailBytes) return;
  if (templates >= maxTemplates) {
    templates = 0;
    byTail = new Map();
  }
  const bytes = Buffer.allocUnsafe(end - start);
  b.copy(bytes, 0, start, end);
  const starts = new Int32Array(spans.length + 1);
  const ends = new Int32Array(spans.length + 1);
  let at = 0;
  spans.forEach((s, k) => {
    starts[k] = at;
    ends[k] = s.from - start;
    at = s.to - start;
  });
  starts[spans.length] = at;
  ends[spans.length] = end - start;
  const t: Template = { bytes, starts, ends, kinds: spans.map((s) => s.kind), fact };
  templates++;
  const hash = tailHash(b, end);
  const list = byTail.get(hash);
  if (list === undefined) byTail.set(hash, [t]);
  else {
    list.unshift(t);
    if (list.length > perTail) list.length = perTail;
  }
}
