import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OcJob } from './oc-job.ts';
import { simulateOcParallel } from './parallel-oc.ts';

const s3 = [0.05, 0.15, 0.3, 0.45, 0.55, 0.65];
const boinJob = (rng: 'fast' | 'r', seed: number): OcJob => ({
  request: { design: 'boin', target: 0.3, doses: 6, cohortSize: 3, cohorts: 10 },
  truth: s3,
  seed,
  rng,
  options: {},
});

describe('simulated OCs across worker_threads', () => {
  it('gives the same report in process and on two workers', async () => {
    const options = { trials: 3000, chunkSize: 500 };
    const inProcess = await simulateOcParallel(boinJob('fast', 11), { ...options, workers: 1 });
    let reported = 0;
    const parallel = await simulateOcParallel(boinJob('fast', 11), { ...options, workers: 2, onProgress: (done) => (reported = done) });
    assert.ok(inProcess.ok && parallel.ok);
    assert.deepEqual(parallel.value, inProcess.value);
    assert.equal(reported, 3000);
    assert.equal(parallel.value.trials, 3000);
  });

  it('depends on the seed', async () => {
    const a = await simulateOcParallel(boinJob('fast', 1), { trials: 500 });
    const b = await simulateOcParallel(boinJob('fast', 2), { trials: 500 });
    assert.ok(a.ok && b.ok);
    assert.notDeepEqual(a.value.selectionPercent, b.value.selectionPercent);
  });

  it('reports an invalid scenario as an issue', async () => {
    const r = await simulateOcParallel({ ...boinJob('fast', 1), truth: [0.1, 0.2] }, { trials: 10 });
    assert.equal(r.ok, false);
  });
});
