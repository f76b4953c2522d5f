// Simulated operating characteristics split across worker_threads. Trials are cut into fixed-size
// chunks, each with its own random stream, and the chunk tallies (integer counts) are merged, so
// the report is identical for any number of workers. Small runs stay in process: starting a
// worker under tsx costs about 150 ms, more than 10,000 BOIN trials take.
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

/** Runs below this many patient-cohort steps stay in process. */
const inProcessWork = 400_000;

function workerCount(options: ParallelOptions, estimatedSteps: number): number {
  if (options.workers !== undefined) return Math.max(1, Math.floor(options.workers));
  return estimatedSteps < inProcessWork ? 1 : Math.min(availableParallelism(), 8);
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
  const workers = job.rng === RngKind.r ? 1 : Math.min(workerCount(options, options.trials * cohorts), chunks.length);

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
