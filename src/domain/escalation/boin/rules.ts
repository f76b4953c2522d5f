// BOIN's decision after a cohort, in get.oc's order (boin-spec.md §4). One function serves the live
// `next()`, the exact DP and the simulation, so the three cannot drift apart.
//
// Elimination flags are not carried as state: in get.oc a dose is flagged only while it is being
// treated, is never treated again once flagged, and takes every higher dose with it. So mid-trial
// "dose j is flagged" ⇔ some dose i ≤ j has y_i ≥ el(n_i) — a function of (n, y) — which is what lets
// the exact DP merge states on (n, y, current dose) alone.
//
// Why not decorators (style.md §2): the order here carries R's exact semantics (the final cohort
// skips elimination; extrasafe is tested only inside the elimination branch; n.earlystop stops only
// on a "stay"), and one flat function keeps the OC kernel and `next()` identical by construction.
import type { BoinThresholds } from './boundaries.ts';

export const BoinRule = {
  /** No patient yet at the current dose: treat the next cohort there. */
  Start: 'boin.start',
  /** The maximum sample size is reached: stop and select the MTD (§4.1). */
  MaxSampleSize: 'boin.max-sample-size',
  /** The lowest dose is eliminated: stop, no MTD (§4.2). */
  LowestEliminated: 'boin.lowest-dose-eliminated',
  /** Extrasafe rule at the lowest dose: stop, no MTD (§4.2). */
  Extrasafe: 'boin.extrasafe-stop',
  /** n.earlystop patients at the current dose and the decision is to stay: stop and select (§4.3). */
  EarlyStop: 'boin.n-earlystop',
  Escalate: 'boin.escalate',
  /** Escalation indicated but the next dose is eliminated: stay (§4.4). */
  EscalationBlocked: 'boin.escalation-blocked',
  /** Escalation indicated at the highest dose: stay. */
  TopDose: 'boin.stay-top-dose',
  DeEscalate: 'boin.deescalate',
  /** The current dose was just eliminated: de-escalate (d(n) ≤ el(n), §3.4). */
  Eliminated: 'boin.eliminate-and-deescalate',
  /** De-escalation indicated at the lowest dose: stay. */
  LowestDose: 'boin.stay-lowest-dose',
  Stay: 'boin.stay',
  /**
   * Live data only (never reached by BOIN's own conduct): the current dose is at or above a dose
   * whose data eliminate it; go to the highest dose below the eliminated ones.
   */
  AboveEliminated: 'boin.current-above-eliminated',
} as const;
export type BoinRule = (typeof BoinRule)[keyof typeof BoinRule];

/** Rules that end the trial; the others name the next dose. */
export const boinStops: ReadonlySet<BoinRule> = new Set([
  BoinRule.MaxSampleSize,
  BoinRule.LowestEliminated,
  BoinRule.Extrasafe,
  BoinRule.EarlyStop,
]);

export interface BoinRuleSettings {
  readonly t: BoinThresholds;
  readonly doses: number;
  readonly maxPatients: number;
  readonly nEarlystop: number;
  readonly extrasafe: boolean;
}

/** Mutable scratch written by `boinRule` (reused: the OC loops call it millions of times). */
export interface BoinOutcome {
  /** 0-based next dose; meaningless for stop rules. */
  next: number;
  /** 0-based first flagged dose among 0 … d+1, or K when none. */
  firstEliminated: number;
}

export const newBoinOutcome = (): BoinOutcome => ({ next: 0, firstEliminated: 0 });

/** The rule that fires at 0-based dose `d` after its latest cohort (`total` = Σ n); next dose in `out`. */
export function boinRule(s: BoinRuleSettings, n: ArrayLike<number>, y: ArrayLike<number>, d: number, total: number, out: BoinOutcome): BoinRule {
  const { t } = s;
  const K = s.doses;
  out.next = d;
  out.firstEliminated = K;
  // §4.1: the cohort that reaches N ends the trial before any elimination or early-stop test.
  if (total >= s.maxPatients) return BoinRule.MaxSampleSize;
  let firstElim = K;
  const top = d + 1 < K ? d + 1 : d;
  for (let j = 0; j <= top; j++) {
    const el = t.eliminate.at(n[j]!);
    if (el >= 0 && y[j]! >= el) {
      firstElim = j;
      break;
    }
  }
  out.firstEliminated = firstElim;
  if (firstElim < d) {
    if (firstElim === 0) return BoinRule.LowestEliminated;
    out.next = firstElim - 1;
    return BoinRule.AboveEliminated;
  }
  const nd = n[d]!;
  if (nd === 0) return BoinRule.Start;
  const yd = y[d]!;
  // §4.2: elimination of the current dose, then (inside the same "el(n) defined" branch) extrasafe.
  if (t.eliminate.at(nd) >= 0) {
    if (firstElim === d && d === 0) return BoinRule.LowestEliminated;
    if (s.extrasafe && d === 0 && nd >= 3) {
      const m = t.extrasafe.at(nd);
      if (m >= 0 && yd >= m) return BoinRule.Extrasafe;
    }
  }
  const e = t.escalate.at(nd);
  const de = t.deescalate.at(nd);
  const nextBlocked = d + 1 < K && firstElim <= d + 1;
  // §4.3: n.earlystop stops only when the decision would keep the dose where it is.
  if (nd >= s.nEarlystop && ((yd > e && yd < de) || (d === 0 && yd >= de) || ((d === K - 1 || nextBlocked) && yd <= e)))
    return BoinRule.EarlyStop;
  // §4.4, in R's order.
  if (yd <= e && d < K - 1) {
    if (nextBlocked) return BoinRule.EscalationBlocked;
    out.next = d + 1;
    return BoinRule.Escalate;
  }
  if (yd >= de && d > 0) {
    out.next = d - 1;
    return firstElim === d ? BoinRule.Eliminated : BoinRule.DeEscalate;
  }
  return yd <= e ? BoinRule.TopDose : yd >= de ? BoinRule.LowestDose : BoinRule.Stay;
}
