// Turns a user seed and a stream number into a generator's initial state.
//
// SplitMix64 (Steele, Lea & Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014;
// the variant with Stafford's "Mix13" finaliser that Vigna publishes as splitmix64.c beside the
// xoshiro generators, and recommends for seeding them). It runs once per generator, so BigInt's
// cost does not matter here; the generators themselves use 32-bit integer arithmetic only.

const MASK64 = (1n << 64n) - 1n;
/** 2^64 / golden ratio, odd: SplitMix64's increment γ. */
const GAMMA = 0x9e3779b97f4a7c15n;

/** SplitMix64's finaliser: a bijection of 64-bit words with full avalanche. */
export function mix64(z: bigint): bigint {
  let x = z & MASK64;
  x = ((x ^ (x >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  x = ((x ^ (x >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return x ^ (x >> 31n);
}

/** Checks a seed or stream number: any safe integer (negative seeds are taken modulo 2^64). */
export function checkSafeInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer, got ${value}`);
}

/**
 * `words` 32-bit state words for stream `stream` of seed `seed`.
 *
 * The SplitMix64 sequence starts at s = mix64(mix64(seed + γ) + stream): for one seed, distinct
 * streams get distinct starts (mix64 is a bijection), and the words are the SplitMix64 outputs
 * mix64(s + γ), mix64(s + 2γ), … split into low and high halves. The first 64 bits already differ
 * between streams, and at least one of the first two outputs is non-zero, so a 128-bit state is
 * never all zero.
 */
export function seedWords(seed: number, stream: number, words: number): Int32Array {
  checkSafeInteger(seed, 'seed');
  checkSafeInteger(stream, 'stream');
  if (stream < 0) throw new RangeError(`stream must be >= 0, got ${stream}`);
  const key = BigInt.asUintN(64, BigInt(seed));
  let s = mix64((mix64(key + GAMMA) + BigInt(stream)) & MASK64);
  const out = new Int32Array(words);
  for (let i = 0; i < words; i += 2) {
    s = (s + GAMMA) & MASK64;
    const z = mix64(s);
    out[i] = Number(BigInt.asIntN(32, z));
    if (i + 1 < words) out[i + 1] = Number(BigInt.asIntN(32, z >> 32n));
  }
  return out;
}
