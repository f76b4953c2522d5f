import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allowedTransitions, checkTransition, isTerminal, SubjectStatus, SubjectStatusSchema, subjectStatuses } from './lifecycle.ts';

// The lifecycle of issue 5, as a table: every pair not listed is refused.
const allowed: Record<SubjectStatus, SubjectStatus[]> = {
  screening: ['screen_failed', 'enrolled', 'withdrawn'],
  screen_failed: [],
  enrolled: ['dosed', 'withdrawn', 'died'],
  dosed: ['follow_up', 'withdrawn', 'died'],
  follow_up: ['completed', 'withdrawn', 'died'],
  completed: [],
  withdrawn: [],
  died: [],
};

describe('subject lifecycle', () => {
  it('has the eight statuses of issue 5, as codes and a schema', () => {
    assert.deepEqual(subjectStatuses, ['screening', 'screen_failed', 'enrolled', 'dosed', 'follow_up', 'completed', 'withdrawn', 'died']);
    assert.ok(SubjectStatusSchema.safeParse('follow_up').success);
    assert.ok(!SubjectStatusSchema.safeParse('rescreening').success);
  });

  it('allows exactly the listed transitions, every other pair refused with the allowed ones', () => {
    for (const from of subjectStatuses) {
      assert.deepEqual(allowedTransitions(from), allowed[from], from);
      for (const to of subjectStatuses) {
        const r = checkTransition(from, to);
        if (allowed[from].includes(to)) assert.ok(r.ok, `${from} → ${to}`);
        else
          assert.deepEqual(r, {
            ok: false,
            issues: [{ path: ['status'], code: 'transition_not_allowed', params: { from, to, allowed: allowed[from] } }],
          });
      }
    }
  });

  it('ends in screen failure, completion, withdrawal or death, never to change again (rescreening is a new subject)', () => {
    assert.deepEqual(subjectStatuses.filter(isTerminal), [SubjectStatus.screenFailed, SubjectStatus.completed, SubjectStatus.withdrawn, SubjectStatus.died]);
    assert.ok(!checkTransition('screen_failed', 'screening').ok);
    assert.ok(!checkTransition('screening', 'dosed').ok, 'no dose without enrolment');
    assert.ok(!checkTransition('dosed', 'enrolled').ok, 'never backwards');
  });
});
