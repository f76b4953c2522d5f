// ISO 8601 dates and SDTM study days. Times are written as the site's wall clock
// (Asia/Shanghai), as SDTM --DTC values carry the local time of the event and no offset. Study
// day follows SDTMIG 3.4 §4.4.4: the day of RFSTDTC is day 1, the day before it day -1; there is
// no day 0.
import { daysBetween } from '../../domain/conduct/index.ts';
import { siteTimeZone } from '../../store/trial/index.ts';

const wallClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: siteTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An instant as the site's local date-time: seconds only when they are not zero. */
export function siteDateTime(instant: Date): string {
  const p = Object.fromEntries(wallClock.formatToParts(instant).map((x) => [x.type, x.value]));
  const base = `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
  return p.second === '00' ? base : `${base}:${p.second}`;
}

/**
 * An observation time as SDTM writes it. Clinical dates that arrived without a time are stored
 * as midnight UTC of that day (store/trial/imports.ts, `observedAt`), so an instant exactly at
 * midnight UTC is written as that date alone rather than as 08:00 at the site.
 */
export function observationDtc(instant: Date): string {
  const iso = instant.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : siteDateTime(instant);
}

/** ISO 8601 date, date-time, or partial date as SDTM allows (YYYY, YYYY-MM, ... to seconds). */
export const iso8601Dtc = /^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2}(\.\d+)?)?)?)?)?)?$/;

const completeDate = (dtc: string | null | undefined) => (dtc && dtc.length >= 10 ? dtc.slice(0, 10) : null);

/**
 * Study day of a date relative to the reference start: day 1 is the reference date, the day
 * before it is -1. Null when either date is missing or not a complete date.
 */
export function studyDay(dtc: string | null | undefined, rfstdtc: string | null | undefined): number | null {
  const d = completeDate(dtc);
  const ref = completeDate(rfstdtc);
  if (d === null || ref === null) return null;
  const days = daysBetween(ref, d);
  return days >= 0 ? days + 1 : days;
}

/** Protocol day (day 0 = the infusion, domain.md §1.5) as a planned SDTM study day (no day 0). */
export const plannedStudyDay = (protocolDay: number) => (protocolDay >= 0 ? protocolDay + 1 : protocolDay);

/** Compares two --DTC values on what both of them state: the date, and the time when both have one. */
export function compareDtc(a: string, b: string): number {
  const length = a.length > 10 && b.length > 10 ? Math.min(a.length, b.length) : 10;
  const x = a.slice(0, length);
  const y = b.slice(0, length);
  return x < y ? -1 : x > y ? 1 : 0;
}
