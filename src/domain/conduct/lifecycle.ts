// The subject lifecycle of issue 5. A subject moves forward only: screening ends in a screen
// failure or enrolment; an enrolled subject is dosed; a dosed subject enters follow-up and
// completes it. Withdrawal and death end any stage after screening starts. Terminal states never
// change again: a rescreened patient is a new subject with a new screening number, so that the
// first screening's record stays as it was.
import { z } from 'zod';
import { fail, issue, ok, type Result } from '../result.ts';

export const SubjectStatus = {
  screening: 'screening',
  screenFailed: 'screen_failed',
  enrolled: 'enrolled',
  dosed: 'dosed',
  followUp: 'follow_up',
  completed: 'completed',
  withdrawn: 'withdrawn',
  died: 'died',
} as const;
export type SubjectStatus = (typeof SubjectStatus)[keyof typeof SubjectStatus];

export const subjectStatuses = Object.values(SubjectStatus) as [SubjectStatus, ...SubjectStatus[]];
export const SubjectStatusSchema = z.enum(subjectStatuses);

const S = SubjectStatus;
const transitions: Readonly<Record<SubjectStatus, readonly SubjectStatus[]>> = {
  // Death during screening is recorded as a withdrawal from screening: the subject never received
  // the product, and the lifecycle of issue 5 lists no screening → died transition.
  screening: [S.screenFailed, S.enrolled, S.withdrawn],
  screen_failed: [],
  enrolled: [S.dosed, S.withdrawn, S.died],
  dosed: [S.followUp, S.withdrawn, S.died],
  follow_up: [S.completed, S.withdrawn, S.died],
  completed: [],
  withdrawn: [],
  died: [],
};

/** The statuses a subject may move to from `from`, in the lifecycle's order. */
export const allowedTransitions = (from: SubjectStatus): readonly SubjectStatus[] => transitions[from];

export const isTerminal = (status: SubjectStatus): boolean => transitions[status].length === 0;

/** Whether `from → to` is a step of the lifecycle; the refusal lists the steps that are. */
export function checkTransition(from: SubjectStatus, to: SubjectStatus): Result<void> {
  const allowed = transitions[from];
  if (allowed.includes(to)) return ok(undefined);
  return fail(issue(['status'], 'transition_not_allowed', { from, to, allowed: [...allowed] }));
}
