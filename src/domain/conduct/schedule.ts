// The visit schedule of one subject: each protocol visit on its study day, counted from the
// anchor (the first dose is day 0, domain.md §1.5), with its window. A visit on any day of
// [day − windowBefore, day + windowAfter] is in window; the bounds are inclusive.
import type { z } from 'zod';
import type { Visit } from '../protocol/schema.ts';
import { addDays, compareDates } from './dates.ts';

export type VisitSpec = Pick<z.infer<typeof Visit>, 'id' | 'day' | 'windowBefore' | 'windowAfter'>;

export interface PlannedVisit {
  readonly visitId: string;
  /** Study day relative to the anchor (day 0). */
  readonly day: number;
  readonly plannedDate: string;
  readonly windowStart: string;
  readonly windowEnd: string;
}

export const VisitTiming = { early: 'early', inWindow: 'in-window', late: 'late' } as const;
export type VisitTiming = (typeof VisitTiming)[keyof typeof VisitTiming];

export const VisitStatus = {
  upcoming: 'upcoming',
  due: 'due',
  overdue: 'overdue',
  done: 'done',
  doneOutOfWindow: 'done-out-of-window',
} as const;
export type VisitStatus = (typeof VisitStatus)[keyof typeof VisitStatus];

/** Every visit dated from `anchorDate` (the first dose), in the protocol's order. */
export function planVisits(visits: readonly VisitSpec[], anchorDate: string): PlannedVisit[] {
  return visits.map((v) => ({
    visitId: v.id,
    day: v.day,
    plannedDate: addDays(anchorDate, v.day),
    windowStart: addDays(anchorDate, v.day - v.windowBefore),
    windowEnd: addDays(anchorDate, v.day + v.windowAfter),
  }));
}

export function visitTiming(planned: PlannedVisit, actualDate: string): VisitTiming {
  if (compareDates(actualDate, planned.windowStart) < 0) return VisitTiming.early;
  if (compareDates(actualDate, planned.windowEnd) > 0) return VisitTiming.late;
  return VisitTiming.inWindow;
}

/**
 * Where a visit stands on `asOf`: done (in or out of its window), else upcoming before its window,
 * due inside it (the last day of the window included), overdue after it.
 */
export function visitStatus(planned: PlannedVisit, actualDate: string | null, asOf: string): VisitStatus {
  if (actualDate !== null) return visitTiming(planned, actualDate) === VisitTiming.inWindow ? VisitStatus.done : VisitStatus.doneOutOfWindow;
  if (compareDates(asOf, planned.windowStart) < 0) return VisitStatus.upcoming;
  if (compareDates(asOf, planned.windowEnd) <= 0) return VisitStatus.due;
  return VisitStatus.overdue;
}
