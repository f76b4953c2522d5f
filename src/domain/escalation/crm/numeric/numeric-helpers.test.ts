import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { brentFmin, rOptimize } from './r-optimize.ts';
import { rQnorm } from './r-qnorm.ts';
import { sineIntegral } from './sine-integral.ts';
import { EXP_LIMIT, tableExp } from './table-exp.ts';

describe("rQnorm: R's qnorm (AS 241)", () => {
  // Exact quantiles of the double p, to 17 digits (mpmath at 40 digits). AS 241 is good to ~1e-16
  // relative; the comparison allows a few ulp.
  const cases: Array<[number, number]> = [
    [0.95, 1.6448536269514722],
    [0.975, 1.9599639845400538],
    [0.1, -1.2815515655446004],
    [0.3, -0.5244005127080408],
    [1e-12, -7.034483825301132],
    [1 - 1e-6, 4.753424308817088],
  ];
  for (const [p, z] of cases) it(`qnorm(${p})`, () => assert.ok(Math.abs(rQnorm(p) - z) <= 1e-15 * Math.abs(z), `${rQnorm(p)} vs ${z}`));
  it('is exact at 1/2 and infinite at the ends', () => {
    assert.equal(rQnorm(0.5), 0);
    assert.equal(rQnorm(0), Number.NEGATIVE_INFINITY);
    assert.equal(rQnorm(1), Number.POSITIVE_INFINITY);
    assert.ok(Number.isNaN(rQnorm(1.5)));
  });
});

describe("rOptimize: R's optimize() (Brent_fmin)", () => {
  it('finds an interior maximum to the tolerance', () => {
    assert.ok(Math.abs(rOptimize((x) => -((x - 1.234) ** 2), -10, 10, { maximum: true, tol: 1e-4 }).argument - 1.234) < 1e-4);
    assert.ok(Math.abs(rOptimize(Math.cos, 0, 10, { tol: 1e-8 }).argument - Math.PI) < 1e-7);
  });

  it('converges towards an end without reaching it when the optimum is on the boundary', () => {
    const up = rOptimize((x) => x, -10, 10, { maximum: true, tol: 1e-4 }).argument;
    assert.ok(up < 10 && up > 10 - 1e-4, String(up));
    const down = rOptimize((x) => x, -10, 10, { tol: 1e-4 }).argument;
    assert.ok(down > -10 && down < -10 + 1e-4, String(down));
  });

  it('replaces non-finite values by DBL_MAX, as fcn1 does', () => {
    // NaN to the right of 2: the search must stay left of it and find the maximum at 1
    const f = (x: number) => (x > 2 ? Number.NaN : -((x - 1) ** 2));
    assert.ok(Math.abs(rOptimize(f, -10, 10, { maximum: true, tol: 1e-6 }).argument - 1) < 1e-5);
  });

  it('starts at the golden-section point a + (3 − √5)/2·(b − a)', () => {
    const seen: number[] = [];
    brentFmin(
      (x) => {
        seen.push(x);
        return x * x;
      },
      -10,
      10,
      1e-4,
    );
    assert.equal(seen[0], -10 + ((3 - Math.sqrt(5)) / 2) * 20);
  });
});

describe('sineIntegral', () => {
  // Si(x) to 17 digits (mpmath.si, 30 digits)
  const cases: Array<[number, number]> = [
    [0.1, 0.09994446110827696],
    [1, 0.946083070367183],
    [2, 1.6054129768026948],
    [3, 1.8486525279994683],
    [10, 1.658347594218874],
    [Math.PI, 1.8519370519824663],
    [100 * Math.PI, 1.5676132924282873],
    [7853.981633974483, 1.5706690028445514],
  ];
  for (const [x, si] of cases) it(`Si(${x})`, () => assert.ok(Math.abs(sineIntegral(x) - si) < 1e-15));
  it('is odd and tends to π/2', () => {
    assert.equal(sineIntegral(-3), -sineIntegral(3));
    assert.equal(sineIntegral(0), 0);
    assert.equal(sineIntegral(Number.POSITIVE_INFINITY), Math.PI / 2);
  });
});

describe('tableExp', () => {
  it('agrees with Math.exp to 1e-15 relative on its whole domain', () => {
    fc.assert(
      fc.property(fc.double({ min: -EXP_LIMIT, max: EXP_LIMIT, noNaN: true }), (d) => {
        const e = Math.exp(d);
        assert.ok(Math.abs(tableExp(d) - e) <= 1e-15 * e, `${d}`);
      }),
      { numRuns: 5000 },
    );
    assert.equal(tableExp(0), 1);
  });
});
