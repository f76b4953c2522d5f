// Where the trial stands, derived from the committee's decisions: cohort 1 opens at dose level 1;
// cohort k + 1 opens at decision k's next level once that decision is in force (signed, when the
// protocol requires the Safety Review Committee's approval; else once recorded); a decision with
// no next level stops the trial. Deriving this instead of storing it means no record can claim a
// level is open that the decisions did not open.
import { addDays, compareDates, latestDate } from './dates.ts';
import { dltWindow } from './dlt-window.ts';
import { SubjectStatus } from './lifecycle.ts';
import type { CommitteeDecision, ConductSettings, ConductState, ConductSubject } from './state.ts';

export interface TrialPosition {
  /** The cohort being filled; when stopped, the cohort whose decision stopped the trial. */
  readonly cohort: number;
  /** The level that cohort receives: the open dose level unless stopped. */
  readonly level: number;
  readonly stopped: boolean;
}

export const decisionFor = (state: ConductState, cohort: number): CommitteeDecision | undefined =>
  state.decisions.find((d) => d.cohort === cohort);

export const decisionInForce = (conduct: ConductSettings, d: CommitteeDecision): boolean => d.signed || !conduct.srcApprovalRequired;

export function trialPosition(state: ConductState): TrialPosition {
  let cohort = 1;
  let level = 1;
  for (;;) {
    const d = decisionFor(state, cohort);
    if (d === undefined || !decisionInForce(state.conduct, d)) return { cohort, level, stopped: false };
    if (d.nextLevel === null) return { cohort, level, stopped: true };
    cohort += 1;
    level = d.nextLevel;
  }
}

/** The open dose level, `null` once the trial is stopped. */
export function openLevel(state: ConductState): number | null {
  const p = trialPosition(state);
  return p.stopped ? null : p.level;
}

/**
 * The subjects holding a place in a cohort: everyone dosed in it (a dosed subject who withdraws
 * stays part of its safety data) and everyone enrolled in it and still awaiting the dose. A
 * subject who leaves before the dose frees the place for a replacement.
 */
export function cohortMembers(state: ConductState, cohort: number): ConductSubject[] {
  return state.subjects.filter((s) => s.cohort === cohort && (s.firstDoseDate !== null || s.status === SubjectStatus.enrolled));
}

/** The dosed members of a cohort in dosing order (ties by screening number). */
export function dosedMembers(state: ConductState, cohort: number): ConductSubject[] {
  return cohortMembers(state, cohort)
    .filter((s) => s.firstDoseDate !== null)
    .sort((a, b) => compareDates(a.firstDoseDate!, b.firstDoseDate!) || a.label.localeCompare(b.label));
}

export interface WindowEnd {
  readonly subject: ConductSubject;
  readonly end: string;
}

/** The DLT window of the cohort that ends last, `null` when nobody in it is dosed. */
export function lastWindowEnd(state: ConductState, cohort: number): WindowEnd | null {
  let last: WindowEnd | null = null;
  for (const subject of dosedMembers(state, cohort)) {
    const end = dltWindow(subject, state.conduct.dltWindowDays)!.end;
    if (last === null || compareDates(end, last.end) > 0) last = { subject, end };
  }
  return last;
}

/**
 * The first day subjects of `cohort` may be dosed: the day the previous cohort's decision came
 * into force and, when the whole cohort must complete its DLT windows first, not before the day
 * after the last window of the previous cohort ends. `null` for cohort 1 or while unknown.
 * Checked on dosing dates so that a back-dated entry cannot dose a cohort before it opened.
 */
export function cohortOpensOn(state: ConductState, cohort: number): string | null {
  if (cohort <= 1) return null;
  const d = decisionFor(state, cohort - 1);
  if (d === undefined) return null;
  const inForce = state.conduct.srcApprovalRequired ? d.signedOn : (d.decidedOn ?? d.signedOn);
  const last = state.conduct.cohortCompleteBeforeEscalation ? lastWindowEnd(state, cohort - 1) : null;
  return latestDate([inForce, last === null ? null : addDays(last.end, 1)]);
}

/** The highest dose level anyone has received, 0 before the first dose. */
export const highestDosedLevel = (state: ConductState): number =>
  state.subjects.reduce((max, s) => (s.firstDoseDate !== null && s.doseLevel !== null && s.doseLevel > max ? s.doseLevel : max), 0);
