// One CRM fit exactly as dfcrm 0.2-2.1's crm() computes it (R/dfcrm.R, crm-notes.md):
// the estimate and E[a²] as in crm-dfcrm-estimate.ts, then
// post.var = E[a²] − estimate² (for mle not a variance, and possibly negative);
// ptox = p_j(estimate); ptoxL/ptoxU = p_j(estimate ± z·√post.var), z = qnorm(0.5 + conf.level/2),
// the upper a giving the lower p; mtd by dfcrm's closest-to-target rule (crm-mtd.ts).
//
// Beyond dfcrm: pOverdose = Pr(p_1 > target | data) and postMeanTox = E[p_j | data] under the
// Bayesian posterior with the same prior (also for method 'mle', where dfcrm has no posterior).
import type { Explanation } from '../../explanation.ts';
import { step } from '../../explanation.ts';
import { ok, type Result } from '../../result.ts';
import { parseInput } from '../../validation.ts';
import { crmCurve, toxAt } from './crm-curve.ts';
import { crmPatients } from './crm-data.ts';
import { dfcrmEstimate } from './crm-dfcrm-estimate.ts';
import { CrmFitInput, type CrmFitRequest } from './crm-fit-input.ts';
import { patientTerms } from './crm-integrands.ts';
import { crmMtdIndex, crmMtdRule } from './crm-mtd.ts';
import { posteriorMeanTox, posteriorOverdose } from './crm-posterior.ts';
import type { CrmMethod, CrmModel } from './crm-spec.ts';
import { rQnorm } from './numeric/r-qnorm.ts';

export interface CrmFit {
  readonly model: CrmModel;
  readonly method: CrmMethod;
  readonly target: number;
  /** dfcrm `estimate`: posterior mean (bayes) or maximum-likelihood estimate (mle) of a. */
  readonly estimate: number;
  /** dfcrm `post.var` (for mle: dfcrm's flat-prior quantity, which can be negative). */
  readonly postVar: number;
  readonly priorVar: number;
  /** Plug-in DLT probability per dose at the estimate. */
  readonly ptox: readonly number[];
  /** Lower/upper ends of dfcrm's conf.level interval per dose; absent when post.var < 0 (R: NaN). */
  readonly ptoxL?: readonly number[];
  readonly ptoxU?: readonly number[];
  /** 1-based recommended dose (dfcrm `mtd`). */
  readonly mtd: number;
  readonly dosescaled: readonly number[];
  /** Pr(p_1 > target | data) under the Bayesian posterior (not in dfcrm). */
  readonly pOverdose: number;
  /** E[p_j | data] under the Bayesian posterior (not in dfcrm). */
  readonly postMeanTox: readonly number[];
  /** Patients and DLTs per dose. */
  readonly n: readonly number[];
  readonly y: readonly number[];
  readonly explanation: Explanation;
}

/** Validates the input, then fits as dfcrm's crm() does (see the module comment). */
export function fitCrm(input: CrmFitInput): Result<CrmFit> {
  const parsed = parseInput(CrmFitInput, input);
  return parsed.ok ? fitCrmParsed(parsed.value) : parsed;
}

/** fitCrm for input already parsed by CrmFitInput. */
export function fitCrmParsed(req: CrmFitRequest): Result<CrmFit> {
  const curve = crmCurve(req);
  const K = req.skeleton.length;
  const patients = crmPatients(req.data, K);
  const terms = patientTerms(curve, patients.dose, patients.tox);
  const scale = Math.sqrt(req.priorVar);
  const core = dfcrmEstimate(curve, terms, req.method, req.priorVar);
  if (!core.ok) return core;
  const { estimate, secondMoment: e2 } = core.value;

  const postVar = e2 - estimate * estimate;
  const crit = rQnorm(0.5 + req.confLevel / 2);
  const ptox = req.skeleton.map((_, j) => toxAt(curve, j, estimate));
  const hasInterval = postVar >= 0;
  const half = crit * Math.sqrt(postVar);
  const mtdIndex = crmMtdIndex(ptox, req.target);
  const pOverdose = posteriorOverdose(curve, terms, scale, req.target);
  const postMeanTox = posteriorMeanTox(curve, terms, scale);
  const n = Array.from(patients.n);
  const y = Array.from(patients.y);

  const explanation: Explanation = [
    step('crm_model', { model: req.model, method: req.method, priorVar: req.priorVar, intercept: req.intercept, skeleton: req.skeleton }),
    step('crm_data', { n, dlt: y }),
    step('crm_estimate', { method: req.method, estimate, postVar }),
    ...(hasInterval ? [] : [step('crm_variance_negative', { postVar })]),
    step('crm_ptox', { ptox }),
    step('crm_mtd', { rule: crmMtdRule(ptox, req.target), dose: mtdIndex + 1, target: req.target }),
    step('crm_overdose_probability', { dose: 1, target: req.target, probability: pOverdose }),
  ];

  return ok({
    model: req.model,
    method: req.method,
    target: req.target,
    estimate,
    postVar,
    priorVar: req.priorVar,
    ptox,
    ...(hasInterval
      ? {
          ptoxL: req.skeleton.map((_, j) => toxAt(curve, j, estimate + half)),
          ptoxU: req.skeleton.map((_, j) => toxAt(curve, j, estimate - half)),
        }
      : {}),
    mtd: mtdIndex + 1,
    dosescaled: curve.dosescaled,
    pOverdose,
    postMeanTox,
    n,
    y,
    explanation,
  });
}
