// One simulation job as it crosses a worker boundary: plain data only (the design's request, the
// scenario, the generator and its seed). The same function runs a list of chunks in process or in
// a worker, so a run's result depends on the seed and chunk size, never on the number of workers.
import type { Design } from '../domain/escalation/index.ts';
import { type ChunkOptions, checkTruth, kernelOf, mergeTallies, type OcTally, simulateChunk } from '../domain/escalation/index.ts';
import { createFastRandom, createRRandom, type UniformSource } from '../domain/random/index.ts';
import type { Result } from '../domain/result.ts';

export const RngKind = { fast: 'fast', r: 'r' } as const;
export type RngKind = (typeof RngKind)[keyof typeof RngKind];

export interface OcJob<Request = unknown> {
  /** What `buildDesign` turns into a Design: `{ design: 'boin' | '3+3' | 'crm', ...options }`. */
  readonly request: Request;
  readonly truth: readonly number[];
  readonly seed: number;
  readonly rng: RngKind;
  readonly options: ChunkOptions;
}

export interface Chunk {
  readonly index: number;
  readonly trials: number;
}

/** Chunk i draws from its own stream: xoshiro128** jumped by (seed, i), or R's generator (one chunk only). */
export function uniformsFor(rng: RngKind, seed: number, chunkIndex: number): UniformSource {
  if (rng === RngKind.r) {
    if (chunkIndex !== 0) throw new Error("R's generator is one sequential stream: it runs as a single chunk");
    return createRRandom(seed).unifRand;
  }
  return createFastRandom(seed, chunkIndex).next;
}

export type DesignBuilder<Request> = (request: Request) => Result<Design>;

/** Runs `chunks` of a job and returns their merged tally; `onChunk` reports progress after each. */
export function runChunks<Request>(
  job: OcJob<Request>,
  chunks: readonly Chunk[],
  buildDesign: DesignBuilder<Request>,
  onChunk: (chunk: Chunk) => void = () => {},
): OcTally | null {
  const design = buildDesign(job.request);
  if (!design.ok) throw new Error(`invalid design request reached a simulation worker: ${JSON.stringify(design.issues)}`);
  const kernel = design.value.kernel ?? kernelOf(design.value);
  const truth = checkTruth(kernel, job.truth);
  if (!truth.ok) throw new Error(`invalid scenario reached a simulation worker: ${JSON.stringify(truth.issues)}`);
  let tally: OcTally | null = null;
  for (const chunk of chunks) {
    const t = simulateChunk(kernel, truth.value, chunk.trials, uniformsFor(job.rng, job.seed, chunk.index), job.options);
    tally = tally === null ? t : mergeTallies(tally, t);
    onChunk(chunk);
  }
  return tally;
}
