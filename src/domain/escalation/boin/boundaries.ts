// BOIN interval boundaries and the integer decision table (boin-spec.md §2–§3; Liu & Yuan 2015,
// JRSS-C 64:507, "local" BOIN), as BOIN 2.7.2's get.boundary computes them.
import betaCdf from '@stdlib/stats-base-dists-beta-cdf';
import type { DecisionTableRow } from '../decision.ts';

export interface BoinLambdas {
  readonly lambdaE: number;
  readonly lambdaD: number;
}

/**
 * λe and λd (spec §2): where the binomial likelihoods under φ1 vs φ (resp. φ vs φ2) cross. Written
 * exactly as R evaluates them, so the doubles agree to the last bit with `lambda_grid`.
 */
export function boinLambdas(target: number, pSaf: number, pTox: number): BoinLambdas {
  const lambdaE = Math.log((1 - pSaf) / (1 - target)) / Math.log((target * (1 - pSaf)) / (pSaf * (1 - target)));
  const lambdaD = Math.log((1 - target) / (1 - pTox)) / Math.log((pTox * (1 - target)) / (target * (1 - pTox)));
  return { lambdaE, lambdaD };
}

/** Spec §3.1: escalate when y ≤ ⌊λe·n⌋ (plain floor, no tolerance). */
export const escalationCount = (lambdaE: number, n: number): number => Math.floor(lambdaE * n);

/**
 * Spec §3.2: de-escalate when y ≥ ⌈λd·n⌉, except that when λd·n is within 1e−12 of an integer m
 * the count is m + 1 — i.e. de-escalate iff y/n > λd strictly (the code, not the help text).
 */
export function deescalationCount(lambdaD: number, n: number): number {
  const x = lambdaD * n;
  const m = Math.round(x);
  return Math.abs(x - m) < 1e-12 ? m + 1 : Math.ceil(x);
}

/**
 * Pr(p > φ | y DLTs of n) under a Beta(1, 1) prior: 1 − I_φ(y + 1, n − y + 1), the quantity every
 * BOIN elimination and extrasafe rule compares with its cutoff (spec §3.3, §4.2, §5.1).
 */
export const overdoseProbability = (target: number, y: number, n: number): number => 1 - betaCdf(target, y + 1, n - y + 1);

/**
 * Smallest m in `from`…n with Pr(p > φ | m, n) > cutoff, `null` if none (the probability grows
 * with m, so "y ≥ m" is the same test as "probability > cutoff"). get.boundary scans from m = 1
 * (spec §3.3); select.mtd and the in-trial extrasafe test compare the probability itself, which is
 * a scan from m = 0 — the two differ only for cutoffs low enough that 0 DLTs already exceed them.
 */
export function minDltsAbove(target: number, n: number, cutoff: number, from: 0 | 1): number | null {
  for (let m = from; m <= n; m++) if (overdoseProbability(target, m, n) > cutoff) return m;
  return null;
}

/**
 * Memoised per-n counts (Int32Array, `Infinity`-free: −1 = undefined), growable, so that the hot
 * loops of the OC engines and live decisions share one source of truth with the printed table.
 */
export class CountCache {
  private values = new Int32Array(0);
  constructor(private readonly compute: (n: number) => number | null) {}
  /** The count at n, or −1 where the rule is undefined. */
  at(n: number): number {
    if (n >= this.values.length) {
      const old = this.values;
      this.values = new Int32Array(Math.max(n + 1, old.length * 2, 16)).fill(-2);
      this.values.set(old);
    }
    let v = this.values[n]!;
    if (v === -2) {
      v = this.compute(n) ?? -1;
      this.values[n] = v;
    }
    return v;
  }
}

export interface BoinThresholdParams {
  readonly target: number;
  readonly pSaf: number;
  readonly pTox: number;
  readonly cutoffEli: number;
  readonly offset: number;
}

/** Every per-n count BOIN uses, memoised. −1 means "undefined at this n". */
export interface BoinThresholds extends BoinLambdas {
  readonly params: BoinThresholdParams;
  /** Escalate if y ≤ this. */
  readonly escalate: CountCache;
  /** De-escalate if y ≥ this (capped at the elimination count, spec §3.4). */
  readonly deescalate: CountCache;
  /** get.boundary's elimination count (n ≥ 3, scan from m = 1): eliminate if y ≥ this. */
  readonly eliminate: CountCache;
  /** Elimination by the probability itself (select.mtd §5.1): y ≥ this ⇔ Pr > cutoff.eli, n ≥ 3. */
  readonly eliminateExact: CountCache;
  /** Extrasafe (§4.2, §5.1): y ≥ this ⇔ Pr > cutoff.eli − offset, n ≥ 3. */
  readonly extrasafe: CountCache;
}

export function boinThresholds(p: BoinThresholdParams): BoinThresholds {
  const { lambdaE, lambdaD } = boinLambdas(p.target, p.pSaf, p.pTox);
  const eliminate = new CountCache((n) => (n < 3 ? null : minDltsAbove(p.target, n, p.cutoffEli, 1)));
  return {
    params: p,
    lambdaE,
    lambdaD,
    escalate: new CountCache((n) => escalationCount(lambdaE, n)),
    deescalate: new CountCache((n) => {
      const d = deescalationCount(lambdaD, n);
      const el = eliminate.at(n);
      return el >= 0 && d > el ? el : d;
    }),
    eliminate,
    eliminateExact: new CountCache((n) => (n < 3 ? null : minDltsAbove(p.target, n, p.cutoffEli, 0))),
    extrasafe: new CountCache((n) => (n < 3 ? null : minDltsAbove(p.target, n, p.cutoffEli - p.offset, 0))),
  };
}

const orNull = (v: number): number | null => (v < 0 ? null : v);

/** The decision table rows for n = 1 … maxN (get.boundary's `full_boundary_tab`). */
export function boundaryRows(t: BoinThresholds, maxN: number): DecisionTableRow[] {
  const rows: DecisionTableRow[] = [];
  for (let n = 1; n <= maxN; n++)
    rows.push({ n, escalate: t.escalate.at(n), deescalate: t.deescalate.at(n), eliminate: orNull(t.eliminate.at(n)) });
  return rows;
}

/** Extrasafe stopping rows for the lowest dose: stop if y ≥ `stop` (get.boundary's `stop_boundary`). */
export function extrasafeRows(t: BoinThresholds, maxN: number): { n: number; stop: number | null }[] {
  const rows: { n: number; stop: number | null }[] = [];
  const { target, cutoffEli, offset } = t.params;
  // get.boundary scans from m = 1 here too but never resets its "found" flag (spec §3, quirk): we
  // report the correct per-n value (null when no m qualifies), equal to R's for practical targets.
  for (let n = 1; n <= maxN; n++) rows.push({ n, stop: n < 3 ? null : minDltsAbove(target, n, cutoffEli - offset, 1) });
  return rows;
}
