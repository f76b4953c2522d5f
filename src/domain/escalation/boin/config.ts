// BOIN parameters (boin-spec.md §1), validated as get.boundary/get.oc validate them. Names follow
// the CLI options (`--p-saf` → pSaf, `--n-earlystop` → nEarlystop, `--bound-mtd` → boundMtd).
import { z } from 'zod';
import { Conduct, defaultConduct } from '../conduct.ts';
import { customIssue } from '../../validation.ts';

const probability = z.number().gt(0).lt(1);

/** What the boundaries and the MTD selection need (no trial size, no dose count). */
const boinParamFields = {
  target: z.number().min(0.05).max(0.6),
  /** φ1, default 0.6·φ. */
  pSaf: probability.optional(),
  /** φ2, default 1.4·φ. */
  pTox: probability.optional(),
  cutoffEli: probability.default(0.95),
  extrasafe: z.boolean().default(false),
  offset: z.number().min(0).lt(0.5).default(0.05),
  boundMtd: z.boolean().default(false),
};

type WithSafTox = { target: number; pSaf?: number | undefined; pTox?: number | undefined };

// Spec §1: φ − φ1 ≥ 0.1·φ and φ2 − φ ≥ 0.1·φ, checked after the defaults are filled in.
function refineSafTox(c: WithSafTox, ctx: z.RefinementCtx): void {
  const pSaf = c.pSaf ?? 0.6 * c.target;
  const pTox = c.pTox ?? 1.4 * c.target;
  if (c.target - pSaf < 0.1 * c.target) ctx.addIssue({ ...customIssue('boin_p_saf_too_close', { target: c.target }), path: ['pSaf'] });
  if (pTox - c.target < 0.1 * c.target) ctx.addIssue({ ...customIssue('boin_p_tox_too_close', { target: c.target }), path: ['pTox'] });
}

const fillSafTox = <C extends WithSafTox>(c: C): C & { pSaf: number; pTox: number } => ({
  ...c,
  pSaf: c.pSaf ?? 0.6 * c.target,
  pTox: c.pTox ?? 1.4 * c.target,
});

export const BoinParams = z.strictObject(boinParamFields).superRefine(refineSafTox).transform(fillSafTox);
export type BoinParams = z.output<typeof BoinParams>;
export type BoinParamsInput = z.input<typeof BoinParams>;

export const BoinConfig = z
  .strictObject({
    ...boinParamFields,
    doses: z.int().min(1),
    cohortSize: z.int().min(1),
    cohorts: z.int().min(1),
    /**
     * Stop (and select) once this many patients are at the current dose and the decision is to stay
     * (spec §4.3). Default 100, i.e. off. get.oc warns at ≤ 6; we accept any value ≥ 1.
     */
    nEarlystop: z.int().min(1).default(100),
    startDose: z.int().min(1).default(1),
    conduct: Conduct.default(defaultConduct),
  })
  .superRefine((c, ctx) => {
    refineSafTox(c, ctx);
    if (c.startDose > c.doses)
      ctx.addIssue({ ...customIssue('too_big', { maximum: c.doses, inclusive: true }), path: ['startDose'] });
  })
  .transform(fillSafTox);
export type BoinConfig = z.output<typeof BoinConfig>;
export type BoinConfigInput = z.input<typeof BoinConfig>;

/** `firstdose design boundaries`: the parameters plus the trial size N = cohorts × cohortSize. */
export const BoinBoundariesRequest = z
  .strictObject({ ...boinParamFields, cohortSize: z.int().min(1), cohorts: z.int().min(1) })
  .superRefine(refineSafTox)
  .transform(fillSafTox);
export type BoinBoundariesRequest = z.input<typeof BoinBoundariesRequest>;

/**
 * `firstdose design select-mtd`: counts per dose (n treated, y DLTs). select.mtd itself does no
 * validation (spec §1); we check the counts and the parameter bounds.
 */
export const BoinSelectRequest = z
  .strictObject({ ...boinParamFields, n: z.array(z.int().min(0)).min(1), y: z.array(z.int().min(0)).min(1) })
  .superRefine((c, ctx) => {
    refineSafTox(c, ctx);
    if (c.y.length !== c.n.length) ctx.addIssue({ ...customIssue('length_mismatch', { expected: c.n.length }), path: ['y'] });
    c.y.forEach((y, j) => {
      if (y > (c.n[j] ?? 0)) ctx.addIssue({ ...customIssue('too_big', { maximum: c.n[j] ?? 0, inclusive: true }), path: ['y', j] });
    });
  })
  .transform(fillSafTox);
export type BoinSelectRequest = z.input<typeof BoinSelectRequest>;
