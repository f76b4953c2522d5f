// Clinical dates are calendar dates at the site: a dose given at 01:00 in Hefei on 2 March is
// on 2 March, though it is 1 March in UTC. Stored times are UTC (timestamptz); this zone turns
// them into the dates the conduct rules count with (regulatory.md R-66: display Asia/Shanghai).
export const siteTimeZone = 'Asia/Shanghai';

/** The site's calendar date (YYYY-MM-DD) of an instant. */
export function siteDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: siteTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** Noon at the site on a date: an instant that is that date at the site whatever the offset. */
export const siteNoon = (date: string) => new Date(`${date}T12:00:00+08:00`);
