// e^d for |d| ≤ 45, about three times faster than Math.exp in V8 (whose exp is a call into
// C++) and within 4e-16 relative of it; the fast CRM fitter spends most of its time here.
//
// Table-driven method (Tang, "Table-driven implementation of the exponential function in IEEE
// floating-point arithmetic", ACM TOMS 15(2), 1989): d = k·ln2/64 + r with |r| ≤ ln2/128, so
// e^d = 2^(k/64)·e^r, the first factor from a table and e^r from its degree-6 Taylor polynomial
// (truncation error (ln2/128)^7/7! ≈ 3.3e-20). ln2/64 is split in two (Cody & Waite) so that
// k·HI is exact and r carries no cancellation error.

/** The domain of tableExp: |d| ≤ EXP_LIMIT. */
export const EXP_LIMIT = 45;

const STEPS = 64;
const INV_STEP = STEPS / Math.LN2;
const LN2_HI = 0.6931471803691238 / STEPS; // ln 2 with its last 32 bits zero: fdlibm's ln2_hi
const LN2_LO = 1.9082149292705877e-10 / STEPS;
/** Table index offset: k runs over ±OFFSET. */
const OFFSET = Math.ceil(EXP_LIMIT * INV_STEP) + 1;
const TABLE = new Float64Array(2 * OFFSET + 1);
for (let i = 0; i < TABLE.length; i++) TABLE[i] = 2 ** ((i - OFFSET) / STEPS);

/** e^d for −EXP_LIMIT ≤ d ≤ EXP_LIMIT (outside that range: use Math.exp). */
export function tableExp(d: number): number {
  const index = (d * INV_STEP + (OFFSET + 0.5)) | 0; // round(d·64/ln2) + OFFSET, as an int32
  const k = index - OFFSET;
  const r = d - k * LN2_HI - k * LN2_LO;
  const p =
    1 + r * (1 + r * (0.5 + r * (0.16666666666666666 + r * (0.041666666666666664 + r * (0.008333333333333333 + r * 0.001388888888888889)))));
  return TABLE[index]! * p;
}
