// R's rbinom(1, size, prob) for the inversion branch, draw for draw.
//
// Source: R 4.2 src/nmath/rbinom.c (Kachitvichyanukul & Schmeiser 1988, "Binomial random variate
// generation", CACM 31:216-222). With p = min(prob, 1 − prob), q = 1 − p and n·p < 30, R inverts the
// CDF: one unif_rand() per attempt, walking up from P(X = 0) = q^n with the recurrence
// f ← f·(g/ix − r), r = p/q, g = r·(n + 1); an attempt that walks past ix = 110 is discarded and a
// new uniform drawn (possible only when the tail mass beyond 110 is not negligible in floating
// point). When prob > 0.5 the count is reflected: n − ix. q^n is R_pow_di (square-and-multiply,
// src/main/arithmetic.c), not pow(), because the two differ in the last bits.
//
// The n·p ≥ 30 branch (BTPE rejection) is not ported: nothing here draws binomials that large,
// and an unverified port would be worse than a loud refusal.
import type { UniformSource } from './uniform-source.ts';

/** R_pow_di: x^n by repeated squaring, as R computes it (n ≥ 0 here). */
export function rPowDi(x: number, n: number): number {
  let xn = 1;
  let base = x;
  let k = n;
  if (Number.isNaN(x)) return x;
  if (k === 0) return 1;
  if (!Number.isFinite(x)) return x ** k;
  for (;;) {
    if (k & 1) xn *= base;
    k >>>= 1;
    if (k) base *= base;
    else break;
  }
  return xn;
}

/** One draw of R's rbinom(1, size, prob) from `unif` (R's unif_rand for an exact match). */
export function rBinomial(unif: UniformSource, size: number, prob: number): number {
  if (!Number.isInteger(size) || size < 0 || size >= 2147483647)
    throw new RangeError(`rbinom size must be an integer in [0, 2^31 − 1), got ${size}`);
  if (!(prob >= 0 && prob <= 1)) throw new RangeError(`rbinom prob must be in [0, 1], got ${prob}`);
  if (size === 0 || prob === 0) return 0;
  if (prob === 1) return size;

  const p = Math.min(prob, 1 - prob);
  const q = 1 - p;
  const np = size * p;
  if (np >= 30) throw new RangeError(`rbinom with n·min(p, 1 − p) = ${np} ≥ 30 needs R's BTPE branch, which is not ported`);
  const r = p / q;
  const g = r * (size + 1);
  const qn = rPowDi(q, size);

  for (;;) {
    let ix = 0;
    let f = qn;
    let u = unif();
    for (;;) {
      if (u < f) return prob > 0.5 ? size - ix : ix;
      if (ix > 110) break;
      u -= f;
      ix++;
      f *= g / ix - r;
    }
  }
}
