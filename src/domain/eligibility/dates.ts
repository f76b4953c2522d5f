// Calendar arithmetic on ISO dates for eligibility, as whole days. No `Date` objects: the record
// schema only checks a date's shape (2025-13-45 passes it), and evaluation must never throw on a
// well-formed record, so days are counted with Hinnant's days-from-civil algorithm
// (http://howardhinnant.github.io/date_algorithms.html), which is total on any integers.
// Only the date part of a date-time counts (patient-record.ts: "comparisons use the date part").

/** `2025-03-16T08:00:00+08:00` → `2025-03-16`. */
export const datePart = (date: string): string => date.slice(0, 10);

interface Civil {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
const isDigitAt = (s: string, i: number) => s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57;

/** `dddd-dd-dd` at the start (positions tested one by one: no callback per date). */
const isIsoDate = (s: string) =>
  s.length >= 10 &&
  s.charCodeAt(4) === 45 &&
  s.charCodeAt(7) === 45 &&
  isDigitAt(s, 0) &&
  isDigitAt(s, 1) &&
  isDigitAt(s, 2) &&
  isDigitAt(s, 3) &&
  isDigitAt(s, 5) &&
  isDigitAt(s, 6) &&
  isDigitAt(s, 8) &&
  isDigitAt(s, 9);

function civil(date: string): Civil {
  // Fast path for the `dddd-dd-dd` shape every record date has (pre-screening compares millions);
  // any other text takes the general split, which is total on any string.
  if (isIsoDate(date)) {
    const y = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
    return { y, m: digit(date, 5) * 10 + digit(date, 6), d: digit(date, 8) * 10 + digit(date, 9) };
  }
  const [y = 0, m = 1, d = 1] = datePart(date).split('-').map(Number);
  return { y, m, d };
}

/** Days since 1970-01-01 of a civil date (proleptic Gregorian). */
function daysFrom(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const daysFromCivil = ({ y, m, d }: Civil): number => daysFrom(y, m, d);

function civilFromDays(days: number): Civil {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, '0');

function format({ y, m, d }: Civil): string {
  return `${y < 0 ? '-' : ''}${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

// The dates of one patient's results repeat (a panel shares its date): the last answer is kept.
// A map of answers was tried and was slower: a pre-screen's date-times are mostly distinct strings.
let lastDate = '';
let lastDay = daysFromCivil(civil(lastDate));

/** civil's fast path as a day number, each character read once; NaN when not `dddd-dd-dd`. */
function isoDay(s: string): number {
  if (s.length < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return Number.NaN;
  const y0 = s.charCodeAt(0) - 48;
  const y1 = s.charCodeAt(1) - 48;
  const y2 = s.charCodeAt(2) - 48;
  const y3 = s.charCodeAt(3) - 48;
  const m0 = s.charCodeAt(5) - 48;
  const m1 = s.charCodeAt(6) - 48;
  const d0 = s.charCodeAt(8) - 48;
  const d1 = s.charCodeAt(9) - 48;
  // `>>> 0` makes a negative difference (a character below '0') huge: one test per digit.
  if (y0 >>> 0 > 9 || y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9 || m0 >>> 0 > 9 || m1 >>> 0 > 9 || d0 >>> 0 > 9 || d1 >>> 0 > 9) return Number.NaN;
  return daysFrom(y0 * 1000 + y1 * 100 + y2 * 10 + y3, m0 * 10 + m1, d0 * 10 + d1);
}

/** A date as a day number, for comparisons: later dates have larger numbers. */
export function dayNumber(date: string): number {
  if (date === lastDate) return lastDay;
  // No object per date: pre-screening asks some 250 times a patient.
  const day = isoDay(date);
  lastDay = Number.isNaN(day) ? daysFromCivil(civil(date)) : day;
  lastDate = date;
  return lastDay;
}

export const addDays = (date: string, days: number): string => format(civilFromDays(dayNumber(date) + days));

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 31;

/**
 * Calendar months later, the day clamped to the month's end (2024-08-31 + 6 months = 2025-02-28),
 * as "diagnosisDate + 6 calendar months" in domain.md §0.1 I3.
 */
export function addMonths(date: string, months: number): string {
  const { y, m, d } = civil(date);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return format({ y: year, m: month, d: Math.min(d, daysInMonth(year, month)) });
}

/**
 * Completed years between a birth date and a reference date: the age a person states. A 29 February
 * birthday is reached on 1 March in common years (the month-day comparison below).
 */
export function completedYears(birthDate: string, on: string): number {
  const b = civil(birthDate);
  const r = civil(on);
  const beforeBirthday = r.m < b.m || (r.m === b.m && r.d < b.d);
  return r.y - b.y - (beforeBirthday ? 1 : 0);
}
