// The fixed quadrature grid of the fast CRM fitter, built once per design (skeleton, model,
// prior, target) so that a fit is sums over precomputed tables.
//
// Rule: the trapezoid rule on a uniform grid a_k = a* + (k − k0)·h over [−R, R] (the fitter uses
// every s-th node, step s·h). For an integrand analytic in a strip |Im a| < d around the real axis
// and negligible at ±R, the trapezoid sum converges geometrically (Trefethen & Weideman, "The
// exponentially convergent trapezoidal rule", SIAM Review 56(3), 2014): its error is
// ≈ exp(−2π²σ_p²/h²) relative for a near-normal posterior of sd σ_p, and at most ≈ exp(−2πd/h)
// from the likelihood's complex singularities (crm-fast-fitter.ts, analyticHalfWidth).
//
// R = max(10, 9σ): dfcrm integrates its moments over [−10, 10]; the prior mass beyond 9σ is
// < 1e-18, so the truncation is invisible next to dfcrm's own.
//
// The overdose probability Pr(a < a*) needs a partial integral, where the trapezoid rule would
// drop to O(h²). Instead each grid value carries the exact integral over (−∞, a*] of its sinc
// interpolant (Stenger, "Numerical Methods Based on Sinc and Analytic Functions", 1993, §1.5):
// weight h·(1/2 + Si(π(a* − a_k)/h)/π). The grid is anchored at a* (a_{k0} = a*), so the weights
// depend on integers only, at any stride. Sinc interpolation converges at half the trapezoid's
// rate, ≈ exp(−π²σ_p²/(2h²)) and exp(−πd/h), which sets the fitter's limits on the stride.
import { type CrmCurve, logToxPair, overdoseThreshold } from './crm-curve.ts';
import { sineIntegral } from './numeric/sine-integral.ts';

export interface CrmGrid {
  readonly nodes: number;
  readonly step: number;
  /** Abscissae a_k. */
  readonly a: Float64Array;
  /** −a_k²/(2σ²): the log prior up to a constant. */
  readonly logPrior: Float64Array;
  /** log p_j(a_k) at [k·doses + j] (node-major: one node's doses are adjacent). */
  readonly logTox: Float64Array;
  /** log(1 − p_j(a_k)) at [k·doses + j]. */
  readonly logNonTox: Float64Array;
  /** Index k0 of the anchor node: a* when it lies inside (−R, R), else 0. */
  readonly anchorIndex: number;
  /**
   * 1/2 + Si(π·m)/π at [nodes + m], m = −nodes … nodes. With nodes taken every s-th from the
   * anchor (step s·h), node a* − m·s·h carries the weight (1/2 + Si(π·m)/π)·s·h over (−∞, a*].
   */
  readonly sincWeight: Float64Array;
  /** Whether a* lies on the grid (else Pr(a < a*) is `overdoseConstant`). */
  readonly overdoseOnGrid: boolean;
  /** Pr(a < a*) when a* is off the grid: 0 (a* below −R or p_1 never reaches the target) or 1 (a* above R). */
  readonly overdoseConstant: number;
}

export const DEFAULT_GRID_STEP = 0.025;

export function crmGrid(curve: CrmCurve, priorVar: number, target: number, step = DEFAULT_GRID_STEP): CrmGrid {
  const sigma = Math.sqrt(priorVar);
  const R = Math.max(10, 9 * sigma);
  const threshold = overdoseThreshold(curve, target, 0);
  const onGrid = threshold > -R && threshold < R;
  const anchor = onGrid ? threshold : 0;
  const k0 = Math.ceil((anchor + R) / step);
  const nodes = k0 + Math.ceil((R - anchor) / step) + 1;
  const K = curve.dosescaled.length;

  const a = new Float64Array(nodes);
  const logPrior = new Float64Array(nodes);
  const logTox = new Float64Array(K * nodes);
  const logNonTox = new Float64Array(K * nodes);
  const pair = new Float64Array(2);
  for (let k = 0; k < nodes; k++) {
    const ak = anchor + (k - k0) * step;
    a[k] = ak;
    logPrior[k] = -(ak * ak) / (2 * priorVar);
    for (let j = 0; j < K; j++) {
      logToxPair(curve, j, ak, pair);
      logTox[k * K + j] = pair[0]!;
      logNonTox[k * K + j] = pair[1]!;
    }
  }

  // 1/2 + Si(π·m)/π for m = −nodes … nodes, at [nodes + m]: the sinc weights at any stride.
  const sincWeight = new Float64Array(2 * nodes + 1);
  sincWeight[nodes] = 0.5;
  for (let m = 1; m <= nodes; m++) {
    const tail = sineIntegral(Math.PI * m) / Math.PI;
    sincWeight[nodes + m] = 0.5 + tail;
    sincWeight[nodes - m] = 0.5 - tail;
  }
  const overdoseConstant = onGrid ? Number.NaN : threshold >= R ? 1 : 0;
  return { nodes, step, anchorIndex: k0, a, logPrior, logTox, logNonTox, sincWeight, overdoseOnGrid: onGrid, overdoseConstant };
}
