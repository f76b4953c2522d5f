// The BOIN design behind the common Design interface (boin-spec.md §4–§5): live decisions with
// their explanation and decision table, MTD selection, and the OC kernel built on the same rules.
import { type ExplanationStep, step } from '../../explanation.ts';
import type { Decision, DecisionKind, DecisionTableRow, MtdSelection } from '../decision.ts';
import { type Design, KernelStop, type OcKernel } from '../design.ts';
import { totalPatients, type TrialData } from '../trial-data.ts';
import { type BoinThresholds, boinThresholds, boundaryRows } from './boundaries.ts';
import type { BoinConfig } from './config.ts';
import { BoinRule, type BoinRuleSettings, boinRule, boinStops, newBoinOutcome } from './rules.ts';
import { type BoinSelection, BoinSelector, boinSelectMtd } from './select-mtd.ts';

const kindOf: Record<BoinRule, DecisionKind> = {
  [BoinRule.Start]: 'stay',
  [BoinRule.MaxSampleSize]: 'stop',
  [BoinRule.LowestEliminated]: 'stop',
  [BoinRule.Extrasafe]: 'stop',
  [BoinRule.EarlyStop]: 'stop',
  [BoinRule.Escalate]: 'escalate',
  [BoinRule.EscalationBlocked]: 'stay',
  [BoinRule.TopDose]: 'stay',
  [BoinRule.DeEscalate]: 'de-escalate',
  [BoinRule.Eliminated]: 'de-escalate',
  [BoinRule.LowestDose]: 'stay',
  [BoinRule.Stay]: 'stay',
  [BoinRule.AboveEliminated]: 'de-escalate',
};

export interface BoinDesign extends Design {
  readonly config: BoinConfig;
  readonly thresholds: BoinThresholds;
  /** The decision table for n = 1 … N (also attached to every decision). */
  readonly table: readonly DecisionTableRow[];
  /** select.mtd with its reporting extras (estimates, intervals, overdose probabilities). */
  selectMtdDetailed(data: TrialData): BoinSelection;
}

/** Builds a BOIN design from a parsed `BoinConfig`. */
export function boin(config: BoinConfig): BoinDesign {
  const t = boinThresholds(config);
  const K = config.doses;
  const maxPatients = config.cohorts * config.cohortSize;
  const settings: BoinRuleSettings = { t, doses: K, maxPatients, nEarlystop: config.nEarlystop, extrasafe: config.extrasafe };
  const table = boundaryRows(t, maxPatients);
  const selector = new BoinSelector(t, K, config.extrasafe, config.boundMtd);
  const out = newBoinOutcome();

  const detailed = (data: TrialData): BoinSelection =>
    boinSelectMtd(
      selector,
      t,
      data.doses.map((d) => d.n),
      data.doses.map((d) => d.y),
    );

  const selectMtd = (data: TrialData): MtdSelection => {
    const s = detailed(data);
    return { mtd: s.mtd, estimates: s.estimates, reason: s.reason, explanation: s.explanation };
  };

  const next = (data: TrialData): Decision => {
    const d = data.current - 1;
    const n = data.doses.map((x) => x.n);
    const y = data.doses.map((x) => x.y);
    const total = totalPatients(data);
    const rule = boinRule(settings, n, y, d, total, out);
    const nd = n[d] ?? 0;
    const steps: ExplanationStep[] = [
      step('boin.counts', { dose: data.current, n: nd, y: y[d] ?? 0, total, maxPatients }),
      step('boin.boundaries', {
        lambdaE: t.lambdaE,
        lambdaD: t.lambdaD,
        n: nd,
        escalateIfAtMost: nd > 0 ? t.escalate.at(nd) : null,
        deescalateIfAtLeast: nd > 0 ? t.deescalate.at(nd) : null,
        eliminateIfAtLeast: nd > 0 && t.eliminate.at(nd) >= 0 ? t.eliminate.at(nd) : null,
      }),
    ];
    if (out.firstEliminated < K) steps.push(step('boin.eliminated-from', { dose: out.firstEliminated + 1, cutoffEli: config.cutoffEli }));
    if (config.extrasafe && d === 0 && nd >= 3)
      steps.push(step('boin.extrasafe-boundary', { stopIfAtLeast: t.extrasafe.at(nd) >= 0 ? t.extrasafe.at(nd) : null, cutoff: config.cutoffEli - config.offset }));
    if (nd >= config.nEarlystop) steps.push(step('boin.n-earlystop-reached', { n: nd, nEarlystop: config.nEarlystop }));
    const stop = boinStops.has(rule);
    steps.push(step(rule, { dose: data.current, nextDose: stop ? null : out.next + 1 }));
    if (!stop) return { decision: kindOf[rule], nextDose: out.next + 1, reason: rule, explanation: steps, table };
    let mtd: number | null = null;
    if (rule === BoinRule.MaxSampleSize || rule === BoinRule.EarlyStop) {
      const s = detailed(data);
      mtd = s.mtd;
      steps.push(...s.explanation);
    }
    return { decision: 'stop', nextDose: null, reason: rule, mtd, explanation: steps, table };
  };

  const stepOut = newBoinOutcome();
  const kernel: OcKernel = {
    doses: K,
    startDose: config.startDose - 1,
    cohortSize: config.cohortSize,
    maxPatients,
    target: config.target,
    step(n, y, dose, total) {
      const rule = boinRule(settings, n, y, dose, total, stepOut);
      if (rule === BoinRule.MaxSampleSize || rule === BoinRule.EarlyStop) return KernelStop.Select;
      if (rule === BoinRule.LowestEliminated || rule === BoinRule.Extrasafe) return KernelStop.NoMtd;
      return stepOut.next;
    },
    select: (n, y) => selector.select(n, y),
  };

  return {
    label: 'boin',
    config,
    thresholds: t,
    table,
    doses: K,
    startDose: config.startDose,
    cohortSize: config.cohortSize,
    maxPatients,
    target: config.target,
    conduct: config.conduct,
    next,
    selectMtd,
    selectMtdDetailed: detailed,
    kernel,
  };
}
