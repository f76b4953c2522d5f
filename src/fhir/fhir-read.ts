// Hand-written readers for the few FHIR fields FirstDose uses. The bulk pre-screener maps millions
// of resources, so nothing here parses a whole resource: each reader checks one field, and an issue
// (with its path) is built only when that field is wrong.
import type { Issue, IssuePath, IssueParams } from '../domain/result.ts';

export type Json = Record<string, unknown>;
export type Rel = readonly (string | number)[];

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Collects one resource's issues. Every issue names the resource (`Observation/abc`) and its field. */
export class Sink {
  issues: Issue[] | undefined;
  constructor(
    readonly base: IssuePath,
    readonly resource: string,
  ) {}

  /** How many issues so far: a reader compares before and after to know whether its fields failed. */
  get count(): number {
    return this.issues?.length ?? 0;
  }

  add(rel: Rel, code: string, params: IssueParams = {}): void {
    this.issues ??= [];
    this.issues.push({ path: [...this.base, ...rel], code, params: { resource: this.resource, ...params } });
  }

  wrongType(rel: Rel, expected: string, value: unknown): void {
    this.add(rel, 'invalid_type', { expected, received: describe(value) });
  }
}

/** An optional object field: undefined when absent, an issue when present but not an object. */
export function objectField(parent: Json, key: string, sink: Sink, at: Rel): Json | undefined {
  const v = parent[key];
  if (v === undefined) return undefined;
  if (isObject(v)) return v;
  sink.wrongType([...at, key], 'object', v);
  return undefined;
}

export function arrayField(parent: Json, key: string, sink: Sink, at: Rel): readonly unknown[] | undefined {
  const v = parent[key];
  if (v === undefined) return undefined;
  if (Array.isArray(v)) return v;
  sink.wrongType([...at, key], 'array', v);
  return undefined;
}

export function stringField(parent: Json, key: string, sink: Sink, at: Rel): string | undefined {
  const v = parent[key];
  if (v === undefined) return undefined;
  if (typeof v === 'string') return v;
  sink.wrongType([...at, key], 'string', v);
  return undefined;
}

/** A FHIR decimal: a finite JSON number. */
export function numberField(parent: Json, key: string, sink: Sink, at: Rel): number | undefined {
  const v = parent[key];
  if (v === undefined) return undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'number') sink.add([...at, key], 'not_finite');
  else sink.wrongType([...at, key], 'number', v);
  return undefined;
}

// FHIR dateTime (https://hl7.org/fhir/R4/datatypes.html#dateTime): YYYY, YYYY-MM, YYYY-MM-DD, or a
// full date with a time (hh:mm:ss, fraction, zone). Minutes-only times are accepted as sent. A full
// date is checked character by character, as the pattern
// ^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:T([01]\d|2[0-3]):[0-5]\d(?::(?:[0-5]\d|60)(?:\.\d+)?)?(?:Z|[+-](?:0\d|1[0-4]):[0-5]\d)?)?$
// reads it (fhir-read.test.ts holds them to each other): the regular expression's match array cost
// an allocation per date, and the pre-screener reads over a million dates.
const partialDate = /^\d{4}(?:-(?:0[1-9]|1[0-2]))?$/;

/**
 * Whether the month has that day, as `new Date(Date.UTC(year, month, 0)).getUTCDate()` says, without
 * making a Date (the pre-screener checks millions of dates). Date.UTC reads years 0–99 as 1900–1999.
 */
function dayExists(year: number, month: number, day: number): boolean {
  if (day <= 28) return true;
  const y = year <= 99 ? year + 1900 : year;
  const last = month === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= last;
}

/** The last text found to be a full date: the results of one panel share it. */
let lastFullDate = '';

const digitAt = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
};

/** Two digits at i from `lowest` to `highest`, or -1. */
function twoDigits(s: string, i: number, lowest: number, highest: number): number {
  const a = digitAt(s, i);
  const b = digitAt(s, i + 1);
  if (a < 0 || b < 0) return -1;
  const n = a * 10 + b;
  return n >= lowest && n <= highest ? n : -1;
}

/** A full date or dateTime (the pattern above) of a day that exists. */
export function isFullDate(v: string): boolean {
  const n = v.length;
  if (n < 10 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return false;
  const y0 = digitAt(v, 0);
  const y1 = digitAt(v, 1);
  const y2 = digitAt(v, 2);
  const y3 = digitAt(v, 3);
  if (y0 < 0 || y1 < 0 || y2 < 0 || y3 < 0) return false;
  const month = twoDigits(v, 5, 1, 12);
  const day = twoDigits(v, 8, 1, 31);
  if (month < 0 || day < 0 || !dayExists(y0 * 1000 + y1 * 100 + y2 * 10 + y3, month, day)) return false;
  if (n === 10) return true;
  if (n < 16 || v.charCodeAt(10) !== 84 || v.charCodeAt(13) !== 58 || twoDigits(v, 11, 0, 23) < 0 || twoDigits(v, 14, 0, 59) < 0) return false;
  let p = 16;
  if (v.charCodeAt(p) === 58) {
    if (twoDigits(v, p + 1, 0, 60) < 0) return false;
    p += 3;
    if (v.charCodeAt(p) === 46) {
      p++;
      if (digitAt(v, p) < 0) return false;
      while (digitAt(v, p) >= 0) p++;
    }
  }
  if (p === n) return true;
  const z = v.charCodeAt(p);
  if (z === 90) return p + 1 === n;
  if (z !== 43 && z !== 45) return false;
  return p + 6 === n && twoDigits(v, p + 1, 0, 14) >= 0 && v.charCodeAt(p + 3) === 58 && twoDigits(v, p + 4, 0, 59) >= 0;
}

/**
 * A date or dateTime field as a FirstDose ClinicalDate. A year or year-month is valid FHIR but too
 * imprecise to date a result without guessing the day: `imprecise_date`, unless the caller takes
 * `latestDay` — a diagnosis dated "2015" is then read as 2015-12-31, the reading that can only
 * shorten a disease duration, never lengthen it.
 */
export function dateField(parent: Json, key: string, sink: Sink, at: Rel, options?: { latestDay?: boolean }): string | undefined {
  const v = parent[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') {
    sink.wrongType([...at, key], 'date', v);
    return undefined;
  }
  if (v === lastFullDate) return v;
  if (isFullDate(v)) {
    lastFullDate = v;
    return v;
  }
  if (options?.latestDay && partialDate.test(v)) return lastDayOf(v);
  sink.add([...at, key], partialDate.test(v) ? 'imprecise_date' : 'invalid_date', { value: v });
  return undefined;
}

function lastDayOf(partial: string): string {
  const [year, month] = partial.split('-').map(Number) as [number, number | undefined];
  if (month === undefined) return `${year}-12-31`;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${partial}-${String(last).padStart(2, '0')}`;
}

/** The codings of a CodeableConcept field; malformed shapes are issues, absence is not. */
export function codingsOf(parent: Json, key: string, sink: Sink, at: Rel): readonly unknown[] | undefined {
  const concept = objectField(parent, key, sink, at);
  if (!concept) return undefined;
  const coding = concept['coding'];
  if (coding === undefined || Array.isArray(coding)) return coding;
  sink.wrongType([...at, key, 'coding'], 'array', coding);
  return undefined;
}

/** The first coding (system, code) for which `find` returns a value. */
export function firstMapped<T>(codings: readonly unknown[] | undefined, find: (system: unknown, code: unknown) => T | undefined) {
  if (!codings) return undefined;
  for (let i = 0; i < codings.length; i++) {
    const c = codings[i];
    if (!isObject(c)) continue;
    const found = find(c['system'], c['code']);
    if (found !== undefined) return { value: found, index: i, code: c['code'] as string };
  }
  return undefined;
}

/** A CodeableConcept's plain `code` strings, for status concepts whose system is fixed by FHIR. */
export function conceptHasCode(concept: unknown, codes: ReadonlySet<string>): boolean {
  if (!isObject(concept) || !Array.isArray(concept['coding'])) return false;
  for (const c of concept['coding']) if (isObject(c) && typeof c['code'] === 'string' && codes.has(c['code'])) return true;
  return false;
}

// A patient reference (https://hl7.org/fhir/R4/references.html): relative `Patient/1`, absolute
// `https://host/fhir/Patient/1`, either with `/_history/n`, or a bundle-local `urn:uuid:` that only
// the bundle can resolve.
const patientUrl = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

// A patient's resources come together in an export: the last reference and its reading are kept.
let lastReference = '';
let lastPatient: string | null = null;

/** `Patient/<id>` for any spelling of a patient reference, the urn itself for `urn:`, else null. */
export function normalisePatientReference(reference: string): string | null {
  if (reference === lastReference) return lastPatient;
  lastPatient = readPatientReference(reference);
  lastReference = reference;
  return lastPatient;
}

function readPatientReference(reference: string): string | null {
  if (reference.startsWith('urn:uuid:') || reference.startsWith('urn:oid:')) return reference;
  if (reference.startsWith('Patient/') && !reference.includes('/_history/')) return patientUrl.test(reference) ? reference : null;
  const m = patientUrl.exec(reference);
  return m ? `Patient/${m[1]}` : null;
}

/**
 * The patient a resource is about, from `subject` (or `patient`, for resources that name it so).
 * Undefined when the field is absent; null when it is there but names no patient (an issue).
 */
export function subjectOf(resource: Json, key: string, sink: Sink): string | null | undefined {
  const ref = objectField(resource, key, sink, []);
  if (!ref) return resource[key] === undefined ? undefined : null;
  const text = stringField(ref, 'reference', sink, [key]);
  if (text === undefined) {
    if (ref['reference'] === undefined) sink.add([key, 'reference'], 'required');
    return null;
  }
  const normalised = normalisePatientReference(text);
  if (normalised === null) sink.add([key, 'reference'], 'not_patient_reference', { reference: text });
  return normalised;
}
