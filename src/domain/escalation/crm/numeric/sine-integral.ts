// The sine integral Si(x) = ∫_0^x sin(t)/t dt, to ~1e-15, for the fast CRM fitter's partial
// integrals (sinc quadrature weights, crm-grid.ts). Method of Numerical Recipes (3rd ed., §6.8,
// routine cisi): the power series for |x| ≤ 2 and, beyond, Si(x) = π/2 − Im-part of E1(ix)
// evaluated by the modified Lentz method on the continued fraction
//   E1(ix)·e^{ix} = 1/(1 + ix − 1²/(3 + ix − 2²/(5 + ix − …))).
// Only needed when a fitter is built, never per fit.

const EPS = 1e-16;
const MAX_TERMS = 500;

/** Si(x), odd in x. */
export function sineIntegral(x: number): number {
  if (Number.isNaN(x)) return x;
  const t = Math.abs(x);
  const sign = x < 0 ? -1 : 1;
  if (t === 0) return 0;
  if (t === Number.POSITIVE_INFINITY) return sign * (Math.PI / 2);
  if (t <= 2) {
    // Si(t) = Σ_k (−1)^k t^(2k+1) / ((2k+1)·(2k+1)!)
    let sum = 0;
    let term = t; // t^(2k+1)/(2k+1)!
    for (let k = 0; k < MAX_TERMS; k++) {
      const add = term / (2 * k + 1);
      sum += k % 2 === 0 ? add : -add;
      if (add < EPS * Math.abs(sum)) break;
      term *= (t * t) / ((2 * k + 2) * (2 * k + 3));
    }
    return sign * sum;
  }
  // Continued fraction with complex arithmetic: b = 1 + i·t, c = 1/FPMIN, d = h = 1/b.
  let bRe = 1;
  const bIm = t;
  let cRe = 1e300;
  let cIm = 0;
  let [dRe, dIm] = inverse(bRe, bIm);
  let hRe = dRe;
  let hIm = dIm;
  for (let i = 2; i <= MAX_TERMS; i++) {
    const a = -((i - 1) * (i - 1));
    bRe += 2;
    // d = 1/(a·d + b)
    [dRe, dIm] = inverse(a * dRe + bRe, a * dIm + bIm);
    // c = b + a/c
    const [qRe, qIm] = inverse(cRe, cIm);
    cRe = bRe + a * qRe;
    cIm = bIm + a * qIm;
    // h *= c·d
    const delRe = cRe * dRe - cIm * dIm;
    const delIm = cRe * dIm + cIm * dRe;
    const nhRe = hRe * delRe - hIm * delIm;
    hIm = hRe * delIm + hIm * delRe;
    hRe = nhRe;
    if (Math.abs(delRe - 1) + Math.abs(delIm) < EPS) break;
  }
  // E1(it) = h·(cos t − i sin t); Si(t) = π/2 + Im(E1(it))
  const c = Math.cos(t);
  const s = Math.sin(t);
  const e1Im = hIm * c - hRe * s;
  return sign * (Math.PI / 2 + e1Im);
}

function inverse(re: number, im: number): [number, number] {
  // 1/(re + i·im), scaled to avoid overflow
  if (Math.abs(re) >= Math.abs(im)) {
    const r = im / re;
    const den = re + im * r;
    return [1 / den, -r / den];
  }
  const r = re / im;
  const den = re * r + im;
  return [r / den, -1 / den];
}
