import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IntegrateStatus, rIntegrate } from './r-integrate.ts';

const dnorm = (x: number) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);

describe("rIntegrate: R's integrate() (QUADPACK dqags/dqagi as in src/appl/integrate.c)", () => {
  it("reproduces the examples of R's ?integrate", () => {
    // integrate(dnorm, -1.96, 1.96): 0.9500042 with absolute error < 1e-11
    const a = rIntegrate(dnorm, -1.96, 1.96);
    assert.equal(a.value.toFixed(7), '0.9500042');
    assert.equal(a.absError.toExponential(1), '1.0e-11');
    // integrate(dnorm, -Inf, Inf): 1 with absolute error < 9.4e-05
    const b = rIntegrate(dnorm, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
    assert.equal(b.value.toFixed(7), '1.0000000');
    assert.equal(b.absError.toExponential(1), '9.4e-5');
    // integrate(function(x) 1/((x+1)*sqrt(x)), 0, Inf): 3.141593 with absolute error < 2.7e-05
    const c = rIntegrate((x) => 1 / ((x + 1) * Math.sqrt(x)), 0, Number.POSITIVE_INFINITY);
    assert.equal(c.value.toFixed(6), '3.141593');
    assert.equal(c.absError.toExponential(1), '2.7e-5');
  });

  // The same QUADPACK algorithms run by scipy.integrate.quad 1.17.1 (epsabs = 0, epsrel = 2^-13,
  // limit = 100) give these values to all 17 digits, with the same number of subintervals: the
  // transcription takes the same bisection and extrapolation steps.
  const cases: Array<[string, (x: number) => number, number, number, number, number]> = [
    ['Gaussian on (−∞, ∞)', (x) => Math.exp((-x * x) / 2), -Infinity, Infinity, 2.506628274115034, 3],
    ['narrow shifted Gaussian on (−∞, ∞)', (x) => Math.exp((-(x - 3) * (x - 3)) / 0.02), -Infinity, Infinity, 0.25066282746226254, 9],
    ['√x on (0, 1), end-point singularity', Math.sqrt, 0, 1, 0.6666667415010119, 5],
    ['log x on (0, 1), extrapolated', (x) => (x > 0 ? Math.log(x) : 0), 0, 1, -0.9999999999999999, 6],
    ['sharp peak on (0, 1)', (x) => 1 / ((x - 0.3) * (x - 0.3) + 0.0001), 0, 1, 309.39869151677397, 6],
    ['e^−x cos x on (0, ∞)', (x) => Math.exp(-x) * Math.cos(x), 0, Infinity, 0.5000000000070501, 5],
    ['eˣ/(1 + x²) on (−∞, 1)', (x) => Math.exp(x) / (1 + x * x), -Infinity, 1, 1.8921737651916228, 2],
  ];
  for (const [what, f, lower, upper, value, subdivisions] of cases) {
    it(what, () => {
      const r = rIntegrate(f, lower, upper, { absTol: 0 });
      assert.equal(r.status, IntegrateStatus.Ok);
      assert.ok(Math.abs(r.value - value) <= 4e-16 * Math.abs(value), `${r.value} vs ${value}`);
      assert.equal(r.subdivisions, subdivisions);
    });
  }

  it('misses a spike that the first 21-point rule does not see, exactly as R does', () => {
    // the rule's nodes all fall where the integrand is 0: result 0, error 0, no subdivision
    const r = rIntegrate((x) => Math.exp((-(x - 2.3) * (x - 2.3)) / 0.0002), -100, 100, { absTol: 0 });
    assert.deepEqual(r, { value: 0, absError: 0, subdivisions: 1, status: 'ok' });
  });

  it('reports what R would stop with: non-finite values, too many subdivisions, invalid tolerances', () => {
    assert.equal(rIntegrate((x) => (x > 0.5 ? Number.POSITIVE_INFINITY : 1), 0, 1).status, IntegrateStatus.NonFinite);
    assert.equal(rIntegrate((x) => 1 / x, 0, 1, { absTol: 0 }).status, IntegrateStatus.MaxSubdivisions);
    assert.equal(rIntegrate(dnorm, 0, 1, { absTol: 0, relTol: 1e-15 }).status, IntegrateStatus.InvalidInput);
    assert.equal(rIntegrate(dnorm, Number.NaN, 1).status, IntegrateStatus.InvalidInput);
  });

  it('turns into a high-precision integrator with a tight rel.tol', () => {
    const r = rIntegrate(dnorm, Number.NEGATIVE_INFINITY, 1.5, { relTol: 1e-13, absTol: 0 });
    assert.ok(Math.abs(r.value - 0.9331927987311419) < 1e-15); // Φ(1.5)
  });
});
