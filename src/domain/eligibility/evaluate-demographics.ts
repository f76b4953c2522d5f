// Age and sex. Age is completed years on the screening date (`asOf`): domain.md §0.1 I1 leaves the
// reference date open [A]; the engine has one reference date, so a site that uses the consent (ICF)
// date screens with `asOf` = that date. Bounds are inclusive: 18 on the 18th birthday is eligible,
// 70 on the 70th birthday is not.
import { DecidedCode, MissingCode } from './codes.ts';
import { brief, decided, type EvalContext, met, missing, notMet, unknown } from './context.ts';
import type { NodeResult } from './criterion-result.ts';
import { completedYears, datePart } from './dates.ts';
import type { LeafOf } from './limits.ts';
import { Tri } from './tri.ts';

/** Completed years on the screening date, or undefined without a birth date. */
export function ageOn(ctx: EvalContext): number | undefined {
  const birthDate = ctx.record.birthDate;
  return birthDate === undefined ? undefined : completedYears(birthDate, ctx.asOf);
}

export function evaluateAge(ctx: EvalContext, leaf: LeafOf<'age'>): NodeResult {
  const age = ageOn(ctx);
  const birthDate = ctx.record.birthDate;
  if (age === undefined || birthDate === undefined) return unknown([missing('birthDate', MissingCode.noBirthDate)]);
  const code =
    leaf.min !== undefined && age < leaf.min ? DecidedCode.ageBelowMinimum : leaf.max !== undefined && age > leaf.max ? DecidedCode.ageAboveMaximum : DecidedCode.ageInRange;
  const status = code === DecidedCode.ageInRange ? Tri.met : Tri.notMet;
  if (!ctx.explain) return brief(status, code);
  const bounds = [leaf.min === undefined ? null : `>= ${leaf.min}`, leaf.max === undefined ? null : `<= ${leaf.max}`].filter((b) => b !== null);
  const evidence = [{ item: 'age', value: age, unit: 'a', date: ctx.asOf, source: 'birthDate', compared: bounds.join(' and ') }, { item: 'birthDate', value: datePart(birthDate) }];
  return decided(status, code, { age, min: leaf.min ?? null, max: leaf.max ?? null, birthDate: datePart(birthDate) }, evidence);
}

/** The recorded sex; `unknown` or absent leaves the criterion unknown. */
export function evaluateSex(ctx: EvalContext, leaf: LeafOf<'sex'>): NodeResult {
  const sex = ctx.record.sex;
  if (sex === undefined || sex === 'unknown') return unknown([missing('sex', MissingCode.sexUnknown)]);
  const evidence = [{ item: 'sex', value: sex, compared: `= ${leaf.is}` }];
  return sex === leaf.is ? met(DecidedCode.sexIs, { sex, is: leaf.is }, evidence) : notMet(DecidedCode.sexIsNot, { sex, is: leaf.is }, evidence);
}
