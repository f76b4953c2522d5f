// Result types made the same on both backends. PGlite and `pg` disagree by default: int8 is a
// number in PGlite and a string in `pg`; `pg` turns date and timestamp (without zone) into a
// Date in the machine's local zone, which can shift a clinical date by a day.

/** int8 as a number while exact, else a bigint (PGlite's own rule). */
export function parseInt8(text: string): number | bigint {
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : BigInt(text);
}

const asText = (text: string): string => text;

export const oid = { int8: 20, date: 1082, timestamp: 1114, interval: 1186 } as const;

/** Parsers by type oid, applied on top of each driver's defaults. */
export const sharedParsers: Readonly<Record<number, (text: string) => unknown>> = {
  [oid.int8]: parseInt8,
  [oid.date]: asText,
  [oid.timestamp]: asText,
  [oid.interval]: asText,
};
