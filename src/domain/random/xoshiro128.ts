// The simulations' own generator: xoshiro128** 1.1 (D. Blackman and S. Vigna, "Scrambled linear
// pseudorandom number generators", ACM Trans. Math. Softw. 47(4), 2021; reference code
// xoshiro128starstar.c from prng.di.unimi.it). 128-bit state, period 2^128 − 1, passes BigCrush
// and PractRand; all arithmetic is on 32-bit integers, which V8 keeps unboxed (Math.imul, shifts),
// unlike 64-bit generators that would need BigInt or pairs of words.
//
// Doubles take 53 bits from two outputs: (a >>> 5)·2^26 + (b >>> 6), times 2^-53, i.e. a multiple
// of 2^-53 in [0, 1) — the construction of Java's nextDouble and of Vigna's notes ("Generating
// uniform doubles in the unit interval").
//
// Streams: createFastRandom(seed, i) seeds from SplitMix64 of (seed, i) (seed-mixing.ts), O(1) per
// stream, so chunk i of a simulation can be rebuilt from (seed, i) alone, whatever ran before it.
// Two such streams are distinct states on a 2^128 − 1 cycle; the chance that k streams of L draws
// overlap is below k²·L / 2^128 (≈ 3e-21 for a million streams of a billion draws). Where overlap
// must be impossible by construction, `jump()` advances by exactly 2^64 draws (2^64 disjoint
// subsequences) and `longJump()` by 2^96, with the polynomials of the reference code; the test
// checks JUMP against the 2^64-th power of the transition matrix.
import { seedWords } from './seed-mixing.ts';
import type { UniformSource } from './uniform-source.ts';

/** Jump polynomials from xoshiro128starstar.c: x^(2^64) and x^(2^96) modulo the characteristic polynomial. */
export const XOSHIRO128_JUMP = [0x8764000b, 0xf542d2d3, 0x6fa035c3, 0x77f2db5b] as const;
export const XOSHIRO128_LONG_JUMP = [0xb523952e, 0x0b6f099f, 0xccf5a0ef, 0x1c580662] as const;

export interface FastRandom {
  /** Uniform double in [0, 1), 53 random bits (two 32-bit outputs). A closure: pass it on as a UniformSource. */
  readonly next: UniformSource;
  /** The raw 32-bit output, as an unsigned integer in [0, 2^32). */
  readonly nextUint32: () => number;
  /** Advances the state by 2^64 outputs. */
  readonly jump: () => void;
  /** Advances the state by 2^96 outputs. */
  readonly longJump: () => void;
  /** A copy of the four state words (signed 32-bit), for tests and checkpoints. */
  readonly state: () => Int32Array;
}

/** xoshiro128** seeded from (seed, stream); see the module comment for how streams are derived. */
export function createFastRandom(seed: number, stream = 0): FastRandom {
  return fromState(seedWords(seed, stream, 4));
}

/** A generator continuing from the given state (four 32-bit words, not all zero). */
export function fastRandomFromState(words: ArrayLike<number>): FastRandom {
  if (words.length !== 4) throw new RangeError('xoshiro128** needs exactly 4 state words');
  const s = Int32Array.from(words);
  if ((s[0]! | s[1]! | s[2]! | s[3]!) === 0) throw new RangeError('xoshiro128** state must not be all zero');
  return fromState(s);
}

function fromState(s: Int32Array): FastRandom {
  // One step of the reference next(): result = rotl(s1 * 5, 7) * 9, then the xorshift update.
  const nextUint32 = (): number => {
    const s0 = s[0]!;
    const s1 = s[1]!;
    let s2 = s[2]!;
    let s3 = s[3]!;
    const r = Math.imul(s1, 5);
    const result = Math.imul((r << 7) | (r >>> 25), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s[1] = s1 ^ s2;
    s[0] = s0 ^ s3;
    s[2] = s2 ^ t;
    s[3] = (s3 << 11) | (s3 >>> 21);
    return result >>> 0;
  };

  // Two steps inlined: the hot path of every simulation, so no call and no boxing.
  const next = (): number => {
    let s0 = s[0]!;
    let s1 = s[1]!;
    let s2 = s[2]!;
    let s3 = s[3]!;
    let r = Math.imul(s1, 5);
    const hi = Math.imul((r << 7) | (r >>> 25), 9) >>> 5;
    let t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    r = Math.imul(s1, 5);
    const lo = Math.imul((r << 7) | (r >>> 25), 9) >>> 6;
    t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    s[0] = s0;
    s[1] = s1;
    s[2] = s2;
    s[3] = s3;
    return (hi * 67108864 + lo) * 1.1102230246251565e-16;
  };

  // The reference jump(): accumulate the states selected by the polynomial's bits.
  const jumpBy = (poly: readonly number[]): void => {
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    for (const word of poly) {
      for (let b = 0; b < 32; b++) {
        if ((word >>> b) & 1) {
          a0 ^= s[0]!;
          a1 ^= s[1]!;
          a2 ^= s[2]!;
          a3 ^= s[3]!;
        }
        nextUint32();
      }
    }
    s[0] = a0;
    s[1] = a1;
    s[2] = a2;
    s[3] = a3;
  };

  return {
    next,
    nextUint32,
    jump: () => jumpBy(XOSHIRO128_JUMP),
    longJump: () => jumpBy(XOSHIRO128_LONG_JUMP),
    state: () => Int32Array.from(s),
  };
}
