// The day number of a ClinicalDate, as eligibility's dayNumber computes it (dates.ts: Hinnant's
// days-from-civil on the date part), read from the digits directly: the reducer compares a date for
// every fact, and dayNumber's split/map allocates. Any text that is not `dddd-dd-dd…` goes to
// dayNumber itself, so both always agree (day.test.ts checks them against each other).
import { dayNumber } from '../domain/eligibility/dates.ts';

const digit = (s: string, i: number): number => s.charCodeAt(i) - 48;
const isDigit = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};

const digitPositions = [0, 1, 2, 3, 5, 6, 8, 9] as const;

let lastDate = '';
let lastDay = 0;

export function fastDay(date: string): number {
  // The facts of one resource, and the results of one panel, share their date.
  if (date === lastDate) return lastDay;
  lastDay = computeDay(date);
  lastDate = date;
  return lastDay;
}

function computeDay(date: string): number {
  if (date.length < 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return dayNumber(date);
  for (const i of digitPositions) if (!isDigit(date, i)) return dayNumber(date);
  const y = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
  const m = digit(date, 5) * 10 + digit(date, 6);
  const d = digit(date, 8) * 10 + digit(date, 9);
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
