// The Bayesian CRM fit for simulations: ~100,000 fits per operating-characteristics run, so each
// fit is sums over tables precomputed per design (crm-grid.ts), driven by the sufficient
// statistics (n_j, y_j) per dose, with no allocation: the result object and every buffer are
// reused, and a fit overwrites the previous one.
//
// It computes the posterior of a exactly (to ~1e-13; the tests hold it to 1e-9 of the precise
// path) rather than replaying R's integrate(): dfcrm's own answer differs from the exact one by up
// to ~1e-8 (crm-notes.md). The recommended dose follows dfcrm's rule on the plug-in
// probabilities, as in fitCrm.
//
// Each fit, in three passes over the grid:
// 1. coarse: the log posterior at every 8th node (0.2 apart) locates the window where it is within
//    55 of its maximum, and its curvature there gives a width σ_c;
// 2. the stride s is the largest with σ_c ≥ 3·s·h (sinc error ≈ e^−44 for a normal posterior) and
//    s·h ≤ πd/48, d the half-width of the strip where the likelihood is analytic (error ≈ e^−48
//    from its singularities): a fit then costs ~100–200 nodes whether the posterior is narrow or
//    wide;
// 3. the window is summed at that stride, aligned on a*. If the posterior sd turns out smaller
//    than 2.5·s·h (a posterior far from normal), the sums are redone at stride 1.
// Tested against R's integrate() at rel.tol 1e-13 on random trials (≤ 5e-10 in Pr(overdose),
// ≤ 1e-14 in the estimate, over 1,500 random designs and data sets of up to 120 patients).
//
// Bayes only: dfcrm's one-stage crmsim refuses method "mle", and the MLE of a two-stage design is
// one optimize() per fit, which fitCrm does well enough.
import { fail, issue, ok, type Result } from '../../result.ts';
import { parseInput } from '../../validation.ts';
import { type CrmCurve, crmCurve, toxAt as toxAtImport } from './crm-curve.ts';
import { type CrmGrid, crmGrid, DEFAULT_GRID_STEP } from './crm-grid.ts';
import { crmMtdIndex as crmMtdIndexImport } from './crm-mtd.ts';
import { CrmSpec, type CrmSpecInput } from './crm-spec.ts';
import { EXP_LIMIT as EXP_LIMIT_IMPORT, tableExp as tableExpImport } from './numeric/table-exp.ts';

/** Overwritten by every fit: copy what must outlive the next one. */
export interface CrmFastFit {
  /** Posterior mean of a. */
  estimate: number;
  /** Posterior variance of a. */
  postVar: number;
  /** Pr(p_1 > target | data). */
  pOverdose: number;
  /** 1-based recommended dose, dfcrm's rule on the plug-in probabilities. */
  mtd: number;
  /** Plug-in DLT probability per dose at the estimate. */
  readonly ptox: Float64Array;
}

export interface CrmFastFitter {
  readonly doses: number;
  readonly target: number;
  /** Fits counts per dose (n treated, y DLTs; typed arrays welcome) and returns the shared result. */
  fit(n: ArrayLike<number>, y: ArrayLike<number>): CrmFastFit;
  /** E[p_j | data] per dose for the data of the last fit, written into `out` (length ≥ doses). */
  posteriorMeanTox(out: Float64Array): Float64Array;
}

export interface CrmFastOptions {
  /** Base grid step h (default 0.025, at most 0.025; see crm-grid.ts). */
  readonly step?: number;
}

/**
 * Coarse pass stride (nodes) and the slack below its maximum that bounds the window: terms below
 * e^−45 (EXP_LIMIT) of the largest cannot move the sums, and between coarse nodes 0.2 apart the
 * log posterior rises above its end values by at most |g''|·0.2²/8 = 2 for a posterior sd of 0.05.
 */
const COARSE = 8;
const WINDOW = 55;
const MAX_STRIDE = 8;

// Hot-path imports copied into module constants: under tsx (how this project runs TypeScript) an
// imported binding is read through a getter on every use, which V8 does not inline in these loops.
const tableExp = tableExpImport;
const EXP_LIMIT = EXP_LIMIT_IMPORT;
const crmMtdIndex = crmMtdIndexImport;
const toxAt = toxAtImport;

export function createCrmFastFitter(spec: CrmSpecInput, options: CrmFastOptions = {}): Result<CrmFastFitter> {
  const parsed = parseInput(CrmSpec, spec);
  if (!parsed.ok) return parsed;
  const h = options.step ?? DEFAULT_GRID_STEP;
  if (!(h > 0 && h <= DEFAULT_GRID_STEP)) return fail(issue(['step'], 'out_of_range', { value: h, minimum: 0, maximum: DEFAULT_GRID_STEP }));
  return ok(new GridFitter(parsed.value, h));
}

/**
 * A class rather than closures: V8 keeps one optimised version of the methods for every fitter,
 * where closures from one factory lose their specialisation as soon as a second fitter exists.
 */
class GridFitter implements CrmFastFitter {
  readonly doses: number;
  readonly target: number;
  private readonly curve: CrmCurve;
  private readonly grid: CrmGrid;
  private readonly h: number;
  private readonly strideCap: number;
  private readonly g: Float64Array;
  private readonly w: Float64Array;
  // Doses with data in the current fit, and their counts as coefficients of the log tables.
  private readonly active: Int32Array;
  private readonly coefTox: Float64Array;
  private readonly coefNonTox: Float64Array;
  private nActive = 0;
  // The node set of the last fit (for posteriorMeanTox): first, last, stride; and its mass.
  private from = 0;
  private to = -1;
  private stride = 1;
  private mass = 0;
  private tox: Float64Array | null = null; // p_j(a_k), built on the first posteriorMeanTox call
  private readonly result: CrmFastFit;

  constructor(spec: CrmSpec, h: number) {
    this.doses = spec.skeleton.length;
    this.target = spec.target;
    this.curve = crmCurve(spec);
    this.grid = crmGrid(this.curve, spec.priorVar, spec.target, h);
    this.h = h;
    this.strideCap = Math.max(1, Math.min(MAX_STRIDE, Math.floor((Math.PI * analyticHalfWidth(spec)) / (48 * h))));
    this.g = new Float64Array(this.grid.nodes);
    this.w = new Float64Array(this.grid.nodes);
    this.active = new Int32Array(this.doses);
    this.coefTox = new Float64Array(this.doses);
    this.coefNonTox = new Float64Array(this.doses);
    this.result = { estimate: 0, postVar: 0, pOverdose: 0, mtd: 1, ptox: new Float64Array(this.doses) };
  }

  fit(n: ArrayLike<number>, y: ArrayLike<number>): CrmFastFit {
    const K = this.doses;
    let nActive = 0;
    for (let j = 0; j < K; j++) {
      const nj = n[j]!;
      if (nj === 0) continue;
      this.active[nActive] = j;
      this.coefTox[nActive] = y[j]!;
      this.coefNonTox[nActive] = nj - y[j]!;
      nActive++;
    }
    this.nActive = nActive;
    const M = this.grid.nodes;
    const g = this.g;
    // 1. coarse pass
    let cmax = Number.NEGATIVE_INFINITY;
    let kmax = 0;
    for (let k = 0; k < M; k += COARSE) {
      const v = this.logPosterior(k);
      g[k] = v;
      if (v > cmax) {
        cmax = v;
        kmax = k;
      }
    }
    let first = -1;
    let last = -1;
    for (let k = 0; k < M; k += COARSE) {
      if (g[k]! >= cmax - WINDOW) {
        if (first < 0) first = k;
        last = k;
      }
    }
    const lo = Math.max(0, first - COARSE);
    const hi = Math.min(M - 1, last + COARSE);
    // 2. stride from the curvature at the coarse maximum
    let s = 1;
    if (kmax >= COARSE && kmax + COARSE < M) {
      const span = COARSE * this.h;
      const curvature = -(g[kmax - COARSE]! - 2 * cmax + g[kmax + COARSE]!) / (span * span);
      if (curvature > 0) s = Math.max(1, Math.min(this.strideCap, Math.floor(1 / Math.sqrt(curvature) / (3 * this.h))));
    }
    // 3. the sums, redone at stride 1 if the posterior is narrower than the stride allows
    const sd = this.sum(lo, hi, s, cmax);
    if (s > 1 && !(sd >= 2.5 * s * this.h)) this.sum(lo, hi, 1, cmax);
    const result = this.result;
    const ptox = result.ptox;
    for (let j = 0; j < K; j++) ptox[j] = toxAt(this.curve, j, result.estimate);
    result.mtd = crmMtdIndex(ptox, this.target) + 1;
    return result;
  }

  posteriorMeanTox(out: Float64Array): Float64Array {
    const K = this.doses;
    if (this.tox === null) this.tox = this.grid.logTox.map(Math.exp);
    for (let j = 0; j < K; j++) {
      let sum = 0;
      for (let k = this.from; k <= this.to; k += this.stride) sum += this.w[k]! * this.tox[k * K + j]!;
      out[j] = sum / this.mass;
    }
    return out;
  }

  private logPosterior(k: number): number {
    const { logPrior, logTox, logNonTox } = this.grid;
    let v = logPrior[k]!;
    const base = k * this.doses;
    for (let i = 0; i < this.nActive; i++) {
      const j = base + this.active[i]!;
      v += this.coefTox[i]! * logTox[j]! + this.coefNonTox[i]! * logNonTox[j]!;
    }
    return v;
  }

  /**
   * One pass over the window at stride s (aligned on the anchor node) into the result; returns the
   * posterior sd. Terms are e^(g − shift), shift being the coarse maximum: the fine maximum exceeds
   * it by a few units at most, and terms below e^−45 of it are dropped.
   */
  private sum(lo: number, hi: number, s: number, shift: number): number {
    const { a, sincWeight, anchorIndex: k0, logPrior, logTox, logNonTox, nodes } = this.grid;
    const { w, active, coefTox, coefNonTox, nActive } = this;
    const K = this.doses;
    const from = k0 - Math.floor((k0 - lo) / s) * s;
    this.from = from;
    this.to = hi;
    this.stride = s;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let sOver = 0;
    // node k = a* − m·s·h; its sinc weight sits at sincWeight[nodes + m]
    let weightIndex = nodes + (k0 - from) / s;
    for (let k = from; k <= hi; k += s, weightIndex--) {
      let v = logPrior[k]! - shift;
      const base = k * K;
      for (let i = 0; i < nActive; i++) {
        const j = base + active[i]!;
        v += coefTox[i]! * logTox[j]! + coefNonTox[i]! * logNonTox[j]!;
      }
      if (v < -EXP_LIMIT) {
        w[k] = 0;
        continue;
      }
      const e = v <= EXP_LIMIT ? tableExp(v) : Math.exp(v);
      w[k] = e;
      const ak = a[k]!;
      s0 += e;
      s1 += ak * e;
      s2 += ak * ak * e;
      sOver += sincWeight[weightIndex]! * e;
    }
    this.mass = s0;
    const result = this.result;
    const estimate = s1 / s0;
    result.estimate = estimate;
    result.postVar = s2 / s0 - estimate * estimate;
    result.pOverdose = this.grid.overdoseOnGrid ? Math.min(1, Math.max(0, sOver / s0)) : this.grid.overdoseConstant;
    return Math.sqrt(result.postVar);
  }
}

/**
 * Half-width d of the strip around the real axis where the likelihood is analytic in a: the
 * trapezoid and sinc rules lose accuracy like exp(−2πd/h) and exp(−πd/h), so the stride is capped
 * at h·s ≤ πd/32 (exp(−πd/h) ≤ e^−32). Empiric: 1 − s^exp(a) vanishes where exp(a)·log s = 2πik,
 * i.e. Im a = ±π/2. Logistic: 1 + exp(±η) vanishes where α0 + exp(a)·x = iπ(2k + 1), nearest at
 * |Im a| = atan(π/α0).
 */
function analyticHalfWidth(spec: { model: string; intercept: number }): number {
  return spec.model === 'logistic' ? Math.atan2(Math.PI, spec.intercept) : Math.PI / 2;
}
