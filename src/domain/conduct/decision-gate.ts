// When the Safety Review Committee may decide on a cohort, when its decision may be signed, and
// why a dose level is not open. Domain.md §1.3: the next cohort opens only after the last subject
// of the current cohort has finished the whole DLT window and the committee has reviewed the data
// (both configurable). Every refusal names what unblocks it, down the chain: the level opens when
// the decision is signed; the decision can be made when the last DLT window ends on a date.
import { fail, type Issue, issue, ok, type Result } from '../result.ts';
import {
  cohortOpensOn,
  decisionFor,
  dosedMembers,
  highestDosedLevel,
  lastWindowEnd,
  openLevel,
  type TrialPosition,
  trialPosition,
} from './cohorts.ts';
import { compareDates } from './dates.ts';
import type { CommitteeDecision, ConductState } from './state.ts';

export interface CohortRef {
  readonly cohort: number;
  /** The level the cohort received. */
  readonly level: number;
}

/**
 * What keeps the committee from deciding on the current cohort: it is not yet fully dosed, or
 * (when the protocol says so) a DLT window is still open; the window named is the one that ends
 * last, since nothing can happen before it. `opens` is the level the message says waits.
 */
function readiness(state: ConductState, p: TrialPosition, asOf: string, opens: number): Issue[] {
  const size = state.conduct.cohortSize;
  const dosed = dosedMembers(state, p.cohort).length;
  if (dosed < size) return [issue([], 'cohort_incomplete', { cohort: p.cohort, level: p.level, dosed, size })];
  if (!state.conduct.cohortCompleteBeforeEscalation) return [];
  const last = lastWindowEnd(state, p.cohort)!;
  if (compareDates(asOf, last.end) <= 0)
    return [issue([], 'dlt_window_open', { level: opens, subject: last.subject.label, ends: last.end, cohort: p.cohort })];
  return [];
}

/** The level a waiting message names by default: the next one up (the top one stays the top one). */
const nextUp = (state: ConductState, p: TrialPosition) => Math.min(p.level + 1, state.conduct.doseLevels);

/**
 * Why no new cohort can open yet, as a chain of rules: the trial stopped; or the decision exists
 * but is not signed; or the committee cannot decide yet (readiness); or it may decide and has not.
 */
export function openingBlockers(state: ConductState, asOf: string, level?: number): Issue[] {
  const p = trialPosition(state);
  if (p.stopped) return [issue([], 'trial_stopped', { cohort: p.cohort })];
  if (decisionFor(state, p.cohort) !== undefined) return [issue([], 'decision_not_signed', { cohort: p.cohort })];
  const waiting = readiness(state, p, asOf, level ?? nextUp(state, p));
  return waiting.length > 0 ? waiting : [issue([], 'decision_required', { cohort: p.cohort, level: p.level })];
}

/** The committee may decide on the current cohort on `asOf`. */
export function checkDecisionReady(state: ConductState, asOf: string): Result<CohortRef> {
  const p = trialPosition(state);
  if (p.stopped) return fail(issue([], 'trial_stopped', { cohort: p.cohort }));
  const waiting = readiness(state, p, asOf, nextUp(state, p));
  return waiting.length > 0 ? fail(...waiting) : ok({ cohort: p.cohort, level: p.level });
}

/** Subjects may be enrolled and dosed at `level` only while it is the open level. */
export function checkOpenLevel(state: ConductState, level: number, asOf: string): Result<CohortRef> {
  const p = trialPosition(state);
  const open = openLevel(state);
  if (level === open) {
    const opens = cohortOpensOn(state, p.cohort);
    if (opens === null || compareDates(asOf, opens) >= 0) return ok({ cohort: p.cohort, level });
    return fail(issue(['level'], 'level_not_open', { level, open }), issue([], 'cohort_not_open_yet', { cohort: p.cohort, level, opens }));
  }
  return fail(issue(['level'], 'level_not_open', { level, open }), ...openingBlockers(state, asOf, level));
}

export interface DecisionDraft extends CohortRef {
  readonly nextLevel: number | null;
}

/**
 * The committee's decision on the current cohort may be recorded on `asOf`: the cohort is ready,
 * no decision is pending signature, and the next level exists and skips no untried level (the
 * designs' "do not skip doses"; a level already given may be returned to).
 */
export function checkCommitteeDecision(state: ConductState, nextLevel: number | null, asOf: string): Result<DecisionDraft> {
  const p = trialPosition(state);
  if (p.stopped) return fail(issue([], 'trial_stopped', { cohort: p.cohort }));
  if (decisionFor(state, p.cohort) !== undefined) return fail(issue([], 'decision_already_recorded', { cohort: p.cohort }));
  const issues = readiness(state, p, asOf, nextLevel ?? p.level);
  if (nextLevel !== null) {
    const max = state.conduct.doseLevels;
    const highest = highestDosedLevel(state);
    if (!Number.isInteger(nextLevel) || nextLevel < 1 || nextLevel > max)
      issues.push(issue(['nextLevel'], 'level_out_of_range', { level: nextLevel, max }));
    else if (nextLevel > highest + 1) issues.push(issue(['nextLevel'], 'untried_level_skipped', { level: nextLevel, highest }));
  }
  return issues.length > 0 ? fail(...issues) : ok({ cohort: p.cohort, level: p.level, nextLevel });
}

/**
 * A recorded decision may be signed on `date`: once, not before it was recorded, and not while a
 * DLT window of its cohort is open when the whole cohort must complete first.
 */
export function checkSignDecision(state: ConductState, cohort: number, date: string): Result<CommitteeDecision> {
  const d = decisionFor(state, cohort);
  if (d === undefined) return fail(issue(['cohort'], 'decision_not_found', { cohort }));
  if (d.signed) return fail(issue(['cohort'], 'decision_already_signed', { cohort, signedOn: d.signedOn }));
  const issues: Issue[] = [];
  if (d.decidedOn !== undefined && compareDates(date, d.decidedOn) < 0)
    issues.push(issue(['date'], 'date_before_decision', { cohort, decidedOn: d.decidedOn }));
  const last = state.conduct.cohortCompleteBeforeEscalation ? lastWindowEnd(state, cohort) : null;
  if (last !== null && compareDates(date, last.end) <= 0)
    issues.push(issue(['date'], 'dlt_window_open', { level: d.nextLevel ?? d.level, subject: last.subject.label, ends: last.end, cohort }));
  return issues.length > 0 ? fail(...issues) : ok(d);
}
