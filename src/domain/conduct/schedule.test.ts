import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { hn2301 } from '../../protocols/test-support.ts';
import { addDays } from './dates.ts';
import { planVisits, visitStatus, visitTiming } from './schedule.ts';

const dose = '2026-02-02';
const plan = planVisits(hn2301.visits, dose);
const visit = (id: string) => plan.find((v) => v.visitId === id)!;

describe('visit schedule', () => {
  it('dates every HN2301 visit from the first dose (day 0), with its window', () => {
    assert.equal(plan.length, hn2301.visits.length);
    assert.deepEqual(visit('screening'), { visitId: 'screening', day: -28, plannedDate: '2026-01-05', windowStart: '2026-01-05', windowEnd: '2026-02-01' });
    assert.deepEqual(visit('infusion'), { visitId: 'infusion', day: 0, plannedDate: dose, windowStart: dose, windowEnd: dose });
    assert.deepEqual(visit('d28'), { visitId: 'd28', day: 28, plannedDate: '2026-03-02', windowStart: '2026-02-28', windowEnd: '2026-03-04' });
    assert.deepEqual(visit('m3'), { visitId: 'm3', day: 90, plannedDate: '2026-05-03', windowStart: '2026-04-26', windowEnd: '2026-05-10' });
  });

  it('times a visit: the window bounds are in window, the day outside each is early or late', () => {
    const d28 = visit('d28');
    assert.equal(visitTiming(d28, '2026-02-27'), 'early');
    assert.equal(visitTiming(d28, '2026-02-28'), 'in-window');
    assert.equal(visitTiming(d28, '2026-03-02'), 'in-window');
    assert.equal(visitTiming(d28, '2026-03-04'), 'in-window');
    assert.equal(visitTiming(d28, '2026-03-05'), 'late');
    // A zero-width window (the in-hospital days) is that day only.
    const d1 = visit('d1');
    assert.deepEqual([visitTiming(d1, '2026-02-02'), visitTiming(d1, '2026-02-03'), visitTiming(d1, '2026-02-04')], ['early', 'in-window', 'late']);
  });

  it('says where a visit stands on a date: upcoming, due through the last window day, then overdue; or done', () => {
    const d28 = visit('d28');
    assert.equal(visitStatus(d28, null, '2026-02-27'), 'upcoming');
    assert.equal(visitStatus(d28, null, '2026-02-28'), 'due');
    assert.equal(visitStatus(d28, null, '2026-03-04'), 'due');
    assert.equal(visitStatus(d28, null, '2026-03-05'), 'overdue');
    assert.equal(visitStatus(d28, '2026-03-03', '2026-03-10'), 'done');
    assert.equal(visitStatus(d28, '2026-03-06', '2026-03-10'), 'done-out-of-window');
    assert.equal(visitStatus(d28, '2026-02-20', '2026-02-20'), 'done-out-of-window');
  });
});

describe('visit schedule properties', () => {
  const spec = fc.record({ id: fc.constant('v'), day: fc.integer({ min: -28, max: 400 }), windowBefore: fc.nat({ max: 30 }), windowAfter: fc.nat({ max: 30 }) });
  const offset = fc.integer({ min: -500, max: 500 });

  it('a visit is done in window exactly when its date is inside [day − before, day + after]', () => {
    fc.assert(
      fc.property(spec, offset, (v, d) => {
        const [planned] = planVisits([v], dose);
        const actual = addDays(dose, d);
        const inside = d >= v.day - v.windowBefore && d <= v.day + v.windowAfter;
        assert.equal(visitTiming(planned!, actual) === 'in-window', inside);
        assert.equal(visitStatus(planned!, actual, actual), inside ? 'done' : 'done-out-of-window');
      }),
    );
  });

  it('an undone visit goes upcoming → due → overdue as the date advances, and never back', () => {
    const order = ['upcoming', 'due', 'overdue'];
    fc.assert(
      fc.property(spec, offset, fc.nat({ max: 100 }), (v, d, step) => {
        const [planned] = planVisits([v], dose);
        const a = visitStatus(planned!, null, addDays(dose, d));
        const b = visitStatus(planned!, null, addDays(dose, d + step));
        assert.ok(order.indexOf(a) <= order.indexOf(b), `${a} then ${b}`);
      }),
    );
  });
});
