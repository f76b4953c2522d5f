export { rBinomial, rPowDi } from './r-binomial.ts';
export { checkRSeed, createRMersenneTwister } from './r-mersenne-twister.ts';
export { createRRandom, type RRandom } from './r-random.ts';
export { mix64, seedWords } from './seed-mixing.ts';
export type { UniformSource } from './uniform-source.ts';
export {
  createFastRandom,
  type FastRandom,
  fastRandomFromState,
  XOSHIRO128_JUMP,
  XOSHIRO128_LONG_JUMP,
} from './xoshiro128.ts';
