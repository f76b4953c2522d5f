// Qualitative results: positive (ANA, anti-dsDNA) and negative (hCG). A result is positive when
// coded positive, when a titre reaches the minimum dilution (stored as the reciprocal: 1:160 → 160,
// domain.md §3.2), or when a quantity is above its ULN (the result's own, else the site's; an
// anti-dsDNA in IU/mL needs no unit table when the lab sends its range).
import { Dimension, findUnit } from '../units/index.ts';
import { DecidedCode, MissingCode } from './codes.ts';
import { brief, decided, type EvalContext, latestBy, met, missing, notMet, unknown } from './context.ts';
import type { Evidence, Missing, NodeResult } from './criterion-result.ts';
import { datePart } from './dates.ts';
import { compare, type LeafOf, limitFor } from './limits.ts';
import { found, lacking, latestInWindow, observationEvidence, observationsOf, type Pick } from './observations.ts';
import type { ObservationFact } from './patient-record.ts';
import { Tri } from './tri.ts';

export interface Positivity {
  readonly positive: boolean;
  /** Absent when the context does not explain (context.ts). */
  readonly evidence?: Evidence;
}

/** A titre against the minimum dilution (none in the rule: the titre cannot be read as positive). */
function titrePositivity(ctx: EvalContext, fact: ObservationFact, dilution: number, minDilution: number | undefined): Pick<Positivity> {
  if (minDilution === undefined) return lacking(missing(fact.feature, MissingCode.noTiterThreshold, { date: datePart(fact.date), source: fact.source }));
  const positive = dilution >= minDilution;
  return found(ctx.explain ? { positive, evidence: observationEvidence(fact, `>= 1:${minDilution}`) } : { positive });
}

/** Whether one result is positive, or why that cannot be read from it. */
export function positivity(ctx: EvalContext, fact: ObservationFact, minDilution: number | undefined): Pick<Positivity> {
  const v = fact.value;
  switch (v.kind) {
    case 'coded':
      if (v.result === 'indeterminate') return lacking(missing(fact.feature, MissingCode.indeterminateResult, { date: datePart(fact.date), source: fact.source }));
      return found(ctx.explain ? { positive: v.result === 'positive', evidence: observationEvidence(fact) } : { positive: v.result === 'positive' });
    case 'titer':
      return titrePositivity(ctx, fact, v.dilution, minDilution);
    case 'unusable':
      return lacking(missing(fact.feature, v.problem.code, { date: datePart(fact.date), source: fact.source, detail: v.problem.detail ?? null }));
    case 'quantity': {
      if (findUnit(v.quantity.unit)?.dimension === Dimension.titer) return titrePositivity(ctx, fact, v.quantity.value, minDilution);
      const uln = limitFor(ctx, fact, 'uln');
      if (!uln.ok) return lacking(uln.missing);
      const positive = compare(v.quantity.value, '>', uln.value.value);
      return found(ctx.explain ? { positive, evidence: observationEvidence(fact, `> ULN (${uln.value.value}) ${v.quantity.unit}`) } : { positive });
    }
  }
}

const params = (fact: ObservationFact) => ({ feature: fact.feature, date: datePart(fact.date) });

/**
 * `positive`: the most recent result in the window (serology "at screening", I7), or with `anyDate`
 * any result up to the screening date ("at least once", domain.md §3.1). Over any date, one positive
 * settles it; a negative only when no other result is unreadable, since that one might be positive.
 */
export function evaluatePositive(ctx: EvalContext, leaf: LeafOf<'positive'>): NodeResult {
  if (!leaf.anyDate) {
    const pick = latestInWindow(ctx, leaf.feature, undefined);
    if (!pick.ok) return unknown([pick.missing]);
    const p = positivity(ctx, pick.value, leaf.minDilution);
    if (!p.ok) return unknown([p.missing], [observationEvidence(pick.value)]);
    const code = p.value.positive ? DecidedCode.resultPositive : DecidedCode.resultNotPositive;
    const status = p.value.positive ? Tri.met : Tri.notMet;
    return ctx.explain ? decided(status, code, params(pick.value), [p.value.evidence!]) : brief(status, code);
  }
  return positiveEver(ctx, leaf.feature, leaf.minDilution);
}

/** Positive on any date up to the screening date. Shared with the EULAR/ACR ANA entry criterion. */
export function positiveEver(ctx: EvalContext, feature: ObservationFact['feature'], minDilution: number | undefined): NodeResult {
  const facts = observationsOf(ctx, feature);
  const read = facts.map((fact) => ({ fact, p: positivity(ctx, fact, minDilution) }));
  const positives = read.filter((r) => r.p.ok && r.p.value.positive).map((r) => r.fact);
  const latestPositive = latestBy(positives, (f) => f.date);
  if (latestPositive) {
    if (!ctx.explain) return brief(Tri.met, DecidedCode.resultPositive);
    const p = positivity(ctx, latestPositive, minDilution);
    return met(DecidedCode.resultPositive, params(latestPositive), p.ok ? [p.value.evidence!] : []);
  }
  const unreadable: Missing[] = read.flatMap((r) => (r.p.ok ? [] : [r.p.missing]));
  const evidence = ctx.explain ? read.flatMap((r) => (r.p.ok ? [r.p.value.evidence!] : [observationEvidence(r.fact)])) : [];
  if (unreadable.length > 0) return unknown(unreadable, evidence);
  const latest = latestBy(facts, (f) => f.date);
  if (!latest) return unknown([missing(feature, MissingCode.noResult, { to: ctx.asOf })]);
  return ctx.explain ? notMet(DecidedCode.resultNotPositive, params(latest), evidence) : brief(Tri.notMet, DecidedCode.resultNotPositive);
}

/** `negative`: the most recent result in the window is negative (or, as a quantity, not above its ULN). */
export function evaluateNegative(ctx: EvalContext, leaf: LeafOf<'negative'>): NodeResult {
  const pick = latestInWindow(ctx, leaf.feature, leaf.lookbackDays);
  if (!pick.ok) return unknown([pick.missing]);
  const p = positivity(ctx, pick.value, undefined);
  if (!p.ok) return unknown([p.missing], [observationEvidence(pick.value)]);
  const code = p.value.positive ? DecidedCode.resultNotNegative : DecidedCode.resultNegative;
  const status = p.value.positive ? Tri.notMet : Tri.met;
  return ctx.explain ? decided(status, code, params(pick.value), [p.value.evidence!]) : brief(status, code);
}
