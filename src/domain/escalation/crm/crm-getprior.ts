// Skeleton calibration by indifference intervals (Lee & Cheung, "Model calibration in the
// continual reassessment method", Clinical Trials 6:227–238, 2009), as dfcrm's
// getprior(halfwidth, target, nu, nlevel, model, intcpt) computes it (R/dfcrm.R): dose nu gets the
// target, and each neighbour is placed so that the model switches its recommendation between the
// two doses exactly at target ± halfwidth. Same operations as the R code (including its
// exp(log(·)) round trips), so the skeletons agree with dfcrm to the last bits.
import { z } from 'zod';
import { ok, type Result } from '../../result.ts';
import { customIssue, parseInput } from '../../validation.ts';
import { CRM_DEFAULTS, CrmModel } from './crm-spec.ts';

export const CrmGetPriorInput = z
  .strictObject({
    halfwidth: z.number().gt(0),
    target: z.number().gt(0).lt(1),
    /** 1-based prior guess of the MTD: the dose whose skeleton value is the target. */
    nu: z.int().min(1),
    nlevel: z.int().min(1),
    model: z.enum([CrmModel.Empiric, CrmModel.Logistic]).default(CRM_DEFAULTS.model),
    intercept: z.number().default(CRM_DEFAULTS.intercept),
  })
  .superRefine((v, ctx) => {
    if (v.nu > v.nlevel) ctx.addIssue({ ...customIssue('too_big', { maximum: v.nlevel, inclusive: true }), path: ['nu'] });
    if (!(v.target - v.halfwidth > 0 && v.target + v.halfwidth < 1))
      ctx.addIssue({ ...customIssue('crm_halfwidth_too_large', { target: v.target, halfwidth: v.halfwidth }), path: ['halfwidth'] });
  });
export type CrmGetPriorInput = z.input<typeof CrmGetPriorInput>;

/** dfcrm getprior(): the calibrated skeleton, length nlevel, increasing. */
export function crmGetPrior(input: CrmGetPriorInput): Result<number[]> {
  const parsed = parseInput(CrmGetPriorInput, input);
  if (!parsed.ok) return parsed;
  const { halfwidth, target, nu, nlevel, model, intercept } = parsed.value;
  const d = new Array<number>(nlevel + 1).fill(Number.NaN); // 1-based, as in R
  if (model === CrmModel.Empiric) {
    d[nu] = target;
    for (let k = nu; k >= 2; k--) {
      const b = Math.log(Math.log(target + halfwidth) / Math.log(d[k]!));
      d[k - 1] = Math.exp(Math.log(target - halfwidth) / Math.exp(b));
    }
    for (let k = nu; k <= nlevel - 1; k++) {
      const b = Math.log(Math.log(target - halfwidth) / Math.log(d[k]!));
      d[k + 1] = Math.exp(Math.log(target + halfwidth) / Math.exp(b));
    }
    return ok(d.slice(1));
  }
  const upper = Math.log((target + halfwidth) / (1 - target - halfwidth)) - intercept;
  const lower = Math.log((target - halfwidth) / (1 - target + halfwidth)) - intercept;
  d[nu] = Math.log(target / (1 - target)) - intercept;
  for (let k = nu; k >= 2; k--) {
    const b = Math.log(upper / d[k]!);
    d[k - 1] = lower / Math.exp(b);
  }
  for (let k = nu; k <= nlevel - 1; k++) {
    const b = Math.log(lower / d[k]!);
    d[k + 1] = upper / Math.exp(b);
  }
  return ok(d.slice(1).map((x) => 1 / (1 + Math.exp(-intercept - x))));
}
