// The two one-parameter dose–toxicity models of dfcrm (crm-notes.md "Model"), as functions of the
// parameter a for dose j (0-based here):
// - empiric (power): p_j(a) = s_j^exp(a);
// - logistic: p_j(a) = 1 / (1 + exp(−α0 − exp(a)·x_j)), x_j = logit(s_j) − α0 < 0 ("dosescaled").
// Both are decreasing in a at every dose, so "more toxic than the target" is "a below a threshold".
import { CrmModel, type CrmSpec } from './crm-spec.ts';

export interface CrmCurve {
  readonly model: CrmModel;
  readonly skeleton: readonly number[];
  readonly intercept: number;
  /** dfcrm's `dosescaled`: the skeleton (empiric) or logit(s_j) − α0 (logistic). */
  readonly dosescaled: readonly number[];
}

export function crmCurve(spec: Pick<CrmSpec, 'model' | 'skeleton' | 'intercept'>): CrmCurve {
  const dosescaled =
    spec.model === CrmModel.Empiric ? [...spec.skeleton] : spec.skeleton.map((s) => Math.log(s / (1 - s)) - spec.intercept);
  return { model: spec.model, skeleton: spec.skeleton, intercept: spec.intercept, dosescaled };
}

/**
 * p_j(a) computed as dfcrm computes ptox: `prior^exp(est)` (empiric) or
 * `(1 + exp(-intcpt - exp(est)*dosescaled))^{-1}` (logistic).
 */
export function toxAt(curve: CrmCurve, j: number, a: number): number {
  const x = curve.dosescaled[j]!;
  if (curve.model === CrmModel.Empiric) return x ** Math.exp(a);
  return 1 / (1 + Math.exp(-curve.intercept - Math.exp(a) * x));
}

/** log p_j(a) and log(1 − p_j(a)), written to stay accurate when p is near 0 or 1. */
export function logToxPair(curve: CrmCurve, j: number, a: number, out: Float64Array): void {
  const x = curve.dosescaled[j]!;
  if (curve.model === CrmModel.Empiric) {
    const lp = Math.exp(a) * Math.log(x); // log p = exp(a)·log s
    out[0] = lp;
    out[1] = Math.log(-Math.expm1(lp)); // log(1 − e^lp)
  } else {
    const eta = curve.intercept + Math.exp(a) * x; // logit p
    out[0] = -softplus(-eta);
    out[1] = -softplus(eta);
  }
}

/** log(1 + e^t) without overflow or loss of precision. */
function softplus(t: number): number {
  return t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
}

/**
 * The a* with p_j(a*) = target: p_j(a) > target exactly when a < a*. −Infinity when p_j never
 * reaches the target (logistic model with target ≥ 1/(1 + e^−α0), the ceiling of p_j as a → −∞).
 */
export function overdoseThreshold(curve: CrmCurve, target: number, j = 0): number {
  const x = curve.dosescaled[j]!;
  if (curve.model === CrmModel.Empiric) return Math.log(Math.log(target) / Math.log(x));
  const ratio = (Math.log(target / (1 - target)) - curve.intercept) / x;
  return ratio > 0 ? Math.log(ratio) : Number.NEGATIVE_INFINITY;
}
