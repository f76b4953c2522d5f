// Escalation engine speed on scenario S3 (6 doses 0.05 … 0.65, target 0.30, 10 cohorts of 3).
// Targets on 2 cores: BOIN exact OC ≤ 50 ms; BOIN simulation of 10,000 trials ≤ 100 ms; 3+3 exact
// ≤ 5 ms. Each figure is the median of several runs after warm-up; the first (cold) run of a fresh
// design, which includes JIT and the threshold tables, is reported separately.
import { boinDesign } from '../src/domain/escalation/boin/api.ts';
import { exactOC } from '../src/domain/escalation/oc/exact.ts';
import { simulateOC } from '../src/domain/escalation/oc/simulate.ts';
import { threePlusThreeDesign } from '../src/domain/escalation/three-plus-three/design.ts';
import { createFastRandom, createRRandom } from '../src/domain/random/index.ts';
import { unwrap } from '../src/domain/result.ts';
import type { Measurement } from './run.ts';
import { median, memoryNote } from './timing.ts';

const S3 = [0.05, 0.15, 0.3, 0.45, 0.55, 0.65];
const boinS3 = () => unwrap(boinDesign({ target: 0.3, doses: 6, cohortSize: 3, cohorts: 10 }));

function cold(name: string, fn: () => unknown): Measurement {
  const start = performance.now();
  fn();
  return { name, ms: performance.now() - start, note: `single cold run; ${memoryNote()}` };
}

export async function run(): Promise<Array<{ name: string; ms: number; note?: string }>> {
  const results: Measurement[] = [cold('BOIN exact OC, S3 (cold: new design, first call)', () => exactOC(boinS3(), S3))];
  const boin = boinS3();
  let states = 0;
  const exact = await median('BOIN exact OC, S3 (target ≤ 50 ms)', () => {
    states = unwrap(exactOC(boin, S3)).terminalStates ?? 0;
  });
  results.push({ ...exact, note: `${states} terminal states; ${memoryNote()}` });
  results.push(
    { ...(await median('BOIN exact OC, S3, fresh design each run', () => exactOC(boinS3(), S3))), note: memoryNote() },
    {
      ...(await median("BOIN simulation, S3, 10,000 trials, R's MT (target ≤ 100 ms)", () =>
        simulateOC(boin, S3, { trials: 10_000, uniforms: () => createRRandom(6).unifRand }),
      )),
      note: memoryNote(),
    },
    {
      ...(await median('BOIN simulation, S3, 10,000 trials, xoshiro, chunks of 1,000', () =>
        simulateOC(boin, S3, { trials: 10_000, chunkSize: 1000, uniforms: (i) => createFastRandom(6, i).next }),
      )),
      note: memoryNote(),
    },
  );
  for (const variant of ['a', 'b', 'c'] as const) {
    const tpt = unwrap(threePlusThreeDesign({ variant, doses: 6 }));
    results.push({
      ...(await median(`3+3 exact OC, S3, variant ${variant} (target ≤ 5 ms)`, () => exactOC(tpt, S3, { target: 0.3 }), 15, 3)),
      note: memoryNote(),
    });
  }
  return results;
}
