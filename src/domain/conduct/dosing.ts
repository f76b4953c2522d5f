// Whether a subject may be dosed at a level on a date (issue 5): only an enrolled subject (or a
// dosed one, for a repeat dose) with confirmed eligibility, only at the assigned level, not before
// enrolment, not before the cohort opened, and, for a cohort's later subjects, not before the
// sentinel wait is over (domain.md §1.3, NCT07488546: the first subject of every cohort completes
// 14 days of the DLT window before anyone else in that cohort is dosed).
import { fail, type Issue, issue, ok, type Result } from '../result.ts';
import { cohortOpensOn, dosedMembers, trialPosition } from './cohorts.ts';
import { addDays, compareDates } from './dates.ts';
import { SubjectStatus } from './lifecycle.ts';
import type { ConductState, ConductSubject } from './state.ts';
import { findSubject } from './subjects.ts';

export interface SentinelWait {
  /** The sentinel whose observation ends last. */
  readonly sentinel: ConductSubject;
  /** The first day the cohort's other subjects may be dosed. */
  readonly until: string;
}

/**
 * The wait the cohort's next subject is under: the first `count` subjects dosed in the cohort are
 * its sentinels, and the others may be dosed from the last sentinel's first dose + `waitDays` on.
 * `null` while sentinels are still to be dosed (the next subject is one) or with no sentinel rule.
 */
export function sentinelWait(state: ConductState, cohort: number): SentinelWait | null {
  const { count, waitDays } = state.conduct.sentinel;
  const dosed = dosedMembers(state, cohort);
  if (count === 0 || dosed.length < count) return null;
  let wait: SentinelWait | null = null;
  for (const sentinel of dosed.slice(0, count)) {
    const until = addDays(sentinel.firstDoseDate!, waitDays);
    if (wait === null || compareDates(until, wait.until) > 0) wait = { sentinel, until };
  }
  return wait;
}

const dosable: readonly string[] = [SubjectStatus.enrolled, SubjectStatus.dosed];

export function checkDosing(state: ConductState, subjectId: string, level: number, date: string): Result<void> {
  const found = findSubject(state, subjectId);
  if (!found.ok) return found;
  const s = found.value;
  // An enrolled subject always has an assignment; one without is not enrolled whatever it says.
  if (!dosable.includes(s.status) || s.doseLevel === null || s.cohort === null)
    return fail(issue(['subjectId'], 'not_enrolled', { subject: s.label, status: s.status }));

  const subject = s.label;
  const issues: Issue[] = [];
  if (!s.eligibilityConfirmed) issues.push(issue(['subjectId'], 'eligibility_not_confirmed', { subject }));
  if (level !== s.doseLevel)
    issues.push(issue(['level'], level > s.doseLevel ? 'above_assigned_level' : 'not_assigned_level', { subject, assigned: s.doseLevel, requested: level }));
  if (s.enrolledOn !== null && compareDates(date, s.enrolledOn) < 0) issues.push(issue(['date'], 'date_before_enrolment', { subject, enrolledOn: s.enrolledOn }));

  if (s.firstDoseDate !== null) {
    // A repeat dose: the cohort's gates were passed by the first one.
    if (compareDates(date, s.firstDoseDate) < 0) issues.push(issue(['date'], 'date_before_first_dose', { subject, firstDoseDate: s.firstDoseDate }));
    return issues.length > 0 ? fail(...issues) : ok(undefined);
  }

  const p = trialPosition(state);
  if (p.stopped || s.cohort !== p.cohort) issues.push(issue(['subjectId'], 'cohort_closed', { subject, cohort: s.cohort }));
  else {
    const opens = cohortOpensOn(state, s.cohort);
    if (opens !== null && compareDates(date, opens) < 0) issues.push(issue(['date'], 'cohort_not_open_yet', { cohort: s.cohort, level: s.doseLevel, opens }));
    const wait = sentinelWait(state, s.cohort);
    if (wait !== null && compareDates(date, wait.until) < 0) issues.push(issue(['date'], 'sentinel_wait', { subject, sentinel: wait.sentinel.label, until: wait.until }));
  }
  return issues.length > 0 ? fail(...issues) : ok(undefined);
}
