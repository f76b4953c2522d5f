import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unwrap } from '../result.ts';
import { openLevel, trialPosition } from './cohorts.ts';
import { applyCommand } from './commands.ts';
import { emptyConductState } from './state.ts';
import { codes, run, settings } from './test-support.ts';

const screenAndEnrol = (label: string, date: string) => [
  { type: 'register', subjectId: label, label, date },
  { type: 'confirm-eligibility', subjectId: label, date },
  { type: 'enrol', subjectId: label, date },
] as const;

// HN2301 cohort 1 through to the opening of dose level 2.
const cohort1 = run(emptyConductState(settings), [
  ...screenAndEnrol('001', '2026-01-05'),
  { type: 'dose', subjectId: '001', level: 1, date: '2026-01-05' },
  ...screenAndEnrol('002', '2026-01-10'),
  ...screenAndEnrol('003', '2026-01-12'),
  { type: 'dose', subjectId: '002', level: 1, date: '2026-01-19' },
  { type: 'dose', subjectId: '003', level: 1, date: '2026-02-02' },
]);

describe('conduct commands', () => {
  it('runs cohort 1 to the opening of dose level 2 through the gates', () => {
    assert.deepEqual(codes(applyCommand(cohort1, { type: 'decide', nextLevel: 2, date: '2026-03-02' })), ['dlt_window_open']);
    const decided = run(cohort1, [{ type: 'decide', nextLevel: 2, date: '2026-03-03' }]);
    assert.equal(openLevel(decided), 1);
    const signed = run(decided, [{ type: 'sign', cohort: 1, date: '2026-03-04' }]);
    assert.deepEqual(trialPosition(signed), { cohort: 2, level: 2, stopped: false });
    const next = run(signed, screenAndEnrol('004', '2026-03-05'));
    assert.deepEqual(next.subjects.at(-1), {
      id: '004',
      label: '004',
      status: 'enrolled',
      eligibilityConfirmed: true,
      doseLevel: 2,
      cohort: 2,
      enrolledOn: '2026-03-05',
      firstDoseDate: null,
      dlt: null,
    });
  });

  it('returns each changed record before and after, for the service to write and audit', () => {
    const r = unwrap(applyCommand(cohort1, { type: 'adjudicate', subjectId: '002', dlt: 'yes', date: '2026-01-25' }));
    assert.equal(r.changes.length, 1);
    const [change] = r.changes;
    assert.equal(change?.entity, 'subject');
    assert.equal(change?.before?.dlt, null);
    assert.equal(change?.after.dlt, 'yes');
    // A repeat dose changes no conduct record.
    assert.deepEqual(unwrap(applyCommand(cohort1, { type: 'dose', subjectId: '001', level: 1, date: '2026-01-06' })).changes, []);
  });

  it('refuses what the gates refuse, and what the lifecycle does not allow', () => {
    assert.deepEqual(codes(applyCommand(cohort1, { type: 'register', subjectId: '001', label: '001', date: '2026-01-05' })), ['duplicate_id']);
    assert.deepEqual(codes(applyCommand(cohort1, { type: 'adjudicate', subjectId: '009', dlt: 'no', date: '2026-01-25' })), ['unknown_subject']);
    const withScreening = run(cohort1, [{ type: 'register', subjectId: '009', label: '009', date: '2026-01-20' }]);
    assert.deepEqual(codes(applyCommand(withScreening, { type: 'adjudicate', subjectId: '009', dlt: 'no', date: '2026-01-25' })), ['not_dosed']);
    assert.deepEqual(codes(applyCommand(cohort1, { type: 'confirm-eligibility', subjectId: '001', date: '2026-01-25' })), ['not_screening']);
    assert.deepEqual(codes(applyCommand(cohort1, { type: 'set-status', subjectId: '001', to: 'completed', date: '2026-01-25' })), ['transition_not_allowed']);
    assert.ok(applyCommand(cohort1, { type: 'set-status', subjectId: '001', to: 'follow_up', date: '2026-03-05' }).ok);
    assert.deepEqual(codes(applyCommand(cohort1, { type: 'dose', subjectId: '001', level: 1, date: '2026-02-30' })), ['invalid_date']);
  });
});
