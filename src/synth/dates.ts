// Calendar arithmetic on ISO dates in UTC days: synthetic histories are laid out as "so many days
// before the reference date", and FHIR wants YYYY-MM-DD or a date-time with an offset.
const dayMs = 86_400_000;

export function parseDay(date: string): number {
  const ms = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new RangeError(`not a date: ${date}`);
  return Math.round(ms / dayMs);
}

export const formatDay = (day: number): string => new Date(day * dayMs).toISOString().slice(0, 10);

/** A local date-time at a China site (+08:00), as hospital systems send lab and form times. */
export function formatDateTime(day: number, minuteOfDay: number): string {
  const h = Math.floor(minuteOfDay / 60) % 24;
  const m = minuteOfDay % 60;
  return `${formatDay(day)}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+08:00`;
}

/** The birth date of someone `years` old on `day`, `extraDays` past their birthday. */
export function birthDateFor(day: number, years: number, extraDays: number): string {
  const d = new Date(day * dayMs);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return formatDay(Math.round(d.getTime() / dayMs) - extraDays);
}
