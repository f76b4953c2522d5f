// The two Gauss–Kronrod rules behind R's integrate(), transcribed from R's src/appl/integrate.c
// (an f2c translation of QUADPACK: Piessens, de Doncker-Kapenga, Überhuber & Kahaner, 1983):
// rdqk21 (21-point rule on a finite interval) and rdqk15i (15-point rule on a piece of (0, 1] after
// mapping an infinite range with x = bound + sign·(1 − t)/t). Same operations in the same order as
// the C code, so that the adaptive driver takes the same decisions as R.
//
// Each rule writes [result, abserr, resabs, resasc] into `out`: the integral, its error estimate,
// the integral of |f| and of |f − mean| (QUADPACK uses the last two to detect round-off).

export type Integrand = (x: number) => number;

const EPMACH = 2.220446049250313e-16; // DBL_EPSILON
const UFLOW = 2.2250738585072014e-308; // DBL_MIN

// Abscissae and weights for (−1, 1), as in rdqk21 (L. W. Fullerton, Bell Labs, 1981), written as
// the shortest decimals that parse to the same doubles as the C source's 33-digit literals.
const WG21 = [
  0.06667134430868814, 0.1494513491505806, 0.21908636251598204,
  0.26926671930999635, 0.29552422471475287,
];
const XGK21 = [
  0.9956571630258081, 0.9739065285171717, 0.9301574913557082,
  0.8650633666889845, 0.7808177265864169, 0.6794095682990244,
  0.5627571346686047, 0.4333953941292472, 0.2943928627014602,
  0.14887433898163122, 0,
];
const WGK21 = [
  0.011694638867371874, 0.032558162307964725, 0.054755896574351995,
  0.07503967481091996, 0.0931254545836976, 0.10938715880229764,
  0.12349197626206584, 0.13470921731147334, 0.14277593857706009,
  0.14773910490133849, 0.1494455540029169,
];

// As in rdqk15i.
const WG15 = [
  0, 0.1294849661688697, 0, 0.27970539148927664, 0, 0.3818300505051189, 0,
  0.4179591836734694,
];
const XGK15 = [
  0.9914553711208126, 0.9491079123427585, 0.8648644233597691,
  0.7415311855993945, 0.5860872354676911, 0.4058451513773972,
  0.20778495500789848, 0,
];
const WGK15 = [
  0.022935322010529224, 0.06309209262997856, 0.10479001032225019,
  0.14065325971552592, 0.1690047266392679, 0.19035057806478542,
  0.20443294007529889, 0.20948214108472782,
];

/** QUADPACK's error estimate from |resk − resg|, scaled by resasc, floored at 50·eps·resabs. */
function finish(out: Float64Array, resk: number, resg: number, hlgth: number, resabs: number, resasc: number): void {
  let abserr = Math.abs((resk - resg) * hlgth);
  if (resasc !== 0 && abserr !== 0) abserr = resasc * Math.min(1, ((abserr * 200) / resasc) ** 1.5);
  if (resabs > UFLOW / (EPMACH * 50)) abserr = Math.max(EPMACH * 50 * resabs, abserr);
  out[0] = resk * hlgth;
  out[1] = abserr;
  out[2] = resabs;
  out[3] = resasc;
}

const fv1 = new Float64Array(10);
const fv2 = new Float64Array(10);

/** rdqk21: 21-point Gauss–Kronrod rule on (a, b). */
export function qk21(f: Integrand, a: number, b: number, out: Float64Array): void {
  const centr = (a + b) * 0.5;
  const hlgth = (b - a) * 0.5;
  const dhlgth = Math.abs(hlgth);
  let resg = 0;
  const fc = f(centr);
  let resk = WGK21[10]! * fc;
  let resabs = Math.abs(resk);
  for (let j = 1; j <= 5; j++) {
    const jtw = j * 2;
    const absc = hlgth * XGK21[jtw - 1]!;
    const fval1 = f(centr - absc);
    const fval2 = f(centr + absc);
    fv1[jtw - 1] = fval1;
    fv2[jtw - 1] = fval2;
    const fsum = fval1 + fval2;
    resg += WG21[j - 1]! * fsum;
    resk += WGK21[jtw - 1]! * fsum;
    resabs += WGK21[jtw - 1]! * (Math.abs(fval1) + Math.abs(fval2));
  }
  for (let j = 1; j <= 5; j++) {
    const jtwm1 = j * 2 - 1;
    const absc = hlgth * XGK21[jtwm1 - 1]!;
    const fval1 = f(centr - absc);
    const fval2 = f(centr + absc);
    fv1[jtwm1 - 1] = fval1;
    fv2[jtwm1 - 1] = fval2;
    const fsum = fval1 + fval2;
    resk += WGK21[jtwm1 - 1]! * fsum;
    resabs += WGK21[jtwm1 - 1]! * (Math.abs(fval1) + Math.abs(fval2));
  }
  const reskh = resk * 0.5;
  let resasc = WGK21[10]! * Math.abs(fc - reskh);
  for (let j = 1; j <= 10; j++) resasc += WGK21[j - 1]! * (Math.abs(fv1[j - 1]! - reskh) + Math.abs(fv2[j - 1]! - reskh));
  finish(out, resk, resg, hlgth, resabs * dhlgth, resasc * dhlgth);
}

/**
 * rdqk15i: 15-point rule on the piece (a, b) of (0, 1] for an infinite range mapped by
 * x = bound + dinf·(1 − t)/t, dinf = min(1, inf); inf = 2 adds f(−x) (the range (−∞, ∞) with bound 0).
 */
export function qk15i(f: Integrand, bound: number, inf: -1 | 1 | 2, a: number, b: number, out: Float64Array): void {
  const dinf = Math.min(1, inf);
  const centr = (a + b) * 0.5;
  const hlgth = (b - a) * 0.5;
  const tabsc0 = bound + (dinf * (1 - centr)) / centr;
  let fval0 = f(tabsc0);
  if (inf === 2) fval0 += f(-tabsc0);
  const fc = fval0 / centr / centr;
  let resg = WG15[7]! * fc;
  let resk = WGK15[7]! * fc;
  let resabs = Math.abs(resk);
  for (let j = 1; j <= 7; j++) {
    const absc = hlgth * XGK15[j - 1]!;
    const absc1 = centr - absc;
    const absc2 = centr + absc;
    const tabsc1 = bound + (dinf * (1 - absc1)) / absc1;
    const tabsc2 = bound + (dinf * (1 - absc2)) / absc2;
    let fval1 = f(tabsc1);
    let fval2 = f(tabsc2);
    if (inf === 2) {
      fval1 += f(-tabsc1);
      fval2 += f(-tabsc2);
    }
    fval1 = fval1 / absc1 / absc1;
    fval2 = fval2 / absc2 / absc2;
    fv1[j - 1] = fval1;
    fv2[j - 1] = fval2;
    const fsum = fval1 + fval2;
    resg += WG15[j - 1]! * fsum;
    resk += WGK15[j - 1]! * fsum;
    resabs += WGK15[j - 1]! * (Math.abs(fval1) + Math.abs(fval2));
  }
  const reskh = resk * 0.5;
  let resasc = WGK15[7]! * Math.abs(fc - reskh);
  for (let j = 1; j <= 7; j++) resasc += WGK15[j - 1]! * (Math.abs(fv1[j - 1]! - reskh) + Math.abs(fv2[j - 1]! - reskh));
  finish(out, resk, resg, hlgth, resabs * hlgth, resasc * hlgth);
}
