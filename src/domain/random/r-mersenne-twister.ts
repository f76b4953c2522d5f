// R's default uniform generator, draw for draw: RNGkind "Mersenne-Twister" after `set.seed(seed)`.
//
// Sources (R 4.2, src/main/RNG.c):
// - RNG_Init: the integer seed, as an unsigned 32-bit word, goes through the LCG
//   seed = 69069·seed + 1 fifty times ("initial scrambling"), then once more per seed word; the
//   Mersenne-Twister has 1 + 624 words (`dummy[0]` is mti, `dummy[1..624]` the state mt[]).
// - FixupSeeds(MERSENNE_TWISTER, initial = 1): sets dummy[0] = mti = 624, so the first draw
//   regenerates the whole block. (The all-zero check cannot fire for an LCG-filled state.)
// - MT_genrand: Matsumoto & Nishimura's MT19937 (ACM TOMACS 8(1), 1998, genrand of 1999/10/28)
//   returning y·2.3283064365386963e-10 (= y/2^32) in [0, 1).
// - unif_rand: `fixup` maps 0 to 0.5·i2_32m1 (and anything with 1 − x ≤ 0 to 1 − 0.5·i2_32m1),
//   so R's uniforms are strictly inside (0, 1).
import type { UniformSource } from './uniform-source.ts';

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;
const TEMPERING_MASK_B = 0x9d2c5680;
const TEMPERING_MASK_C = 0xefc60000;
/** 1 / (2^32 − 1), RNG.c's i2_32m1. */
const I2_32M1 = 2.328306437080797e-10;

/** R's integer seeds are C ints; NA is not a seed. */
export function checkRSeed(seed: number): void {
  if (!Number.isInteger(seed) || seed < -2147483647 || seed > 2147483647)
    throw new RangeError(`an R seed is an integer in [-2147483647, 2147483647], got ${seed}`);
}

const lcg = (seed: number): number => (Math.imul(69069, seed) + 1) >>> 0;

/** R's `unif_rand()` after `set.seed(seed)`, as a closure over its own state. */
export function createRMersenneTwister(seed: number): UniformSource {
  checkRSeed(seed);
  const mt = new Int32Array(N);
  let s = seed >>> 0; // (Int32) cast of the C int: two's complement
  for (let j = 0; j < 50; j++) s = lcg(s);
  s = lcg(s); // dummy[0], overwritten by FixupSeeds
  for (let j = 0; j < N; j++) {
    s = lcg(s);
    mt[j] = s;
  }
  let mti = N;

  const regenerate = (): void => {
    let kk = 0;
    let y: number;
    for (; kk < N - M; kk++) {
      y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
      mt[kk] = mt[kk + M]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; kk < N - 1; kk++) {
      y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
      mt[kk] = mt[kk + (M - N)]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    y = (mt[N - 1]! & UPPER_MASK) | (mt[0]! & LOWER_MASK);
    mt[N - 1] = mt[M - 1]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    mti = 0;
  };

  return () => {
    if (mti >= N) regenerate();
    let y = mt[mti++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & TEMPERING_MASK_B;
    y ^= (y << 15) & TEMPERING_MASK_C;
    y ^= y >>> 18;
    const x = (y >>> 0) * 2.3283064365386963e-10;
    // fixup(): never 0 or 1.
    if (x <= 0) return 0.5 * I2_32M1;
    if (1 - x <= 0) return 1 - 0.5 * I2_32M1;
    return x;
  };
}
