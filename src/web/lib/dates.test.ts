import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, daysBetween, siteDate, siteDateTime } from './dates.ts';

describe('web dates', () => {
  it('counts the site calendar: 01:00 in Hefei is the same day there, the day before in UTC', () => {
    assert.equal(siteDate(new Date('2026-03-01T17:00:00Z')), '2026-03-02');
    assert.equal(siteDateTime('2026-03-01T17:05:00Z'), '2026-03-02 01:05');
  });
  it('adds and counts days across a month end and a leap day', () => {
    assert.equal(addDays('2028-02-27', 3), '2028-03-01');
    assert.equal(daysBetween('2028-02-27', '2028-03-01'), 3);
    assert.equal(daysBetween('2026-03-01', '2026-02-01'), -28);
  });
});
