import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { linearScale, niceStep, niceTicks } from './scale.ts';

describe('chart scales', () => {
  it('maps a domain onto a range, inverted for SVG y', () => {
    const y = linearScale([0, 20], [200, 0]);
    assert.equal(y(0), 200);
    assert.equal(y(10), 100);
    assert.equal(y(20), 0);
  });
  it('puts a flat domain in the middle', () => {
    assert.equal(linearScale([5, 5], [0, 100])(5), 50);
  });
  it('steps by 1, 2 or 5 times a power of ten', () => {
    assert.equal(niceStep(0, 17, 5), 5);
    assert.equal(niceStep(0, 1, 5), 0.2);
    assert.equal(niceStep(0, 0.25, 5), 0.05);
    assert.equal(niceStep(0, 0.3, 5), 0.1);
    assert.equal(niceStep(0, 700, 5), 200);
  });
  it('covers the data with round ticks', () => {
    assert.deepEqual(niceTicks(0, 17), [0, 5, 10, 15, 20]);
    assert.deepEqual(niceTicks(0.05, 0.65, 6), [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
    assert.deepEqual(niceTicks(3, 3), [3, 3.2, 3.4, 3.6, 3.8, 4]);
  });
});
