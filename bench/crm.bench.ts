// CRM fitting speed. The budget: a simulation of 10,000 trials × 10 cohorts (≈ 100,000 posterior
// fits) in ≤ 2 s on 2 cores, i.e. ~20 µs per fit with the trial bookkeeping around it.
// States are those a CRM trial actually visits (scenario S3, cohorts of 3, start at dose 1).
import { createCrmFastFitter, createCrmStepper, fitCrm } from '../src/domain/escalation/crm/index.ts';
import { createFastRandom } from '../src/domain/random/index.ts';
import type { Measurement } from './run.ts';
import { median, memoryNote } from './timing.ts';

// getprior(0.05, 0.30, 3, 6), the skeleton of crm-notes.md's simulations; S3 truth.
const skeleton = [0.1225293582202327, 0.2039560076328238, 0.3, 0.4018194361295184, 0.5013464477551703, 0.5928140468687042];
const truth = [0.05, 0.15, 0.3, 0.45, 0.55, 0.65];
const K = 6;
const trials = 10_000;
const cohorts = 10;

/** One CRM trial per chunk stream; returns the number of fits done. */
function simulate(model: 'empiric' | 'logistic', record?: Int32Array): number {
  const stepper = createCrmStepper({ skeleton, target: 0.3, model }, { safetyStop: 'off' });
  if (!stepper.ok) throw new Error('invalid bench design');
  const s = stepper.value;
  const u = createFastRandom(2024).next;
  const n = new Int32Array(K);
  const y = new Int32Array(K);
  let fits = 0;
  for (let t = 0; t < trials; t++) {
    n.fill(0);
    y.fill(0);
    let dose = 0;
    for (let c = 0; c < cohorts; c++) {
      let dlts = 0;
      for (let i = 0; i < 3; i++) if (u() < truth[dose]!) dlts++;
      n[dose]! += 3;
      y[dose]! += dlts;
      if (record) {
        record.set(n, fits * 2 * K);
        record.set(y, fits * 2 * K + K);
      }
      fits++;
      if (c === cohorts - 1) s.select(n, y);
      else dose = s.step(n, y, dose, 3, dlts);
    }
  }
  return fits;
}

export async function run(): Promise<Measurement[]> {
  const out: Measurement[] = [];
  for (const model of ['empiric', 'logistic'] as const) {
    const states = new Int32Array(trials * cohorts * 2 * K);
    const count = simulate(model, states);
    const fitter = createCrmFastFitter({ skeleton, target: 0.3, model });
    if (!fitter.ok) throw new Error('invalid bench design');
    const f = fitter.value;
    const n = new Int32Array(K);
    const y = new Int32Array(K);
    let sink = 0;
    const m = await median(
      `CRM ${model}: ${count.toLocaleString('en')} fast Bayesian fits (trial states)`,
      () => {
        for (let i = 0; i < count; i++) {
          const at = i * 2 * K;
          for (let j = 0; j < K; j++) {
            n[j] = states[at + j]!;
            y[j] = states[at + K + j]!;
          }
          sink += f.fit(n, y).estimate;
        }
      },
      5,
      1,
    );
    if (!Number.isFinite(sink)) throw new Error('a fit failed');
    out.push({ ...m, note: `${((m.ms * 1000) / count).toFixed(2)} µs/fit; ${memoryNote()}` });
    const sim = await median(`CRM ${model}: simulation, ${trials.toLocaleString('en')} trials × ${cohorts} cohorts of 3, 1 thread`, () => simulate(model), 3, 1);
    out.push({ ...sim, note: memoryNote() });
  }
  const precise = await median('fitCrm (dfcrm-exact integrate()), 100 fits', () => {
    for (let i = 0; i < 100; i++) fitCrm({ skeleton, target: 0.3, data: { n: [3, 6, 9, 3, 0, 0], y: [0, 1, 2, 2, 0, 0] } });
  }, 3, 1);
  out.push({ ...precise, note: memoryNote() });
  return out;
}
