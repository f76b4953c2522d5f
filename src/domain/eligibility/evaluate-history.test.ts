// I3 SLE history ≥ 6 calendar months before screening (domain.md §0.1: screeningDate ≥
// diagnosisDate + 6 calendar months).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConditionFact } from './patient-record.ts';
import { hn2301 } from '../../protocols/test-support.ts';
import { condition, missingCodes, patient, screenWith } from './test-support.ts';

const { criterion, statusOf } = screenWith(hn2301);

const sle = (...conditions: ConditionFact[]) =>
  patient((r) => {
    r.conditions = conditions;
  });

describe('sle-duration (I3)', () => {
  it('diagnosed exactly 6 calendar months before the screening date → met; a day later → not met', () => {
    assert.equal(statusOf(sle(condition('sle', '2025-09-01')), 'sle-duration'), 'met');
    const c = criterion(sle(condition('sle', '2025-09-02')), 'sle-duration');
    assert.equal(c.status, 'not-met');
    assert.deepEqual({ ...c.reason.params }, { condition: 'sle', onset: '2025-09-02', minMonths: 6, due: '2026-03-02' });
  });

  it('month ends clamp: diagnosed 2025-08-31 is 6 months on 2026-02-28', () => {
    assert.equal(statusOf(sle(condition('sle', '2025-08-31')), 'sle-duration', undefined, '2026-02-28'), 'met');
    assert.equal(statusOf(sle(condition('sle', '2025-08-31')), 'sle-duration', undefined, '2026-02-27'), 'not-met');
  });

  it('the earliest diagnosis counts; the recorded date stands in for a missing onset', () => {
    assert.equal(statusOf(sle(condition('sle', '2026-01-01'), condition('sle', '2019-01-01')), 'sle-duration'), 'met');
    const recorded: ConditionFact = { kind: 'sle', recorded: '2024-01-01', active: true, source: 'Condition/r' };
    assert.equal(statusOf(sle(recorded), 'sle-duration'), 'met');
  });

  it('no SLE diagnosis on record, or one without a date → unknown', () => {
    assert.deepEqual(missingCodes(criterion(sle(), 'sle-duration')), ['sle:no_condition_record']);
    assert.deepEqual(missingCodes(criterion(sle(condition('sle')), 'sle-duration')), ['sle:no_onset_date']);
    assert.deepEqual(missingCodes(criterion(sle(condition('sle', '2019-01-01', false)), 'sle-duration')), ['sle:no_condition_record'], 'a refuted diagnosis does not count');
  });
});
