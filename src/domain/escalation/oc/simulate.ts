// Seeded simulation of operating characteristics for any design (issue part 3). Randomness comes
// in as uniform generators, one per fixed-size chunk of trials: the result depends only on the
// chunk size and each chunk's stream, never on how chunks are spread over worker_threads, and
// chunk tallies merge exactly (integer counts). One chunk holding every trial, fed R's
// Mersenne-Twister after set.seed(seed), reproduces BOIN's get.oc draw for draw.
//
// Draws (boin-spec.md §6): a DLT occurs when the patient's uniform is below p_true[dose].
// - `sequential` (default, R-compatible): each cohort draws `cohortSize` uniforms, even when the last
//   cohort is truncated to the maximum sample size (get.oc's runif(cohortsize)).
// - `paired` (style.md §4): each trial reserves `patientsPerTrial` uniforms up front, patient i of
//   a trial always gets the trial's i-th uniform, so two designs run on the same stream see the
//   same patients; a trial needing more patients than reserved fails loudly.
import { fail, issue, ok, type Result } from '../../result.ts';
import type { UniformSource } from '../../random/index.ts';
import { type Design, KernelStop, type OcKernel } from '../design.ts';
import { checkTruth, kernelOf, overdoseMask } from './kernel-of.ts';
import { mergeTallies, newTally, type OcReport, type OcTally, ocReport, tallyTrial } from './report.ts';

/** A uniform generator on [0, 1): `createRRandom(seed).unifRand` for R-compatible runs, else `createFastRandom(seed, chunk).next`. */
export type Uniform = UniformSource;

export const DrawMode = { Sequential: 'sequential', Paired: 'paired' } as const;
export type DrawMode = (typeof DrawMode)[keyof typeof DrawMode];

export interface ChunkOptions {
  readonly draws?: DrawMode;
  /** Paired draws: uniforms reserved per trial (default: the design's maximum sample size). */
  readonly patientsPerTrial?: number;
  /** Target used for overdose60/80 when the design has none (3+3). */
  readonly target?: number;
  /** Safety valve for designs without a maximum sample size. */
  readonly maxCohorts?: number;
  /**
   * Called after each trial with its index within the chunk, the final counts per dose (scratch
   * arrays, reused: copy them to keep them) and the selected MTD (1-based, `null` for none) — for
   * audit trails and per-trial traces (boin_trace.json).
   */
  readonly onTrial?: (trial: number, n: Int32Array, y: Int32Array, selected: number | null) => void;
}

export interface SimulationOptions extends ChunkOptions {
  readonly trials: number;
  /**
   * The generator for chunk `index` (0, 1, …), from src/domain/random: e.g.
   * `(i) => createFastRandom(seed, i).next`. With the default single chunk and
   * `() => createRRandom(seed).unifRand` (R's set.seed + unif_rand), BOIN reproduces get.oc exactly.
   */
  readonly uniforms: (chunkIndex: number) => Uniform;
  /** Trials per chunk (default: all trials in one chunk). */
  readonly chunkSize?: number;
}

/** The chunks a run is split into: fixed size, the last one possibly shorter. */
export function ocChunks(trials: number, chunkSize: number = trials): { index: number; trials: number }[] {
  const chunks: { index: number; trials: number }[] = [];
  for (let i = 0, done = 0; done < trials; i++, done += chunkSize) chunks.push({ index: i, trials: Math.min(chunkSize, trials - done) });
  return chunks;
}

/**
 * Simulates one chunk and returns its tally (what a worker sends back; merge with
 * `mergeTallies`, finish with `ocReport(tally, 'simulation', …)`). Throws only on a bug-level
 * misuse (paired reservation exceeded, a design that never stops).
 */
export function simulateChunk(kernel: OcKernel, truth: Float64Array, trials: number, uniform: Uniform, options: ChunkOptions = {}): OcTally {
  const K = kernel.doses;
  const c = kernel.cohortSize;
  const max = kernel.maxPatients;
  const paired = options.draws === DrawMode.Paired;
  const reserve = options.patientsPerTrial ?? max;
  if (paired && !Number.isFinite(reserve)) throw new Error('paired draws need patientsPerTrial for a design without a maximum sample size');
  const buffer = new Float64Array(paired ? reserve : c);
  const maxCohorts = Number.isFinite(max) ? Math.ceil(max / c) : (options.maxCohorts ?? 1000);
  const mask = overdoseMask(truth, kernel.target ?? options.target ?? null);
  const n = new Int32Array(K);
  const y = new Int32Array(K);
  const tally = newTally(K);

  for (let trial = 0; trial < trials; trial++) {
    n.fill(0);
    y.fill(0);
    if (paired) for (let i = 0; i < reserve; i++) buffer[i] = uniform();
    let d = kernel.startDose;
    let total = 0;
    let code = 0;
    for (let cohort = 0; ; cohort++) {
      if (cohort >= maxCohorts) throw new Error(`design did not stop within ${maxCohorts} cohorts`);
      const m = Math.min(c, max - total);
      const p = truth[d]!;
      let k = 0;
      if (paired) {
        if (total + m > reserve) throw new Error(`trial needs more than the ${reserve} patients reserved per trial`);
        for (let i = 0; i < m; i++) if (buffer[total + i]! < p) k++;
      } else {
        for (let i = 0; i < c; i++) buffer[i] = uniform();
        for (let i = 0; i < m; i++) if (buffer[i]! < p) k++;
      }
      n[d]! += m;
      y[d]! += k;
      total += m;
      code = kernel.step(n, y, d, total, k);
      if (code < 0) break;
      d = code;
    }
    const selected = code === KernelStop.Select ? kernel.select(n, y, d) : -1;
    tallyTrial(tally, 1, selected, n, y, mask, max);
    options.onTrial?.(trial, n, y, selected < 0 ? null : selected + 1);
  }
  return tally;
}

/** Simulated OCs of a design under a true DLT-rate scenario. */
export function simulateOC(design: Design | OcKernel, truth: readonly number[], options: SimulationOptions): Result<OcReport> {
  const kernel = 'step' in design ? design : kernelOf(design);
  const checked = checkTruth(kernel, truth);
  if (!checked.ok) return checked;
  if (!Number.isInteger(options.trials) || options.trials < 1) return fail(issue(['trials'], 'too_small', { minimum: 1, inclusive: true }));
  const chunkSize = options.chunkSize ?? options.trials;
  if (!Number.isInteger(chunkSize) || chunkSize < 1) return fail(issue(['chunkSize'], 'too_small', { minimum: 1, inclusive: true }));
  let tally: OcTally | null = null;
  for (const chunk of ocChunks(options.trials, chunkSize)) {
    const t = simulateChunk(kernel, checked.value, chunk.trials, options.uniforms(chunk.index), options);
    tally = tally === null ? t : mergeTallies(tally, t);
  }
  const hasOverdose = (kernel.target ?? options.target ?? null) !== null;
  return ok(ocReport(tally!, 'simulation', hasOverdose));
}
