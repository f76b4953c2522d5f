// The CLI's path for simulated operating characteristics: design from its request, chunks of 1,000
// trials with their own streams, in process or on worker_threads (each worker costs ~150 ms to
// start under tsx, so workers pay off only for long runs).
import type { OcJob } from '../src/simulation/oc-job.ts';
import { simulateOcParallel } from '../src/simulation/parallel-oc.ts';
import type { Measurement } from './run.ts';
import { median, memoryNote } from './timing.ts';

const s3 = [0.05, 0.15, 0.3, 0.45, 0.55, 0.65];
const job = (request: Record<string, unknown>): OcJob => ({ request, truth: s3, seed: 6, rng: 'fast', options: {} });
const boin = job({ design: 'boin', target: 0.3, doses: 6, cohortSize: 3, cohorts: 10 });
const crm = job({ design: 'crm', skeleton: [0.05, 0.1, 0.2, 0.35, 0.5, 0.7], target: 0.3, cohortSize: 3, cohorts: 10 });

async function run1(j: OcJob, trials: number, workers: number): Promise<void> {
  const r = await simulateOcParallel(j, { trials, workers });
  if (!r.ok) throw new Error('simulation failed');
}

export async function run(): Promise<Measurement[]> {
  return [
    await median('CRM design (empiric, Bayes), S3, 10,000 trials, in process (target ≤ 2 s)', () => run1(crm, 10_000, 1), 5, 1, memoryNote()),
    await median('CRM design (empiric, Bayes), S3, 10,000 trials, 2 workers', () => run1(crm, 10_000, 2), 5, 1, memoryNote()),
    await median('CRM design (empiric, Bayes), S3, 60,000 trials, in process', () => run1(crm, 60_000, 1), 3, 0, memoryNote()),
    await median('CRM design (empiric, Bayes), S3, 60,000 trials, 2 workers', () => run1(crm, 60_000, 2), 3, 0, memoryNote()),
    await median('BOIN, S3, 1,000,000 trials, in process', () => run1(boin, 1_000_000, 1), 3, 1, memoryNote()),
  ];
}
