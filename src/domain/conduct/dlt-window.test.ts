import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays } from './dates.ts';
import { dltOutcome, dltWindow, dltWindowOver } from './dlt-window.ts';
import { dosed, enrolled } from './test-support.ts';

const s = dosed('003', 1, 1, '2026-02-02');

describe('DLT window', () => {
  it('runs from the first dose (day 0) through day 28: 2026-02-02 to 2026-03-02', () => {
    assert.deepEqual(dltWindow(s, 28), { start: '2026-02-02', end: '2026-03-02' });
    assert.equal(dltWindow(enrolled('004', 1, 1, '2026-02-02'), 28), null);
  });

  it('is over the day after its end, not on it', () => {
    assert.equal(dltWindowOver(s, 28, '2026-03-02'), false);
    assert.equal(dltWindowOver(s, 28, '2026-03-03'), true);
    assert.equal(dltWindowOver(enrolled('004', 1, 1, '2026-02-02'), 28, '2027-01-01'), false);
  });

  it('counts a DLT as soon as adjudicated, no DLT only once the window is over, else pending', () => {
    assert.equal(dltOutcome(s, 28, '2026-03-02'), 'pending');
    assert.equal(dltOutcome(s, 28, '2026-03-03'), 'no-dlt');
    assert.equal(dltOutcome({ ...s, dlt: 'yes' }, 28, '2026-02-05'), 'dlt');
    assert.equal(dltOutcome({ ...s, dlt: 'yes' }, 28, '2026-04-01'), 'dlt');
    // "No DLT" before the window ends does not end it: a DLT may still occur.
    assert.equal(dltOutcome({ ...s, dlt: 'no' }, 28, '2026-02-20'), 'pending');
  });
});

describe('DLT window properties', () => {
  it('an outcome never goes back from DLT or no DLT to pending as time passes, and never changes from DLT', () => {
    const rank = { pending: 0, 'no-dlt': 1, dlt: 1 } as const;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.constantFrom('yes' as const, 'no' as const, null), fc.integer({ min: -10, max: 100 }), fc.nat({ max: 100 }), (days, dlt, d, step) => {
        const subject = { ...s, dlt };
        const a = dltOutcome(subject, days, addDays(s.firstDoseDate!, d));
        const b = dltOutcome(subject, days, addDays(s.firstDoseDate!, d + step));
        assert.ok(rank[a] <= rank[b]);
        if (a !== 'pending') assert.equal(a, b);
        assert.equal(a === 'dlt', dlt === 'yes');
        assert.equal(a === 'no-dlt', dlt !== 'yes' && d > days);
      }),
    );
  });
});
