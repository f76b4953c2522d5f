// R's random functions as a simulation replaying an R script needs them: `set.seed(seed)` then
// `runif` and `rbinom` in the script's order, all from one Mersenne-Twister stream. BOIN's get.oc
// draws only runif(cohortsize) per cohort (boin-spec.md §6) and dfcrm's crmsim only
// rbinom(mcohort, 1, p) (crm-notes.md), so sample() is not needed.
import { rBinomial } from './r-binomial.ts';
import { createRMersenneTwister } from './r-mersenne-twister.ts';
import type { UniformSource } from './uniform-source.ts';

export interface RRandom {
  /** unif_rand(): one uniform in (0, 1). A closure: pass it on as a UniformSource. */
  readonly unifRand: UniformSource;
  /**
   * runif(n) (min 0, max 1): n calls of unif_rand. (R's runif loops while u ≤ 0 or u ≥ 1, which
   * never happens after fixup, and returns 0 + (1 − 0)·u = u.)
   */
  readonly runif: (n: number) => Float64Array;
  /** rbinom(1, size, prob), inversion branch only (size·min(prob, 1 − prob) < 30). */
  readonly rbinom: (size: number, prob: number) => number;
}

/** The state R has after `set.seed(seed)` with the default RNGkind (Mersenne-Twister, Inversion, Rejection). */
export function createRRandom(seed: number): RRandom {
  const unifRand = createRMersenneTwister(seed);
  return {
    unifRand,
    runif: (n) => {
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`runif n must be a non-negative integer, got ${n}`);
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = unifRand();
      return out;
    },
    rbinom: (size, prob) => rBinomial(unifRand, size, prob),
  };
}
