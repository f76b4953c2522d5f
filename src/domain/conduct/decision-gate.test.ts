import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatIssue } from '../../i18n/index.ts';
import { checkCommitteeDecision, checkDecisionReady, checkOpenLevel, checkSignDecision } from './decision-gate.ts';
import { codes, decision, dosed, enrolled, refusal, settings, state } from './test-support.ts';

// 003 is listed first but dosed last: the window named is the one that ends last.
const cohort1 = [dosed('003', 1, 1, '2026-02-02'), dosed('001', 1, 1, '2026-01-05'), dosed('002', 1, 1, '2026-01-19')];
const s = state(cohort1);

describe('safety committee decision and dose-level opening', () => {
  it('is not ready while the cohort is not fully dosed', () => {
    const r = checkDecisionReady(state([cohort1[1]!, cohort1[2]!, enrolled('003', 1, 1, '2026-01-20')]), '2026-04-01');
    assert.deepEqual(r, { ok: false, issues: [{ path: [], code: 'cohort_incomplete', params: { cohort: 1, level: 1, dosed: 2, size: 3 } }] });
  });

  it('is not ready until the last DLT window of the cohort is over, and says so in words', () => {
    const r = checkDecisionReady(s, '2026-03-02');
    const open = refusal(r, 'dlt_window_open');
    assert.deepEqual(open.params, { level: 2, subject: '003', ends: '2026-03-02', cohort: 1 });
    assert.equal(formatIssue(open, 'en'), "dose level 2 opens after subject 003's DLT window ends on 2026-03-02");
    assert.equal(formatIssue(open, 'zh-CN'), '剂量组 2 将在受试者 003 的 DLT 观察期于 2026-03-02 结束后开放');
    assert.deepEqual(checkDecisionReady(s, '2026-03-03'), { ok: true, value: { cohort: 1, level: 1 } });
  });

  it('needs only a fully dosed cohort when the protocol does not require complete windows', () => {
    const relaxed = state(cohort1, [], { ...settings, cohortCompleteBeforeEscalation: false });
    assert.ok(checkDecisionReady(relaxed, '2026-02-02').ok);
  });

  it('opens only the open level; a closed one says what it waits for', () => {
    assert.deepEqual(checkOpenLevel(s, 1, '2026-02-10'), { ok: true, value: { cohort: 1, level: 1 } });
    assert.deepEqual(codes(checkOpenLevel(s, 2, '2026-02-10')), ['level_not_open', 'dlt_window_open']);
    assert.deepEqual(refusal(checkOpenLevel(s, 2, '2026-02-10'), 'level_not_open').params, { level: 2, open: 1 });
    assert.deepEqual(codes(checkOpenLevel(s, 2, '2026-03-03')), ['level_not_open', 'decision_required']);
    const unsigned = state(cohort1, [decision(1, 1, 2, null)]);
    assert.deepEqual(refusal(checkOpenLevel(unsigned, 2, '2026-03-04'), 'decision_not_signed').params, { cohort: 1 });
    const signed = state(cohort1, [decision(1, 1, 2, '2026-03-04')]);
    assert.deepEqual(checkOpenLevel(signed, 2, '2026-03-04'), { ok: true, value: { cohort: 2, level: 2 } });
    assert.deepEqual(codes(checkOpenLevel(signed, 2, '2026-03-03')), ['level_not_open', 'cohort_not_open_yet']);
    assert.deepEqual(codes(checkOpenLevel(signed, 1, '2026-03-04')), ['level_not_open', 'cohort_incomplete']);
    const stopped = state(cohort1, [decision(1, 1, null, '2026-03-04')]);
    assert.deepEqual(checkOpenLevel(stopped, 1, '2026-03-04'), {
      ok: false,
      issues: [
        { path: ['level'], code: 'level_not_open', params: { level: 1, open: null } },
        { path: [], code: 'trial_stopped', params: { cohort: 1 } },
      ],
    });
  });

  it('opens the next cohort on recording when no SRC signature is required', () => {
    const noSrc = state(cohort1, [{ ...decision(1, 1, 2, null), decidedOn: '2026-03-03' }], { ...settings, srcApprovalRequired: false });
    assert.ok(checkOpenLevel(noSrc, 2, '2026-03-03').ok);
  });

  it('records a decision when ready: one level up at most past the highest given, within the levels, once', () => {
    assert.deepEqual(checkCommitteeDecision(s, 2, '2026-03-03'), { ok: true, value: { cohort: 1, level: 1, nextLevel: 2 } });
    assert.deepEqual(checkCommitteeDecision(s, null, '2026-03-03'), { ok: true, value: { cohort: 1, level: 1, nextLevel: null } });
    assert.deepEqual(refusal(checkCommitteeDecision(s, 3, '2026-03-03'), 'untried_level_skipped').params, { level: 3, highest: 1 });
    assert.deepEqual(refusal(checkCommitteeDecision(s, 4, '2026-03-03'), 'level_out_of_range').params, { level: 4, max: 3 });
    assert.deepEqual(codes(checkCommitteeDecision(s, 2, '2026-03-02')), ['dlt_window_open']);
    assert.deepEqual(codes(checkCommitteeDecision(state(cohort1, [decision(1, 1, 2, null)]), 2, '2026-03-03')), ['decision_already_recorded']);
    assert.deepEqual(codes(checkCommitteeDecision(state(cohort1, [decision(1, 1, null, '2026-03-04')]), 1, '2026-03-05')), ['trial_stopped']);
  });

  it('signs a recorded decision once, not before it was recorded nor while a window is open', () => {
    const recorded = state(cohort1, [{ ...decision(1, 1, 2, null), decidedOn: '2026-03-03' }]);
    assert.ok(checkSignDecision(recorded, 1, '2026-03-03').ok);
    assert.deepEqual(codes(checkSignDecision(recorded, 2, '2026-03-03')), ['decision_not_found']);
    assert.deepEqual(refusal(checkSignDecision(recorded, 1, '2026-03-02'), 'date_before_decision').params, { cohort: 1, decidedOn: '2026-03-03' });
    assert.deepEqual(codes(checkSignDecision(recorded, 1, '2026-03-02')), ['date_before_decision', 'dlt_window_open']);
    const signed = state(cohort1, [decision(1, 1, 2, '2026-03-04')]);
    assert.deepEqual(refusal(checkSignDecision(signed, 1, '2026-03-05'), 'decision_already_signed').params, { cohort: 1, signedOn: '2026-03-04' });
  });
});
