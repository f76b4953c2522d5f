// Picking the observation a criterion reads, and reading it. The rule (rules.ts header): the most
// recent value dated within the screening window, i.e. from `asOf − windowDays` to `asOf`, both
// inclusive. A value dated after the screening date is never used. When only older values exist the
// criterion is unknown with `result_too_old`, naming that value's date and the window, because a
// repeat test settles it. The most recent value is used even when it is unusable (unknown unit):
// falling back to an older value could hide a change, so the criterion is unknown instead.
import { type Analyte, convert, findUnit } from '../units/index.ts';
import { MissingCode } from './codes.ts';
import type { Evidence, Missing } from './criterion-result.ts';
import { datePart, dayNumber } from './dates.ts';
import { type EvalContext, missing, windowStart } from './context.ts';
import { convertedValue } from './conversions.ts';
import type { ObservationFact, ObservationFeature } from './patient-record.ts';
import { tidied } from './tidied.ts';

export type Pick<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly missing: Missing };

export const found = <T>(value: T): Pick<T> => ({ ok: true, value });
export const lacking = <T>(m: Missing): Pick<T> => ({ ok: false, missing: m });

/** Observations of a feature dated on or before the screening date. */
export function observationsOf(ctx: EvalContext, feature: ObservationFeature): readonly ObservationFact[] {
  return ctx.index.observations(feature);
}

/** The most recent observation in the window, or why there is none. */
export function latestInWindow(
  ctx: EvalContext,
  feature: ObservationFeature,
  lookbackDays: number | undefined,
  candidates: readonly ObservationFact[] = observationsOf(ctx, feature),
): Pick<ObservationFact> {
  const days = lookbackDays ?? ctx.windowDays;
  const from = windowStart(ctx, days);
  const fromDay = dayNumber(from);
  // latestBy over the results in the window and over all of them, in one pass and without a key
  // per result: by day, then date-time text, then the later in the record.
  let latest: ObservationFact | undefined;
  let latestDay = 0;
  let older: ObservationFact | undefined;
  let olderDay = 0;
  for (const o of candidates) {
    const day = dayNumber(o.date);
    if (day >= fromDay && (latest === undefined || day > latestDay || (day === latestDay && o.date >= latest.date))) {
      latest = o;
      latestDay = day;
    }
    if (older === undefined || day > olderDay || (day === olderDay && o.date >= older.date)) {
      older = o;
      olderDay = day;
    }
  }
  if (latest) return found(latest);
  if (older) return lacking(missing(feature, MissingCode.resultTooOld, { date: datePart(older.date), windowDays: days, from, source: older.source }));
  return lacking(missing(feature, MissingCode.noResultInWindow, { windowDays: days, from, to: ctx.asOf }));
}

/** Which analyte's mass/molar factor a feature converts with (units/unit-table.ts). */
export function analyteOf(feature: ObservationFeature): Analyte | undefined {
  if (feature === 'creatinine' || feature === 'bilirubin' || feature === 'hemoglobin') return feature;
  return undefined;
}

/** Why a received value cannot be read as a number, or the number in `unit`. */
export function quantityIn(fact: ObservationFact, unit: string): Pick<number> {
  const v = fact.value;
  if (v.kind === 'quantity' && findUnit(unit)) {
    // The same unit text converts to the value itself (convert: same unit code).
    if (v.quantity.unit === unit) return found(v.quantity.value);
    const value = convertedValue(v.quantity.value, v.quantity.unit, unit, analyteOf(fact.feature));
    if (value !== undefined) return found(value);
  }
  const date = datePart(fact.date);
  const source = fact.source;
  if (v.kind === 'unusable') return lacking(missing(fact.feature, v.problem.code, { date, source, detail: v.problem.detail ?? null }));
  if (v.kind !== 'quantity') return lacking(missing(fact.feature, MissingCode.unexpectedValueKind, { date, source, kind: v.kind }));
  if (!findUnit(unit)) return lacking(missing(fact.feature, MissingCode.unknownUnit, { date, source, unit }));
  const converted = convert(v.quantity, unit, { analyte: analyteOf(fact.feature) });
  if (converted.ok) return found(converted.value.value);
  const code = converted.issues[0]?.code === MissingCode.unknownUnit ? MissingCode.unknownUnit : MissingCode.incompatibleUnit;
  return lacking(missing(fact.feature, code, { date, source, unit: v.quantity.unit, expected: unit }));
}

/**
 * A threshold expressed in the unit the value was reported in, for the evidence's `compared` text
 * (criterion-result.ts: "the threshold it was compared with, in the same unit").
 */
export function thresholdInReportedUnit(fact: ObservationFact, threshold: number, unit: string): { value: number; unit: string } {
  if (fact.value.kind !== 'quantity') return { value: threshold, unit };
  const reported = fact.value.quantity.unit;
  if (!findUnit(reported) || !findUnit(unit)) return { value: threshold, unit };
  const back = reported === unit ? threshold : convertedValue(threshold, unit, reported, analyteOf(fact.feature));
  return back !== undefined ? { value: tidied(back), unit: reported } : { value: threshold, unit };
}

/**
 * The fact as evidence: the value as reported, with its unit, date and source, in this field order.
 * Literals, not `{ ...base, value }`: V8 in Node 20 builds an object spread followed by more fields
 * on a slow path, measured at ~3 µs here, and pre-screening makes this for every lab it reads.
 */
export function observationEvidence(fact: ObservationFact, compared?: string): Evidence {
  const v = fact.value;
  const item = fact.feature;
  const date = datePart(fact.date);
  const source = fact.source;
  const value = v.kind === 'quantity' ? v.quantity.value : v.kind === 'titer' ? `1:${v.dilution}` : v.kind === 'coded' ? v.result : null;
  if (v.kind === 'quantity') {
    const unit = v.quantity.unit;
    return compared === undefined ? { item, date, source, value, unit } : { item, date, source, compared, value, unit };
  }
  return compared === undefined ? { item, date, source, value } : { item, date, source, compared, value };
}
