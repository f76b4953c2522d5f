// The live CRM decision: fit the data as dfcrm's crm() does (fitCrm), then apply the design rules
// (crm-rules.ts). Validated input, a Result, and an explanation that lists the fit's steps
// followed by the rules that fired.
import { z } from 'zod';
import type { Explanation, ExplanationStep } from '../../explanation.ts';
import { step } from '../../explanation.ts';
import type { Result } from '../../result.ts';
import { ok } from '../../result.ts';
import { customIssue, parseInput } from '../../validation.ts';
import { type CrmFit, fitCrmParsed } from './crm-fit.ts';
import { crmFitFields, refineCrmFit } from './crm-fit-input.ts';
import { crmNextDose, CrmRules, DEFAULT_CRM_RULES } from './crm-rules.ts';

export const CrmRecommendInput = z
  .strictObject({
    ...crmFitFields,
    /**
     * 1-based dose of the last cohort. Default: the last patient's dose (per-patient data) or the
     * highest dose tried (counts).
     */
    current: z.int().min(1).optional(),
    /** The last cohort (all at `current`); without it the coherence rule cannot be checked. */
    lastCohort: z.strictObject({ n: z.int().min(1), y: z.int().min(0) }).optional(),
    rules: CrmRules.default(DEFAULT_CRM_RULES),
  })
  .superRefine((input, ctx) => {
    refineCrmFit(input, ctx);
    const K = input.skeleton.length;
    if (input.current !== undefined && input.current > K)
      ctx.addIssue({ ...customIssue('too_big', { maximum: K, inclusive: true }), path: ['current'] });
    if (input.lastCohort && input.lastCohort.y > input.lastCohort.n)
      ctx.addIssue({ ...customIssue('too_big', { maximum: input.lastCohort.n, inclusive: true }), path: ['lastCohort', 'y'] });
  });
export type CrmRecommendInput = z.input<typeof CrmRecommendInput>;

export const CrmAction = { Treat: 'treat', Stop: 'stop' } as const;
export type CrmAction = (typeof CrmAction)[keyof typeof CrmAction];

export interface CrmRecommendation {
  readonly action: CrmAction;
  /** 1-based dose for the next cohort; null when the trial stops. */
  readonly nextDose: number | null;
  readonly fit: CrmFit;
  readonly explanation: Explanation;
}

export function crmRecommend(input: CrmRecommendInput): Result<CrmRecommendation> {
  const parsed = parseInput(CrmRecommendInput, input);
  if (!parsed.ok) return parsed;
  const req = parsed.value;
  const fitted = fitCrmParsed(req);
  if (!fitted.ok) return fitted;
  const fit = fitted.value;

  const highestTried = fit.n.reduce((top, n, j) => (n > 0 ? j + 1 : top), 0);
  const current = req.current ?? ('level' in req.data ? req.data.level[req.data.level.length - 1]! : highestTried);
  const trail: ExplanationStep[] = [];
  if (!req.lastCohort && req.rules.restrict) trail.push(step('crm_last_cohort_unknown', { current }));
  const dose = crmNextDose(
    {
      target: req.target,
      mtd: fit.mtd,
      pOverdose: fit.pOverdose,
      current,
      highestTried,
      lastCohortSize: req.lastCohort?.n ?? 0,
      lastCohortDlts: req.lastCohort?.y ?? 0,
    },
    req.rules,
    trail,
  );
  return ok({
    action: dose === 0 ? CrmAction.Stop : CrmAction.Treat,
    nextDose: dose === 0 ? null : dose,
    fit,
    explanation: [...fit.explanation, ...trail],
  });
}
