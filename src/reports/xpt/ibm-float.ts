// IBM System/360 double precision, the number format of SAS XPORT v5 (SAS TS-140): a sign bit, a
// 7-bit exponent of 16 biased by 64, and a 56-bit fraction 0.F with no hidden bit, normalised so
// that its first hex digit is non-zero.
//
// Rounding rule. IEEE → IBM is exact for every double in IBM's range: after hex alignment the
// leading 1 of the 53-bit significand sits in one of the first four fraction bits, which leaves
// 52 to 55 bits for the other 52. IBM → IEEE can have up to 3 bits more than a double holds
// (only in files not written from IEEE doubles); they are dropped, i.e. truncated toward zero, as
// in xpt2ieee of TS-140, the conversion SAS publishes for the format. Every number in the CDISC
// pilot files (written by SAS 9.4 on x64) has those bits at zero, so they convert exactly both
// ways (tested in pilot.test.ts).
//
// Missing values: the first byte is the missing code ('.' 0x2E, '_' 0x5F, 'A'..'Z') and the other
// seven are zero. -0 is written as 0 (all zero bytes), since IBM has no negative zero SAS reads.

/** Codes of SAS missing values: `.` ordinary, `_` and `A`–`Z` special. */
export const missingCodes = ['.', '_', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z'] as const;
export type MissingCode = (typeof missingCodes)[number];

const f64 = new DataView(new ArrayBuffer(8));

/** IBM's normalised range: at least 16^-65, below 16^63 (exponent byte 0 to 127). */
export const ibmMin = 2 ** -260;
export const ibmLimit = 2 ** 252;

/** Why a double cannot be written: `null` when it can. */
export function ibmRangeProblem(value: number): 'not_finite' | 'out_of_range' | null {
  if (!Number.isFinite(value)) return 'not_finite';
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < ibmMin || magnitude >= ibmLimit)) return 'out_of_range';
  return null;
}

/**
 * Writes `value` as IBM at `out[offset..offset+8)`. The caller has checked it with
 * `ibmRangeProblem`; a value outside the range here is a bug, so it throws.
 */
export function writeIbm(value: number, out: Uint8Array, offset: number): void {
  if (ibmRangeProblem(value) !== null) throw new RangeError(`${value} is not representable as an IBM double`);
  if (value === 0) {
    out.fill(0, offset, offset + 8);
    return;
  }
  f64.setFloat64(0, value);
  const hi = f64.getUint32(0);
  const lo = f64.getUint32(4);
  const sign = hi >>> 31;
  const e2 = ((hi >>> 20) & 0x7ff) - 1023;
  // 1.m × 2^e2 = 0.F × 16^(E-64) with E = floor(e2/4) + 65 and F = 1.m shifted left by e2 mod 4
  // inside a fraction whose first hex digit holds the leading 1.
  const shift = e2 & 3;
  const exponent = (e2 >> 2) + 65;
  const mhi = (hi & 0xfffff) | 0x100000;
  const fhi = shift === 0 ? mhi : ((mhi << shift) | (lo >>> (32 - shift))) & 0xffffff;
  const flo = (lo << shift) >>> 0;
  out[offset] = (sign << 7) | exponent;
  out[offset + 1] = fhi >>> 16;
  out[offset + 2] = (fhi >>> 8) & 0xff;
  out[offset + 3] = fhi & 0xff;
  out[offset + 4] = flo >>> 24;
  out[offset + 5] = (flo >>> 16) & 0xff;
  out[offset + 6] = (flo >>> 8) & 0xff;
  out[offset + 7] = flo & 0xff;
}

/** Writes a SAS missing value: its code, then seven zero bytes. */
export function writeMissing(code: MissingCode, out: Uint8Array, offset: number): void {
  out[offset] = code.charCodeAt(0);
  out.fill(0, offset + 1, offset + 8);
}

/** What 8 bytes hold: a number, a missing value, or neither (a zero fraction under another byte). */
export type IbmRead = number | MissingCode | null;

const missingByByte = new Map<number, MissingCode>(missingCodes.map((c) => [c.charCodeAt(0), c]));

/**
 * Reads 8 bytes at `offset` (a shorter numeric variable has been padded with zeros by the caller).
 * Unnormalised fractions are accepted and normalised; extra low bits are truncated (see above).
 */
export function readIbm(bytes: Uint8Array, offset: number): IbmRead {
  const b0 = bytes[offset]!;
  let fhi = (bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
  let flo = ((bytes[offset + 4]! << 24) | (bytes[offset + 5]! << 16) | (bytes[offset + 6]! << 8) | bytes[offset + 7]!) >>> 0;
  if (fhi === 0 && flo === 0) {
    if (b0 === 0 || b0 === 0x80) return 0;
    return missingByByte.get(b0) ?? null;
  }
  let exponent = (b0 & 0x7f) - 64;
  while ((fhi & 0xf00000) === 0) {
    fhi = ((fhi << 4) | (flo >>> 28)) & 0xffffff;
    flo = (flo << 4) >>> 0;
    exponent -= 1;
  }
  // Keep the 53 bits from the leading 1 down: the first hex digit has 1 to 4 significant bits.
  const drop = fhi & 0x800000 ? 3 : fhi & 0x400000 ? 2 : fhi & 0x200000 ? 1 : 0;
  const div = 2 ** drop;
  const high = Math.floor(fhi / div);
  const low = Math.floor(((fhi % div) * 2 ** 32 + flo) / div);
  const significand = high * 2 ** 32 + low;
  const magnitude = significand * 2 ** (4 * exponent - 56 + drop);
  return b0 & 0x80 ? -magnitude : magnitude;
}
