// The patient's history: conditions (SLE, Gilbert syndrome, pregnancy), how long SLE has been
// diagnosed (I3), and transfusions or growth factors shortly before screening (I9). A condition,
// transfusion or growth factor that is not on record counts as absent (rules.ts); only a duration
// needs a date the record may lack, so only `condition-since` can be unknown.
import { DecidedCode, MissingCode } from './codes.ts';
import { brief, type EvalContext, latestBy, met, missing, notAfterAsOf, notMet, unknown, windowStart } from './context.ts';
import type { Evidence, NodeResult } from './criterion-result.ts';
import { addMonths, datePart, dayNumber } from './dates.ts';
import type { LeafOf } from './limits.ts';
import type { ConditionFact, ConditionKind } from './patient-record.ts';
import { Tri } from './tri.ts';

const conditionDate = (c: ConditionFact): string | undefined => c.onset ?? c.recorded;

/** Active conditions of a kind known by the screening date (undated ones count). */
function activeConditions(ctx: EvalContext, kind: ConditionKind): ConditionFact[] {
  return ctx.record.conditions.filter((c) => {
    const date = conditionDate(c);
    return c.kind === kind && c.active !== false && (date === undefined || notAfterAsOf(ctx, date));
  });
}

function conditionEvidence(c: ConditionFact, compared?: string): Evidence {
  const date = conditionDate(c);
  const out: { -readonly [K in keyof Evidence]: Evidence[K] } = { item: c.kind, value: c.active !== false, source: c.source };
  if (date !== undefined) out.date = datePart(date);
  if (compared !== undefined) out.compared = compared;
  return out;
}

export function evaluateCondition(ctx: EvalContext, leaf: LeafOf<'condition'>): NodeResult {
  const present = activeConditions(ctx, leaf.condition);
  const wanted = leaf.present ?? true;
  if (!ctx.explain) return brief((present.length > 0) === wanted ? Tri.met : Tri.notMet, present.length > 0 ? DecidedCode.conditionPresent : DecidedCode.conditionAbsent);
  const evidence = present.length > 0 ? present.map((c) => conditionEvidence(c)) : [{ item: leaf.condition, value: false }];
  const code = present.length > 0 ? DecidedCode.conditionPresent : DecidedCode.conditionAbsent;
  const params = { condition: leaf.condition };
  return (present.length > 0) === wanted ? met(code, params, evidence) : notMet(code, params, evidence);
}

/** Diagnosed at least `minMonths` calendar months before the screening date; the earliest record counts. */
export function evaluateConditionSince(ctx: EvalContext, leaf: LeafOf<'condition-since'>): NodeResult {
  const present = activeConditions(ctx, leaf.condition);
  if (present.length === 0) return unknown([missing(leaf.condition, MissingCode.noConditionRecord, { condition: leaf.condition })]);
  const dated = present.filter((c) => conditionDate(c) !== undefined);
  const earliest = dated.reduce<ConditionFact | undefined>((best, c) => (!best || dayNumber(conditionDate(c)!) < dayNumber(conditionDate(best)!) ? c : best), undefined);
  if (!earliest) return unknown([missing(leaf.condition, MissingCode.noOnsetDate, { condition: leaf.condition })], present.map((c) => conditionEvidence(c)));
  const onset = datePart(conditionDate(earliest)!);
  const due = addMonths(onset, leaf.minMonths);
  if (!ctx.explain) return dayNumber(due) <= ctx.asOfDay ? brief(Tri.met, DecidedCode.conditionLongEnough) : brief(Tri.notMet, DecidedCode.conditionTooRecent);
  const evidence = [conditionEvidence(earliest, `+ ${leaf.minMonths} months = ${due} <= ${ctx.asOf}`)];
  const params = { condition: leaf.condition, onset, minMonths: leaf.minMonths, due };
  return dayNumber(due) <= ctx.asOfDay ? met(DecidedCode.conditionLongEnough, params, evidence) : notMet(DecidedCode.conditionTooRecent, params, evidence);
}

/**
 * No transfusion (a procedure dated in the period) and no growth factor (a statement overlapping
 * it) in the `days` days before the screening date, the screening date included: I9's "within 7
 * days prior to screening".
 */
export function evaluateNoneRecent(ctx: EvalContext, leaf: LeafOf<'none-recent'>): NodeResult {
  const from = windowStart(ctx, leaf.days);
  const fromDay = dayNumber(from);
  const params = { event: leaf.event, days: leaf.days, from };
  if (leaf.event === 'transfusion') {
    const recent = ctx.record.procedures.filter((p) => p.kind === 'transfusion' && notAfterAsOf(ctx, p.date) && dayNumber(p.date) >= fromDay);
    const last = latestBy(recent, (p) => p.date);
    if (!ctx.explain) return last ? brief(Tri.notMet, DecidedCode.recentEvent) : brief(Tri.met, DecidedCode.noneRecent);
    if (!last) return met(DecidedCode.noneRecent, params, [{ item: 'transfusion', value: false, compared: `none since ${from}` }]);
    const evidence = recent.map((p) => ({ item: 'transfusion', value: true, date: datePart(p.date), source: p.source }));
    return notMet(DecidedCode.recentEvent, Object.assign({}, params, { date: datePart(last.date), agent: null }), evidence);
  }
  const recent = ctx.record.medications.filter(
    (m) => m.class === 'growth-factor' && notAfterAsOf(ctx, m.start) && (m.end === undefined || dayNumber(m.end) >= fromDay),
  );
  const last = latestBy(recent, (m) => m.start);
  if (!ctx.explain) return last ? brief(Tri.notMet, DecidedCode.recentEvent) : brief(Tri.met, DecidedCode.noneRecent);
  if (!last) return met(DecidedCode.noneRecent, params, [{ item: 'growth-factor', value: false, compared: `none since ${from}` }]);
  // The last day of use within the period: the statement's end, or the screening date while ongoing.
  const lastUse = (end: string | undefined) => (end !== undefined && notAfterAsOf(ctx, end) ? datePart(end) : ctx.asOf);
  const evidence = recent.map((m) => ({ item: m.agent, value: true, date: lastUse(m.end), source: m.source, compared: `started ${datePart(m.start)}` }));
  return notMet(DecidedCode.recentEvent, Object.assign({}, params, { date: lastUse(last.end), agent: last.agent }), evidence);
}
