// What a one-parameter CRM is made of (crm-notes.md, dfcrm 0.2-2.1's crm() arguments): the
// skeleton, the target, the dose–toxicity model and the normal prior on its parameter a. Defaults
// are dfcrm's: model "empiric", scale = sqrt(1.34) (prior.var 1.34), intcpt = 3, conf.level 0.90.
import { z } from 'zod';
import { customIssue } from '../../validation.ts';

export const CrmModel = { Empiric: 'empiric', Logistic: 'logistic' } as const;
export type CrmModel = (typeof CrmModel)[keyof typeof CrmModel];

export const CrmMethod = { Bayes: 'bayes', Mle: 'mle' } as const;
export type CrmMethod = (typeof CrmMethod)[keyof typeof CrmMethod];

export const CRM_DEFAULTS = { model: CrmModel.Empiric, method: CrmMethod.Bayes, priorVar: 1.34, intercept: 3, confLevel: 0.9 } as const;

const probability = z.number().gt(0).lt(1);

/** The model part shared by fits, fast fitters and designs. */
export const crmSpecFields = {
  /** dfcrm's `prior`: the skeleton s_1 < … < s_K, prior guesses of the DLT rate per dose. */
  skeleton: z.array(probability).min(1),
  target: probability,
  model: z.enum([CrmModel.Empiric, CrmModel.Logistic]).default(CRM_DEFAULTS.model),
  /** Variance of the normal prior on a (dfcrm: scale², default 1.34). */
  priorVar: z.number().gt(0).default(CRM_DEFAULTS.priorVar),
  /** Logistic model's fixed intercept α0 (dfcrm `intcpt`, default 3); unused by the empiric model. */
  intercept: z.number().default(CRM_DEFAULTS.intercept),
};

type SpecLike = { skeleton: readonly number[]; model: CrmModel; intercept: number };

/**
 * Checks dfcrm leaves to the user: the skeleton must increase strictly (every rule that talks of
 * "higher" doses relies on it), and for the logistic model every scaled dose logit(s_j) − α0 must
 * be negative (dfcrm stops with "Intercept parameter in logit model is too small").
 */
export function refineCrmSpec(spec: SpecLike, ctx: z.RefinementCtx): void {
  spec.skeleton.forEach((s, j) => {
    if (j > 0 && !(s > spec.skeleton[j - 1]!))
      ctx.addIssue({ ...customIssue('not_increasing', { previous: spec.skeleton[j - 1]!, value: s }), path: ['skeleton', j] });
  });
  if (spec.model === CrmModel.Logistic) {
    const limit = 1 / (1 + Math.exp(-spec.intercept));
    spec.skeleton.forEach((s, j) => {
      if (Math.log(s / (1 - s)) - spec.intercept >= 0)
        ctx.addIssue({ ...customIssue('crm_intercept_too_small', { intercept: spec.intercept, maximum: limit, value: s }), path: ['skeleton', j] });
    });
  }
}

export const CrmSpec = z.strictObject(crmSpecFields).superRefine(refineCrmSpec);
export type CrmSpec = z.output<typeof CrmSpec>;
export type CrmSpecInput = z.input<typeof CrmSpec>;
