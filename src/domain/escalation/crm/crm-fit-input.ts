// The input of one CRM fit (dfcrm's crm() call): model, estimation method, interval level, data.
import { z } from 'zod';
import { customIssue } from '../../validation.ts';
import { type CrmData, CrmData as CrmDataSchema, crmDataProblems } from './crm-data.ts';
import { CRM_DEFAULTS, CrmMethod, type CrmModel, crmSpecFields, refineCrmSpec } from './crm-spec.ts';

export const crmFitFields = {
  ...crmSpecFields,
  method: z.enum([CrmMethod.Bayes, CrmMethod.Mle]).default(CRM_DEFAULTS.method),
  /** Level of the interval ptoxL–ptoxU (dfcrm conf.level, default 0.90). */
  confLevel: z.number().gt(0).lt(1).default(CRM_DEFAULTS.confLevel),
  data: CrmDataSchema,
};

/** The model checks plus the data checks against the skeleton. */
export function refineCrmFit(
  input: { skeleton: readonly number[]; model: CrmModel; intercept: number; data: CrmData },
  ctx: z.RefinementCtx,
): void {
  refineCrmSpec(input, ctx);
  for (const [path, code, params] of crmDataProblems(input.data, input.skeleton.length))
    ctx.addIssue({ ...customIssue(code, params), path: ['data', ...path] });
  // dfcrm cannot fit without data either: integrate() of the (odd) first moment stops with a
  // round-off error, and optimize() has nothing to maximise.
  const patients = 'level' in input.data ? input.data.level.length : input.data.n.reduce((s, n) => s + n, 0);
  if (patients === 0) ctx.addIssue({ ...customIssue('crm_no_data'), path: ['data'] });
}

export const CrmFitInput = z.strictObject(crmFitFields).superRefine(refineCrmFit);
export type CrmFitInput = z.input<typeof CrmFitInput>;
export type CrmFitRequest = z.output<typeof CrmFitInput>;
