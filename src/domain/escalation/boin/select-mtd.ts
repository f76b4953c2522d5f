// BOIN's final MTD selection (boin-spec.md §5; BOIN 2.7.2 select.mtd): elimination scan, admissible
// set, Beta(0.05, 0.05) posterior means pooled by weighted PAVA, 1e−10·k tie-break, closest to φ.
// `BoinSelector` is the allocation-free core shared by live decisions, the exact DP and simulation;
// `boinSelectMtd` adds the reporting extras of §5.9 (without the CI indexing quirk).
import betaCdf from '@stdlib/stats-base-dists-beta-cdf';
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import { type ExplanationStep, step } from '../../explanation.ts';
import type { BoinThresholds } from './boundaries.ts';
import { pavaInPlace } from './pava.ts';

export const BoinSelectReason = {
  Selected: 'boin.mtd-selected',
  LowestEliminated: 'boin.mtd-none-lowest-eliminated',
  NoAdmissibleData: 'boin.mtd-none-untreated',
  AllAboveLambdaD: 'boin.mtd-none-bound-mtd',
} as const;
export type BoinSelectReason = (typeof BoinSelectReason)[keyof typeof BoinSelectReason];

/** Posterior mean and variance under Beta(0.05, 0.05), written as select.mtd writes them (§5.4). */
const phatOf = (y: number, n: number): number => (y + 0.05) / (n + 0.1);
const varOf = (y: number, n: number): number => ((y + 0.05) * (n - y + 0.05)) / ((n + 0.1) ** 2 * (n + 0.1 + 1));

export class BoinSelector {
  private readonly phat: Float64Array;
  private readonly w: Float64Array;
  private readonly index: Int32Array;
  private readonly block: Int32Array;
  /** Why the last `select` call chose what it chose (a BoinSelectReason). */
  lastReason: BoinSelectReason = BoinSelectReason.Selected;
  /** First eliminated dose (0-based) found by the last call, K when none. */
  lastFirstEliminated = 0;

  constructor(
    private readonly t: BoinThresholds,
    private readonly doses: number,
    private readonly extrasafe: boolean,
    private readonly boundMtd: boolean,
  ) {
    this.phat = new Float64Array(doses);
    this.w = new Float64Array(doses);
    this.index = new Int32Array(doses);
    this.block = new Int32Array(doses);
  }

  /** 0-based MTD or −1. Reads n, y for doses 0 … K−1. */
  select(n: ArrayLike<number>, y: ArrayLike<number>): number {
    const K = this.doses;
    const { t } = this;
    // §5.1: the first dose (upwards) whose Pr(p > φ) exceeds cutoff.eli eliminates itself and above.
    let firstElim = K;
    for (let j = 0; j < K; j++) {
      const nj = n[j]!;
      if (nj >= 3) {
        const m = t.eliminateExact.at(nj);
        if (m >= 0 && y[j]! >= m) {
          firstElim = j;
          break;
        }
      }
    }
    if (this.extrasafe && n[0]! >= 3) {
      const m = t.extrasafe.at(n[0]!);
      if (m >= 0 && y[0]! >= m) firstElim = 0;
    }
    this.lastFirstEliminated = firstElim;
    if (firstElim === 0) return this.none(BoinSelectReason.LowestEliminated);
    // §5.3: admissible = treated and not eliminated, in dose order.
    let a = 0;
    for (let j = 0; j < firstElim; j++) {
      const nj = n[j]!;
      if (nj > 0) {
        const yj = y[j]!;
        this.phat[a] = phatOf(yj, nj);
        this.w[a] = 1 / varOf(yj, nj);
        this.index[a] = j;
        a++;
      }
    }
    if (a === 0) return this.none(BoinSelectReason.NoAdmissibleData);
    pavaInPlace(this.phat, this.w, a, this.block);
    // §5.6: pooled (equal) estimates become strictly increasing with dose.
    for (let k = 0; k < a; k++) this.phat[k] = this.phat[k]! + (k + 1) * 1e-10;
    let limit = a;
    if (this.boundMtd) {
      // §5.8, as coded: keep p̂ < λd (a prefix, p̂ being increasing); none if every p̂ ≥ λd.
      limit = 0;
      while (limit < a && this.phat[limit]! < t.lambdaD) limit++;
      if (limit === 0) return this.none(BoinSelectReason.AllAboveLambdaD);
    }
    // §5.7: smallest |p̂ − φ|, an exact tie going to the lower position (R's stable sort).
    const target = t.params.target;
    let best = 0;
    let bestDist = Math.abs(this.phat[0]! - target);
    for (let k = 1; k < limit; k++) {
      const dist = Math.abs(this.phat[k]! - target);
      if (dist < bestDist) {
        best = k;
        bestDist = dist;
      }
    }
    this.lastReason = BoinSelectReason.Selected;
    return this.index[best]!;
  }

  private none(reason: BoinSelectReason): number {
    this.lastReason = reason;
    return -1;
  }
}

export interface BoinSelection {
  /** 1-based MTD, `null` when none is selected (R's 99). */
  readonly mtd: number | null;
  readonly reason: BoinSelectReason;
  /** Per dose: eliminated by §5.1 (that dose and every dose above the first one found). */
  readonly eliminated: readonly boolean[];
  /** §5.9: PAVA-smoothed posterior means over all treated doses, `null` for untreated doses. */
  readonly estimates: readonly (number | null)[];
  /** §5.9: PAVA-smoothed 95% interval of Beta(y + 0.05, n − y + 0.05), indexed by dose (not R's shifted CI). */
  readonly intervals: readonly ({ lower: number; upper: number } | null)[];
  /** §5.9: unweighted PAVA of Pr(p > φ) under Beta(y + 0.05, n − y + 0.05). */
  readonly overdoseProbability: readonly (number | null)[];
  readonly explanation: readonly ExplanationStep[];
}

/** select.mtd on per-dose counts (n, y indexed by dose level − 1). */
export function boinSelectMtd(selector: BoinSelector, t: BoinThresholds, n: readonly number[], y: readonly number[]): BoinSelection {
  const K = n.length;
  const chosen = selector.select(n, y);
  const firstElim = selector.lastFirstEliminated;
  const treated = n.flatMap((nj, j) => (nj > 0 ? [j] : []));
  const a = (j: number) => y[j]! + 0.05;
  const b = (j: number) => n[j]! - y[j]! + 0.05;
  const smooth = (values: number[], weighted: boolean): number[] => {
    const w = treated.map((j) => (weighted ? 1 / varOf(y[j]!, n[j]!) : 1));
    pavaInPlace(values, w, values.length, new Int32Array(values.length));
    return values;
  };
  const est = smooth(treated.map((j) => phatOf(y[j]!, n[j]!)), true);
  const lower = smooth(treated.map((j) => betaQuantile(0.025, a(j), b(j))), true);
  const upper = smooth(treated.map((j) => betaQuantile(0.975, a(j), b(j))), true);
  const pod = smooth(treated.map((j) => 1 - betaCdf(t.params.target, a(j), b(j))), false);
  const perDose = <T>(values: T[]): (T | null)[] => {
    const out: (T | null)[] = new Array(K).fill(null);
    treated.forEach((j, k) => {
      out[j] = values[k]!;
    });
    return out;
  };
  const estimates = perDose(est);
  return {
    mtd: chosen < 0 ? null : chosen + 1,
    reason: selector.lastReason,
    eliminated: n.map((_, j) => j >= firstElim),
    estimates,
    intervals: perDose(treated.map((_, k) => ({ lower: lower[k]!, upper: upper[k]! }))),
    overdoseProbability: perDose(pod),
    explanation: [
      step('boin.mtd-elimination', { firstEliminated: firstElim < K ? firstElim + 1 : null, cutoffEli: t.params.cutoffEli }),
      step('boin.mtd-estimates', { estimates: estimates.map((e) => (e === null ? 'untreated' : e)) }),
      step(selector.lastReason, { mtd: chosen < 0 ? null : chosen + 1, target: t.params.target }),
    ],
  };
}
