import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ibmLimit, ibmMin, ibmRangeProblem, missingCodes, readIbm, writeIbm, writeMissing } from './ibm-float.ts';

const bytesOf = (value: number) => {
  const out = new Uint8Array(8);
  writeIbm(value, out, 0);
  return Array.from(out, (b) => b.toString(16).padStart(2, '0')).join('');
};
const fromHex = (hex: string) => Uint8Array.from(hex.match(/../g)!, (h) => Number.parseInt(h, 16));

/**
 * The exact IBM value truncated to 53 significant bits, with BigInt: the reference for readIbm.
 * value = F · 16^(E-64) / 2^56, F the 56-bit fraction.
 */
function referenceRead(bytes: Uint8Array): number {
  const sign = bytes[0]! & 0x80 ? -1 : 1;
  const exponent = (bytes[0]! & 0x7f) - 64;
  let fraction = 0n;
  for (let i = 1; i < 8; i++) fraction = (fraction << 8n) | BigInt(bytes[i]!);
  if (fraction === 0n) return 0;
  const bits = fraction.toString(2).length;
  const drop = Math.max(0, bits - 53);
  const kept = fraction >> BigInt(drop);
  return sign * Number(kept) * 2 ** (4 * exponent - 56 + drop);
}

describe('IBM 360 doubles', () => {
  it('encodes known values as TS-140 and IBM describe them', () => {
    // 1 = 0.1 (hex) × 16^1; -118.625 = -0.76A (hex) × 16^2, the textbook example of IBM's
    // hexadecimal floating point (System/360 Principles of Operation).
    assert.equal(bytesOf(1), '4110000000000000');
    assert.equal(bytesOf(-118.625), 'c276a00000000000');
    assert.equal(bytesOf(0.5), '4080000000000000');
    assert.equal(bytesOf(16), '4210000000000000');
    assert.equal(bytesOf(0), '0000000000000000');
    assert.equal(bytesOf(-0), '0000000000000000');
    // 0.1's double is 0x3FB999999999999A: 1.6 × 2^-4, shifted into the hex digit boundary.
    assert.equal(bytesOf(0.1), '401999999999999a');
  });

  it('writes missing values as their code followed by seven zero bytes', () => {
    for (const code of missingCodes) {
      const out = new Uint8Array(8);
      writeMissing(code, out, 0);
      assert.equal(out[0], code.charCodeAt(0));
      assert.deepEqual([...out.subarray(1)], [0, 0, 0, 0, 0, 0, 0]);
      assert.equal(readIbm(out, 0), code);
    }
  });

  it('reads a zero fraction under a byte that is no missing code as neither number nor missing', () => {
    assert.equal(readIbm(fromHex('4000000000000000'), 0), null);
    assert.equal(readIbm(fromHex('0100000000000000'), 0), null);
    assert.equal(readIbm(fromHex('8000000000000000'), 0), 0);
  });

  it('names the doubles it cannot write', () => {
    assert.equal(ibmRangeProblem(Number.NaN), 'not_finite');
    assert.equal(ibmRangeProblem(Number.POSITIVE_INFINITY), 'not_finite');
    assert.equal(ibmRangeProblem(ibmLimit), 'out_of_range');
    assert.equal(ibmRangeProblem(-ibmLimit), 'out_of_range');
    assert.equal(ibmRangeProblem(ibmMin / 2), 'out_of_range');
    assert.equal(ibmRangeProblem(Number.MIN_VALUE), 'out_of_range');
    assert.equal(ibmRangeProblem(ibmMin), null);
    assert.equal(ibmRangeProblem(ibmLimit * (1 - 2 ** -53)), null);
    assert.equal(bytesOf(ibmMin), '0010000000000000');
    assert.equal(bytesOf(ibmLimit * (1 - 2 ** -53)), '7ffffffffffffff8');
    assert.throws(() => bytesOf(Number.NaN), RangeError);
  });

  it('every double in range survives IEEE → IBM → IEEE exactly (-0 becomes 0)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -ibmLimit * (1 - 2 ** -53), max: ibmLimit * (1 - 2 ** -53) }), (x) => {
        fc.pre(ibmRangeProblem(x) === null);
        const out = new Uint8Array(8);
        writeIbm(x, out, 0);
        // Normalised: the first hex digit of a non-zero fraction is not 0.
        if (x !== 0) assert.notEqual(out[1]! >> 4, 0);
        assert.equal(readIbm(out, 0), x === 0 ? 0 : x);
      }),
      { numRuns: 5_000 },
    );
  });

  it('small and large magnitudes at every hex alignment survive too', () => {
    fc.assert(
      fc.property(fc.integer({ min: -260, max: 251 }), fc.integer({ min: 0, max: 2 ** 52 - 1 }), fc.boolean(), (e, m, negative) => {
        const x = (negative ? -1 : 1) * (1 + m / 2 ** 52) * 2 ** e;
        const out = new Uint8Array(8);
        writeIbm(x, out, 0);
        assert.equal(readIbm(out, 0), x);
      }),
      { numRuns: 5_000 },
    );
  });

  it('IBM → IEEE truncates the bits a double cannot hold, as TS-140 xpt2ieee does', () => {
    const ibm = fc.uint8Array({ minLength: 8, maxLength: 8 }).filter((b) => b.subarray(1).some((x) => x !== 0));
    fc.assert(
      fc.property(ibm, (bytes) => {
        assert.equal(readIbm(bytes, 0), referenceRead(bytes));
      }),
      { numRuns: 5_000 },
    );
    // 0.FFFFFFFFFFFFFF: 56 ones; a double keeps 53 and drops 3 (it would round up to 1).
    assert.equal(readIbm(fromHex('40ffffffffffffff'), 0), 1 - 2 ** -53);
  });
});
