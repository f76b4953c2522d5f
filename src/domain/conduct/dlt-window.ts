// The DLT observation window of one subject (domain.md §1.3: 28 days after the infusion is the
// norm). The first dose is day 0 and the window covers days 0..days inclusive, so with 28 days
// the day-28 visit is the last day of the window ("day 28 = end of DLT window", §1.5) and the
// window is over from day 29.
import { addDays, compareDates } from './dates.ts';
import type { ConductSubject } from './state.ts';
import { PatientOutcome } from '../escalation/trial-data.ts';

export interface DltWindow {
  readonly start: string;
  /** The last day inside the window. */
  readonly end: string;
}

type Dosed = Pick<ConductSubject, 'firstDoseDate'>;

/** The window of a dosed subject; `null` before the first dose. */
export function dltWindow(subject: Dosed, days: number): DltWindow | null {
  if (subject.firstDoseDate === null) return null;
  return { start: subject.firstDoseDate, end: addDays(subject.firstDoseDate, days) };
}

/** True once `asOf` is past the window's last day. An undosed subject's window has not begun. */
export function dltWindowOver(subject: Dosed, days: number, asOf: string): boolean {
  const window = dltWindow(subject, days);
  return window !== null && compareDates(asOf, window.end) > 0;
}

/**
 * The subject's outcome as the escalation engine counts it: a DLT as soon as the investigator
 * adjudicates one (it cannot be undone by waiting); no DLT only when the window is over without
 * one; otherwise pending, which the engine resolves every way before it answers (decide.ts). An
 * adjudication of "no DLT" before the window ends does not end it: a DLT may still occur.
 */
export function dltOutcome(subject: Pick<ConductSubject, 'firstDoseDate' | 'dlt'>, days: number, asOf: string): PatientOutcome {
  if (subject.dlt === 'yes') return PatientOutcome.Dlt;
  return dltWindowOver(subject, days, asOf) ? PatientOutcome.NoDlt : PatientOutcome.Pending;
}
