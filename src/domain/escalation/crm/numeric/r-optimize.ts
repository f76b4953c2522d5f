// R's optimize(f, c(lower, upper), maximum, tol): Brent's fmin (golden section plus successive
// parabolic interpolation; R. Brent, "Algorithms for Minimization without Derivatives", 1973,
// procedure localmin), transcribed from R's src/library/stats/src/optimize.c (Brent_fmin, fcn1).
//
// dfcrm's MLE calls optimize(lcrm, c(-10, 10), tol = 1e-4, maximum = TRUE), and its answer differs
// from the true maximiser by up to ~1.6e-5 (crm-notes.md): to reproduce dfcrm rather than the exact
// MLE, the same points must be visited, so this is the same algorithm with the same constants.
// When the maximum lies on or beyond an end of the interval the search converges to within
// ~tol of that end, never exactly onto it (f is never evaluated closer than 2·tol1 to the ends).

export interface OptimizeResult {
  /** `$minimum` or `$maximum`: the abscissa found. */
  readonly argument: number;
  /** `$objective`: f at that point (R evaluates it once more). */
  readonly objective: number;
}

/** Default tol: .Machine$double.eps^0.25. */
export function rOptimize(
  f: (x: number) => number,
  lower: number,
  upper: number,
  options: { readonly maximum?: boolean; readonly tol?: number } = {},
): OptimizeResult {
  const maximum = options.maximum ?? false;
  const tol = options.tol ?? 2 ** -13;
  // optimize() hands Brent_fmin function(arg) -f(arg) for a maximum; fcn1 replaces any
  // non-finite value (NA, NaN, ±Inf) by DBL_MAX, with a warning.
  const g = (x: number): number => {
    const v = maximum ? -f(x) : f(x);
    return Number.isFinite(v) ? v : Number.MAX_VALUE;
  };
  const x = brentFmin(g, lower, upper, tol);
  return { argument: x, objective: f(x) };
}

/** Brent_fmin(ax, bx, f, tol): an approximation to the point where f attains a minimum on (ax, bx). */
export function brentFmin(f: (x: number) => number, ax: number, bx: number, tol: number): number {
  // c is the squared inverse of the golden ratio
  const c = (3 - Math.sqrt(5)) * 0.5;
  // eps is approximately the square root of the relative machine precision
  const eps = Math.sqrt(2.220446049250313e-16);

  let a = ax;
  let b = bx;
  let v = a + c * (b - a);
  let w = v;
  let x = v;
  let d = 0;
  let e = 0;
  let fx = f(x);
  let fv = fx;
  let fw = fx;
  const tol3 = tol / 3;

  for (;;) {
    const xm = (a + b) * 0.5;
    const tol1 = eps * Math.abs(x) + tol3;
    const t2 = tol1 * 2;
    // check stopping criterion
    if (Math.abs(x - xm) <= t2 - (b - a) * 0.5) break;
    let p = 0;
    let q = 0;
    let r = 0;
    if (Math.abs(e) > tol1) {
      // fit parabola
      r = (x - w) * (fx - fv);
      q = (x - v) * (fx - fw);
      p = (x - v) * q - (x - w) * r;
      q = (q - r) * 2;
      if (q > 0) p = -p;
      else q = -q;
      r = e;
      e = d;
    }
    let u: number;
    if (Math.abs(p) >= Math.abs(q * 0.5 * r) || p <= q * (a - x) || p >= q * (b - x)) {
      // a golden-section step
      e = x < xm ? b - x : a - x;
      d = c * e;
    } else {
      // a parabolic-interpolation step
      d = p / q;
      u = x + d;
      // f must not be evaluated too close to ax or bx
      if (u - a < t2 || b - u < t2) {
        d = tol1;
        if (x >= xm) d = -d;
      }
    }
    // f must not be evaluated too close to x
    if (Math.abs(d) >= tol1) u = x + d;
    else if (d > 0) u = x + tol1;
    else u = x - tol1;

    const fu = f(u);
    // update a, b, v, w, and x
    if (fu <= fx) {
      if (u < x) b = x;
      else a = x;
      v = w;
      w = x;
      x = u;
      fv = fw;
      fw = fx;
      fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  return x;
}
