// The 3+3 behind the common Design interface, with its OC kernel on the same rule function.
import { z } from 'zod';
import { type ExplanationStep, step } from '../../explanation.ts';
import { ok, type Result } from '../../result.ts';
import { parseInput } from '../../validation.ts';
import { Conduct, defaultConduct } from '../conduct.ts';
import type { Decision, DecisionTableRow, MtdSelection } from '../decision.ts';
import { type Design, KernelStop, type OcKernel } from '../design.ts';
import type { TrialData } from '../trial-data.ts';
import { newThreePlusThreeOutcome, ThreePlusThreeVariant, threePlusThreeRule } from './rules.ts';

export const ThreePlusThreeConfig = z.strictObject({
  variant: z
    .enum([ThreePlusThreeVariant.NoDeescalation, ThreePlusThreeVariant.Deescalation, ThreePlusThreeVariant.ExpandTop])
    .default(ThreePlusThreeVariant.NoDeescalation),
  doses: z.int().min(1),
  conduct: Conduct.default(defaultConduct),
});
export type ThreePlusThreeConfig = z.output<typeof ThreePlusThreeConfig>;
export type ThreePlusThreeConfigInput = z.input<typeof ThreePlusThreeConfig>;

/**
 * The 3+3 rules as a decision table in the BOIN row format: after 3, escalate on 0 DLT and the dose
 * fails on ≥ 2; after 6, escalate on ≤ 1 and fail on ≥ 2. A failed dose is never treated again.
 */
export const threePlusThreeTable: readonly DecisionTableRow[] = [
  { n: 3, escalate: 0, deescalate: 2, eliminate: 2 },
  { n: 6, escalate: 1, deescalate: 2, eliminate: 2 },
];

export interface ThreePlusThreeDesign extends Design {
  readonly config: ThreePlusThreeConfig;
}

/** The most patients a 3+3 can treat: 6 per dose. */
export const threePlusThreeMaxPatients = (doses: number): number => 6 * doses;

export function threePlusThree(config: ThreePlusThreeConfig): ThreePlusThreeDesign {
  const K = config.doses;
  const variant = config.variant;
  const out = newThreePlusThreeOutcome();

  const evaluate = (data: TrialData) => {
    const n = data.doses.map((x) => x.n);
    const y = data.doses.map((x) => x.y);
    threePlusThreeRule(variant, K, n, y, data.current - 1, out);
    return { n, y };
  };

  const next = (data: TrialData): Decision => {
    const { n, y } = evaluate(data);
    const d = data.current - 1;
    const steps: ExplanationStep[] = [
      step('3+3.counts', { variant, dose: data.current, n: n[d] ?? 0, y: y[d] ?? 0 }),
      step(out.rule, { dose: data.current, nextDose: out.stop ? null : out.next + 1, mtd: out.stop && out.mtd >= 0 ? out.mtd + 1 : null }),
    ];
    if (out.stop)
      return { decision: 'stop', nextDose: null, reason: out.rule, mtd: out.mtd >= 0 ? out.mtd + 1 : null, explanation: steps, table: threePlusThreeTable };
    const decision = out.next > d ? 'escalate' : out.next < d ? 'de-escalate' : 'stay';
    return { decision, nextDose: out.next + 1, reason: out.rule, explanation: steps, table: threePlusThreeTable };
  };

  const selectMtd = (data: TrialData): MtdSelection => {
    evaluate(data);
    // The 3+3 declares its MTD by the rule that stops it; before that there is none to report.
    const mtd = out.stop && out.mtd >= 0 ? out.mtd + 1 : null;
    const reason = out.stop ? out.rule : '3+3.trial-not-over';
    return { mtd, estimates: null, reason, explanation: [step(reason, { mtd })] };
  };

  const kOut = newThreePlusThreeOutcome();
  const kernel: OcKernel = {
    doses: K,
    startDose: 0,
    cohortSize: 3,
    maxPatients: Number.POSITIVE_INFINITY,
    target: null,
    step(n, y, dose) {
      threePlusThreeRule(variant, K, n, y, dose, kOut);
      if (!kOut.stop) return kOut.next;
      return kOut.mtd >= 0 ? KernelStop.Select : KernelStop.NoMtd;
    },
    select(n, y, dose) {
      threePlusThreeRule(variant, K, n, y, dose, kOut);
      return kOut.mtd;
    },
  };

  return {
    label: `3+3/${variant}`,
    config,
    doses: K,
    startDose: 1,
    cohortSize: 3,
    maxPatients: Number.POSITIVE_INFINITY,
    target: null,
    conduct: config.conduct,
    next,
    selectMtd,
    kernel,
    check: (data) =>
      data.doses.flatMap((x, j) => (x.n > 6 ? [{ path: ['doses', j], code: 'too_many', params: { maximum: 6 } }] : [])),
  };
}

/** A 3+3 design from unvalidated options. */
export function threePlusThreeDesign(input: ThreePlusThreeConfigInput): Result<ThreePlusThreeDesign> {
  const parsed = parseInput(ThreePlusThreeConfig, input);
  return parsed.ok ? ok(threePlusThree(parsed.value)) : parsed;
}
