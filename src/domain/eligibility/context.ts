// What every leaf evaluator receives, and the small constructors of its results. A leaf returns a
// NodeResult: met / not-met with a reason and the evidence, or unknown with what is missing.
import type { Protocol } from '../protocol/schema.ts';
import type { DecidedCode, MissingCode } from './codes.ts';
import type { Evidence, Missing, NodeResult, Reason } from './criterion-result.ts';
import { addDays, datePart, dayNumber } from './dates.ts';
import type { PatientRecord } from './patient-record.ts';
import { BoundedMap } from '../bounded-map.ts';
import { RecordIndex } from './record-index.ts';
import { Tri } from './tri.ts';

export interface EvalContext {
  readonly protocol: Protocol;
  readonly record: PatientRecord;
  /** The screening date (YYYY-MM-DD): the reference date of every criterion. */
  readonly asOf: string;
  readonly asOfDay: number;
  /** Labs older than this many days before `asOf` are stale (protocol `screening.windowDays`). */
  readonly windowDays: number;
  /** The record's facts grouped as the leaves read them (record-index.ts). */
  readonly index: RecordIndex;
  /**
   * False: met and not-met results carry their reason code only, without parameters or evidence
   * (`brief`). Status and missing items are the same either way: pre-screening rows need only
   * those, and building the evidence was most of an evaluation's cost (domain code stays one code).
   */
  readonly explain: boolean;
}

type ReasonParams = NonNullable<Reason['params']>;
type MissingParams = NonNullable<Missing['params']>;

/**
 * Builds the context. Arrays the schema defaults are defaulted again here, so that a record built in
 * code without `PatientRecord.parse` still evaluates rather than throwing.
 */
export function makeContext(protocol: Protocol, record: PatientRecord, asOf: string, explain = true): EvalContext {
  const day = datePart(asOf);
  // Object.assign, not a spread followed by fields: the same record without V8's slow path (combine.ts).
  // A record with every array (parsed, or built by the FHIR adapter) is used as it is.
  const complete = record.observations && record.conditions && record.medications && record.procedures && record.answers;
  const defaulted = complete ? record : Object.assign({}, record, {
    observations: record.observations ?? [],
    conditions: record.conditions ?? [],
    medications: record.medications ?? [],
    procedures: record.procedures ?? [],
    answers: record.answers ?? [],
  });
  const asOfDay = dayNumber(day);
  return {
    protocol,
    record: defaulted,
    asOf: day,
    asOfDay,
    windowDays: protocol.screening?.windowDays ?? 28,
    index: new RecordIndex(defaulted, asOfDay),
    explain,
  };
}

// Window starts of the current screening date: a pre-screen asks for the same few for every patient.
let startsOf = '';
const starts = new BoundedMap<number, string>(64);

/** The first day of a look-back of `days` days ending on the screening date (both inclusive). */
export function windowStart(ctx: EvalContext, days: number): string {
  if (ctx.asOf !== startsOf) {
    starts.clear();
    startsOf = ctx.asOf;
  }
  let start = starts.get(days);
  if (start === undefined) {
    start = addDays(ctx.asOf, -days);
    starts.set(days, start);
  }
  return start;
}

/** Not after the screening date: a value dated later is never used. */
export const notAfterAsOf = (ctx: EvalContext, date: string): boolean => dayNumber(date) <= ctx.asOfDay;

export const missing = (item: string, code: MissingCode, params: MissingParams = {}): Missing => ({ item, code, params });

export function decided(status: typeof Tri.met | typeof Tri.notMet, code: DecidedCode, params: ReasonParams, evidence: readonly Evidence[]): NodeResult {
  return { status, reason: { code, params }, evidence, missing: [] };
}

export const met = (code: DecidedCode, params: ReasonParams, evidence: readonly Evidence[] = []): NodeResult => decided(Tri.met, code, params, evidence);

export const notMet = (code: DecidedCode, params: ReasonParams, evidence: readonly Evidence[] = []): NodeResult =>
  decided(Tri.notMet, code, params, evidence);

const none: readonly never[] = Object.freeze([]);
const briefs = { [Tri.met]: new Map<string, NodeResult>(), [Tri.notMet]: new Map<string, NodeResult>() };

/** A met or not-met result as a context that does not explain gives it: its reason code only (one object per code). */
export function brief(status: typeof Tri.met | typeof Tri.notMet, code: DecidedCode): NodeResult {
  let r = briefs[status].get(code);
  if (r === undefined) {
    r = Object.freeze({ status, reason: Object.freeze({ code }), evidence: none, missing: none });
    briefs[status].set(code, r);
  }
  return r;
}

/** Unknown: the reason is the first missing item's code, with its parameters and the item. */
export function unknown(missingItems: readonly Missing[], evidence: readonly Evidence[] = []): NodeResult {
  const first = missingItems[0];
  const reason: Reason = first ? { code: first.code, params: Object.assign({ item: first.item }, first.params) } : { code: 'no_result', params: {} };
  return { status: Tri.unknown, reason, evidence, missing: missingItems };
}

// Agent names recur across patients (a handful of drugs), and NFKC normalisation is not cheap.
const agentKeys = new BoundedMap<string, string>(4096);

/** Normalises an agent name as the FHIR adapter's code tables do (NFKC, lower case, single spaces). */
export function agentKey(name: string): string {
  let key = agentKeys.get(name);
  if (key === undefined) {
    key = name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
    agentKeys.set(name, key);
  }
  return key;
}

/** Picks the latest by date (then by full date-time text, then by position in the record). */
export function latestBy<T>(items: readonly T[], dateOf: (item: T) => string | undefined): T | undefined {
  let best: T | undefined;
  let found = false;
  let bestDay = 0;
  let bestText = '';
  for (const item of items) {
    const date = dateOf(item);
    const day = date === undefined ? Number.NEGATIVE_INFINITY : dayNumber(date);
    const text = date ?? '';
    if (!found || day > bestDay || (day === bestDay && text >= bestText)) {
      best = item;
      found = true;
      bestDay = day;
      bestText = text;
    }
  }
  return best;
}
