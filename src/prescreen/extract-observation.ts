// An Observation's facts read straight from its NDJSON bytes, for the shape nearly every lab result
// has: a status, a coded test, a subject, effectiveDateTime and a valueQuantity with or without a
// reference range. Three resources in four of an export are Observations. No object is built per
// field, strings are made only for what a fact holds (the one read at the same place last time when
// the bytes are the same, else interned: systems, units, references and dates recur), and a
// reference range met before for the same test is compared rather than scanned (byte-memo.ts), its
// limits worked out once. Measured in one process on the benchmark export's results: ~0.7 of the
// time of the sparse reader + resourceFacts.
//
// It gives what resourceFacts gives for JSON.parse of the line (observation.ts, observation-value.ts,
// observation-range.ts, spo2-room-air.ts) or nothing at all: every byte is checked against the JSON
// grammar, and anything else — another value[x], a date that is not a full date, a comparator,
// pregnancy status, a key given twice or escaped, any issue the general path would raise — is
// `notSure`, and the caller takes the general path. The value and its limits come from
// observation-value.ts and observation-range.ts themselves, an SpO2's room air from
// spo2-room-air.ts (its components parsed alone); the choice of the test's coding repeats
// observation.ts bestMapping. extract.test.ts holds this to the general path on generated and
// mutated resources. A line read here that gave one quantity result becomes a template for the
// lines like it (extract-template.ts).
import type { ObservationFact } from '../domain/eligibility/patient-record.ts';
import type { CodeRole } from '../fhir/code-tables-schema.ts';
import type { CodeTables, ObservationMapping } from '../fhir/code-tables-types.ts';
import { noFacts, type ResourceFacts } from '../fhir/fact.ts';
import { isFullDate, type Json, Sink } from '../fhir/fhir-read.ts';
import { type Limits, readLimits } from '../fhir/observation-range.ts';
import { readObservationValue, type ValueUnit } from '../fhir/observation-value.ts';
import { onRoomAir } from '../fhir/spo2-room-air.ts';
import { KeyTable, notSure, numberRead, readNumber, skip, ws } from './json-bytes.ts';
import { ByteMemo, deepFreeze, frozenParse } from './byte-memo.ts';
import { end, keyId, member, next, open, str, text } from './extract-scan.ts';
import { datePlace, found, forgetFound, referencePlace, type TemplateFact } from './extract-template.ts';

const K = { resourceType: 0, id: 1, status: 2, code: 3, subject: 4, effectiveDateTime: 5, valueQuantity: 6, referenceRange: 7, component: 8 } as const;
/** The other members observation-value.ts reads, numbered after K's. */
const otherValues = ['valueCodeableConcept', 'valueRatio', 'valueString', 'valueInteger', 'valueBoolean', 'valueRange', 'valueSampledData', 'valueTime', 'valueDateTime', 'valuePeriod', 'dataAbsentReason'];
const firstOther = K.component + 1;
const lastOther = K.component + otherValues.length;
const keys = new KeyTable([...Object.keys(K), ...otherValues]);
const otherFrom = new Int32Array(lastOther + 1);
const otherTo = new Int32Array(lastOther + 1);
const quantityKeys = new KeyTable(['value', 'unit', 'code', 'comparator']);
const conceptKeys = new KeyTable(['coding']);
const codingKeys = new KeyTable(['system', 'code']);
const referenceKeys = new KeyTable(['reference']);

/** observation.ts: statuses whose result is not used, and the role ranking of codings. */
const ignoredStatuses = new Set(['entered-in-error', 'cancelled']);
const roleRank: Readonly<Record<CodeRole, number>> = { primary: 0, alternate: 1, lowPreference: 2, deprecated: 3 };

/** Places of the strings read (extract-scan.ts str): the resource's id is not kept, ids do not recur. */
const S = { id: -1, status: 1, system: 2, code: 3, reference: referencePlace, date: datePlace, unit: 6, unitCode: 7 } as const;

// One line's fields, reset per line.
let id: string | undefined;
let status: string | undefined;
let reference: string | undefined;
let date: string | undefined;
let quantity: Json | undefined;
let mapping: ObservationMapping | undefined;
let pregnancy = false;
let ranges: unknown;

const maxCodings = 8;
const systems: (string | undefined)[] = new Array(maxCodings).fill(undefined);
const codes: (string | undefined)[] = new Array(maxCodings).fill(undefined);

/** valueQuantity, with the fields quantityValue reads as JSON.parse gives them; a comparator is not sure. */
function readQuantity(b: Buffer, i: number, e: number): number {
  const q: { value?: number; unit?: string; code?: string } = {};
  let k = -1;
  for (let at = open(b, i, e); at >= 0; at = next(b, i, e)) {
    i = member(b, at, e, quantityKeys, k);
    k = keyId;
    if (k === 0) {
      const c = b[i]!;
      if (c !== 0x2d && !(c >= 0x30 && c <= 0x39)) throw notSure;
      found[6] = i;
      i = readNumber(b, i, e, true);
      found[7] = i;
      q.value = numberRead;
    } else if (k === 1 || k === 2) {
      i = str(b, i, e, k === 1 ? S.unit : S.unitCode);
      if (k === 1) q.unit = text;
      else q.code = text;
    } else if (k === 3) throw notSure;
    else i = skip(b, i, e, 2);
  }
  quantity = q;
  return end;
}

/** One coding's system and code (plain strings; anything else is not sure). */
function readCoding(b: Buffer, i: number, e: number, n: number): number {
  systems[n] = undefined;
  codes[n] = undefined;
  let k = -1;
  for (let at = open(b, i, e); at >= 0; at = next(b, i, e)) {
    i = member(b, at, e, codingKeys, k);
    k = keyId;
    if (k === 0 || k === 1) {
      i = str(b, i, e, k === 0 ? S.system : S.code);
      if (k === 0) systems[n] = text;
      else codes[n] = text;
    } else i = skip(b, i, e, 4);
  }
  return end;
}

/** The test's best mapped coding (observation.ts bestMapping), and whether pregnancy status maps. */
function readCode(b: Buffer, i: number, e: number, tables: CodeTables): number {
  let n = 0;
  let k = -1;
  let coding = false;
  for (let at = open(b, i, e); at >= 0; at = next(b, i, e)) {
    i = member(b, at, e, conceptKeys, k);
    k = keyId;
    if (k !== 0) {
      i = skip(b, i, e, 2);
      continue;
    }
    if (coding || i >= e || b[i] !== 0x5b) throw notSure;
    coding = true;
    i = ws(b, i + 1, e);
    if (i < e && b[i] === 0x5d) {
      i++;
      continue;
    }
    for (;;) {
      if (n === maxCodings) throw notSure;
      i = ws(b, readCoding(b, i, e, n++), e);
      const d = i < e ? b[i]! : -1;
      if (d === 0x5d) {
        i++;
        break;
      }
      if (d !== 0x2c) throw notSure;
      i = ws(b, i + 1, e);
    }
  }
  for (let c = 0; c < n; c++) {
    const s = systems[c];
    const code = codes[c];
    if (s === undefined || code === undefined) continue;
    const found = tables.observations.get(s)?.get(code);
    if (found && (!mapping || roleRank[found.role] < roleRank[mapping.role])) mapping = found;
    if (tables.pregnancyObservations.get(s)?.get(code)) pregnancy = true;
  }
  return end;
}

function readSubject(b: Buffer, i: number, e: number): number {
  let k = -1;
  for (let at = open(b, i, e); at >= 0; at = next(b, i, e)) {
    i = member(b, at, e, referenceKeys, k);
    k = keyId;
    if (k === 0) {
      found[2] = i + 1;
      i = str(b, i, e, S.reference);
      found[3] = i - 1;
      reference = text;
    } else i = skip(b, i, e, 2);
  }
  return end;
}

/** A reference range's value, and the limits last worked out from it for a unit. */
interface Ranges {
  readonly value: unknown;
  unit: ValueUnit | undefined;
  limits: Limits;
}
/** Per test (its slot), the ranges met: a laboratory's ranges differ by unit system, by sex. */
const heldRanges = new ByteMemo<Ranges>(2048);
const slotOf = new Map<ObservationMapping, number>();
let heldRange: Ranges | undefined;

function readRanges(b: Buffer, i: number, e: number): number {
  let slot = -1;
  if (mapping !== undefined) {
    slot = slotOf.get(mapping) ?? -1;
    if (slot < 0) {
      slot = slotOf.size;
      slotOf.set(mapping, slot);
    }
    const recent = heldRanges.recent(slot, b, i, e);
    if (recent !== undefined) {
      heldRange = recent;
      ranges = recent.value;
      return i + heldRanges.matched;
    }
  }
  const to = skip(b, i, e, 1);
  const found = slot < 0 ? undefined : heldRanges.find(slot, b, i, to);
  if (found !== undefined) heldRange = found;
  else {
    heldRange = { value: frozenParse(b.toString('utf8', i, to)), unit: undefined, limits: {} };
    if (slot >= 0 && heldRanges.keeps(slot, to - i)) heldRanges.keep(slot, b, i, to, heldRange);
  }
  ranges = heldRange.value;
  return to;
}

function sameUnit(a: ValueUnit, u: ValueUnit | undefined): boolean {
  if (u === undefined) return false;
  return 'def' in a ? 'def' in u && u.def === a.def : 'arbitrary' in u && u.arbitrary === a.arbitrary;
}

/** readLimits, worked out once per range and unit (the unit's definition, or its text when it has none). */
function limitsOf(m: ObservationMapping, unit: ValueUnit, tables: CodeTables): Limits {
  const h = heldRange;
  if (h !== undefined && sameUnit(unit, h.unit)) return h.limits;
  sink.issues = undefined;
  const limits = readLimits({ referenceRange: ranges }, unit, tables.featureUnits.get(m.feature), sink);
  if (sink.issues) throw notSure;
  if (h !== undefined) {
    h.unit = unit;
    h.limits = limits;
  }
  return limits;
}

const sink = new Sink([], '');

/** An SpO2's components (checked bytes [from, to)) read by spo2-room-air.ts; an issue there is not sure. */
function componentsRoomAir(b: Buffer, from: number, to: number, tables: CodeTables): boolean | undefined {
  sink.issues = undefined;
  const roomAir = onRoomAir({ component: JSON.parse(b.toString('utf8', from, to)) as Json }, tables, sink);
  if (sink.issues) throw notSure;
  return roomAir;
}

const none: ResourceFacts = { subject: null, facts: noFacts };

/** What the line last read gave, for a template (extract-template.ts): set for one result with a fact. */
export let templateFact: TemplateFact | undefined;

/** The facts of the Observation whose members follow position i (just after resourceType's value). */
export function observationFacts(b: Buffer, i: number, e: number, tables: CodeTables, normalise: (reference: string) => string | null): ResourceFacts {
  id = undefined;
  status = undefined;
  reference = undefined;
  date = undefined;
  quantity = undefined;
  mapping = undefined;
  pregnancy = false;
  ranges = undefined;
  heldRange = undefined;
  templateFact = undefined;
  forgetFound();
  let seen = 0;
  let componentFrom = -1;
  let componentTo = -1;
  let codeSeen = false;
  let k: number = K.resourceType;
  for (let at = next(b, i, e); at >= 0; at = next(b, i, e)) {
    i = member(b, at, e, keys, k);
    k = keyId;
    if (k >= 0 && k <= lastOther) {
      // A key given twice: JSON.parse keeps the last, and a second resourceType changes the type.
      if ((seen & (1 << k)) !== 0 || k === K.resourceType) throw notSure;
      seen |= 1 << k;
    }
    switch (k) {
      case K.id:
        found[0] = i + 1;
        i = str(b, i, e, S.id);
        found[1] = i - 1;
        id = text;
        break;
      case K.status:
        i = str(b, i, e, S.status);
        status = text;
        break;
      case K.code:
        i = readCode(b, i, e, tables);
        codeSeen = true;
        break;
      case K.subject:
        i = readSubject(b, i, e);
        break;
      case K.effectiveDateTime:
        found[4] = i + 1;
        i = str(b, i, e, S.date);
        found[5] = i - 1;
        date = text;
        break;
      case K.valueQuantity:
        i = readQuantity(b, i, e);
        break;
      case K.referenceRange:
        i = readRanges(b, i, e);
        break;
      case K.component:
        componentFrom = i;
        i = skip(b, i, e, 1);
        componentTo = i;
        break;
      default:
        if (k >= firstOther && k <= lastOther) {
          otherFrom[k] = i;
          i = skip(b, i, e, 1);
          otherTo[k] = i;
        } else i = skip(b, i, e, 1);
    }
  }
  if (ws(b, end, e) !== e) throw notSure;

  if (status !== undefined && ignoredStatuses.has(status)) return none;
  if (!codeSeen || (mapping === undefined && !pregnancy)) return none;
  const m = mapping as ObservationMapping | undefined;
  // Pregnancy status becomes a condition (observation.ts pregnancyFact): the general path's.
  if (m === undefined || date === undefined || reference === undefined) throw notSure;
  if (!isFullDate(date)) throw notSure;
  sink.issues = undefined;
  const value: Record<string, Json> = quantity === undefined ? {} : { valueQuantity: quantity };
  // Another value[x] (a coded result, a ratio, a text) is parsed alone, its bytes checked by the scan.
  const others = seen >>> firstOther;
  if (others !== 0) for (let o = firstOther; o <= lastOther; o++) if ((seen & (1 << o)) !== 0) value[otherValues[o - firstOther]!] = JSON.parse(b.toString('utf8', otherFrom[o]!, otherTo[o]!)) as Json;
  const read = readObservationValue(value, m, tables, sink);
  if (read === undefined || sink.issues) throw notSure;
  const source = id === undefined || id === '' ? 'Observation' : `Observation/${id}`;
  const fact: ObservationFact = { feature: m.feature, date, value: read.value, source, code: m.code };
  if (read.unit && ranges !== undefined) {
    const limits = limitsOf(m, read.unit, tables);
    if (limits.lln !== undefined) fact.lln = limits.lln;
    if (limits.uln !== undefined) fact.uln = limits.uln;
  }
  if (m.feature === 'spo2') {
    // spo2-room-air.ts: no component is room air; components say whether oxygen was given.
    const roomAir = componentFrom < 0 ? true : componentsRoomAir(b, componentFrom, componentTo, tables);
    if (roomAir !== undefined) fact.onRoomAir = roomAir;
  }
  const subject = normalise(reference);
  if (subject === null) throw notSure;
  // A template's number is its quantity's value; without a valueQuantity the value is in its bytes.
  if (quantity === undefined) templateFact = { feature: m.feature, code: m.code, value: deepFreeze(read.value), lln: fact.lln, uln: fact.uln, onRoomAir: fact.onRoomAir };
  else if (read.value.kind === 'quantity') templateFact = { feature: m.feature, code: m.code, unit: read.value.quantity.unit, lln: fact.lln, uln: fact.uln, onRoomAir: fact.onRoomAir };
  return { subject, facts: [{ kind: 'observation', fact }] };
}
