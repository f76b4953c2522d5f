// What every leaf evaluator receives, and the small constructors of its results. A leaf returns a
// NodeResult: met / not-met with a reason and the evidence, or unknown with what is missing.
import type { Protocol } from '../protocol/schema.ts';
import type { DecidedCode, MissingCode } from './codes.ts';
import type { Evidence, Missing, NodeResult, Reason } from './criterion-result.ts';
import { addDays, datePart, dayNumber } from './dates.ts';
import type { PatientRecord } from './patient-record.ts';
import { Tri } from './tri.ts';

export interface EvalContext {
  readonly protocol: Protocol;
  readonly record: PatientRecord;
  /** The screening date (YYYY-MM-DD): the reference date of every criterion. */
  readonly asOf: string;
  readonly asOfDay: number;
  /** Labs older than this many days before `asOf` are stale (protocol `screening.windowDays`). */
  readonly windowDays: number;
}

type ReasonParams = NonNullable<Reason['params']>;
type MissingParams = NonNullable<Missing['params']>;

/**
 * Builds the context. Arrays the schema defaults are defaulted again here, so that a record built in
 * code without `PatientRecord.parse` still evaluates rather than throwing.
 */
export function makeContext(protocol: Protocol, record: PatientRecord, asOf: string): EvalContext {
  const day = datePart(asOf);
  // Object.assign, not a spread followed by fields: the same record without V8's slow path (combine.ts).
  const defaulted = Object.assign({}, record, {
    observations: record.observations ?? [],
    conditions: record.conditions ?? [],
    medications: record.medications ?? [],
    procedures: record.procedures ?? [],
    answers: record.answers ?? [],
  });
  return {
    protocol,
    record: defaulted,
    asOf: day,
    asOfDay: dayNumber(day),
    windowDays: protocol.screening?.windowDays ?? 28,
  };
}

/** The first day of a look-back of `days` days ending on the screening date (both inclusive). */
export const windowStart = (ctx: EvalContext, days: number): string => addDays(ctx.asOf, -days);

/** Not after the screening date: a value dated later is never used. */
export const notAfterAsOf = (ctx: EvalContext, date: string): boolean => dayNumber(date) <= ctx.asOfDay;

export const missing = (item: string, code: MissingCode, params: MissingParams = {}): Missing => ({ item, code, params });

export function decided(status: typeof Tri.met | typeof Tri.notMet, code: DecidedCode, params: ReasonParams, evidence: readonly Evidence[]): NodeResult {
  return { status, reason: { code, params }, evidence, missing: [] };
}

export const met = (code: DecidedCode, params: ReasonParams, evidence: readonly Evidence[] = []): NodeResult => decided(Tri.met, code, params, evidence);

export const notMet = (code: DecidedCode, params: ReasonParams, evidence: readonly Evidence[] = []): NodeResult =>
  decided(Tri.notMet, code, params, evidence);

/** Unknown: the reason is the first missing item's code, with its parameters and the item. */
export function unknown(missingItems: readonly Missing[], evidence: readonly Evidence[] = []): NodeResult {
  const first = missingItems[0];
  const reason: Reason = first ? { code: first.code, params: Object.assign({ item: first.item }, first.params) } : { code: 'no_result', params: {} };
  return { status: Tri.unknown, reason, evidence, missing: missingItems };
}

/** Normalises an agent name as the FHIR adapter's code tables do (NFKC, lower case, single spaces). */
export const agentKey = (name: string): string => name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** Picks the latest by date (then by full date-time text, then by position in the record). */
export function latestBy<T>(items: readonly T[], dateOf: (item: T) => string | undefined): T | undefined {
  let best: T | undefined;
  let bestKey: [number, string] | undefined;
  for (const item of items) {
    const date = dateOf(item);
    const key: [number, string] = date === undefined ? [Number.NEGATIVE_INFINITY, ''] : [dayNumber(date), date];
    if (!bestKey || key[0] > bestKey[0] || (key[0] === bestKey[0] && key[1] >= bestKey[1])) {
      best = item;
      bestKey = key;
    }
  }
  return best;
}
