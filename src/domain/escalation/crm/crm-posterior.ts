// Posterior quantities that dfcrm does not report, computed precisely (same integrands, R's
// integrate() with rel.tol 1e-12 instead of dfcrm's 1.2e-4), for the precise fit and as the
// reference that the fast fitter is tested against:
// - the overdose probability Pr(p_1 > target | data) = Pr(a < a* | data), which drives the safety
//   stop that dfcrm lacks;
// - the posterior mean DLT probability E[p_j(a) | data] per dose (dfcrm reports only the plug-in
//   p_j(E[a | data])).
import { overdoseThreshold, toxAt, type CrmCurve } from './crm-curve.ts';
import { type PatientTerms, posteriorKernel } from './crm-integrands.ts';
import { rIntegrate } from './numeric/r-integrate.ts';

const PRECISE = { relTol: 1e-12, absTol: 0, subdivisions: 200 } as const;

function integral(f: (a: number) => number, lower: number, upper: number): number {
  const r = rIntegrate(f, lower, upper, PRECISE);
  // A 'roundoff' status at this tolerance still leaves a value good to ~1e-12: only a failure to
  // produce a number at all is a bug.
  if (!Number.isFinite(r.value)) throw new Error(`posterior integral failed: ${r.status}`);
  return r.value;
}

/** Pr(p_dose > target | data) under the N(0, scale²) prior on a; dose is 0-based (default the lowest). */
export function posteriorOverdose(curve: CrmCurve, terms: PatientTerms, scale: number, target: number, dose = 0): number {
  const threshold = overdoseThreshold(curve, target, dose);
  if (threshold === Number.NEGATIVE_INFINITY) return 0;
  const kernel = posteriorKernel(curve, terms, scale, 0);
  const below = integral(kernel, Number.NEGATIVE_INFINITY, threshold);
  const above = integral(kernel, threshold, Number.POSITIVE_INFINITY);
  return below / (below + above);
}

/** E[p_j(a) | data] for every dose. */
export function posteriorMeanTox(curve: CrmCurve, terms: PatientTerms, scale: number): number[] {
  const kernel = posteriorKernel(curve, terms, scale, 0);
  const mass = integral(kernel, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
  return curve.dosescaled.map(
    (_, j) => integral((a) => toxAt(curve, j, a) * kernel(a), Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY) / mass,
  );
}
