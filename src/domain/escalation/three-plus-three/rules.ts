// The 3+3 (A+B with A = B = 3, Lin & Shih 2001) in the three variants of
// three-plus-three-spec.md. One function serves live decisions, the exact DP and simulation.
//
// At the current dose after a complete cohort: 0/3 passes, 1/3 treats 3 more, ≥2/3 fails;
// ≤1/6 passes, ≥2/6 fails. Variants differ in what passing and failing lead to.

export const ThreePlusThreeVariant = {
  /** A — no de-escalation (Lin & Shih's traditional 3+3). */
  NoDeescalation: 'a',
  /** B — with de-escalation (Korn et al. 1994). */
  Deescalation: 'b',
  /** C — B plus expansion of the top dose to 6 patients. */
  ExpandTop: 'c',
} as const;
export type ThreePlusThreeVariant = (typeof ThreePlusThreeVariant)[keyof typeof ThreePlusThreeVariant];

export const ThreePlusThreeRule = {
  /** No patient yet at the current dose: treat a cohort there. */
  Start: '3+3.start',
  /** The current dose's cohort is not complete (n not a multiple of 3): complete it. */
  CohortIncomplete: '3+3.cohort-incomplete',
  /** 1 DLT in 3: treat 3 more at the same dose. */
  Expand: '3+3.expand',
  /** Variant C: 0/3 at the top dose, treat 3 more there. */
  ExpandTop: '3+3.expand-top',
  /** The dose passes: escalate. */
  Escalate: '3+3.escalate',
  /** The top dose passes: stop, MTD = top dose. */
  TopDosePasses: '3+3.top-dose-passes',
  /** B/C: the dose passes and the next one already failed or has 6 patients: stop, MTD = this dose. */
  NextDoseDone: '3+3.next-dose-done',
  /** A: the dose fails: stop, MTD = the dose below (none at dose 1). */
  FailStop: '3+3.dose-fails-stop',
  /** B/C: the dose fails and the dose below has < 6 patients: treat 3 more there. */
  FailDeescalate: '3+3.dose-fails-deescalate',
  /** B/C: the lowest dose fails: stop, no MTD. */
  LowestFails: '3+3.lowest-dose-fails',
  /** B/C: the dose fails and the dose below has 6: stop, MTD = highest dose with ≤ 1/6. */
  FailSelect: '3+3.dose-fails-select',
} as const;
export type ThreePlusThreeRule = (typeof ThreePlusThreeRule)[keyof typeof ThreePlusThreeRule];

/** Mutable scratch written by `threePlusThreeRule`. */
export interface ThreePlusThreeOutcome {
  rule: ThreePlusThreeRule;
  /** 0-based next dose when the trial continues. */
  next: number;
  /** Stop rules: 0-based MTD, −1 for none. `stop` says whether the trial ends. */
  mtd: number;
  stop: boolean;
}

export const newThreePlusThreeOutcome = (): ThreePlusThreeOutcome => ({ rule: ThreePlusThreeRule.Start, next: 0, mtd: -1, stop: false });

function go(out: ThreePlusThreeOutcome, rule: ThreePlusThreeRule, next: number): ThreePlusThreeRule {
  out.rule = rule;
  out.next = next;
  out.stop = false;
  out.mtd = -1;
  return rule;
}

function stop(out: ThreePlusThreeOutcome, rule: ThreePlusThreeRule, mtd: number): ThreePlusThreeRule {
  out.rule = rule;
  out.stop = true;
  out.mtd = mtd;
  return rule;
}

/** Highest 0-based dose with ≥ 6 patients and ≤ 1 DLT, −1 if none (variant B/C's MTD). */
function highestPassedOnSix(n: ArrayLike<number>, y: ArrayLike<number>, K: number): number {
  for (let j = K - 1; j >= 0; j--) if (n[j]! >= 6 && y[j]! <= 1) return j;
  return -1;
}

/** The decision at 0-based dose `d` after its latest cohort (counts per dose in n, y). */
export function threePlusThreeRule(
  variant: ThreePlusThreeVariant,
  K: number,
  n: ArrayLike<number>,
  y: ArrayLike<number>,
  d: number,
  out: ThreePlusThreeOutcome,
): ThreePlusThreeRule {
  const nd = n[d]!;
  const yd = y[d]!;
  if (nd === 0) return go(out, ThreePlusThreeRule.Start, d);
  if (nd % 3 !== 0) return go(out, ThreePlusThreeRule.CohortIncomplete, d);
  const fails = yd >= 2;
  const passes = !fails && (nd >= 6 || yd === 0);
  if (!fails && !passes) return go(out, ThreePlusThreeRule.Expand, d);
  if (passes) {
    if (d === K - 1) {
      if (variant === ThreePlusThreeVariant.ExpandTop && nd < 6) return go(out, ThreePlusThreeRule.ExpandTop, d);
      return stop(out, ThreePlusThreeRule.TopDosePasses, d);
    }
    if (variant !== ThreePlusThreeVariant.NoDeescalation && (y[d + 1]! >= 2 || n[d + 1]! >= 6))
      return stop(out, ThreePlusThreeRule.NextDoseDone, d);
    return go(out, ThreePlusThreeRule.Escalate, d + 1);
  }
  if (variant === ThreePlusThreeVariant.NoDeescalation) return stop(out, ThreePlusThreeRule.FailStop, d - 1);
  if (d === 0) return stop(out, ThreePlusThreeRule.LowestFails, -1);
  if (n[d - 1]! < 6) return go(out, ThreePlusThreeRule.FailDeescalate, d - 1);
  return stop(out, ThreePlusThreeRule.FailSelect, highestPassedOnSix(n, y, K));
}
