// The estimate of a exactly as dfcrm's crm() computes it (R/dfcrm.R), shared by fitCrm and by the
// stepper's dfcrm-exact mode (crmsim calls crm() with var.est = FALSE, skipping E[a²]):
//
// bayes: den = integrate(crmh, -Inf, Inf); estimate = integrate(crmht, -10, 10)/den;
//        E[a²] = integrate(crmht2, -10, 10)/den  (rel.tol 2^-13, abs.tol 0)
// mle:   estimate = optimize(lcrm, c(-10, 10), tol = 1e-4, maximum = TRUE)$maximum, refused when
//        every outcome is 0 or every outcome is 1 ("mle does not exist!");
//        E[a²] = integrate(crmht2, -100, 100, scale = 500)/integrate(crmh, -10, 10, scale = 500)
//
// Where R's integrate() would stop with an error (any non-zero ierr), the estimate fails the same way.
import { fail, type Issue, issue, ok, type Result } from '../../result.ts';
import type { CrmCurve } from './crm-curve.ts';
import { logLikelihood, type PatientTerms, posteriorKernel } from './crm-integrands.ts';
import { CrmMethod } from './crm-spec.ts';
import type { Integrand } from './numeric/quadpack-rules.ts';
import { IntegrateStatus, rIntegrate } from './numeric/r-integrate.ts';
import { rOptimize } from './numeric/r-optimize.ts';

export interface DfcrmEstimate {
  readonly estimate: number;
  /** dfcrm's e2 (E[a²], or its flat-prior stand-in for mle); NaN when not asked for. */
  readonly secondMoment: number;
}

const DFCRM_INTEGRATE = { absTol: 0 } as const; // dfcrm passes abs.tol = 0; rel.tol stays R's default

export function dfcrmEstimate(
  curve: CrmCurve,
  terms: PatientTerms,
  method: CrmMethod,
  priorVar: number,
  varEst = true,
): Result<DfcrmEstimate> {
  const failures: Issue[] = [];
  const integrate = (integral: string, f: Integrand, lower: number, upper: number): number => {
    const r = rIntegrate(f, lower, upper, DFCRM_INTEGRATE);
    if (r.status !== IntegrateStatus.Ok) failures.push(issue([], 'crm_integration_failed', { integral, status: r.status }));
    return r.value;
  };
  let estimate: number;
  let secondMoment = Number.NaN;
  if (method === CrmMethod.Mle) {
    const dlts = terms.y.reduce((s, t) => s + t, 0);
    if (dlts === 0 || dlts === terms.y.length) return fail(issue(['data'], 'crm_mle_not_exist', { patients: terms.y.length, dlts }));
    estimate = rOptimize(logLikelihood(curve, terms), -10, 10, { maximum: true, tol: 1e-4 }).argument;
    if (varEst)
      secondMoment =
        integrate('second_moment', posteriorKernel(curve, terms, 500, 2), -100, 100) /
        integrate('normaliser', posteriorKernel(curve, terms, 500, 0), -10, 10);
  } else {
    const scale = Math.sqrt(priorVar);
    const den = integrate('normaliser', posteriorKernel(curve, terms, scale, 0), Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
    estimate = integrate('first_moment', posteriorKernel(curve, terms, scale, 1), -10, 10) / den;
    if (varEst) secondMoment = integrate('second_moment', posteriorKernel(curve, terms, scale, 2), -10, 10) / den;
  }
  return failures.length > 0 ? fail(...failures) : ok({ estimate, secondMoment });
}
