// The CRM design's dose decision after a cohort, as dfcrm's crmsim conducts a trial
// (crm-notes.md "Simulation"), plus the safety stop dfcrm lacks:
//
// 1. safety stop (not in dfcrm; `safetyStop: 'off'` reproduces dfcrm): stop the trial, no dose,
//    when Pr(p_1 > target | data) > threshold (default 0.9), from the posterior of a;
// 2. start from the model's recommendation (dfcrm `mtd`, closest to target);
// 3. with `restrict` (crmsim's default):
//    - coherence: if the last cohort's DLT fraction is ≥ target, no escalation beyond the dose that
//      cohort received: min(mtd, current);
//    - otherwise no skipping: min(mtd, reference + 1), the reference being the last cohort's dose
//      (crmsim) or the highest dose tried so far;
//    de-escalation is never restricted (it may drop several levels).
import { z } from 'zod';
import { type ExplanationStep, step } from '../../explanation.ts';

export const CrmNoSkipFrom = { Current: 'current', HighestTried: 'highest_tried' } as const;
export type CrmNoSkipFrom = (typeof CrmNoSkipFrom)[keyof typeof CrmNoSkipFrom];

export const CRM_SAFETY_THRESHOLD = 0.9;

export const CrmRules = z.strictObject({
  /** dfcrm crmsim `restrict`: no skipping when escalating, no escalation right after a toxic cohort. */
  restrict: z.boolean().default(true),
  /** What "one level above" is counted from. crmsim: the dose of the last cohort. */
  noSkipFrom: z.enum([CrmNoSkipFrom.Current, CrmNoSkipFrom.HighestTried]).default(CrmNoSkipFrom.Current),
  /** Stop when Pr(p_1 > target | data) exceeds this; 'off' reproduces dfcrm, which never stops early. */
  safetyStop: z.union([z.literal('off'), z.number().gt(0).lt(1)]).default(CRM_SAFETY_THRESHOLD),
});
export type CrmRules = z.output<typeof CrmRules>;
export type CrmRulesInput = z.input<typeof CrmRules>;

export const DEFAULT_CRM_RULES: CrmRules = { restrict: true, noSkipFrom: CrmNoSkipFrom.Current, safetyStop: CRM_SAFETY_THRESHOLD };

/** What the decision needs besides the rules; doses are 1-based. */
export interface CrmDecisionInput {
  readonly target: number;
  /** The model's recommendation (dfcrm `mtd`). */
  readonly mtd: number;
  /** Pr(p_1 > target | data). */
  readonly pOverdose: number;
  /** Dose the last cohort received. */
  readonly current: number;
  /** Highest dose any patient has received. */
  readonly highestTried: number;
  /** Size and DLTs of the last cohort; without it the coherence rule cannot apply. */
  readonly lastCohortSize: number;
  readonly lastCohortDlts: number;
}

/** Why the decision came out as it did (explanation codes, phrased by the adapters). */
export const CrmDecisionStep = {
  SafetyStop: 'crm_safety_stop',
  SafetyPassed: 'crm_safety_passed',
  ModelDose: 'crm_model_dose',
  CoherenceCap: 'crm_no_escalation_after_toxicity',
  NoSkipCap: 'crm_no_skipping',
  NextDose: 'crm_next_dose',
} as const;
export type CrmDecisionStep = (typeof CrmDecisionStep)[keyof typeof CrmDecisionStep];

/**
 * The next dose (1-based), or 0 to stop the trial for safety. Allocation-free unless `trail` is
 * given, in which case the steps that fired are appended to it.
 */
export function crmNextDose(input: CrmDecisionInput, rules: CrmRules, trail?: ExplanationStep[]): number {
  const { target, mtd, current } = input;
  if (rules.safetyStop !== 'off') {
    if (input.pOverdose > rules.safetyStop) {
      trail?.push(step(CrmDecisionStep.SafetyStop, { dose: 1, probability: input.pOverdose, threshold: rules.safetyStop, target }));
      return 0;
    }
    trail?.push(step(CrmDecisionStep.SafetyPassed, { dose: 1, probability: input.pOverdose, threshold: rules.safetyStop, target }));
  }
  trail?.push(step(CrmDecisionStep.ModelDose, { dose: mtd }));
  let dose = mtd;
  if (rules.restrict) {
    const toxic = input.lastCohortSize > 0 && input.lastCohortDlts / input.lastCohortSize >= target;
    if (toxic) {
      if (dose > current) {
        trail?.push(step(CrmDecisionStep.CoherenceCap, { from: dose, to: current, dlts: input.lastCohortDlts, cohort: input.lastCohortSize, target }));
        dose = current;
      }
    } else {
      const reference = rules.noSkipFrom === CrmNoSkipFrom.HighestTried ? input.highestTried : current;
      if (dose > reference + 1) {
        trail?.push(step(CrmDecisionStep.NoSkipCap, { from: dose, to: reference + 1, reference: rules.noSkipFrom }));
        dose = reference + 1;
      }
    }
  }
  trail?.push(step(CrmDecisionStep.NextDose, { dose }));
  return dose;
}
