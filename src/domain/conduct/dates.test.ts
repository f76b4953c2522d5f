import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays, compareDates, daysBetween, IsoDate, isIsoDate, latestDate } from './dates.ts';

describe('conduct dates', () => {
  it('adds days across month, leap-day and year ends', () => {
    assert.equal(addDays('2026-02-02', 28), '2026-03-02');
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2025-02-28', 1), '2025-03-01');
    assert.equal(addDays('2025-12-31', 1), '2026-01-01');
    assert.equal(addDays('2026-01-01', -1), '2025-12-31');
    assert.equal(addDays('2026-03-29', 0), '2026-03-29');
  });

  it('counts days between dates, later minus earlier, independent of time zone (no Date objects)', () => {
    assert.equal(daysBetween('2026-02-28', '2026-03-02'), 2);
    assert.equal(daysBetween('2026-03-02', '2026-02-28'), -2);
    // 2026-03-29 is the DST change in Europe: still one day.
    assert.equal(daysBetween('2026-03-28', '2026-03-29'), 1);
    assert.equal(daysBetween('2024-01-01', '2025-01-01'), 366);
  });

  it('adding then counting gives back the days, for any date and shift', () => {
    const date = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        const later = addDays(d, n);
        assert.ok(isIsoDate(later));
        assert.equal(daysBetween(d, later), n);
        assert.equal(Math.sign(compareDates(later, d)), Math.sign(n));
      }),
    );
  });

  it('accepts only real calendar dates', () => {
    assert.ok(isIsoDate('2024-02-29'));
    for (const bad of ['2025-02-29', '2026-13-01', '2026-1-01', '2026-01-01T00:00', '']) assert.ok(!isIsoDate(bad), bad);
    const r = IsoDate.safeParse('2026-02-30');
    assert.ok(!r.success);
    assert.equal(latestDate([null, '2026-01-02', '2025-12-31', undefined]), '2026-01-02');
    assert.equal(latestDate([]), null);
  });
});
