import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDosing, sentinelWait } from './dosing.ts';
import { codes, decision, dosed, enrolled, refusal, settings, state, subject } from './test-support.ts';

const sentinel = dosed('001', 1, 1, '2026-01-05');
const next = enrolled('002', 1, 1, '2026-01-06');

describe('dosing', () => {
  it('doses the cohort sentinel at once, the next subject from the day the sentinel wait ends (not the day before)', () => {
    assert.ok(checkDosing(state([enrolled('001', 1, 1, '2026-01-05')]), 'id-001', 1, '2026-01-05').ok);
    const s = state([sentinel, next]);
    assert.deepEqual(checkDosing(s, 'id-002', 1, '2026-01-18'), {
      ok: false,
      issues: [{ path: ['date'], code: 'sentinel_wait', params: { subject: '002', sentinel: '001', until: '2026-01-19' } }],
    });
    assert.ok(checkDosing(s, 'id-002', 1, '2026-01-19').ok);
  });

  it('waits for the last of several sentinels, and not at all without a sentinel rule', () => {
    const two = { ...settings, sentinel: { count: 2, waitDays: 14 } };
    const s = state([sentinel, dosed('002', 1, 1, '2026-01-08'), enrolled('003', 1, 1, '2026-01-08')], [], two);
    assert.deepEqual(refusal(checkDosing(s, 'id-003', 1, '2026-01-21'), 'sentinel_wait').params, { subject: '003', sentinel: '002', until: '2026-01-22' });
    assert.ok(checkDosing(s, 'id-003', 1, '2026-01-22').ok);
    // The second sentinel itself does not wait.
    assert.ok(checkDosing(state([sentinel, next], [], two), 'id-002', 1, '2026-01-06').ok);
    assert.equal(sentinelWait(state([sentinel, next], [], { ...settings, sentinel: { count: 0, waitDays: 14 } }), 1), null);
    assert.ok(checkDosing(state([sentinel, next], [], { ...settings, sentinel: { count: 0, waitDays: 14 } }), 'id-002', 1, '2026-01-06').ok);
  });

  it('applies the sentinel rule to every cohort, also one that stays at the same level', () => {
    const cohort1 = [sentinel, dosed('002', 1, 1, '2026-01-19'), dosed('003', 1, 1, '2026-01-19')];
    const s = state([...cohort1, dosed('004', 2, 1, '2026-03-01'), enrolled('005', 2, 1, '2026-03-01')], [decision(1, 1, 1, '2026-02-20')]);
    assert.deepEqual(refusal(checkDosing(s, 'id-005', 1, '2026-03-14'), 'sentinel_wait').params, { subject: '005', sentinel: '004', until: '2026-03-15' });
  });

  it('doses only an enrolled subject (or a dosed one again), with eligibility confirmed', () => {
    assert.deepEqual(refusal(checkDosing(state([subject('002')]), 'id-002', 1, '2026-01-05'), 'not_enrolled').params, { subject: '002', status: 'screening' });
    const followUp = { ...sentinel, status: 'follow_up' as const };
    assert.deepEqual(codes(checkDosing(state([followUp]), 'id-001', 1, '2026-03-05')), ['not_enrolled']);
    const unconfirmed = { ...enrolled('001', 1, 1, '2026-01-05'), eligibilityConfirmed: false };
    assert.deepEqual(codes(checkDosing(state([unconfirmed]), 'id-001', 1, '2026-01-05')), ['eligibility_not_confirmed']);
    assert.deepEqual(codes(checkDosing(state([]), 'id-001', 1, '2026-01-05')), ['unknown_subject']);
  });

  it('doses only the assigned level', () => {
    const s = state([enrolled('001', 1, 1, '2026-01-05')]);
    assert.deepEqual(refusal(checkDosing(s, 'id-001', 2, '2026-01-05'), 'above_assigned_level').params, { subject: '001', assigned: 1, requested: 2 });
    const at2 = state([...[1, 2, 3].map((i) => dosed(`00${i}`, 1, 1, '2026-01-05')), enrolled('004', 2, 2, '2026-03-05')], [decision(1, 1, 2, '2026-03-05')]);
    assert.deepEqual(codes(checkDosing(at2, 'id-004', 1, '2026-03-05')), ['not_assigned_level']);
    assert.ok(checkDosing(at2, 'id-004', 2, '2026-03-05').ok);
  });

  it('refuses a dose dated before enrolment, or before the cohort opened', () => {
    const s = state([enrolled('001', 1, 1, '2026-01-05')]);
    assert.deepEqual(refusal(checkDosing(s, 'id-001', 1, '2026-01-04'), 'date_before_enrolment').params, { subject: '001', enrolledOn: '2026-01-05' });
    // Cohort 2 opens when the decision is signed, 2026-03-05, even if enrolment was back-dated.
    const early = state([...[1, 2, 3].map((i) => dosed(`00${i}`, 1, 1, '2026-01-05')), enrolled('004', 2, 2, '2026-03-01')], [decision(1, 1, 2, '2026-03-05')]);
    assert.deepEqual(refusal(checkDosing(early, 'id-004', 2, '2026-03-04'), 'cohort_not_open_yet').params, { cohort: 2, level: 2, opens: '2026-03-05' });
  });

  it('allows a repeat dose at the assigned level, not dated before the first', () => {
    const s = state([sentinel]);
    assert.ok(checkDosing(s, 'id-001', 1, '2026-01-12').ok);
    assert.deepEqual(codes(checkDosing(s, 'id-001', 1, '2026-01-04')), ['date_before_enrolment', 'date_before_first_dose']);
    assert.deepEqual(codes(checkDosing(s, 'id-001', 2, '2026-01-12')), ['above_assigned_level']);
  });

  it('refuses a first dose in a cohort that is no longer current', () => {
    const stale = state([...[1, 2, 3].map((i) => dosed(`00${i}`, 1, 1, '2026-01-05')), enrolled('009', 1, 1, '2026-01-05')], [decision(1, 1, 2, '2026-03-05')]);
    assert.deepEqual(refusal(checkDosing(stale, 'id-009', 1, '2026-03-06'), 'cohort_closed').params, { subject: '009', cohort: 1 });
  });
});
