import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkEnrolment } from './enrolment.ts';
import { codes, decision, dosed, enrolled, refusal, settings, state, subject } from './test-support.ts';

// Cohort 1 of HN2301 (dose level 1): sentinel 001 dosed 2026-01-05, 002 on 2026-01-19 (the first
// day the sentinel wait allows), 003 on 2026-02-02, whose DLT window ends on 2026-03-02.
const cohort1 = [dosed('001', 1, 1, '2026-01-05'), dosed('002', 1, 1, '2026-01-19'), dosed('003', 1, 1, '2026-02-02')];
const candidate = subject('004');

describe('enrolment', () => {
  it('enrols a confirmed subject in screening into the open level and the current cohort', () => {
    assert.deepEqual(checkEnrolment(state([candidate]), 'id-004', '2026-01-02'), { ok: true, value: { doseLevel: 1, cohort: 1 } });
    const partly = state([enrolled('001', 1, 1, '2026-01-02'), candidate]);
    assert.deepEqual(checkEnrolment(partly, 'id-004', '2026-01-03'), { ok: true, value: { doseLevel: 1, cohort: 1 } });
  });

  it('refuses a subject not in screening, naming the status', () => {
    const r = checkEnrolment(state([subject('004', { status: 'screen_failed' })]), 'id-004', '2026-01-02');
    assert.deepEqual(r, { ok: false, issues: [{ path: ['subjectId'], code: 'not_screening', params: { subject: '004', status: 'screen_failed' } }] });
    assert.deepEqual(codes(checkEnrolment(state([enrolled('004', 1, 1, '2026-01-01')]), 'id-004', '2026-01-02')), ['not_screening']);
  });

  it('refuses an unknown subject and one whose eligibility an investigator has not confirmed', () => {
    assert.deepEqual(codes(checkEnrolment(state([]), 'nobody', '2026-01-02')), ['unknown_subject']);
    const r = checkEnrolment(state([subject('004', { eligibilityConfirmed: false })]), 'id-004', '2026-01-02');
    assert.deepEqual(refusal(r, 'eligibility_not_confirmed').params, { subject: '004' });
  });

  it('refuses a full cohort and says what the next cohort waits for, down the chain', () => {
    // Not all dosed: the committee decides once all are.
    const waitingDose = state([...cohort1.slice(0, 2), enrolled('003', 1, 1, '2026-01-20'), candidate]);
    assert.deepEqual(codes(checkEnrolment(waitingDose, 'id-004', '2026-01-25')), ['cohort_full', 'cohort_incomplete']);
    // All dosed, a window open: the last window to end is named.
    const open = checkEnrolment(state([...cohort1, candidate]), 'id-004', '2026-02-10');
    assert.deepEqual(refusal(open, 'cohort_full').params, { cohort: 1, level: 1, size: 3 });
    assert.deepEqual(refusal(open, 'dlt_window_open').params, { level: 2, subject: '003', ends: '2026-03-02', cohort: 1 });
    // Windows over: the committee's decision is what is missing; then its signature.
    assert.deepEqual(codes(checkEnrolment(state([...cohort1, candidate]), 'id-004', '2026-03-03')), ['cohort_full', 'decision_required']);
    const unsigned = state([...cohort1, candidate], [decision(1, 1, 2, null)]);
    assert.deepEqual(codes(checkEnrolment(unsigned, 'id-004', '2026-03-03')), ['cohort_full', 'decision_not_signed']);
  });

  it('enrols into the next cohort at the decided level once the decision is signed (or recorded, without SRC approval)', () => {
    const signed = state([...cohort1, candidate], [decision(1, 1, 2, '2026-03-04')]);
    assert.deepEqual(checkEnrolment(signed, 'id-004', '2026-03-04'), { ok: true, value: { doseLevel: 2, cohort: 2 } });
    assert.deepEqual(refusal(checkEnrolment(signed, 'id-004', '2026-03-03'), 'cohort_not_open_yet').params, { cohort: 2, level: 2, opens: '2026-03-04' });
    const noSrc = state([...cohort1, candidate], [{ ...decision(1, 1, 1, null), decidedOn: '2026-03-03' }], { ...settings, srcApprovalRequired: false });
    assert.deepEqual(checkEnrolment(noSrc, 'id-004', '2026-03-03'), { ok: true, value: { doseLevel: 1, cohort: 2 } });
  });

  it('refuses enrolment once a decision stopped the trial', () => {
    const stopped = state([...cohort1, candidate], [decision(1, 1, null, '2026-03-04')]);
    assert.deepEqual(refusal(checkEnrolment(stopped, 'id-004', '2026-03-05'), 'trial_stopped').params, { cohort: 1 });
  });

  it('frees the place of a subject who leaves before the dose, not of one who leaves after it', () => {
    const left = subject('002', { status: 'withdrawn', cohort: 1, doseLevel: 1, enrolledOn: '2026-01-06' });
    assert.ok(checkEnrolment(state([cohort1[0]!, left, cohort1[2]!, candidate]), 'id-004', '2026-02-10').ok);
    const leftAfterDose = { ...cohort1[1]!, status: 'withdrawn' as const };
    assert.deepEqual(codes(checkEnrolment(state([cohort1[0]!, leftAfterDose, cohort1[2]!, candidate]), 'id-004', '2026-02-10'))[0], 'cohort_full');
  });
});
