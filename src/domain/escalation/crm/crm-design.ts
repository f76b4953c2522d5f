// CRM behind the escalation engine's one Design interface (../design.ts), so the live decision
// (with pending patients), the CLI and the operating characteristics treat it like BOIN and 3+3.
// Live decisions fit as dfcrm's crm() does (crmRecommend); operating characteristics use the fast
// Bayesian fitter through createCrmStepper, as crmsim conducts a one-stage CRM: cohorts until the
// maximum sample size, then the dose the final fit recommends.
import { z } from 'zod';
import { step } from '../../explanation.ts';
import { issue, ok, type Result } from '../../result.ts';
import { customIssue, parseInput } from '../../validation.ts';
import { Conduct, defaultConduct } from '../conduct.ts';
import { type Decision, DecisionKind, type MtdSelection } from '../decision.ts';
import { type Design, KernelStop, type OcKernel } from '../design.ts';
import { totalPatients, type TrialData } from '../trial-data.ts';
import { fitCrm } from './crm-fit.ts';
import { crmRecommend } from './crm-recommend.ts';
import { CRM_SAFETY_THRESHOLD, DEFAULT_CRM_RULES } from './crm-rules.ts';
import { CRM_DEFAULTS, CrmMethod, crmSpecFields, refineCrmSpec } from './crm-spec.ts';
import { createCrmStepper } from './crm-stepper.ts';

export const CrmDesignConfig = z
  .strictObject({
    ...crmSpecFields,
    method: z.enum([CrmMethod.Bayes, CrmMethod.Mle]).default(CRM_DEFAULTS.method),
    doses: z.int().min(1).optional(),
    cohortSize: z.int().min(1).default(3),
    cohorts: z.int().min(1).default(10),
    startDose: z.int().min(1).default(1),
    /** Stop when Pr(p_1 > target | data) exceeds this; 'off' reproduces dfcrm, which has no such rule. */
    safetyStop: z.union([z.literal('off'), z.number().gt(0).lt(1)]).default(CRM_SAFETY_THRESHOLD),
    conduct: Conduct.default(defaultConduct),
  })
  .superRefine((c, ctx) => {
    refineCrmSpec(c, ctx);
    if (c.doses !== undefined && c.doses !== c.skeleton.length)
      ctx.addIssue({ ...customIssue('length_mismatch', { expected: c.doses }), path: ['skeleton'] });
    if (c.startDose > c.skeleton.length)
      ctx.addIssue({ ...customIssue('too_big', { maximum: c.skeleton.length, inclusive: true }), path: ['startDose'] });
  });
export type CrmDesignConfig = z.output<typeof CrmDesignConfig>;
export type CrmDesignConfigInput = z.input<typeof CrmDesignConfig>;

export interface CrmDesign extends Design {
  readonly config: CrmDesignConfig;
}

function direction(current: number, next: number): DecisionKind {
  if (next > current) return DecisionKind.Escalate;
  if (next < current) return DecisionKind.DeEscalate;
  return DecisionKind.Stay;
}

export function crmDesign(input: CrmDesignConfigInput): Result<CrmDesign> {
  const parsed = parseInput(CrmDesignConfig, input);
  if (!parsed.ok) return parsed;
  const config = parsed.value;
  const K = config.skeleton.length;
  const maxPatients = config.cohorts * config.cohortSize;
  const spec = { skeleton: config.skeleton, target: config.target, model: config.model, priorVar: config.priorVar, intercept: config.intercept };
  const rules = { ...DEFAULT_CRM_RULES, safetyStop: config.safetyStop };
  const fitRequest = (data: TrialData) => ({ ...spec, method: config.method, data: { n: data.doses.map((d) => d.n), y: data.doses.map((d) => d.y) } });

  const selectMtd = (data: TrialData): MtdSelection => {
    const fit = fitCrm(fitRequest(data));
    if (!fit.ok) return { mtd: null, estimates: null, reason: 'crm.no-data', explanation: [step('crm.no-data')] };
    const stopped = config.safetyStop !== 'off' && fit.value.pOverdose > config.safetyStop;
    return {
      mtd: stopped ? null : fit.value.mtd,
      estimates: fit.value.ptox,
      reason: stopped ? 'crm.safety-stop' : 'crm.mtd',
      explanation: fit.value.explanation,
    };
  };

  const next = (data: TrialData): Decision => {
    const total = totalPatients(data);
    if (total === 0)
      return { decision: DecisionKind.Stay, nextDose: config.startDose, reason: 'crm.start', explanation: [step('crm.start', { dose: config.startDose })], table: [] };
    if (total >= maxPatients) {
      const selection = selectMtd(data);
      return { decision: DecisionKind.Stop, nextDose: null, mtd: selection.mtd, reason: 'crm.max-sample-size', explanation: [step('crm.max-sample-size', { maxPatients }), ...selection.explanation], table: [] };
    }
    const r = crmRecommend({ ...fitRequest(data), current: data.current, ...(data.lastCohort && { lastCohort: data.lastCohort }), rules });
    if (!r.ok) throw new Error(`CRM recommendation failed on validated data: ${JSON.stringify(r.issues)}`);
    const { nextDose, explanation } = r.value;
    if (nextDose === null) return { decision: DecisionKind.Stop, nextDose: null, mtd: null, reason: 'crm.safety-stop', explanation, table: [] };
    return { decision: direction(data.current, nextDose), nextDose, reason: 'crm.next-dose', explanation, table: [] };
  };

  const stepper = createCrmStepper(spec, rules);
  if (!stepper.ok) return stepper;
  const s = stepper.value;
  const kernel: OcKernel | undefined =
    config.method === CrmMethod.Bayes
      ? {
          doses: K,
          startDose: config.startDose - 1,
          cohortSize: config.cohortSize,
          maxPatients,
          target: config.target,
          step(n, y, dose, total, cohortDlts) {
            if (total >= maxPatients) return KernelStop.Select;
            const next0 = s.step(n, y, dose, config.cohortSize, cohortDlts);
            return next0 < 0 ? KernelStop.NoMtd : next0;
          },
          select: (n, y) => s.select(n, y),
        }
      : undefined;

  return ok({
    label: `crm/${config.model}/${config.method}`,
    doses: K,
    startDose: config.startDose,
    cohortSize: config.cohortSize,
    maxPatients,
    target: config.target,
    conduct: config.conduct,
    config,
    next,
    selectMtd,
    ...(kernel && { kernel }),
    check: (data) => (data.doses.length === K ? [] : [issue(['doses'], 'length_mismatch', { expected: K })]),
  });
}
