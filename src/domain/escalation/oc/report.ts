// Operating characteristics: one report type for exact (DP) and simulated results (style.md §3),
// in the units of BOIN's get.oc (percentages for selection/stop/overdose, per-trial means for
// patients and DLTs) and the shape of the `firstdose design oc --json` contract.
//
// A tally is the additive raw form (probability mass for exact, trial counts for simulation), so
// chunks simulated on different workers merge exactly and in any order.

export const OcMethod = { Exact: 'exact', Simulation: 'simulation' } as const;
export type OcMethod = (typeof OcMethod)[keyof typeof OcMethod];

export interface OcReport {
  readonly method: OcMethod;
  /** Simulated trials; `null` for exact results. */
  readonly trials: number | null;
  /** Per dose (index = level − 1): % of trials selecting it as the MTD. */
  readonly selectionPercent: readonly number[];
  /** % of trials selecting no dose (stopped for toxicity, or no admissible dose at the end). */
  readonly stopPercent: number;
  /** Per dose: expected number of patients treated. */
  readonly patients: readonly number[];
  /** Per dose: expected number of DLTs. */
  readonly dlts: readonly number[];
  readonly totalPatients: number;
  readonly totalDlts: number;
  /** SD of the total number of patients. */
  readonly totalPatientsSd: number;
  /**
   * % of trials treating more than 60% / 80% of the maximum sample size at doses whose true DLT
   * rate exceeds the target (get.oc's overdose60/80, boin-spec.md §6; the realised sample size for
   * designs without a maximum, i.e. 3+3). `null` when no target is known. get.oc reports these
   * only when some true rate equals the target exactly; we always report them.
   */
  readonly overdose60: number | null;
  readonly overdose80: number | null;
  /** Distribution of the total number of patients, in %, for each n with positive mass. */
  readonly totalNDistribution: readonly { n: number; percent: number }[];
  /** Exact only: distinct terminal states of the DP (merged). */
  readonly terminalStates?: number;
}

export interface OcTally {
  /** Total probability (exact) or number of trials (simulation). */
  weight: number;
  readonly selected: Float64Array;
  stopped: number;
  readonly patients: Float64Array;
  readonly dlts: Float64Array;
  overdose60: number;
  overdose80: number;
  /** Indexed by total n. */
  totalN: Float64Array;
}

export function newTally(doses: number): OcTally {
  return {
    weight: 0,
    selected: new Float64Array(doses),
    stopped: 0,
    patients: new Float64Array(doses),
    dlts: new Float64Array(doses),
    overdose60: 0,
    overdose80: 0,
    totalN: new Float64Array(16),
  };
}

/** Adds one trial outcome with weight w. `selected` is the 0-based MTD or −1. */
export function tallyTrial(
  t: OcTally,
  w: number,
  selected: number,
  n: ArrayLike<number>,
  y: ArrayLike<number>,
  overdoseMask: Uint8Array | null,
  overdoseBase: number,
): void {
  t.weight += w;
  if (selected < 0) t.stopped += w;
  else t.selected[selected]! += w;
  let total = 0;
  let over = 0;
  for (let j = 0; j < t.patients.length; j++) {
    const nj = n[j]!;
    t.patients[j]! += w * nj;
    t.dlts[j]! += w * y[j]!;
    total += nj;
    if (overdoseMask !== null && overdoseMask[j] === 1) over += nj;
  }
  if (total >= t.totalN.length) {
    const grown = new Float64Array(Math.max(total + 1, t.totalN.length * 2));
    grown.set(t.totalN);
    t.totalN = grown;
  }
  t.totalN[total]! += w;
  if (overdoseMask !== null) {
    // get.oc: rowSums(N[, p.true > target]) > 0.6 * npts, strictly; npts the maximum sample size.
    const base = Number.isFinite(overdoseBase) ? overdoseBase : total;
    if (over > 0.6 * base) t.overdose60 += w;
    if (over > 0.8 * base) t.overdose80 += w;
  }
}

/** Adds `b` into `a` (exact for simulation counts: integers in doubles). */
export function mergeTallies(a: OcTally, b: OcTally): OcTally {
  a.weight += b.weight;
  a.stopped += b.stopped;
  a.overdose60 += b.overdose60;
  a.overdose80 += b.overdose80;
  for (let j = 0; j < a.selected.length; j++) {
    a.selected[j]! += b.selected[j]!;
    a.patients[j]! += b.patients[j]!;
    a.dlts[j]! += b.dlts[j]!;
  }
  if (b.totalN.length > a.totalN.length) {
    const grown = new Float64Array(b.totalN.length);
    grown.set(a.totalN);
    a.totalN = grown;
  }
  for (let n = 0; n < b.totalN.length; n++) a.totalN[n]! += b.totalN[n]!;
  return a;
}

/**
 * The report from a tally. Simulation divides counts by the number of trials in get.oc's order
 * (count / ntrial · 100), so R-compatible runs reproduce its doubles; exact results use the
 * probability mass as is (it sums to 1 up to rounding).
 */
export function ocReport(t: OcTally, method: OcMethod, hasOverdose: boolean, extra: { terminalStates?: number } = {}): OcReport {
  const div = method === OcMethod.Simulation ? t.weight : 1;
  const pct = (v: number) => (v / div) * 100;
  const mean = (v: number) => v / div;
  const patients = Array.from(t.patients, mean);
  const dlts = Array.from(t.dlts, mean);
  let sumN = 0;
  for (const v of t.patients) sumN += v;
  let sumY = 0;
  for (const v of t.dlts) sumY += v;
  const totalPatients = mean(sumN);
  let second = 0;
  const totalNDistribution: { n: number; percent: number }[] = [];
  t.totalN.forEach((w, n) => {
    if (w > 0) {
      totalNDistribution.push({ n, percent: pct(w) });
      second += (w / div) * (n - totalPatients) ** 2;
    }
  });
  return {
    method,
    trials: method === OcMethod.Simulation ? t.weight : null,
    selectionPercent: Array.from(t.selected, pct),
    stopPercent: pct(t.stopped),
    patients,
    dlts,
    totalPatients,
    totalDlts: mean(sumY),
    totalPatientsSd: Math.sqrt(second),
    overdose60: hasOverdose ? pct(t.overdose60) : null,
    overdose80: hasOverdose ? pct(t.overdose80) : null,
    totalNDistribution,
    ...extra,
  };
}
