import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anchorDate, firstDoseDate, seriesOf, sledaiSeries, timeline } from './subject-view.ts';
import type { SubjectDetail } from './types.ts';

const subject: SubjectDetail = {
  id: 's1',
  screeningNumber: '001',
  status: 'dosed',
  doseLevel: 1,
  cohort: 1,
  screenings: [{ id: 'r1', asOf: '2026-02-20', outcome: 'eligible' }],
  // 17:30 UTC on 28 Feb is 01:30 on 1 March in Hefei: day 0 is 1 March.
  doses: [{ id: 'd1', doseLevel: 1, startedAt: '2026-02-28T17:30:00Z', status: 'given' }],
  visits: [{ id: 'v1', visitCode: 'd7', studyDay: 7, plannedDate: '2026-03-08', windowStart: '2026-03-07', windowEnd: '2026-03-09', actualDate: null, status: 'scheduled' }],
  adverseEvents: [
    { id: 'a1', term: 'CRS', grading: 'astct-crs', onsetDate: '2026-03-03', resolvedDate: '2026-03-05', gradeAuto: 2, grade: 2, gradeOverrideReason: null, serious: false, relatedness: 'definite', dltSuggested: false, dltRule: null, dlt: null },
    { id: 'a2', term: 'typo', grading: 'ctcae', onsetDate: '2026-03-03', resolvedDate: null, gradeAuto: null, grade: 1, gradeOverrideReason: null, serious: false, relatedness: 'unlikely', dltSuggested: null, dltRule: null, dlt: null, status: 'entered-in-error' },
  ],
  observations: [
    // arthritis 4 + rash 2 + proteinuria 4 + low complement 2 = 12, clinical 10 (the demo's baseline).
    { id: 'o1', kind: 'sledai2k', code: 'sledai2k', valueNum: null, valueJson: { items: ['arthritis', 'rash', 'proteinuria', 'low-complement'] }, valueText: null, unit: null, observedAt: '2026-02-28T04:00:00Z', status: 'final' },
    { id: 'o2', kind: 'sledai2k', code: 'sledai2k', valueNum: null, valueJson: { total: 4, clinical: 2 }, valueText: null, unit: null, observedAt: '2026-05-30T04:00:00Z', status: 'final' },
    { id: 'o3', kind: 'sledai2k', code: 'sledai2k', valueNum: null, valueJson: { total: 20, clinical: 20 }, valueText: null, unit: null, observedAt: '2026-04-01T04:00:00Z', status: 'proposed' },
    { id: 'o4', kind: 'b-cells', code: 'cd19', valueNum: 0, valueText: null, unit: '/uL', observedAt: '2026-03-08T04:00:00Z', status: 'final' },
  ],
};

describe('subject view', () => {
  it('counts study days from the site date of the first dose', () => {
    assert.equal(firstDoseDate(subject), '2026-03-01');
    assert.equal(anchorDate(subject, '2026-06-01'), '2026-03-01');
    assert.equal(anchorDate({ ...subject, doses: [] }, '2026-06-01'), '2026-02-20');
  });
  it('charts final values only, by study day', () => {
    const sledai = sledaiSeries(subject, '2026-03-01');
    assert.deepEqual(
      sledai.total.map((p) => [p.x, p.y]),
      [
        [-1, 12],
        [90, 4],
      ],
    );
    assert.deepEqual(sledai.clinical.map((p) => p.y), [10, 2]);
    assert.deepEqual(seriesOf(subject, '2026-03-01', 'b-cells').map((p) => p.y), [0]);
  });
  it('puts each visit\'s efficacy on the timeline at the visit, and leaves out refused ones', () => {
    const withEfficacy: SubjectDetail = {
      ...subject,
      visits: [...subject.visits!, { id: 'v2', visitCode: 'm3', studyDay: 90, plannedDate: '2026-05-30', windowStart: '2026-05-23', windowEnd: '2026-06-06', actualDate: '2026-05-31', status: 'done' }],
      efficacy: [
        { visitId: 'v2', visitCode: 'm3', sledai2k: 4, sri4: { responder: true }, lldas: { met: true }, doris: null },
        { visitId: 'v1', visitCode: 'd7', refused: { code: 'no_baseline' } },
      ],
    };
    const efficacy = timeline(withEfficacy, '2026-03-01', '2026-06-01').filter((i) => i.kind === 'efficacy');
    assert.deepEqual(
      efficacy.map((i) => [i.date, i.day]),
      [['2026-05-31', 91]],
    );
  });

  it('orders the timeline by date and leaves out events entered in error', () => {
    const items = timeline(subject, '2026-03-01', '2026-06-01');
    assert.deepEqual(
      items.map((i) => `${i.date} ${i.kind}`),
      ['2026-02-28 response', '2026-03-01 dose', '2026-03-03 adverse-event', '2026-03-08 visit', '2026-05-30 response'],
    );
    const ae = items.find((i) => i.kind === 'adverse-event');
    assert.equal(ae?.kind === 'adverse-event' ? ae.endDay : null, 4);
  });
});
