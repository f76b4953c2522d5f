// The CRM design compiled for operating characteristics: the fast fitter plus the design rules,
// on 0-based doses and reusable typed arrays, without allocation per call. Its step/select pair has
// the shape of the escalation engine's OcKernel (src/domain/escalation/design.ts) so that a CRM
// design can hand it over as its kernel.
//
// Conduct as dfcrm's crmsim (one-stage, scalar x0): after each cohort fit all data and apply
// crm-rules.ts; at the end, the dose dfcrm's final crm() recommends. With the safety stop on
// (default) a trial stops, with no dose selected, as soon as Pr(p_1 > target | data) > threshold,
// and the final selection also returns no dose if the rule holds on the final data.
//
// Option `fit: 'dfcrm'` replaces the fast estimate by dfcrm's own (R's integrate() at its default
// tolerance, var.est = FALSE as crmsim calls it; ~0.3 ms per fit): with R's generator drawing the
// outcomes (rbinom(1, 1, p) per patient, src/domain/random) this replays crmsim trial for trial.
// The fast estimate differs from dfcrm's by ≤ ~1e-8, which changes a decision only when two doses
// are within that distance of the target.
import { fail, nestIssues, ok, type Result } from '../../result.ts';
import { parseInput } from '../../validation.ts';
import { crmCurve, toxAt } from './crm-curve.ts';
import { dfcrmEstimate } from './crm-dfcrm-estimate.ts';
import { type CrmFastFit, type CrmFastOptions, createCrmFastFitter } from './crm-fast-fitter.ts';
import { patientTerms } from './crm-integrands.ts';
import { crmMtdIndex } from './crm-mtd.ts';
import { crmNextDose, CrmRules, type CrmRulesInput } from './crm-rules.ts';
import { CrmMethod, CrmSpec, type CrmSpecInput } from './crm-spec.ts';

export interface CrmStepperOptions extends CrmFastOptions {
  /** 'fast' (default): the exact posterior on a grid; 'dfcrm': the estimate as dfcrm computes it. */
  readonly fit?: 'fast' | 'dfcrm';
}

export interface CrmStepper {
  readonly doses: number;
  readonly target: number;
  /**
   * After a cohort of `cohortSize` patients with `cohortDlts` DLTs at 0-based `dose` (already
   * counted in n, y): the 0-based dose for the next cohort, or −1 to stop for safety.
   */
  step(n: Int32Array, y: Int32Array, dose: number, cohortSize: number, cohortDlts: number): number;
  /** The final choice: 0-based dose (dfcrm's `mtd` on all data), or −1 when the safety rule stops. */
  select(n: Int32Array, y: Int32Array): number;
  /** The fit behind the last step or select (overwritten by the next one). */
  readonly lastFit: CrmFastFit;
}

export function createCrmStepper(spec: CrmSpecInput, rules: CrmRulesInput = {}, options: CrmStepperOptions = {}): Result<CrmStepper> {
  const fitter = createCrmFastFitter(spec, options);
  const parsedRules = parseInput(CrmRules, rules);
  if (!fitter.ok || !parsedRules.ok)
    return fail(...(fitter.ok ? [] : fitter.issues), ...(parsedRules.ok ? [] : nestIssues(['rules'], parsedRules.issues)));
  const f = fitter.value;
  const r = parsedRules.value;
  const K = f.doses;
  const decision = { target: f.target, mtd: 1, pOverdose: 0, current: 1, highestTried: 1, lastCohortSize: 0, lastCohortDlts: 0 };
  let lastFit = f.fit(new Int32Array(K), new Int32Array(K));
  const fitData = options.fit === 'dfcrm' ? dfcrmFit(CrmSpec.parse(spec), f.fit.bind(f)) : f.fit.bind(f);

  const highest = (n: Int32Array): number => {
    for (let j = K - 1; j >= 0; j--) if (n[j]! > 0) return j + 1;
    return 0;
  };

  return ok({
    doses: K,
    target: f.target,
    get lastFit() {
      return lastFit;
    },
    step(n, y, dose, cohortSize, cohortDlts) {
      lastFit = fitData(n, y);
      decision.mtd = lastFit.mtd;
      decision.pOverdose = lastFit.pOverdose;
      decision.current = dose + 1;
      decision.highestTried = highest(n);
      decision.lastCohortSize = cohortSize;
      decision.lastCohortDlts = cohortDlts;
      return crmNextDose(decision, r) - 1;
    },
    select(n, y) {
      lastFit = fitData(n, y);
      if (r.safetyStop !== 'off' && lastFit.pOverdose > r.safetyStop) return -1;
      return lastFit.mtd - 1;
    },
  });
}

/**
 * The fast fit (for the overdose probability and the posterior variance) with dfcrm's estimate,
 * plug-in probabilities and recommendation written over it. Patients enter the likelihood dose by
 * dose, which changes dfcrm's product only in its last bits.
 */
function dfcrmFit(spec: CrmSpec, fast: (n: ArrayLike<number>, y: ArrayLike<number>) => CrmFastFit) {
  const curve = crmCurve(spec);
  const K = spec.skeleton.length;
  return (n: ArrayLike<number>, y: ArrayLike<number>): CrmFastFit => {
    const fit = fast(n, y);
    const dose: number[] = [];
    const tox: number[] = [];
    for (let j = 0; j < K; j++)
      for (let i = 0; i < n[j]!; i++) {
        dose.push(j);
        tox.push(i < y[j]! ? 1 : 0);
      }
    const r = dfcrmEstimate(curve, patientTerms(curve, Int32Array.from(dose), Uint8Array.from(tox)), CrmMethod.Bayes, spec.priorVar, false);
    // crmsim would stop with R's integrate() error here; a simulation cannot go on either
    if (!r.ok) throw new Error(`dfcrm estimate failed: ${JSON.stringify(r.issues)}`);
    fit.estimate = r.value.estimate;
    for (let j = 0; j < K; j++) fit.ptox[j] = toxAt(curve, j, fit.estimate);
    fit.mtd = crmMtdIndex(fit.ptox, spec.target) + 1;
    return fit;
  };
}
