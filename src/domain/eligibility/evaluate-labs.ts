// Numeric laboratory leaves: a value against a fixed threshold (`lab`), against a multiple of its
// ULN/LLN (`lab-vs-limit`), and SpO2 on room air. Values are converted to the criterion's unit with
// the analyte's factor (units/unit-table.ts), so 34.2 µmol/L bilirubin is exactly 2.0 mg/dL and
// 8.0 g/dL haemoglobin exactly 80 g/L (domain.md §6.3).
import { DecidedCode, MissingCode } from './codes.ts';
import { brief, decided, type EvalContext, latestBy, missing, unknown } from './context.ts';
import type { NodeResult } from './criterion-result.ts';
import { datePart, dayNumber } from './dates.ts';
import { compare, failsLow, type LeafOf, limitFor } from './limits.ts';
import { tidied } from './tidied.ts';
import { latestInWindow, observationEvidence, observationsOf, quantityIn, thresholdInReportedUnit } from './observations.ts';
import type { ObservationFact } from './patient-record.ts';
import type { Comparison } from './rules.ts';
import { Tri } from './tri.ts';

function compareToThreshold(ctx: EvalContext, fact: ObservationFact, op: Comparison, threshold: number, unit: string): NodeResult {
  const q = quantityIn(fact, unit);
  if (!q.ok) return unknown([q.missing], [observationEvidence(fact)]);
  const ok = compare(q.value, op, threshold);
  const code = ok ? DecidedCode.labThresholdMet : failsLow(op) ? DecidedCode.labBelowThreshold : DecidedCode.labAboveThreshold;
  if (!ctx.explain) return brief(ok ? Tri.met : Tri.notMet, code);
  const shown = thresholdInReportedUnit(fact, threshold, unit);
  const evidence = [observationEvidence(fact, `${op} ${shown.value} ${shown.unit}`)];
  const params = { feature: fact.feature, value: q.value, unit, op, threshold, date: datePart(fact.date) };
  return decided(ok ? Tri.met : Tri.notMet, code, params, evidence);
}

/** `lab`: the most recent value in the window, in the criterion's unit, against a fixed threshold. */
export function evaluateLab(ctx: EvalContext, leaf: LeafOf<'lab'>): NodeResult {
  const pick = latestInWindow(ctx, leaf.feature, leaf.lookbackDays);
  if (!pick.ok) return unknown([pick.missing]);
  return compareToThreshold(ctx, pick.value, leaf.op, leaf.value, leaf.unit);
}

/**
 * `lab-vs-limit`: the most recent value against `multiple` × its ULN/LLN, both in the reported unit.
 * INR has no unit conversion ({INR}); its 1.5 × ULN uses the INR's own ULN, else the site's.
 */
export function evaluateLabVsLimit(ctx: EvalContext, leaf: LeafOf<'lab-vs-limit'>): NodeResult {
  const pick = latestInWindow(ctx, leaf.feature, leaf.lookbackDays);
  if (!pick.ok) return unknown([pick.missing]);
  const fact = pick.value;
  if (fact.value.kind !== 'quantity') {
    if (fact.value.kind === 'unusable') return unknown([missing(fact.feature, fact.value.problem.code, { date: datePart(fact.date), source: fact.source })], [observationEvidence(fact)]);
    return unknown([missing(fact.feature, MissingCode.unexpectedValueKind, { date: datePart(fact.date), kind: fact.value.kind })], [observationEvidence(fact)]);
  }
  const limit = limitFor(ctx, fact, leaf.limit);
  if (!limit.ok) return unknown([limit.missing], [observationEvidence(fact)]);
  const value = fact.value.quantity.value;
  const unit = fact.value.quantity.unit;
  const threshold = tidied(leaf.multiple * limit.value.value);
  const ok = compare(value, leaf.op, threshold);
  const code = ok ? DecidedCode.labLimitMet : failsLow(leaf.op) ? DecidedCode.labBelowLimit : DecidedCode.labAboveLimit;
  if (!ctx.explain) return brief(ok ? Tri.met : Tri.notMet, code);
  const label = leaf.limit.toUpperCase();
  const evidence = [observationEvidence(fact, `${leaf.op} ${leaf.multiple} x ${label} (${limit.value.value}) = ${threshold} ${unit}`)];
  const params = {
    feature: fact.feature,
    value,
    unit,
    op: leaf.op,
    multiple: leaf.multiple,
    limit: label,
    limitValue: limit.value.value,
    limitOrigin: limit.value.origin,
    threshold,
    date: datePart(fact.date),
  };
  return decided(ok ? Tri.met : Tri.notMet, code, params, evidence);
}

/**
 * `spo2-room-air`: the most recent SpO2 in the window that the record says was taken on room air
 * (I12: "while breathing indoor air"). A reading that does not say is not assumed to be on room
 * air: the criterion is unknown until the site confirms, because oxygen would flatter the value.
 */
export function evaluateSpo2RoomAir(ctx: EvalContext, leaf: LeafOf<'spo2-room-air'>): NodeResult {
  const all = observationsOf(ctx, 'spo2');
  const roomAir = latestInWindow(ctx, 'spo2', undefined, all.filter((o) => o.onRoomAir === true));
  if (roomAir.ok) return compareToThreshold(ctx, roomAir.value, '>=', leaf.min, '%');
  const fromDay = ctx.asOfDay - ctx.windowDays;
  const inWindow = all.filter((o) => dayNumber(o.date) >= fromDay);
  const undocumented = latestBy(
    inWindow.filter((o) => o.onRoomAir === undefined),
    (o) => o.date,
  );
  const onOxygen = latestBy(inWindow, (o) => o.date);
  const other = undocumented ?? onOxygen;
  if (other) {
    const code = undocumented ? MissingCode.roomAirNotDocumented : MissingCode.noRoomAirResult;
    return unknown([missing('spo2', code, { date: datePart(other.date), source: other.source })], [observationEvidence(other)]);
  }
  // Nothing in the window at all: stale or absent, judged on every SpO2 reading.
  const any = latestInWindow(ctx, 'spo2', undefined, all);
  return unknown(any.ok ? [roomAir.missing] : [any.missing]);
}
