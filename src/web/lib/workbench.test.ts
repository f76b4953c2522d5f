import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRates, targetDose } from './workbench.ts';

describe('design workbench inputs', () => {
  it('reads rates separated by commas (also the Chinese comma) or spaces', () => {
    assert.deepEqual(parseRates('0.05, 0.3 ,0.5'), [0.05, 0.3, 0.5]);
    assert.deepEqual(parseRates('0.05，0.3 0.5'), [0.05, 0.3, 0.5]);
  });
  it('refuses anything that is not a probability strictly inside (0, 1)', () => {
    assert.equal(parseRates('0.1, 1'), null);
    assert.equal(parseRates('0, 0.2'), null);
    assert.equal(parseRates('a'), null);
    assert.equal(parseRates(''), null);
  });
  it('names the dose closest to the target, the lower one on a tie', () => {
    assert.equal(targetDose([0.05, 0.15, 0.3, 0.45], 0.3), 2);
    assert.equal(targetDose([0.2, 0.4], 0.3), 0);
  });
});
