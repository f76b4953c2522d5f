// The created/modified datetimes of XPORT headers: `ddMMMyy:hh:mm:ss` (TS-140), for example
// `21AUG20:09:14:29`. The two-digit year is read in the window 1940–2039 (40–99 are 19xx, 00–39
// are 20xx). SAS's own YEARCUTOFF default has moved over the releases (1920 up to 9.3, later 1926);
// a header records when a file was written, and the XPORT format dates from the 1980s, so a window
// starting in 1940 reads every real file correctly and leaves the next decade's too.

const months = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;
const yearCutoff = 1940;

const headerPattern = /^(\d\d)([A-Z]{3})(\d\d):(\d\d):(\d\d):(\d\d)$/;
const isoPattern = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)/;

const two = (n: number) => String(n).padStart(2, '0');

function valid(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isHeaderDateTime(text: string): boolean {
  return headerToIso(text) !== null;
}

/** `21AUG20:09:14:29` → `2020-08-21T09:14:29`; null when it is not a valid header datetime. */
export function headerToIso(text: string): string | null {
  const m = headerPattern.exec(text);
  if (!m) return null;
  const month = months.indexOf(m[2] as (typeof months)[number]) + 1;
  const yy = Number(m[3]);
  const year = yy >= yearCutoff % 100 ? 1900 + yy : 2000 + yy;
  const [day, hour, minute, second] = [m[1], m[4], m[5], m[6]].map(Number) as [number, number, number, number];
  if (month === 0 || !valid(year, month, day, hour, minute, second)) return null;
  return `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(second)}`;
}

/**
 * `2020-08-21T09:14:29[.fff][zone]` → `21AUG20:09:14:29`, the local time as written (the header
 * has no zone); null when the text does not start with a full date and time or the year is
 * outside what two digits can say (1940–2039).
 */
export function isoToHeader(iso: string): string | null {
  const m = isoPattern.exec(iso);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (year < yearCutoff || year >= yearCutoff + 100 || !valid(year, month, day, hour, minute, second)) return null;
  return `${two(day)}${months[month - 1]}${two(year % 100)}:${two(hour)}:${two(minute)}:${two(second)}`;
}
