// R's qnorm(p) (lower tail, not log) as in R 4.2: Wichura's algorithm AS 241 (PPND16, Applied
// Statistics 37(3), 1988, accurate to about 1 part in 1e16), transcribed from R's
// src/nmath/qnorm.c with its coefficients. dfcrm uses it once per fit for the credible
// interval: crit = qnorm(0.5 + conf.level/2). (R 4.3 changed only the far tail, r > 27.)
// Coefficients are the shortest decimals that parse to the same doubles as R's 20-digit literals.

/** The standard normal quantile; ±Infinity at 0 and 1, NaN outside [0, 1]. */
export function rQnorm(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    // 0.075 <= p <= 0.925
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((r * 2509.0809287301227 + 33430.57558358813) * r + 67265.7709270087) * r + 45921.95393154987) * r +
          13731.69376550946) *
          r +
          1971.5909503065513) *
          r +
          133.14166789178438) *
          r +
          3.3871328727963665)) /
      (((((((r * 5226.495278852854 + 28729.085735721943) * r + 39307.89580009271) * r + 21213.794301586597) * r +
        5394.196021424751) *
        r +
        687.1870074920579) *
        r +
        42.31333070160091) *
        r +
        1)
    );
  }
  // closer than 0.075 from {0, 1}: r = sqrt(-log(min(p, 1 - p)))
  let r = Math.sqrt(-Math.log(q > 0 ? 1 - p : p));
  let val: number;
  if (r <= 5) {
    // min(p, 1 - p) >= exp(-25) ~= 1.3888e-11
    r += -1.6;
    val =
      (((((((r * 0.0007745450142783414 + 0.022723844989269184) * r + 0.2417807251774506) * r + 1.2704582524523684) * r +
        3.6478483247632045) *
        r +
        5.769497221460691) *
        r +
        4.630337846156546) *
        r +
        1.4234371107496835) /
      (((((((r * 1.0507500716444169e-9 + 0.0005475938084995345) * r + 0.015198666563616457) * r + 0.14810397642748008) * r +
        0.6897673349851) *
        r +
        1.6763848301838038) *
        r +
        2.053191626637759) *
        r +
        1);
  } else {
    // very close to 0 or 1
    r += -5;
    val =
      (((((((r * 2.0103343992922881e-7 + 0.000027115555687434876) * r + 0.0012426609473880784) * r + 0.026532189526576124) * r +
        0.29656057182850487) *
        r +
        1.7848265399172913) *
        r +
        5.463784911164114) *
        r +
        6.657904643501103) /
      (((((((r * 2.0442631033899397e-15 + 1.421511758316446e-7) * r + 0.000018463183175100548) * r + 0.0007868691311456133) * r +
        0.014875361290850615) *
        r +
        0.1369298809227358) *
        r +
        0.599832206555888) *
        r +
        1);
  }
  return q < 0 ? -val : val;
}
