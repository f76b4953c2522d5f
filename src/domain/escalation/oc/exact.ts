// Exact operating characteristics by dynamic programming over trial states (issue part 3): no
// Monte Carlo error. A state between cohorts is (current dose, n per dose, y per dose) — all any
// kernel's next step depends on — so states reached by different paths are merged and the work
// grows with the number of distinct states, not with the outcome tree (which for BOIN S3 has
// ~4^10 paths but only a few thousand states per cohort).
//
// Layer i holds the states after i cohorts with their probabilities. Each state branches on the
// number of DLTs k ~ Binomial(m, p_true[d]) in the next cohort (m = the cohort size, truncated to
// the maximum sample size as get.oc does); the kernel then names the next dose or ends the trial.
// Ended trials are merged in a terminal store and evaluated once each (MTD selection, tallies).
import { fail, issue, ok, type Result } from '../../result.ts';
import { type Design, KernelStop, type OcKernel } from '../design.ts';
import { checkTruth, kernelOf, overdoseMask } from './kernel-of.ts';
import { newTally, type OcReport, ocReport, tallyTrial } from './report.ts';
import { StateStore } from './state-store.ts';

export interface ExactOptions {
  /** Target used for overdose60/80 when the design has none (3+3). */
  readonly target?: number;
  /** Safety valve for designs without a maximum sample size: at most this many cohorts. */
  readonly maxCohorts?: number;
}

/** pmf[m][k] = C(m, k) p^k (1 − p)^(m − k), for m = 0 … c. */
function binomialTable(p: number, c: number): Float64Array[] {
  const rows: Float64Array[] = [];
  for (let m = 0; m <= c; m++) {
    const row = new Float64Array(m + 1);
    let choose = 1;
    for (let k = 0; k <= m; k++) {
      row[k] = choose * p ** k * (1 - p) ** (m - k);
      choose = (choose * (m - k)) / (k + 1);
    }
    rows.push(row);
  }
  return rows;
}

/** Exact OCs of a design under a true DLT-rate scenario (`truth[j]` for dose level j + 1). */
export function exactOC(design: Design | OcKernel, truth: readonly number[], options: ExactOptions = {}): Result<OcReport> {
  const kernel = 'step' in design ? design : kernelOf(design);
  const checked = checkTruth(kernel, truth);
  if (!checked.ok) return checked;
  const p = checked.value;
  const K = kernel.doses;
  const c = kernel.cohortSize;
  const target = kernel.target ?? options.target ?? null;
  const mask = overdoseMask(p, target);
  const pmf = Array.from(p, (pj) => binomialTable(pj, c));
  const maxCohorts = Number.isFinite(kernel.maxPatients) ? Math.ceil(kernel.maxPatients / c) : (options.maxCohorts ?? 1000);

  // Row layout: [dose, n_0 … n_{K−1}, y_0 … y_{K−1}]; terminal rows add the stop code.
  const width = 1 + 2 * K;
  let layer = new StateStore(width);
  let nextLayer = new StateStore(width);
  const terminal = new StateStore(width + 1);
  const row = new Int32Array(width + 1);
  const n = row.subarray(1, 1 + K);
  const y = row.subarray(1 + K, 1 + 2 * K);
  row[0] = kernel.startDose;
  layer.add(row, 1);

  let cohorts = 0;
  while (layer.size > 0) {
    if (++cohorts > maxCohorts) return fail(issue(['design'], 'oc_no_termination', { maxCohorts }));
    nextLayer.clear();
    for (let s = 0; s < layer.size; s++) {
      const rows = layer.rows;
      for (let i = 0, base = s * width; i < width; i++) row[i] = rows[base + i]!; // no subarray views: no garbage
      const P = layer.prob[s]!;
      const d: number = row[0]!;
      let total = 0;
      for (let j = 0; j < K; j++) total += n[j]!;
      const m = Math.min(c, kernel.maxPatients - total);
      const probs = pmf[d]![m]!;
      n[d]! += m;
      for (let k = 0; k <= m; k++) {
        const q = probs[k]!;
        if (q === 0) continue;
        y[d]! += k;
        const code = kernel.step(n, y, d, total + m, k);
        if (code >= 0) {
          row[0] = code;
          nextLayer.add(row, P * q);
          row[0] = d;
        } else {
          row[width] = code;
          terminal.add(row, P * q);
        }
        y[d]! -= k;
      }
      n[d]! -= m;
    }
    [layer, nextLayer] = [nextLayer, layer];
  }

  const tally = newTally(K);
  const base = kernel.maxPatients;
  for (let s = 0; s < terminal.size; s++) {
    for (let i = 0, base = s * (width + 1); i <= width; i++) row[i] = terminal.rows[base + i]!;
    const selected = row[width] === KernelStop.Select ? kernel.select(n, y, row[0]!) : -1;
    tallyTrial(tally, terminal.prob[s]!, selected, n, y, mask, base);
  }
  return ok(ocReport(tally, 'exact', mask !== null, { terminalStates: terminal.size }));
}
