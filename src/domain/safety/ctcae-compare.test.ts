import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { displayRatio, meetsMultiple, shown, times } from './ctcae-compare.ts';

describe('comparisons at CTCAE bounds', () => {
  it('takes factor × reference without binary noise (1.5 × 0.7 is 1.05, 3 × 0.1 is 0.3)', () => {
    assert.equal(1.5 * 0.7 === 1.05, false, 'the float product really is off');
    assert.equal(times(1.5, 0.7), 1.05);
    assert.equal(times(3, 0.1), 0.3);
    assert.equal(times(3, 40), 120);
  });
  it('a value exactly on a "> k x ref" bound does not meet it; on a "k - … x ref" bound it does', () => {
    assert.equal(meetsMultiple(1.05, { grade: 2, factor: 1.5, inclusive: false, rule: '' }, 0.7), false);
    assert.equal(meetsMultiple(1.05, { grade: 1, factor: 1.5, inclusive: true, rule: '' }, 0.7), true);
  });
  it('for decimal values and references with up to 3 decimals, k × ref equals the decimal product (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.constantFrom(1, 1.5, 2, 2.5, 3, 5, 6, 10, 20), (milli, factor) => {
        const reference = milli / 1000;
        const exact = Math.round(milli * factor * 10) / 10_000; // factor has at most one decimal
        assert.equal(times(factor, reference), exact);
      }),
    );
  });
  it('shows ratios and values without printing a bound they are not on', () => {
    assert.equal(displayRatio(130, 40, 3), 3.25);
    assert.equal(displayRatio(120, 40, 3), 3);
    assert.equal(displayRatio(120.1, 40, 3), 3.003);
    assert.equal(shown(40.27777777778, 40), 40.2778);
    assert.equal(shown(39.99999999, 40), 39.99999999);
    assert.equal(shown(40, 40), 40);
  });
});
