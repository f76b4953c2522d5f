import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { type CrmFit, fitCrm } from './crm-fit.ts';
import { crmGetPrior } from './crm-getprior.ts';
import { crmMtdIndex, crmMtdRule } from './crm-mtd.ts';

// dfcrm 0.2-2.1 crm() fits on R 4.2.2 (shared/reference/dose-finding/crm_fixed_data.json).
type RefFit = {
  data: { prior: number[]; target: number; level: number[]; tox: (0 | 1)[] };
  model: 'empiric' | 'logistic';
  method: 'bayes' | 'mle';
  estimate?: number;
  'post.var'?: number;
  'prior.var'?: number;
  ptox?: number[];
  ptoxL?: number[];
  ptoxU?: number[];
  mtd?: number;
  dosescaled?: number[];
  error?: string;
};
const reference = JSON.parse(
  readFileSync(new URL('../../../../../shared/reference/dose-finding/crm_fixed_data.json', import.meta.url), 'utf8'),
) as Record<string, unknown> & { getprior: Array<{ args: Record<string, number | string>; skeleton: number[] }> };
const fits = Object.entries(reference).filter((e): e is [string, RefFit] => typeof e[1] === 'object' && e[1] !== null && 'data' in e[1]);

/**
 * Our integrate()/optimize() transcriptions take R's steps, so dfcrm's numbers come back to
 * rounding (observed ≤ 1e-12). The tolerance leaves room for libm's last bits, nothing more.
 */
const TOLERANCE = 1e-9;

function close(actual: number, expected: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= TOLERANCE * Math.abs(expected), `${what}: ${actual} vs ${expected}`);
}
function closeAll(actual: readonly number[] | undefined, expected: number[], what: string): void {
  assert.ok(actual, `${what} missing`);
  assert.equal(actual.length, expected.length, what);
  expected.forEach((e, i) => {
    close(actual[i]!, e, `${what}[${i}]`);
  });
}

describe('fitCrm reproduces dfcrm crm() (crm_fixed_data.json)', () => {
  assert.ok(fits.length >= 8);
  for (const [name, ref] of fits) {
    it(name, () => {
      const result = fitCrm({
        skeleton: ref.data.prior,
        target: ref.data.target,
        model: ref.model,
        method: ref.method,
        data: { level: ref.data.level, tox: ref.data.tox },
      });
      if (ref.error) {
        // dfcrm: stop(" mle does not exist!") when every outcome is 0 or every outcome is 1
        assert.equal(result.ok, false);
        assert.equal(!result.ok && result.issues[0]?.code, 'crm_mle_not_exist');
        return;
      }
      assert.ok(result.ok, JSON.stringify(!result.ok && result.issues));
      const fit: CrmFit = result.value;
      close(fit.estimate, ref.estimate!, 'estimate');
      close(fit.postVar, ref['post.var']!, 'post.var');
      assert.equal(fit.priorVar, ref['prior.var']);
      closeAll(fit.ptox, ref.ptox!, 'ptox');
      closeAll(fit.ptoxL, ref.ptoxL!, 'ptoxL');
      closeAll(fit.ptoxU, ref.ptoxU!, 'ptoxU');
      closeAll(fit.dosescaled, ref.dosescaled!, 'dosescaled');
      assert.equal(fit.mtd, ref.mtd);
      assert.deepEqual(
        fit.explanation.map((s) => s.code),
        ['crm_model', 'crm_data', 'crm_estimate', 'crm_ptox', 'crm_mtd', 'crm_overdose_probability'],
      );
    });
  }

  it('gives the same fit from counts per dose as from the patients', () => {
    const [, ref] = fits.find(([n]) => n === 'pkg_example__empiric__bayes')!;
    const byPatient = fitCrm({ skeleton: ref.data.prior, target: ref.data.target, data: { level: ref.data.level, tox: ref.data.tox } });
    const byCount = fitCrm({ skeleton: ref.data.prior, target: ref.data.target, data: { n: [0, 3, 4, 3, 0, 0], y: [0, 0, 1, 2, 0, 0] } });
    assert.ok(byPatient.ok && byCount.ok);
    close(byCount.value.estimate, byPatient.value.estimate, 'estimate');
    assert.deepEqual(byCount.value.n, [0, 3, 4, 3, 0, 0]);
    assert.deepEqual(byCount.value.y, [0, 0, 1, 2, 0, 0]);
  });

  it("refuses to fit without data (R's integrate() stops with a round-off error on the odd first moment)", () => {
    const r = fitCrm({ skeleton: [0.1, 0.2, 0.3], target: 0.2, data: { n: [0, 0, 0], y: [0, 0, 0] } });
    assert.deepEqual(!r.ok && r.issues, [{ path: ['data'], code: 'crm_no_data', params: {} }]);
  });

  it('refuses an MLE fit when every patient had a DLT', () => {
    const r = fitCrm({ skeleton: [0.1, 0.2, 0.3], target: 0.2, method: 'mle', data: { level: [1, 1, 1], tox: [1, 1, 1] } });
    assert.deepEqual(!r.ok && r.issues, [{ path: ['data'], code: 'crm_mle_not_exist', params: { patients: 3, dlts: 3 } }]);
  });

  it("lets the MLE run to the boundary of optimize()'s interval, stopping within its tolerance", () => {
    // 39 DLTs of 40 at dose 1: above the logistic model's ceiling 1/(1 + e^−3) ≈ 0.953 at every a,
    // so the likelihood increases all the way to a = −10
    const r = fitCrm({ skeleton: [0.3, 0.5, 0.7], target: 0.3, model: 'logistic', method: 'mle', data: { n: [40, 0, 0], y: [39, 0, 0] } });
    assert.ok(r.ok);
    assert.ok(r.value.estimate > -10 && r.value.estimate < -10 + 1e-4, String(r.value.estimate));
    assert.equal(r.value.mtd, 1);
  });

  it('reports invalid input with paths: skeleton order, logistic intercept, dose range, lengths', () => {
    const r = fitCrm({
      skeleton: [0.1, 0.3, 0.2, 0.97],
      target: 0.2,
      model: 'logistic',
      data: { level: [1, 5], tox: [0] },
    });
    assert.equal(r.ok, false);
    const codes = !r.ok ? r.issues.map((i) => [i.path.join('.'), i.code]) : [];
    assert.deepEqual(codes, [
      ['skeleton.2', 'not_increasing'],
      ['skeleton.3', 'crm_intercept_too_small'],
      ['data.tox', 'length_mismatch'],
      ['data.level.1', 'too_big'],
    ]);
  });

  it('refuses y > n in counts', () => {
    const r = fitCrm({ skeleton: [0.1, 0.2], target: 0.2, data: { n: [3, 0], y: [4, 0] } });
    assert.deepEqual(!r.ok && r.issues.map((i) => i.code), ['too_big']);
  });
});

describe("dfcrm's recommendation rule (crm(): mtd)", () => {
  it('takes the dose closest to the target, a tie going to the lower dose', () => {
    assert.equal(crmMtdIndex([0.1, 0.2, 0.4], 0.3), 1); // |0.2−0.3| = |0.4−0.3| up to rounding: 0.1 vs 0.10000000000000003
    assert.equal(crmMtdIndex([0.1, 0.25, 0.35, 0.5], 0.3), 1); // exact tie 0.05 vs 0.05 (binary: 0.04999…, 0.04999…)
    assert.equal(crmMtdIndex([0.05, 0.28, 0.31], 0.3), 2);
    assert.equal(crmMtdRule([0.05, 0.28, 0.31], 0.3), 'closest');
  });

  it('takes the top dose when every ptox ≤ target and dose 1 when every ptox ≥ target', () => {
    assert.equal(crmMtdIndex([0.01, 0.02, 0.3], 0.3), 2);
    assert.equal(crmMtdRule([0.01, 0.02, 0.3], 0.3), 'all_below_target');
    assert.equal(crmMtdIndex([0.3, 0.5, 0.9], 0.3), 0);
    assert.equal(crmMtdRule([0.3, 0.5, 0.9], 0.3), 'all_above_target');
  });
});

describe('crmGetPrior reproduces dfcrm getprior() (Lee & Cheung 2009)', () => {
  for (const example of reference.getprior) {
    const args = example.args;
    it(JSON.stringify(args), () => {
      const r = crmGetPrior({
        halfwidth: Number(args['halfwidth']),
        target: Number(args['target']),
        nu: Number(args['nu']),
        nlevel: Number(args['nlevel']),
        model: args['model'] === 'logistic' ? 'logistic' : 'empiric',
        ...(args['intcpt'] !== undefined ? { intercept: Number(args['intcpt']) } : {}),
      });
      assert.ok(r.ok);
      closeAll(r.value, example.skeleton, 'skeleton');
      // dose nu carries the target (exactly for the empiric model; the logistic one goes through logit and back)
      if (args['model'] === 'empiric') assert.equal(r.value[Number(args['nu']) - 1], Number(args['target']));
    });
  }

  it('refuses a half-width that leaves (0, 1) and nu beyond nlevel', () => {
    const r = crmGetPrior({ halfwidth: 0.4, target: 0.3, nu: 7, nlevel: 6 });
    assert.deepEqual(!r.ok && r.issues.map((i) => i.path.join('.')), ['nu', 'halfwidth']);
  });
});
