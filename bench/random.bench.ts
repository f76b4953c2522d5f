// Uniforms per second of the simulation generators. Target for the fast one: ≥ 100 M/s.
// pure-rand's xoroshiro128+ with uniformFloat64 is measured for comparison only (the domain may
// not import it: src/domain is pure and depends on zod alone).
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { createFastRandom, createRRandom, type UniformSource } from '../src/domain/random/index.ts';
import type { Measurement } from './run.ts';
import { median, memoryNote } from './timing.ts';

const draws = 10_000_000;

let sink = 0;

// One loop per generator (separate function literals), so that each call site stays monomorphic,
// as it is in a simulation that uses one generator.
const loops = {
  fast(next: UniformSource, n: number): void {
    let s = 0;
    for (let i = 0; i < n; i++) s += next();
    sink += s;
  },
  fast32(next: () => number, n: number): void {
    let s = 0;
    for (let i = 0; i < n; i++) s += next() * 2.3283064365386963e-10;
    sink += s;
  },
  r(next: UniformSource, n: number): void {
    let s = 0;
    for (let i = 0; i < n; i++) s += next();
    sink += s;
  },
  pure(next: UniformSource, n: number): void {
    let s = 0;
    for (let i = 0; i < n; i++) s += next();
    sink += s;
  },
};

async function rate(name: string, loop: (next: UniformSource, n: number) => void, next: UniformSource): Promise<Measurement> {
  const m = await median(`${name}, ${draws.toLocaleString('en')} uniforms`, () => loop(next, draws), 5, 2);
  return { ...m, note: `${(draws / m.ms / 1000).toFixed(0)} M/s; ${memoryNote()}` };
}

export async function run(): Promise<Measurement[]> {
  const fast = createFastRandom(2024, 0);
  const r = createRRandom(6);
  const pure = xoroshiro128plus(2024);
  const results = [
    await rate('xoshiro128** next() (53-bit doubles)', loops.fast, fast.next),
    await rate('xoshiro128** nextUint32()·2^-32 (32-bit doubles)', loops.fast32, fast.nextUint32),
    await rate("R Mersenne-Twister unif_rand()", loops.r, r.unifRand),
    await rate('pure-rand xoroshiro128+ uniformFloat64 (comparison)', loops.pure, () => uniformFloat64(pure)),
    await median('createFastRandom(seed, stream) × 10,000 streams', () => {
      for (let i = 0; i < 10_000; i++) sink += createFastRandom(2024, i).next();
    }),
  ];
  if (sink === Number.POSITIVE_INFINITY) console.log(sink); // keeps the loops observable
  return results;
}
