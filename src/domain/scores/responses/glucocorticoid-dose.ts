// The daily glucocorticoid dose that LLDAS (≤ 7.5 mg) and DORIS (≤ 5 mg) compare, in
// prednisone-equivalent mg/day (domain.md §4.8: "always evaluate on prednisone-equivalent mg/day").
// It is given either as one number or as the day's systemic glucocorticoids, which are converted
// with the §6.2 table (prednisone-equivalent.ts) and summed. Neither given means none taken.
import { z } from 'zod';
import { type ExplanationStep, step } from '../../explanation.ts';
import { type Issue, nestIssues, ok, type Result } from '../../result.ts';
import { tidy } from '../../units/index.ts';
import { customIssue } from '../../validation.ts';
import { PrednisoneEquivalentInput, prednisoneEquivalentMgPerDay } from '../prednisone-equivalent.ts';

export const PREDNISONE_MAX_MG_PER_DAY = 1000;

/** Spread into a response definition's strict object; `refineDoseSource` then forbids giving both. */
export const glucocorticoidDoseFields = {
  prednisoneMgPerDay: z.number().min(0).max(PREDNISONE_MAX_MG_PER_DAY).optional(),
  glucocorticoids: z.array(PrednisoneEquivalentInput).optional(),
};

export interface GlucocorticoidDoseInput {
  readonly prednisoneMgPerDay?: number | undefined;
  readonly glucocorticoids?: readonly PrednisoneEquivalentInput[] | undefined;
}

/** Two sources for one number could disagree; the input must pick one rather than we guess. */
export function refineDoseSource(input: GlucocorticoidDoseInput, ctx: z.RefinementCtx): void {
  if (input.prednisoneMgPerDay !== undefined && input.glucocorticoids !== undefined)
    ctx.addIssue({ ...customIssue('mutually_exclusive', { other: 'prednisoneMgPerDay' }), path: ['glucocorticoids'] });
}

export const DoseStep = {
  given: 'responses.prednisone-given',
  none: 'responses.no-glucocorticoid-given',
  drug: 'responses.glucocorticoid-dose',
  total: 'responses.glucocorticoid-total',
} as const;
export type DoseStep = (typeof DoseStep)[keyof typeof DoseStep];

export interface DailyPrednisone {
  readonly mgPerDay: number;
  readonly explanation: readonly ExplanationStep[];
}

/** Prednisone-equivalent mg/day; a dose in a non-mass unit is an issue at its `glucocorticoids[i]` path. */
export function dailyPrednisoneMg(input: GlucocorticoidDoseInput): Result<DailyPrednisone> {
  if (input.prednisoneMgPerDay !== undefined)
    return ok({ mgPerDay: input.prednisoneMgPerDay, explanation: [step(DoseStep.given, { mgPerDay: input.prednisoneMgPerDay })] });
  if (input.glucocorticoids === undefined) return ok({ mgPerDay: 0, explanation: [step(DoseStep.none, { mgPerDay: 0 })] });
  const issues: Issue[] = [];
  const explanation: ExplanationStep[] = [];
  let sum = 0;
  input.glucocorticoids.forEach((drug, i) => {
    const r = prednisoneEquivalentMgPerDay(drug);
    if (!r.ok) {
      issues.push(...nestIssues(['glucocorticoids', i], r.issues));
      return;
    }
    sum += r.value.mgPerDay;
    const { doseMg, timesPerDay, equivalentMg, mgPerDay } = r.value;
    explanation.push(step(DoseStep.drug, { drug: drug.drug, doseMg, timesPerDay, equivalentMg, mgPerDay }));
  });
  if (issues.length > 0) return { ok: false, issues };
  // Summing already-tidied doses can add float noise again (0.1 + 0.2); tidy keeps 12 digits.
  const mgPerDay = tidy(sum);
  explanation.push(step(DoseStep.total, { mgPerDay, count: input.glucocorticoids.length }));
  return ok({ mgPerDay, explanation });
}
