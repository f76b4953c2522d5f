import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { crmCurve } from './crm-curve.ts';
import { createCrmFastFitter } from './crm-fast-fitter.ts';
import { patientTerms, posteriorKernel } from './crm-integrands.ts';
import { posteriorMeanTox, posteriorOverdose } from './crm-posterior.ts';
import type { CrmModel } from './crm-spec.ts';
import { rIntegrate } from './numeric/r-integrate.ts';

type RefFit = {
  data: { prior: number[]; target: number; level: number[]; tox: number[] };
  model: CrmModel;
  method: string;
  estimate: number;
  'post.var': number;
  ptox: number[];
  mtd: number;
  high_precision: { estimate: number; 'post.var': number; ptox: number[] };
};
const reference = JSON.parse(
  readFileSync(new URL('../../../../../shared/reference/dose-finding/crm_fixed_data.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const bayesFits = Object.entries(reference).filter(
  (e): e is [string, RefFit] => typeof e[1] === 'object' && e[1] !== null && (e[1] as RefFit).method === 'bayes',
);

const counts = (ref: RefFit): { n: Int32Array; y: Int32Array } => {
  const n = new Int32Array(ref.data.prior.length);
  const y = new Int32Array(ref.data.prior.length);
  ref.data.level.forEach((l, i) => {
    n[l - 1]!++;
    y[l - 1]! += ref.data.tox[i]!;
  });
  return { n, y };
};

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

/** The exact posterior moments of a, by R's integrate() at rel.tol 1e-13 (the "precise path"). */
function preciseMoments(model: CrmModel, skeleton: number[], n: ArrayLike<number>, y: ArrayLike<number>) {
  const curve = crmCurve({ model, skeleton, intercept: 3 });
  const dose: number[] = [];
  const tox: number[] = [];
  for (let j = 0; j < skeleton.length; j++)
    for (let i = 0; i < n[j]!; i++) {
      dose.push(j);
      tox.push(i < y[j]! ? 1 : 0);
    }
  const terms = patientTerms(curve, Int32Array.from(dose), Uint8Array.from(tox));
  const scale = Math.sqrt(1.34);
  const m = (k: 0 | 1 | 2) => rIntegrate(posteriorKernel(curve, terms, scale, k), -Infinity, Infinity, { relTol: 1e-13, absTol: 0 }).value;
  const m0 = m(0);
  const mean = m(1) / m0;
  return { curve, terms, scale, mean, variance: m(2) / m0 - mean * mean };
}

describe('fast CRM fitter (fixed grid, sufficient statistics)', () => {
  assert.equal(bayesFits.length, 4);
  for (const [name, ref] of bayesFits) {
    it(`${name}: matches the high-precision posterior to 1e-9 and dfcrm to 1e-6`, () => {
      const fitter = createCrmFastFitter({ skeleton: ref.data.prior, target: ref.data.target, model: ref.model });
      assert.ok(fitter.ok);
      const { n, y } = counts(ref);
      const fit = fitter.value.fit(n, y);
      const hp = ref.high_precision;
      assert.ok(rel(fit.estimate, hp.estimate) < 1e-9, `estimate ${fit.estimate} vs ${hp.estimate}`);
      assert.ok(rel(fit.postVar, hp['post.var']) < 1e-9, `post.var ${fit.postVar} vs ${hp['post.var']}`);
      hp.ptox.forEach((p, j) => {
        assert.ok(rel(fit.ptox[j]!, p) < 1e-9, `ptox[${j}]`);
      });
      // dfcrm itself stops at integrate()'s rel.tol 1.2e-4 (crm-notes.md): agreement ~1e-8
      assert.ok(rel(fit.estimate, ref.estimate) < 1e-6);
      assert.ok(rel(fit.postVar, ref['post.var']) < 1e-6);
      assert.equal(fit.mtd, ref.mtd);
    });
  }

  it('agrees with the precise path on the overdose probability and the posterior mean DLT rates', () => {
    for (const [, ref] of bayesFits) {
      const fitter = createCrmFastFitter({ skeleton: ref.data.prior, target: ref.data.target, model: ref.model });
      assert.ok(fitter.ok);
      const { n, y } = counts(ref);
      const fit = fitter.value.fit(n, y);
      const p = preciseMoments(ref.model, ref.data.prior, n, y);
      const pOverdose = posteriorOverdose(p.curve, p.terms, p.scale, ref.data.target);
      assert.ok(rel(fit.pOverdose, pOverdose) < 1e-9, `pOverdose ${fit.pOverdose} vs ${pOverdose}`);
      const fastMeans = fitter.value.posteriorMeanTox(new Float64Array(n.length));
      posteriorMeanTox(p.curve, p.terms, p.scale).forEach((m, j) => {
        assert.ok(rel(fastMeans[j]!, m) < 1e-9, `E[p_${j + 1}]`);
      });
    }
  });

  it('agrees with the precise path on random trials of up to 60 patients, both models', () => {
    const skeleton = [0.05, 0.12, 0.25, 0.4, 0.55, 0.7];
    const model = fc.constantFrom<CrmModel>('empiric', 'logistic');
    const trial = fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 20 });
    const fitters = {
      empiric: createCrmFastFitter({ skeleton, target: 0.25, model: 'empiric' }),
      logistic: createCrmFastFitter({ skeleton, target: 0.25, model: 'logistic' }),
    };
    fc.assert(
      fc.property(model, trial, (m, cohorts) => {
        const n = new Int32Array(6);
        const y = new Int32Array(6);
        for (const [dose, dlts] of cohorts) {
          n[dose]! += 3;
          y[dose]! += dlts;
        }
        const f = fitters[m];
        assert.ok(f.ok);
        const fit = f.value.fit(n, y);
        const p = preciseMoments(m, skeleton, n, y);
        assert.ok(Math.abs(fit.estimate - p.mean) < 1e-9 * Math.max(1, Math.abs(p.mean)), `estimate ${fit.estimate} vs ${p.mean}`);
        assert.ok(rel(fit.postVar, p.variance) < 1e-8, `variance ${fit.postVar} vs ${p.variance}`);
        const pOverdose = posteriorOverdose(p.curve, p.terms, p.scale, 0.25);
        assert.ok(Math.abs(fit.pOverdose - pOverdose) < 1e-9, `pOverdose ${fit.pOverdose} vs ${pOverdose}`);
      }),
      { numRuns: 60, seed: 20241129 },
    );
  });

  it('overwrites one result object per fit (no allocation) and is deterministic', () => {
    const f = createCrmFastFitter({ skeleton: [0.1, 0.2, 0.3], target: 0.2 });
    assert.ok(f.ok);
    const a = f.value.fit([3, 0, 0], [0, 0, 0]);
    const first = a.estimate;
    const b = f.value.fit([3, 3, 0], [0, 2, 0]);
    assert.equal(a, b);
    assert.notEqual(b.estimate, first);
    assert.equal(f.value.fit([3, 0, 0], [0, 0, 0]).estimate, first);
  });

  it('validates its specification and step', () => {
    const bad = createCrmFastFitter({ skeleton: [0.3, 0.2], target: 0.2 });
    assert.deepEqual(!bad.ok && bad.issues.map((i) => i.code), ['not_increasing']);
    const step = createCrmFastFitter({ skeleton: [0.1, 0.2], target: 0.2 }, { step: 0.5 });
    assert.deepEqual(!step.ok && step.issues.map((i) => i.path.join('.')), ['step']);
  });
});
