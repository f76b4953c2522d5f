// Calendar dates of the trial's conduct (dose dates, DLT windows, visit windows), as ISO
// `YYYY-MM-DD` strings. Day arithmetic reuses eligibility's day numbers (Hinnant's civil-date
// algorithm), which never touches `Date` and so cannot shift a day with the time zone.
import { z } from 'zod';
import { addDays as addCivilDays, dayNumber } from '../eligibility/dates.ts';
import { customIssue } from '../validation.ts';

const shape = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date: the shape alone would let 2026-02-30 through and count it as 2026-03-02. */
export const isIsoDate = (text: string): boolean => shape.test(text) && addCivilDays(text, 0) === text;

const instantShape = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An ISO 8601 date-time with its zone (`2026-03-02T09:30:00+08:00`) on a day that exists:
 * Date.parse takes 2026-02-30T09:00Z for 2 March. Without a zone it would be read in the
 * reader's own zone, so one is required.
 */
export const isIsoInstant = (text: string): boolean => instantShape.test(text) && !Number.isNaN(Date.parse(text)) && isIsoDate(text.slice(0, 10));

export const IsoDate = z.string().superRefine((value, ctx) => {
  if (!isIsoDate(value)) ctx.addIssue(customIssue('invalid_date', { value }));
});
export type IsoDate = z.infer<typeof IsoDate>;

/** `date` plus `days` (negative goes back). */
export const addDays = (date: string, days: number): string => addCivilDays(date, days);

/** Days from `a` to `b`: positive when `b` is later (2026-03-02 − 2026-02-28 = 2). */
export const daysBetween = (a: string, b: string): number => dayNumber(b) - dayNumber(a);

/** Negative, zero or positive as `a` is before, on or after `b`. */
export const compareDates = (a: string, b: string): number => dayNumber(a) - dayNumber(b);

/** The later of the dates; `null` when none is given. */
export function latestDate(dates: readonly (string | null | undefined)[]): string | null {
  let latest: string | null = null;
  for (const d of dates) if (d != null && (latest === null || compareDates(d, latest) > 0)) latest = d;
  return latest;
}
