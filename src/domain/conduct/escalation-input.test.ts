import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decide } from '../escalation/decide.ts';
import { threePlusThreeDesign } from '../escalation/three-plus-three/design.ts';
import { unwrap } from '../result.ts';
import { escalationInput } from './escalation-input.ts';
import { decision, dosed, enrolled, state } from './test-support.ts';

const design = unwrap(threePlusThreeDesign({ variant: 'a', doses: 3 }));
const cohort1 = [dosed('001', 1, 1, '2026-01-05'), dosed('002', 1, 1, '2026-01-19'), dosed('003', 1, 1, '2026-02-02')];

describe('the live trial as the escalation engine reads it', () => {
  it('lists dosed subjects by level with their outcome, the open level as current and the current cohort', () => {
    const record = escalationInput(state([...cohort1, enrolled('004', 2, 2, '2026-02-01')]), '2026-02-10');
    assert.deepEqual(record, {
      current: 1,
      doses: [
        {
          patients: [
            { id: 'id-001', outcome: 'no-dlt' },
            { id: 'id-002', outcome: 'pending' },
            { id: 'id-003', outcome: 'pending' },
          ],
        },
        { patients: [] },
        { patients: [] },
      ],
      lastCohort: ['id-001', 'id-002', 'id-003'],
    });
  });

  it('gives the live recommendation: wait while a pending window could change it, then escalate', () => {
    const s = state(cohort1);
    const waiting = unwrap(decide(design, escalationInput(s, '2026-03-02')));
    assert.equal(waiting.decision, 'wait');
    assert.deepEqual(waiting.needed, ['id-003']);
    const after = unwrap(decide(design, escalationInput(s, '2026-03-03')));
    assert.deepEqual([after.decision, after.nextDose], ['escalate', 2]);
    // A DLT adjudicated early in the window is counted at once: 1/3 expands the level.
    const dlt = state([dosed('001', 1, 1, '2026-01-05', 'yes'), ...cohort1.slice(1)]);
    assert.deepEqual(unwrap(decide(design, escalationInput(dlt, '2026-03-03'))).nextDose, 1);
  });

  it('moves current to the next cohort once the decision is in force, with no last cohort until someone is dosed', () => {
    const record = escalationInput(state(cohort1, [decision(1, 1, 2, '2026-03-04')]), '2026-03-05');
    assert.equal(record.current, 2);
    assert.equal(record.lastCohort, undefined);
    assert.equal(record.doses[0]!.patients.length, 3);
  });
});
