import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createFastRandom, createRRandom } from '../../random/index.ts';
import { unwrap } from '../../result.ts';
import { boinDesign } from '../boin/api.ts';
import type { Design } from '../design.ts';
import { loadReference } from '../testing/reference.ts';
import { threePlusThreeDesign } from '../three-plus-three/design.ts';
import { exactOC } from './exact.ts';
import { kernelOf } from './kernel-of.ts';
import { mergeTallies, type OcReport, ocReport } from './report.ts';
import { ocChunks, simulateChunk, simulateOC } from './simulate.ts';

interface GetOc {
  args: { target: number; 'p.true': number[]; ncohort: number; cohortsize: number; ntrial: number; seed: number };
  selpercent: number[];
  npatients: number[];
  ntox: number[];
  totaltox: number;
  totaln: number;
  percentstop: number;
  overdose60: number;
  overdose80: number;
}

/** R writes 15 significant digits; the doubles themselves agree. */
const same = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);
const sameAll = (a: readonly number[], b: readonly number[], what: string) => {
  assert.equal(a.length, b.length);
  for (const [i, v] of a.entries()) same(v, b[i]!, `${what}[${i}]`);
};

const S3 = [0.05, 0.15, 0.3, 0.45, 0.55, 0.65];

describe("R-compatible BOIN simulation (get.oc, R's Mersenne-Twister)", () => {
  const main = loadReference<Record<string, GetOc>>('boin_oc_main.json');
  for (const [name, c] of Object.entries(main).filter(([k]) => k !== 'meta')) {
    it(`${name}: reproduces get.oc(ntrial = ${c.args.ntrial}, seed = ${c.args.seed}) to the last digit`, () => {
      const design = unwrap(boinDesign({ target: c.args.target, doses: c.args['p.true'].length, cohortSize: c.args.cohortsize, cohorts: c.args.ncohort }));
      const r = unwrap(simulateOC(design, c.args['p.true'], { trials: c.args.ntrial, uniforms: () => createRRandom(c.args.seed).unifRand }));
      assert.equal(r.method, 'simulation');
      assert.equal(r.trials, c.args.ntrial);
      sameAll(r.selectionPercent, c.selpercent, 'selpercent');
      sameAll(r.patients, c.npatients, 'npatients');
      sameAll(r.dlts, c.ntox, 'ntox');
      same(r.totalDlts, c.totaltox, 'totaltox');
      same(r.totalPatients, c.totaln, 'totaln');
      same(r.stopPercent, c.percentstop, 'percentstop');
      same(r.overdose60!, c.overdose60, 'overdose60');
      same(r.overdose80!, c.overdose80, 'overdose80');
    });
  }

  it("reproduces the get.oc runs quoted beside the exact OCs (S3 and the all-toxic S6)", () => {
    const exact = loadReference<Record<string, { args: GetOc['args']; 'get.oc_10000_seed6': Pick<GetOc, 'selpercent' | 'percentstop' | 'npatients'> }>>('boin_exact_oc.json');
    for (const key of ['S3_mtd3', 'S6_alltoxic']) {
      const c = exact[key]!;
      const design = unwrap(boinDesign({ target: c.args.target, doses: 6, cohortSize: c.args.cohortsize, cohorts: c.args.ncohort }));
      const r = unwrap(simulateOC(design, c.args['p.true'], { trials: 10_000, uniforms: () => createRRandom(6).unifRand }));
      const g = c['get.oc_10000_seed6'];
      sameAll(r.selectionPercent, g.selpercent, `${key} selpercent`);
      same(r.stopPercent, g.percentstop, `${key} percentstop`);
      sameAll(r.patients, g.npatients, `${key} npatients`);
    }
  });

  it('reports each trial to onTrial, consistent with the tallies', () => {
    const design = unwrap(boinDesign({ target: 0.3, doses: 6, cohortSize: 3, cohorts: 10 }));
    const counts = new Array<number>(7).fill(0);
    let patients = 0;
    const r = unwrap(
      simulateOC(design, S3, {
        trials: 500,
        uniforms: () => createRRandom(6).unifRand,
        onTrial: (_, n, __, selected) => {
          counts[selected ?? 0]!++;
          patients += n.reduce((s, v) => s + v, 0);
        },
      }),
    );
    assert.deepEqual(counts.slice(1).map((c) => (c / 500) * 100), r.selectionPercent);
    same(patients / 500, r.totalPatients, 'total');
  });

  it('draws cohortSize uniforms per cohort, as runif(cohortsize) does', () => {
    let draws = 0;
    const design = unwrap(boinDesign({ target: 0.3, doses: 3, cohortSize: 3, cohorts: 4 }));
    const counting = () => {
      draws++;
      return 0.99; // never a DLT: 4 cohorts of 3 in every trial
    };
    unwrap(simulateOC(design, [0.1, 0.2, 0.3], { trials: 10, uniforms: () => counting }));
    assert.equal(draws, 10 * 4 * 3);
  });
});

describe('chunked simulation', () => {
  const design = unwrap(boinDesign({ target: 0.3, doses: 6, cohortSize: 3, cohorts: 10 }));
  const streams = (seed: number) => (i: number) => createFastRandom(seed, i).next;

  it('is independent of how fixed-size chunks are spread over workers and merged', () => {
    const whole = unwrap(simulateOC(design, S3, { trials: 4000, chunkSize: 1000, uniforms: streams(11) }));
    const kernel = kernelOf(design);
    const truth = Float64Array.from(S3);
    const chunks = ocChunks(4000, 1000);
    // "Worker" 1 takes chunks 3 and 0, "worker" 2 takes 2 and 1; the main thread merges in another order.
    const w1 = mergeTallies(simulateChunk(kernel, truth, 1000, streams(11)(3)), simulateChunk(kernel, truth, 1000, streams(11)(0)));
    const w2 = mergeTallies(simulateChunk(kernel, truth, 1000, streams(11)(2)), simulateChunk(kernel, truth, 1000, streams(11)(1)));
    const merged = ocReport(mergeTallies(w2, w1), 'simulation', true);
    assert.equal(chunks.length, 4);
    assert.deepEqual(merged, whole);
    assert.deepEqual(unwrap(simulateOC(design, S3, { trials: 4000, chunkSize: 1000, uniforms: streams(11) })), whole);
  });

  it('splits a run into fixed-size chunks, the last one shorter', () => {
    assert.deepEqual(ocChunks(2500, 1000), [
      { index: 0, trials: 1000 },
      { index: 1, trials: 1000 },
      { index: 2, trials: 500 },
    ]);
  });

  it('paired draws give every trial the same patients whatever the design', () => {
    let draws = 0;
    const source = createFastRandom(5).next;
    const counting = () => {
      draws++;
      return source();
    };
    const tpt = unwrap(threePlusThreeDesign({ doses: 6 }));
    unwrap(simulateOC(tpt, S3, { trials: 100, uniforms: () => counting, draws: 'paired', patientsPerTrial: 36 }));
    assert.equal(draws, 100 * 36);
    draws = 0;
    unwrap(simulateOC(design, S3, { trials: 100, uniforms: () => counting, draws: 'paired', patientsPerTrial: 36 }));
    assert.equal(draws, 100 * 36);
    // A design needing more patients than reserved fails loudly.
    assert.throws(() => simulateOC(design, S3, { trials: 1, uniforms: () => source, draws: 'paired', patientsPerTrial: 12 }), /reserved/);
  });
});

/** |simulated − exact| ≤ z·SE for selection, stop and mean total N. */
function withinMonteCarlo(sim: OcReport, exact: OcReport, trials: number, z: number) {
  const se = (pct: number) => 100 * Math.sqrt(Math.max((pct / 100) * (1 - pct / 100), 1 / trials) / trials);
  [...exact.selectionPercent, exact.stopPercent].forEach((e, i) => {
    const s = [...sim.selectionPercent, sim.stopPercent][i]!;
    assert.ok(Math.abs(s - e) <= z * se(e), `cell ${i}: sim ${s} exact ${e} (SE ${se(e)})`);
  });
  const seN = Math.max(exact.totalPatientsSd, 1e-9) / Math.sqrt(trials);
  assert.ok(Math.abs(sim.totalPatients - exact.totalPatients) <= z * seN + 1e-9, `total N: ${sim.totalPatients} vs ${exact.totalPatients}`);
}

describe('simulation agrees with the exact OCs within Monte Carlo error', () => {
  const designs: [string, Design][] = [
    ['BOIN', unwrap(boinDesign({ target: 0.3, doses: 6, cohortSize: 3, cohorts: 10 }))],
    ['BOIN extrasafe n.earlystop 12', unwrap(boinDesign({ target: 0.3, doses: 6, cohortSize: 3, cohorts: 10, extrasafe: true, nEarlystop: 12 }))],
    ['3+3 A', unwrap(threePlusThreeDesign({ variant: 'a', doses: 6 }))],
    ['3+3 B', unwrap(threePlusThreeDesign({ variant: 'b', doses: 6 }))],
    ['3+3 C', unwrap(threePlusThreeDesign({ variant: 'c', doses: 6 }))],
  ];
  for (const [name, design] of designs)
    it(`${name}: S3 and S6 within 5 SE`, () => {
      for (const truth of [S3, [0.5, 0.6, 0.7, 0.8, 0.9, 0.95]]) {
        const exact = unwrap(exactOC(design, truth, { target: 0.3 }));
        const sim = unwrap(simulateOC(design, truth, { trials: 20_000, chunkSize: 5000, uniforms: (i) => createFastRandom(2024, i).next, target: 0.3 }));
        withinMonteCarlo(sim, exact, 20_000, 5);
      }
    });

  it('random scenarios within 5 SE (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 0.9, noNaN: true }), { minLength: 2, maxLength: 5 }).map((t) => [...t].sort((a, b) => a - b)),
        fc.integer({ min: 1, max: 1e6 }),
        (truth, seed) => {
          const design = unwrap(boinDesign({ target: 0.25, doses: truth.length, cohortSize: 3, cohorts: 8, nEarlystop: 9 }));
          const exact = unwrap(exactOC(design, truth));
          const sim = unwrap(simulateOC(design, truth, { trials: 5000, uniforms: (i) => createFastRandom(seed, i).next }));
          withinMonteCarlo(sim, exact, 5000, 5);
        },
      ),
      { numRuns: 8 },
    );
  });
});
