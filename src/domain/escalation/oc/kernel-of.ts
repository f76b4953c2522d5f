// Operating characteristics for *any* design (style.md §3): a design's own fast kernel when it has
// one, else a generic adapter that replays `next`/`selectMtd` on the counts (slower, allocation per
// step, but exact to the design's definition — how a CRM without a kernel still gets OCs).
import { fail, issue, ok, type Result } from '../../result.ts';
import { type Design, KernelStop, type OcKernel } from '../design.ts';
import type { TrialData } from '../trial-data.ts';

export function kernelOf(design: Design): OcKernel {
  if (design.kernel) return design.kernel;
  const K = design.doses;
  const dataOf = (n: ArrayLike<number>, y: ArrayLike<number>, dose: number, last?: { n: number; y: number }): TrialData => {
    const doses = Array.from({ length: K }, (_, j) => ({ n: n[j]!, y: y[j]! }));
    return last ? { current: dose + 1, doses, lastCohort: last } : { current: dose + 1, doses };
  };
  return {
    doses: K,
    startDose: design.startDose - 1,
    cohortSize: design.cohortSize,
    maxPatients: design.maxPatients,
    target: design.target,
    step(n, y, dose, _total, cohortDlts) {
      const cohort = Math.min(design.cohortSize, n[dose]!);
      const d = design.next(dataOf(n, y, dose, { n: cohort, y: cohortDlts }));
      if (d.decision === 'wait') throw new Error(`design ${design.label} asked to wait on complete data`);
      if (d.decision !== 'stop') return d.nextDose! - 1;
      // A stop that says "no MTD" is final; otherwise `select` makes the choice from the same data.
      return d.mtd === null ? KernelStop.NoMtd : KernelStop.Select;
    },
    select(n, y, dose) {
      const mtd = design.selectMtd(dataOf(n, y, dose)).mtd;
      return mtd === null ? -1 : mtd - 1;
    },
  };
}

/** Checks a true-toxicity scenario against a design: one probability in [0, 1] per dose. */
export function checkTruth(kernel: OcKernel, truth: readonly number[]): Result<Float64Array> {
  if (truth.length !== kernel.doses) return fail(issue(['truth'], 'length_mismatch', { expected: kernel.doses }));
  const bad = truth.flatMap((p, j) => (Number.isFinite(p) && p >= 0 && p <= 1 ? [] : [issue(['truth', j], 'not_probability')]));
  return bad.length > 0 ? fail(...bad) : ok(Float64Array.from(truth));
}

/** 0/1 per dose: true rate above the target (get.oc's `p.true > target`); null without a target. */
export function overdoseMask(truth: Float64Array, target: number | null): Uint8Array | null {
  if (target === null) return null;
  return Uint8Array.from(truth, (p) => (p > target ? 1 : 0));
}
