// Calendar dates of the trial's conduct (dose dates, DLT windows, visit windows), as ISO
// `YYYY-MM-DD` strings. Day arithmetic reuses eligibility's day numbers (Hinnant's civil-date
// algorithm), which never touches `Date` and so cannot shift a day with the time zone.
import { z } from 'zod';
import { addDays as addCivilDays, dayNumber } from '../eligibility/dates.ts';
import { customIssue } from '../validation.ts';

const shape = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date: the shape alone would let 2026-02-30 through and count it as 2026-03-02. */
export const isIsoDate = (text: string): boolean => shape.test(text) && addCivilDays(text, 0) === text;

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
