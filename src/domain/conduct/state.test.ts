import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hn2301 } from '../../protocols/test-support.ts';
import { parseInput } from '../validation.ts';
import { cohortOpensOn, openLevel, trialPosition } from './cohorts.ts';
import { ConductState, conductFromProtocol, emptyConductState } from './state.ts';
import { decision, dosed, settings, state, subject } from './test-support.ts';

const cohort1 = [dosed('001', 1, 1, '2026-01-05'), dosed('002', 1, 1, '2026-01-19'), dosed('003', 1, 1, '2026-02-02')];

describe('conduct state', () => {
  it('takes the conduct settings from the protocol (HN2301: domain.md §1.3 defaults)', () => {
    assert.deepEqual(conductFromProtocol(hn2301), settings);
  });

  it('derives the open level and current cohort from the decisions in force', () => {
    assert.deepEqual(trialPosition(emptyConductState(settings)), { cohort: 1, level: 1, stopped: false });
    assert.deepEqual(trialPosition(state(cohort1, [decision(1, 1, 2, null)])), { cohort: 1, level: 1, stopped: false });
    assert.deepEqual(trialPosition(state(cohort1, [decision(1, 1, 2, '2026-03-04')])), { cohort: 2, level: 2, stopped: false });
    const noSrc = { ...settings, srcApprovalRequired: false };
    assert.deepEqual(trialPosition(state(cohort1, [decision(1, 1, 2, null)], noSrc)), { cohort: 2, level: 2, stopped: false });
    const three = [decision(1, 1, 2, '2026-03-04'), decision(2, 2, 1, '2026-05-01'), decision(3, 1, null, '2026-07-01')];
    assert.deepEqual(trialPosition(state(cohort1, three)), { cohort: 3, level: 1, stopped: true });
    assert.equal(openLevel(state(cohort1, three)), null);
  });

  it('opens a cohort on the later of the signature and the day after the last window of the cohort before', () => {
    assert.equal(cohortOpensOn(state(cohort1), 1), null);
    assert.equal(cohortOpensOn(state(cohort1, [decision(1, 1, 2, '2026-03-10')]), 2), '2026-03-10');
    // A signature dated inside the window (an inconsistent record) does not open the cohort early.
    assert.equal(cohortOpensOn(state(cohort1, [decision(1, 1, 2, '2026-02-20')]), 2), '2026-03-03');
  });

  it('validates a state: unique subjects and decisions, levels that exist, a signature with its date', () => {
    assert.ok(parseInput(ConductState, state(cohort1)).ok);
    const bad = state([subject('001'), subject('001', { doseLevel: 4, firstDoseDate: '2026-02-30' })], [decision(1, 1, 2, null), { ...decision(1, 1, 2, null), signed: true }]);
    const r = parseInput(ConductState, bad);
    assert.ok(!r.ok);
    assert.deepEqual(
      r.issues.map((i) => `${i.path.join('.')} ${i.code}`).sort(),
      ['decisions.1.cohort duplicate_id', 'decisions.1.signedOn required', 'subjects.1.doseLevel too_big', 'subjects.1.firstDoseDate invalid_date', 'subjects.1.id duplicate_id'].sort(),
    );
  });
});
