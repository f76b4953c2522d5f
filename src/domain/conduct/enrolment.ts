// Enrolment into the open dose level and the current cohort (issue 5): only a subject still in
// screening whose eligible screening result an investigator has signed, only while the trial
// runs, and only into a cohort with a free place. A full cohort waits for the committee's
// decision, and the refusal says what that decision waits for.
import { fail, type Issue, issue, ok, type Result } from '../result.ts';
import { cohortMembers, cohortOpensOn, trialPosition } from './cohorts.ts';
import { compareDates } from './dates.ts';
import { openingBlockers } from './decision-gate.ts';
import { SubjectStatus } from './lifecycle.ts';
import type { ConductState } from './state.ts';
import { findSubject } from './subjects.ts';

export interface Assignment {
  readonly doseLevel: number;
  readonly cohort: number;
}

export function checkEnrolment(state: ConductState, subjectId: string, asOf: string): Result<Assignment> {
  const found = findSubject(state, subjectId);
  if (!found.ok) return found;
  const subject = found.value;
  if (subject.status !== SubjectStatus.screening)
    return fail(issue(['subjectId'], 'not_screening', { subject: subject.label, status: subject.status }));

  const issues: Issue[] = [];
  if (!subject.eligibilityConfirmed) issues.push(issue(['subjectId'], 'eligibility_not_confirmed', { subject: subject.label }));
  const p = trialPosition(state);
  if (p.stopped) issues.push(issue([], 'trial_stopped', { cohort: p.cohort }));
  else if (cohortMembers(state, p.cohort).length >= state.conduct.cohortSize)
    issues.push(issue([], 'cohort_full', { cohort: p.cohort, level: p.level, size: state.conduct.cohortSize }), ...openingBlockers(state, asOf));
  else {
    const opens = cohortOpensOn(state, p.cohort);
    if (opens !== null && compareDates(asOf, opens) < 0) issues.push(issue(['date'], 'cohort_not_open_yet', { cohort: p.cohort, level: p.level, opens }));
  }
  return issues.length > 0 ? fail(...issues) : ok({ doseLevel: p.level, cohort: p.cohort });
}
