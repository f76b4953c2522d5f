// Dates as the site counts them (Asia/Shanghai, docs/api.md), whatever the browser's zone.
export const siteTimeZone = 'Asia/Shanghai';

/** The site's calendar date (YYYY-MM-DD) of an instant. */
export function siteDate(instant: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: siteTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** Noon at the site on a date: an instant that is that date at the site whatever the offset. */
export const siteNoon = (date: string) => `${date}T12:00:00+08:00`;

/** An instant shown at the site: `2026-03-02 14:05`. */
export function siteDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: siteTimeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

const dayMs = 86_400_000;

/** Whole days from a to b (YYYY-MM-DD), calendar arithmetic in UTC so no zone shifts a day. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / dayMs);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}
