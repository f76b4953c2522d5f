// Draw helpers over the project's seeded generator. Synthetic data must be reproducible from a
// seed alone (tests compare exports byte for byte), so nothing here touches Math.random.
import { createFastRandom } from '../domain/random/index.ts';

export interface Rng {
  /** Uniform in [0, 1). */
  readonly u: () => number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Normal draw (Box–Muller), for lab values around a mean. */
  normal(mean: number, sd: number): number;
  /** `k` distinct items in their original order. */
  sample<T>(items: readonly T[], k: number): T[];
}

/**
 * One stream per patient: patient i of seed s is the same whatever was generated before it, so
 * a single patient's bundle can be rebuilt without generating the export.
 */
export function patientRng(seed: number, index: number): Rng {
  const u = createFastRandom(seed, index).next;
  return {
    u,
    int: (min, max) => min + Math.floor(u() * (max - min + 1)),
    chance: (p) => u() < p,
    pick: (items) => items[Math.floor(u() * items.length)]!,
    normal: (mean, sd) => {
      // 1 − u keeps the logarithm finite: u() can be exactly 0.
      const r = Math.sqrt(-2 * Math.log(1 - u()));
      return mean + sd * r * Math.cos(2 * Math.PI * u());
    },
    sample(items, k) {
      const chosen = new Set<number>();
      while (chosen.size < Math.min(k, items.length)) chosen.add(Math.floor(u() * items.length));
      return items.filter((_, i) => chosen.has(i));
    },
  };
}

/** Rounds to `digits` decimals, as a lab reports it. */
export const round = (value: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

export const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));
