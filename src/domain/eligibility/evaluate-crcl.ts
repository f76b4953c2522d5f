// I14: Cockcroft–Gault creatinine clearance ≥ min mL/min (domain.md §6.1, scores/creatinine-clearance.ts)
// from completed years of age on the screening date, sex, and the most recent weight and serum
// creatinine in the screening window. Actual body weight (the equation's own; the protocol switch
// `crcl-weight`); the unrounded value is compared, so G6's 50.0 exactly passes.
// Without a recorded sex both values are computed: the female value is 0.85 × the male one, so a
// female value ≥ min is met and a male value < min is not met whatever the sex; only in between is
// the sex needed.
import { cockcroftGault } from '../scores/creatinine-clearance.ts';
import { DecidedCode, MissingCode } from './codes.ts';
import { brief, type EvalContext, met, missing, notMet, unknown } from './context.ts';
import type { Evidence, Missing, NodeResult } from './criterion-result.ts';
import { datePart } from './dates.ts';
import { ageOn } from './evaluate-demographics.ts';
import { compare, type LeafOf } from './limits.ts';
import { type Pick, found, lacking, latestInWindow, observationEvidence, quantityIn } from './observations.ts';
import type { ObservationFact } from './patient-record.ts';
import { Tri } from './tri.ts';

function positiveQuantity(ctx: EvalContext, feature: 'weight' | 'creatinine', unit: string): Pick<{ fact: ObservationFact; value: number }> {
  const pick = latestInWindow(ctx, feature, undefined);
  if (!pick.ok) return lacking(pick.missing);
  const q = quantityIn(pick.value, unit);
  if (!q.ok) return lacking(q.missing);
  if (q.value <= 0) return lacking(missing(feature, MissingCode.implausibleValue, { date: datePart(pick.value.date), source: pick.value.source, value: q.value }));
  return found({ fact: pick.value, value: q.value });
}

/** mL/min, or NaN where the equation refuses the inputs. */
function clearance(age: number, sex: 'female' | 'male', weightKg: number, creatinineMgPerDl: number): number {
  // cockcroftGault converts the creatinine itself (exact 88.4 factor); the value is already in mg/dL.
  const r = cockcroftGault({ age, sex, weightKg, creatinine: { value: creatinineMgPerDl, unit: 'mg/dL' } });
  return r.ok ? r.value.mlPerMin : Number.NaN;
}

const clearanceEvidence = (ctx: EvalContext, v: number, min: number): Evidence => ({ item: 'crcl', value: v, unit: 'mL/min', date: ctx.asOf, compared: `>= ${min}` });

export function evaluateCrcl(ctx: EvalContext, leaf: LeafOf<'crcl'>): NodeResult {
  const age = ageOn(ctx);
  const sex = ctx.record.sex;
  const weight = positiveQuantity(ctx, 'weight', 'kg');
  const creatinine = positiveQuantity(ctx, 'creatinine', 'mg/dL');
  const evidence: Evidence[] = [];
  if (age !== undefined) evidence.push({ item: 'age', value: age, unit: 'a', date: ctx.asOf, source: 'birthDate' });
  if (sex !== undefined) evidence.push({ item: 'sex', value: sex });
  if (weight.ok) evidence.push(observationEvidence(weight.value.fact));
  if (creatinine.ok) evidence.push(observationEvidence(creatinine.value.fact));
  const lack: Missing[] = [];
  if (age === undefined) lack.push(missing('birthDate', MissingCode.noBirthDate));
  if (!weight.ok) lack.push(weight.missing);
  if (!creatinine.ok) lack.push(creatinine.missing);
  if (age === undefined || !weight.ok || !creatinine.ok) return unknown(lack, evidence);

  const weightKg = weight.value.value;
  const creatinineMgPerDl = creatinine.value.value;
  const known = sex === 'female' || sex === 'male' ? sex : undefined;
  if (known) {
    const v = clearance(age, known, weightKg, creatinineMgPerDl);
    if (!ctx.explain) return compare(v, '>=', leaf.min) ? brief(Tri.met, DecidedCode.crclMet) : brief(Tri.notMet, DecidedCode.crclBelow);
    const params = { mlPerMin: v, min: leaf.min, age, weightKg, creatinineMgPerDl, sex: known };
    evidence.push(clearanceEvidence(ctx, v, leaf.min));
    return compare(v, '>=', leaf.min) ? met(DecidedCode.crclMet, params, evidence) : notMet(DecidedCode.crclBelow, params, evidence);
  }
  const female = clearance(age, 'female', weightKg, creatinineMgPerDl);
  if (compare(female, '>=', leaf.min))
    return !ctx.explain ? brief(Tri.met, DecidedCode.crclMet) : met(DecidedCode.crclMet, { mlPerMin: female, min: leaf.min, age, weightKg, creatinineMgPerDl, sex: null }, [...evidence, clearanceEvidence(ctx, female, leaf.min)]);
  const male = clearance(age, 'male', weightKg, creatinineMgPerDl);
  if (!compare(male, '>=', leaf.min))
    return !ctx.explain ? brief(Tri.notMet, DecidedCode.crclBelow) : notMet(DecidedCode.crclBelow, { mlPerMin: male, min: leaf.min, age, weightKg, creatinineMgPerDl, sex: null }, [...evidence, clearanceEvidence(ctx, male, leaf.min)]);
  return unknown([missing('sex', MissingCode.sexUnknown)], evidence);
}
