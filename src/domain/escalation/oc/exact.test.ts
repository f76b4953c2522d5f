import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { unwrap } from '../../result.ts';
import { boinDesign } from '../boin/api.ts';
import { loadReference } from '../testing/reference.ts';
import { threePlusThreeClosedForm } from '../three-plus-three/closed-form.ts';
import { threePlusThreeDesign } from '../three-plus-three/design.ts';
import { exactOC } from './exact.ts';
import type { OcKernel } from '../design.ts';
import { kernelOf } from './kernel-of.ts';

interface BoinExact {
  args: { target: number; 'p.true': number[]; ncohort: number; cohortsize: number };
  selpercent: number[];
  percentstop: number;
  npatients: number[];
  ntox: number[];
  totaln: number;
  totaltox: number;
  n_terminal_states: number;
}
interface TptExact {
  prob_select: number[];
  expected_n: number[];
  expected_dlt: number[];
  expected_total_n: number;
  sd_total_n: number;
  expected_total_dlt: number;
}
type TptScenario = { 'p.true': number[]; target: number } & Record<string, { exact: TptExact }>;

const near = (actual: readonly number[], expected: readonly number[], tol: number, what: string) => {
  assert.equal(actual.length, expected.length, what);
  for (const [i, a] of actual.entries()) assert.ok(Math.abs(a - expected[i]!) <= tol, `${what}[${i}]: ${a} vs ${expected[i]}`);
};

describe('exact BOIN operating characteristics (boin_exact_oc.json)', () => {
  const ref = loadReference<Record<string, BoinExact>>('boin_exact_oc.json');
  for (const key of ['S3_mtd3', 'S6_alltoxic']) {
    const c = ref[key]!;
    it(`${key}: matches R's full enumeration to 1e−10`, () => {
      const design = unwrap(boinDesign({ target: c.args.target, doses: c.args['p.true'].length, cohortSize: c.args.cohortsize, cohorts: c.args.ncohort }));
      const r = unwrap(exactOC(design, c.args['p.true']));
      assert.equal(r.method, 'exact');
      near(r.selectionPercent, c.selpercent, 1e-10, 'selpercent');
      near([r.stopPercent], [c.percentstop], 1e-10, 'percentstop');
      near(r.patients, c.npatients, 1e-10, 'npatients');
      near(r.dlts, c.ntox, 1e-10, 'ntox');
      near([r.totalPatients, r.totalDlts], [c.totaln, c.totaltox], 1e-10, 'totals');
      const mass = r.totalNDistribution.reduce((s, x) => s + x.percent, 0);
      assert.ok(Math.abs(mass - 100) < 1e-10);
    });

    it(`${key}: ends in the same ${c.n_terminal_states} distinct terminal (n, y) states as R's enumeration`, () => {
      const design = unwrap(boinDesign({ target: c.args.target, doses: 6, cohortSize: c.args.cohortsize, cohorts: c.args.ncohort }));
      const k = design.kernel!;
      const seen = new Set<string>();
      const spy: OcKernel = {
        ...k,
        step(n, y, dose, total, dlts) {
          const code = k.step(n, y, dose, total, dlts);
          if (code < 0) seen.add(`${n.join()}|${y.join()}`);
          return code;
        },
        select: (n, y, dose) => k.select(n, y, dose),
      };
      unwrap(exactOC(spy, c.args['p.true']));
      assert.equal(seen.size, c.n_terminal_states);
    });
  }

  it('gives the same result through the generic design adapter (no kernel)', () => {
    const design = unwrap(boinDesign({ target: 0.3, doses: 4, cohortSize: 3, cohorts: 5, nEarlystop: 9, extrasafe: true }));
    const { kernel: _kernel, ...withoutKernel } = design;
    const truth = [0.1, 0.25, 0.4, 0.6];
    const fast = unwrap(exactOC(design, truth));
    const slow = unwrap(exactOC(withoutKernel, truth));
    near(slow.selectionPercent, fast.selectionPercent, 1e-12, 'selection');
    near(slow.patients, fast.patients, 1e-12, 'patients');
    assert.notEqual(kernelOf(withoutKernel), design.kernel);
  });
});

describe('exact 3+3 operating characteristics (tpt_exact_oc.json)', () => {
  const ref = loadReference<Record<string, unknown>>('tpt_exact_oc.json');
  const scenarios = Object.entries(ref).filter(([, v]) => typeof v === 'object' && v !== null && 'p.true' in v) as [string, TptScenario][];
  const variants = [
    ['A_no_deescalation', 'a'],
    ['B_deescalation', 'b'],
    ['C_deescalation_expand_top', 'c'],
  ] as const;
  for (const [name, s] of scenarios)
    for (const [key, variant] of variants)
      it(`${name}, variant ${variant}: selection, patients, DLTs, total N and its SD to 1e−12`, () => {
        const ex = s[key]!.exact;
        const r = unwrap(exactOC(unwrap(threePlusThreeDesign({ variant, doses: s['p.true'].length })), s['p.true'], { target: s.target }));
        // prob_select[0] is P(no MTD); prob_select[j] is P(MTD = dose j).
        near([r.stopPercent / 100, ...r.selectionPercent.map((p) => p / 100)], ex.prob_select, 1e-12, 'prob_select');
        near(r.patients, ex.expected_n, 1e-12, 'expected_n');
        near(r.dlts, ex.expected_dlt, 1e-12, 'expected_dlt');
        near([r.totalPatients, r.totalPatientsSd, r.totalDlts], [ex.expected_total_n, ex.sd_total_n, ex.expected_total_dlt], 1e-12, 'totals');
      });

  it('variant A agrees with the closed form (three-plus-three-spec.md)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }), (truth) => {
        const cf = threePlusThreeClosedForm(truth);
        const r = unwrap(exactOC(unwrap(threePlusThreeDesign({ variant: 'a', doses: truth.length })), truth));
        near([r.stopPercent / 100, ...r.selectionPercent.map((p) => p / 100)], cf.probSelect, 1e-12, 'prob_select');
        near(r.patients, cf.expectedN, 1e-12, 'expected_n');
      }),
      { numRuns: 100 },
    );
  });

  it("variant B reproduces Wheeler et al.'s published W5 figures (hold-out, 2 decimals)", () => {
    const w5 = (ref['W5_wheeler_deesc'] as TptScenario)['p.true'];
    const r = unwrap(exactOC(unwrap(threePlusThreeDesign({ variant: 'b', doses: w5.length })), w5));
    near([r.stopPercent / 100, ...r.selectionPercent.map((p) => p / 100)], [0.1, 0.28, 0.33, 0.2, 0.06, 0.02], 0.005 + 1e-9, 'W5');
  });
});

describe('exact OC properties', () => {
  const truthArb = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 5 });
  it('selection probabilities plus the stop probability sum to 1 (BOIN and 3+3)', () => {
    fc.assert(
      fc.property(truthArb, fc.boolean(), fc.constantFrom('a', 'b', 'c'), (truth, extrasafe, variant) => {
        const boin = unwrap(boinDesign({ target: 0.25, doses: truth.length, cohortSize: 3, cohorts: 5, extrasafe, nEarlystop: 9 }));
        for (const design of [boin, unwrap(threePlusThreeDesign({ variant, doses: truth.length }))]) {
          const r = unwrap(exactOC(design, truth));
          const sum = r.selectionPercent.reduce((s, p) => s + p, r.stopPercent);
          assert.ok(Math.abs(sum - 100) < 1e-9, `${design.label}: ${sum}`);
          const n = r.totalNDistribution.reduce((s, x) => s + x.percent, 0);
          assert.ok(Math.abs(n - 100) < 1e-9);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('rejects a scenario of the wrong length or with a non-probability', () => {
    const design = unwrap(threePlusThreeDesign({ doses: 3 }));
    assert.equal(exactOC(design, [0.1, 0.2]).ok, false);
    assert.equal(exactOC(design, [0.1, 1.2, 0.3]).ok, false);
  });
});
