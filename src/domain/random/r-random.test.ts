import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { rBinomial, rPowDi } from './r-binomial.ts';
import { createRMersenneTwister } from './r-mersenne-twister.ts';
import { createRRandom } from './r-random.ts';

// R 4.2.2 reference draws (shared/reference/dose-finding/r_rng_stream.json), printed with 17
// significant digits, so Number() of each string is the exact double R produced.
const reference = JSON.parse(
  readFileSync(new URL('../../../../shared/reference/dose-finding/r_rng_stream.json', import.meta.url), 'utf8'),
) as Record<string, string[] | number[]>;

const doubles = (key: string): number[] => (reference[key] as string[]).map(Number);

describe("R's Mersenne-Twister after set.seed (src/main/RNG.c)", () => {
  for (const [key, seed] of [
    ['seed6_runif20', 6],
    ['seed1009_runif5', 1009],
    ['seed123_runif5', 123],
  ] as const) {
    it(`reproduces ${key} bit for bit`, () => {
      const expected = doubles(key);
      const r = createRRandom(seed);
      const got = Array.from(r.runif(expected.length));
      for (let i = 0; i < expected.length; i++) assert.ok(Object.is(got[i], expected[i]), `${key}[${i}]: ${got[i]} vs ${expected[i]}`);
      // unifRand and runif draw from the same stream.
      const again = createRRandom(seed);
      assert.deepEqual(
        expected.map(() => again.unifRand()),
        expected,
      );
    });
  }

  it('keeps every draw strictly inside (0, 1) on multiples of 2^-32', () => {
    const u = createRMersenneTwister(42);
    for (let i = 0; i < 5000; i++) {
      const x = u();
      assert.ok(x > 0 && x < 1);
      assert.ok(Number.isInteger(x * 2 ** 32));
    }
  });

  it('treats a negative seed as its unsigned 32-bit word, like the C cast, and refuses non-integers', () => {
    const a = createRMersenneTwister(-1);
    const b = createRMersenneTwister(-1);
    assert.equal(a(), b());
    assert.notEqual(createRMersenneTwister(-1)(), createRMersenneTwister(1)());
    assert.throws(() => createRMersenneTwister(1.5), RangeError);
    assert.throws(() => createRMersenneTwister(2 ** 31), RangeError);
  });
});

describe("R's rbinom, inversion branch (src/nmath/rbinom.c)", () => {
  it('reproduces set.seed(6); rbinom(10, 3, 0.3)', () => {
    const r = createRRandom(6);
    const got = Array.from({ length: 10 }, () => r.rbinom(3, 0.3));
    assert.deepEqual(got, reference['seed6_rbinom10_size3_p0.3']);
  });

  it('uses exactly one uniform per draw when the walk ends before 110', () => {
    const r = createRRandom(6);
    r.rbinom(3, 0.3);
    r.rbinom(3, 0.3);
    assert.ok(Object.is(r.unifRand(), doubles('seed6_runif20')[2]));
  });

  it('computes q^n by square-and-multiply (R_pow_di), not pow()', () => {
    assert.equal(rPowDi(0.7, 3), 0.7 * (0.7 * 0.7));
    assert.equal(rPowDi(0.7, 40), 6.36680576090901e-7); // value R_pow_di gives (differs from pow in the last bits)
    assert.equal(rPowDi(0.5, 0), 1);
  });

  it('returns the trivial cases without drawing', () => {
    const u = createRMersenneTwister(1);
    const ref = createRMersenneTwister(1);
    assert.equal(rBinomial(u, 0, 0.3), 0);
    assert.equal(rBinomial(u, 5, 0), 0);
    assert.equal(rBinomial(u, 5, 1), 5);
    assert.equal(u(), ref());
  });

  it('size 1 is a Bernoulli draw: 1 exactly when u ≥ 1 − p (p ≤ 0.5)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0.01, max: 0.5, noNaN: true }), (seed, p) => {
        const draws = createRMersenneTwister(seed);
        const mirror = createRMersenneTwister(seed);
        for (let i = 0; i < 20; i++) assert.equal(rBinomial(draws, 1, p), mirror() < 1 - p ? 0 : 1);
      }),
    );
  });

  it('reflects for prob > 0.5: rbinom(n, 1 − p) = n − rbinom(n, p) on the same uniforms', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 20 }), (seed, size) => {
        const a = createRMersenneTwister(seed);
        const b = createRMersenneTwister(seed);
        for (let i = 0; i < 10; i++) assert.equal(rBinomial(a, size, 0.75), size - rBinomial(b, size, 0.25));
      }),
    );
  });

  it('refuses the unported BTPE branch and invalid arguments', () => {
    const u = createRMersenneTwister(1);
    assert.throws(() => rBinomial(u, 100, 0.3), /BTPE/);
    assert.throws(() => rBinomial(u, 2.5, 0.3), RangeError);
    assert.throws(() => rBinomial(u, 3, 1.2), RangeError);
    assert.throws(() => rBinomial(u, 3, Number.NaN), RangeError);
  });
});
