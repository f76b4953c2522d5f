// R's integrate(f, lower, upper, rel.tol, abs.tol, subdivisions = 100) — the adaptive
// Gauss–Kronrod integrator with Wynn-epsilon extrapolation that dfcrm's crm() uses for its
// posterior moments. Transcribed from R's src/appl/integrate.c: rdqagse (finite range, 21-point
// rule) and rdqagie (infinite range mapped onto (0, 1], 15-point rule). The two drivers differ only
// in the rule, the initial interval and the constant `small`, so one function runs both.
//
// Why a transcription rather than any accurate quadrature: dfcrm's default rel.tol ≈ 1.2e-4 lets
// integrate() stop early, and its answer can then differ from the exact integral in the 6th–9th
// digit (crm-notes.md). Taking the same subdivisions and extrapolation steps as R reproduces
// dfcrm's numbers to rounding (differences come only from libm's last bits in exp/pow), and a tight
// rel.tol turns the same code into a high-precision reference.
//
// Longer than this project's usual file: one routine, kept whole and in the C code's order so that
// it can be read side by side with integrate.c.
import { type Integrand, qk15i, qk21 } from './quadpack-rules.ts';
import { type ErrorOrder, newEpsilonTable, qelg, qpsrt } from './quadpack-tables.ts';

const EPMACH = 2.220446049250313e-16;
const UFLOW = 2.2250738585072014e-308;
const OFLOW = Number.MAX_VALUE;

/** R's integrate() messages, by the `ierr` code R returns. */
export const IntegrateStatus = {
  Ok: 'ok',
  MaxSubdivisions: 'max_subdivisions',
  Roundoff: 'roundoff',
  BadIntegrand: 'bad_integrand',
  ExtrapolationRoundoff: 'extrapolation_roundoff',
  Divergent: 'divergent',
  InvalidInput: 'invalid_input',
  /** R's C wrapper stops with "non-finite function value". */
  NonFinite: 'non_finite_value',
} as const;
export type IntegrateStatus = (typeof IntegrateStatus)[keyof typeof IntegrateStatus];

const BY_IER: readonly IntegrateStatus[] = ['ok', 'max_subdivisions', 'roundoff', 'bad_integrand', 'extrapolation_roundoff', 'divergent', 'invalid_input'];

export interface IntegrateResult {
  readonly value: number;
  readonly absError: number;
  readonly subdivisions: number;
  /** integrate() with stop.on.error = TRUE (dfcrm's call) stops with an error unless this is 'ok'. */
  readonly status: IntegrateStatus;
}

export interface IntegrateOptions {
  /** Default .Machine$double.eps^0.25 = 2^-13, R's default. */
  readonly relTol?: number;
  /** Default rel.tol (R's default); dfcrm passes abs.tol = 0. */
  readonly absTol?: number;
  readonly subdivisions?: number;
}

class NonFiniteValue extends Error {}

/** integrate(f, lower, upper, ...): finite bounds use dqags, any infinite bound dqagi. */
export function rIntegrate(f: Integrand, lower: number, upper: number, options: IntegrateOptions = {}): IntegrateResult {
  const relTol = options.relTol ?? 2 ** -13;
  const absTol = options.absTol ?? relTol;
  const limit = options.subdivisions ?? 100;
  if (limit < 1 || (absTol <= 0 && relTol < Math.max(50 * EPMACH, 0.5e-28)))
    return { value: 0, absError: 0, subdivisions: 0, status: IntegrateStatus.InvalidInput };
  if (Number.isNaN(lower) || Number.isNaN(upper))
    return { value: 0, absError: 0, subdivisions: 0, status: IntegrateStatus.InvalidInput };
  // Rintfn: any non-finite integrand value stops integrate().
  const checked: Integrand = (x) => {
    const v = f(x);
    if (!Number.isFinite(v)) throw new NonFiniteValue();
    return v;
  };
  try {
    if (Number.isFinite(lower) && Number.isFinite(upper)) {
      return adapt((a, b, out) => qk21(checked, a, b, out), lower, upper, absTol, relTol, limit, false);
    }
    const inf = Number.isFinite(lower) ? 1 : Number.isFinite(upper) ? -1 : 2;
    const bound = inf === 1 ? lower : inf === -1 ? upper : 0;
    return adapt((a, b, out) => qk15i(checked, bound, inf, a, b, out), 0, 1, absTol, relTol, limit, true);
  } catch (e) {
    if (e instanceof NonFiniteValue) return { value: Number.NaN, absError: Number.NaN, subdivisions: 0, status: IntegrateStatus.NonFinite };
    throw e;
  }
}

type Rule = (a: number, b: number, out: Float64Array) => void;

/** rdqagse / rdqagie: globally adaptive bisection with extrapolation. */
function adapt(rule: Rule, a0: number, b0: number, epsabs: number, epsrel: number, limit: number, infinite: boolean): IntegrateResult {
  const alist = new Float64Array(limit + 1);
  const blist = new Float64Array(limit + 1);
  const rlist = new Float64Array(limit + 1);
  const elist = new Float64Array(limit + 1);
  const iord = new Int32Array(limit + 1);
  const out = new Float64Array(4);
  const eps = newEpsilonTable();
  const order: ErrorOrder = { maxerr: 1, errmax: 0, nrmax: 1 };
  let ier = 0;
  alist[1] = a0;
  blist[1] = b0;

  rule(a0, b0, out);
  let result = out[0]!;
  let abserr = out[1]!;
  const defabs = out[2]!;
  const resabs0 = out[3]!;
  const dres = Math.abs(result);
  let errbnd = Math.max(epsabs, epsrel * dres);
  let last = 1;
  rlist[1] = result;
  elist[1] = abserr;
  iord[1] = 1;
  if (abserr <= EPMACH * 100 * defabs && abserr > errbnd) ier = 2;
  if (limit === 1) ier = 1;
  if (ier !== 0 || (abserr <= errbnd && abserr !== resabs0) || abserr === 0) return done(result, abserr, last, ier);

  eps.epstab[1] = result;
  order.errmax = abserr;
  order.maxerr = 1;
  let area = result;
  let errsum = abserr;
  abserr = OFLOW;
  order.nrmax = 1;
  eps.n = 2;
  let ktmin = 0;
  let extrap = false;
  let noext = false;
  let ierro = 0;
  let iroff1 = 0;
  let iroff2 = 0;
  let iroff3 = 0;
  const ksgn = dres >= (1 - EPMACH * 50) * defabs ? 1 : -1;
  let correc = 0;
  let erlarg = 0;
  let ertest = 0;
  let small = 0;
  let exit: 'L100' | 'L115' | 'loop' = 'loop';

  for (last = 2; last <= limit; last++) {
    // bisect the subinterval with the nrmax-th largest error estimate
    const maxerr = order.maxerr;
    const a1 = alist[maxerr]!;
    const b1 = (alist[maxerr]! + blist[maxerr]!) * 0.5;
    const a2 = b1;
    const b2 = blist[maxerr]!;
    const erlast = order.errmax;
    rule(a1, b1, out);
    const area1 = out[0]!;
    const error1 = out[1]!;
    const defab1 = out[3]!;
    rule(a2, b2, out);
    const area2 = out[0]!;
    const error2 = out[1]!;
    const defab2 = out[3]!;

    const area12 = area1 + area2;
    const erro12 = error1 + error2;
    errsum = errsum + erro12 - order.errmax;
    area = area + area12 - rlist[maxerr]!;
    if (!(defab1 === error1 || defab2 === error2)) {
      if (!(Math.abs(rlist[maxerr]! - area12) > Math.abs(area12) * 1e-5 || erro12 < order.errmax * 0.99)) {
        if (extrap) iroff2++;
        else iroff1++;
      }
      if (last > 10 && erro12 > order.errmax) iroff3++;
    }
    rlist[maxerr] = area1;
    rlist[last] = area2;
    errbnd = Math.max(epsabs, epsrel * Math.abs(area));

    if (iroff1 + iroff2 >= 10 || iroff3 >= 20) ier = 2;
    if (iroff2 >= 5) ierro = 3;
    if (last === limit) ier = 1;
    if (Math.max(Math.abs(a1), Math.abs(b2)) <= (EPMACH * 100 + 1) * (Math.abs(a2) + UFLOW * 1e3)) ier = 4;

    if (error2 > error1) {
      alist[maxerr] = a2;
      alist[last] = a1;
      blist[last] = b1;
      rlist[maxerr] = area2;
      rlist[last] = area1;
      elist[maxerr] = error2;
      elist[last] = error1;
    } else {
      alist[last] = a2;
      blist[maxerr] = b1;
      blist[last] = b2;
      elist[maxerr] = error1;
      elist[last] = error2;
    }
    qpsrt(limit, last, elist, iord, order);

    if (errsum <= errbnd) {
      exit = 'L115';
      break;
    }
    if (ier !== 0) {
      exit = 'L100';
      break;
    }
    if (last === 2) {
      // L80
      small = infinite ? 0.375 : Math.abs(b0 - a0) * 0.375;
      erlarg = errsum;
      ertest = errbnd;
      eps.epstab[2] = area;
      continue;
    }
    if (noext) continue;

    erlarg -= erlast;
    if (Math.abs(b1 - a1) > small) erlarg += erro12;
    if (!extrap) {
      // test whether the interval to be bisected next is the smallest interval
      if (Math.abs(blist[order.maxerr]! - alist[order.maxerr]!) > small) continue;
      extrap = true;
      order.nrmax = 2;
    }
    if (!(ierro === 3 || erlarg <= ertest)) {
      // L40: the smallest interval has the largest error; first decrease the error over the larger ones
      const id = order.nrmax;
      const jupbnd = last > Math.trunc(limit / 2) + 2 ? limit + 3 - last : last;
      let larger = false;
      for (let k = id; k <= jupbnd; k++) {
        order.maxerr = iord[order.nrmax]!;
        order.errmax = elist[order.maxerr]!;
        if (Math.abs(blist[order.maxerr]! - alist[order.maxerr]!) > small) {
          larger = true;
          break;
        }
        order.nrmax++;
      }
      if (larger) continue;
    }
    // L60: perform extrapolation
    eps.n++;
    eps.epstab[eps.n] = area;
    qelg(eps, out);
    const reseps = out[0]!;
    const abseps = out[1]!;
    ktmin++;
    if (ktmin > 5 && abserr < errsum * 0.001) ier = 5;
    if (abseps < abserr) {
      ktmin = 0;
      abserr = abseps;
      result = reseps;
      correc = erlarg;
      ertest = Math.max(epsabs, epsrel * Math.abs(reseps));
      if (abserr <= ertest) {
        exit = 'L100';
        break;
      }
    }
    // L70: prepare bisection of the smallest interval
    if (eps.n === 1) noext = true;
    if (ier === 5) {
      exit = 'L100';
      break;
    }
    order.maxerr = iord[1]!;
    order.errmax = elist[order.maxerr]!;
    order.nrmax = 1;
    extrap = false;
    small *= 0.5;
    erlarg = errsum;
  }
  if (last > limit) last = limit;

  // L100: set final result and error estimate
  let sumUp = exit === 'L115';
  if (exit === 'L100') {
    if (abserr === OFLOW) sumUp = true;
    else if (ier + ierro !== 0) {
      if (ierro === 3) abserr += correc;
      if (ier === 0) ier = 3;
      if (result !== 0 && area !== 0) {
        if (abserr / Math.abs(result) > errsum / Math.abs(area)) sumUp = true;
        else ier = divergence(ier, ksgn, result, area, defabs, errsum, infinite);
      } else if (abserr > errsum) sumUp = true;
      else if (area !== 0) ier = divergence(ier, ksgn, result, area, defabs, errsum, infinite);
    } else ier = divergence(ier, ksgn, result, area, defabs, errsum, infinite);
  }
  if (sumUp) {
    // L115: compute global integral sum
    result = 0;
    for (let k = 1; k <= last; k++) result += rlist[k]!;
    abserr = errsum;
  }
  // rdqagie ends with `if (ier > 2) --ier`; R's rdqagse has that test with an empty body (its
  // codes were already shifted), so only the infinite range is decremented.
  return done(result, abserr, last, infinite && ier > 2 ? ier - 1 : ier);
}

/** L110: the test on divergence (R's rdqagse sets ier = 5; rdqagie 6, decremented to 5 at the end). */
function divergence(ier: number, ksgn: number, result: number, area: number, defabs: number, errsum: number, infinite: boolean): number {
  if (ksgn === -1 && Math.max(Math.abs(result), Math.abs(area)) <= defabs * 0.01) return ier;
  if (0.01 > result / area || result / area > 100 || errsum > Math.abs(area)) return infinite ? 6 : 5;
  return ier;
}

function done(value: number, absError: number, subdivisions: number, ier: number): IntegrateResult {
  return { value, absError, subdivisions, status: BY_IER[ier] ?? IntegrateStatus.InvalidInput };
}
