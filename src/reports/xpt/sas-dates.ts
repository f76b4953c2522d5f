// SAS dates are days since 1960-01-01, datetimes seconds since 1960-01-01T00:00:00 (no zone),
// times seconds since midnight. Dataset-JSON carries them as ISO 8601 strings with
// `targetDataType: "integer"` (ADaM's numeric dates); SDTM's --DTC stay ISO text in both formats.
// Which numeric variables are dates is told by their SAS format.

const msPerDay = 86_400_000;
const epoch = Date.UTC(1960, 0, 1);

export type TemporalType = 'date' | 'datetime' | 'time';

const datePattern = /^(\d{4})-(\d\d)-(\d\d)$/;
const timePattern = /^(\d\d):(\d\d)(?::(\d\d)(\.\d+)?)?$/;

function days(text: string): number | null {
  const m = datePattern.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return (ms - epoch) / msPerDay;
}

function seconds(text: string): number | null {
  const m = timePattern.exec(text);
  if (!m) return null;
  const [hour, minute, second] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return null;
  return hour * 3600 + minute * 60 + second + (m[4] ? Number(`0${m[4]}`) : 0);
}

/** The SAS value of a complete ISO 8601 date, datetime (no zone) or time; null when not one. */
export function isoToSas(type: TemporalType, text: string): number | null {
  if (type === 'date') return days(text);
  if (type === 'time') return seconds(text);
  const t = text.indexOf('T');
  if (t < 0) return null;
  const d = days(text.slice(0, t));
  const s = seconds(text.slice(t + 1));
  return d === null || s === null ? null : d * 86400 + s;
}

const two = (n: number) => String(n).padStart(2, '0');

function clock(totalSeconds: number): string {
  // Microseconds at most: a double holds no more for datetimes of this era.
  const micros = Math.round(totalSeconds * 1e6);
  const whole = Math.floor(micros / 1e6);
  const fraction = micros - whole * 1e6;
  const base = `${two(Math.floor(whole / 3600))}:${two(Math.floor((whole % 3600) / 60))}:${two(whole % 60)}`;
  return fraction === 0 ? base : `${base}.${String(fraction).padStart(6, '0').replace(/0+$/, '')}`;
}

function isoDate(dayNumber: number): string | null {
  const d = new Date(epoch + Math.floor(dayNumber) * msPerDay);
  const year = d.getUTCFullYear();
  if (!(year >= 1 && year <= 9999)) return null;
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
}

/**
 * The ISO 8601 text of a SAS date, datetime or time value (fractions of a day are dropped from
 * dates); null when ISO 8601's four-digit years or a clock cannot show it (a time of 25 hours).
 */
export function sasToIso(type: TemporalType, value: number): string | null {
  if (!Number.isFinite(value)) return null;
  if (type === 'date') return isoDate(value);
  if (type === 'time') return value >= 0 && value < 86400 ? clock(value) : null;
  const day = Math.floor(value / 86400);
  const date = isoDate(day);
  return date === null ? null : `${date}T${clock(value - day * 86400)}`;
}

const dateFormats = /^(DATE|DAY|DDMMYY[BCDNPS]?|MMDDYY[BCDNPS]?|YYMMDD[BCDNPS]?|[EB]8601DA|IS8601DA|MONYY|MMYY[CDNPS]?|YYMM[CDNPS]?|YYMON|YYQ[CDNPRS]?|WORDDAT[EX]|WEEKDAT[EX]|JULIAN|NLDATE)$/;
const datetimeFormats = /^(DATETIME|DATEAMPM|[EB]8601D[TZ]|IS8601D[TZ]|DTDATE|DTMONYY|DTWKDATX|DTYEAR|MDYAMPM|NLDATM)$/;
const timeFormats = /^(TIME|TIMEAMPM|TOD|HHMM|[EB]8601T[MZ]|IS8601T[MZ]|NLTIME)$/;

/** Whether a numeric variable with this SAS format holds dates, datetimes or times. */
export function temporalTypeOfFormat(format: string): TemporalType | null {
  const name = format.toUpperCase();
  if (dateFormats.test(name)) return 'date';
  if (datetimeFormats.test(name)) return 'datetime';
  if (timeFormats.test(name)) return 'time';
  return null;
}
