// Simulated operating characteristics split across worker_threads. Trials are cut into fixed-size
// chunks, each with its own random stream, and the chunk tallies (integer counts) are merged, so
// the report is identical for any number of workers. Runs stay in process unless they are long:
// a worker loads the engine and its libraries (zod, @stdlib) through tsx, which takes 1–2 s on
// this machine size, longer than a million BOIN trials or 30,000 CRM trials take in process
// (bench/parallel.bench.ts); so workers only serve runs expected to take over 8 s.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { checkTruth, kernelOf, mergeTallies, type OcReport, type OcTally, ocChunks, ocReport } from '../domain/escalation/index.ts';
import { fail, issue, ok, type Result } from '../domain/result.ts';
import { buildDesign } from './design-registry.ts';
import { type Chunk, type OcJob, RngKind, runChunks } from './oc-job.ts';
import type { WorkerMessage, WorkerRequest } from './oc-worker.ts';

export interface ParallelOptions {
  readonly trials: number;
  /** Trials per random stream; part of what makes a run reproducible (default 1,000). */
  readonly chunkSize?: number;
  /** Worker threads; 0 or 1 runs in process (default: one per core for large runs). */
  readonly workers?: number;
  /** Called with the number of trials done so far. */
  readonly onProgress?: (done: number, total: number) => void;
}

export const defaultChunkSize = 1000;

/** Rough cost of one cohort step in process, by design (bench: BOIN ~80 ns, CRM ~4 µs per fit). */
const stepCostNs: Record<string, number> = { boin: 100, '3+3': 100, crm: 5000 };

/** Runs expected to take less than this in process stay there. */
const inProcessBudgetMs = 8000;

function workerCount(options: ParallelOptions, design: string, steps: number): number {
  if (options.workers !== undefined) return Math.max(1, Math.floor(options.workers));
  const estimatedMs = (steps * (stepCostNs[design] ?? 5000)) / 1e6;
  return estimatedMs < inProcessBudgetMs ? 1 : Math.min(availableParallelism(), 8);
}

function runInWorker(job: OcJob, chunks: readonly Chunk[], onTrials: (n: number) => void): Promise<OcTally | null> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./oc-worker-boot.mjs', import.meta.url));
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onTrials(message.trials);
      else {
        void worker.terminate();
        if (message.type === 'done') resolve(message.tally);
        else reject(new Error(message.message));
      }
    });
    worker.on('error', reject);
    worker.postMessage({ job, chunks } satisfies WorkerRequest);
  });
}

export async function simulateOcParallel(job: OcJob, options: ParallelOptions): Promise<Result<OcReport>> {
  const design = buildDesign(job.request);
  if (!design.ok) return design;
  const kernel = design.value.kernel ?? kernelOf(design.value);
  const truth = checkTruth(kernel, job.truth);
  if (!truth.ok) return truth;
  if (!Number.isInteger(options.trials) || options.trials < 1) return fail(issue(['trials'], 'too_small', { minimum: 1, inclusive: true }));

  // R's generator is one stream: the whole run is one chunk, as in R.
  const chunkSize = job.rng === RngKind.r ? options.trials : (options.chunkSize ?? defaultChunkSize);
  const chunks = ocChunks(options.trials, chunkSize);
  const cohorts = Number.isFinite(kernel.maxPatients) ? kernel.maxPatients / kernel.cohortSize : 2 * kernel.doses;
  const designName = String((job.request as { design?: unknown }).design);
  const workers = job.rng === RngKind.r ? 1 : Math.min(workerCount(options, designName, options.trials * cohorts), chunks.length);

  let done = 0;
  const progress = (trials: number) => {
    done += trials;
    options.onProgress?.(done, options.trials);
  };
  let tallies: (OcTally | null)[];
  if (workers <= 1) {
    tallies = [runChunks(job, chunks, buildDesign, (chunk) => progress(chunk.trials))];
  } else {
    // Contiguous groups keep each worker's chunks in index order; the merge is exact either way.
    const groups = Array.from({ length: workers }, (_, w) => chunks.filter((_, i) => Math.floor((i * workers) / chunks.length) === w));
    tallies = await Promise.all(groups.map((group) => runInWorker(job, group, progress)));
  }
  const merged = tallies.filter((t): t is OcTally => t !== null).reduce((a, b) => mergeTallies(a, b));
  const hasOverdose = (kernel.target ?? job.options.target ?? null) !== null;
  return ok(ocReport(merged, 'simulation', hasOverdose));
}
