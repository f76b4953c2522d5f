// The one contract between a random generator and the code that consumes randomness (trial
// simulation, operating characteristics). The domain never calls Math.random: whoever runs a
// simulation chooses a generator and injects it as a UniformSource.
//
// A plain function rather than an object with a `next()` method, because:
// - the escalation engine takes `() => number` already (`SimulationOptions.uniforms`);
// - every generator in this module returns its draw functions as closures that do not use `this`,
//   so `createFastRandom(seed).next` or `createRRandom(seed).unifRand` can be passed on as they are;
// - a closure over a typed-array state is at least as fast in V8 as a method call on a class
//   instance (measured in bench/random.bench.ts).

/**
 * Returns the next uniform draw. Each generator documents its range: the fast generator gives
 * [0, 1) in steps of 2^-53; R's `unif_rand` gives the open interval (0, 1) in steps of 2^-32.
 */
export type UniformSource = () => number;
