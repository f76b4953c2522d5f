import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareDtc, iso8601Dtc, observationDtc, plannedStudyDay, siteDateTime, studyDay } from './dates.ts';

describe('SDTM study day (SDTMIG 3.4 §4.4.4: no day 0)', () => {
  const rf = '2026-07-13T12:00';
  for (const [dtc, day] of [
    ['2026-07-13', 1],
    ['2026-07-13T08:00', 1],
    ['2026-07-14', 2],
    ['2026-07-12', -1],
    ['2026-07-11T23:59', -2],
    ['2026-08-10', 29],
    ['2025-07-13', -365],
    ['2027-01-01', 173],
  ] as const)
    it(`${dtc} → ${day}`, () => assert.equal(studyDay(dtc, rf), day));
  it('is empty without a complete date on either side', () => {
    assert.equal(studyDay('2026-07', rf), null);
    assert.equal(studyDay('2026-07-13', null), null);
    assert.equal(studyDay(null, rf), null);
  });
  it('planned study days count the infusion (protocol day 0) as day 1', () => {
    assert.deepEqual([-28, -1, 0, 1, 28, 360].map(plannedStudyDay), [-28, -1, 1, 2, 29, 361]);
  });
});

describe('ISO 8601 --DTC values', () => {
  it('are the site wall clock (Asia/Shanghai), seconds only when not zero', () => {
    assert.equal(siteDateTime(new Date('2026-03-01T17:30:00Z')), '2026-03-02T01:30');
    assert.equal(siteDateTime(new Date('2026-03-01T17:30:05Z')), '2026-03-02T01:30:05');
  });
  it('write a date-only observation (stored as midnight UTC) as the date', () => {
    assert.equal(observationDtc(new Date('2026-07-05T00:00:00Z')), '2026-07-05');
    assert.equal(observationDtc(new Date('2026-07-05T01:14:00Z')), '2026-07-05T09:14');
  });
  it('match the SDTM ISO 8601 forms and reject others', () => {
    for (const ok of ['2026', '2026-07', '2026-07-05', '2026-07-05T09', '2026-07-05T09:14', '2026-07-05T09:14:30', '2026-07-05T09:14:30.5']) assert.match(ok, iso8601Dtc);
    for (const bad of ['2026/07/05', '05-07-2026', '2026-07-05 09:14', '']) assert.doesNotMatch(bad, iso8601Dtc);
  });
  it('compare on what both state', () => {
    assert.equal(compareDtc('2026-07-13', '2026-07-13T12:00'), 0);
    assert.equal(compareDtc('2026-07-13T08:00', '2026-07-13T12:00'), -1);
    assert.equal(compareDtc('2026-07-14', '2026-07-13T12:00'), 1);
  });
});
