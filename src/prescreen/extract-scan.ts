// Walking a line's objects for the extractors (extract-*.ts): a member's key, the object's next
// member, a plain string, and values met before. Positions pass as arguments and return values; the
// key read and the end of the last object go to `keyId` and `end`.
import { ByteMemo } from './byte-memo.ts';
import { type KeyTable, keyRead, notSure, plainEnd, skip, ws } from './json-bytes.ts';

/** The number of the key `member` read. */
export let keyId = -1;
/** The position after the `}` that `next` or `open` last met. */
export let end = 0;

/** Reads `"key":` at i after key `previous` of the same object; returns the position of the value. */
export function member(b: Buffer, i: number, e: number, table: KeyTable, previous: number): number {
  i = ws(b, table.read(b, i, e, previous), e);
  keyId = keyRead;
  if (i >= e || b[i] !== 0x3a) throw notSure;
  return ws(b, i + 1, e);
}

/** After a member's value: the position of the next member's key, or -1 after the object's `}`. */
export function next(b: Buffer, i: number, e: number): number {
  i = ws(b, i, e);
  const d = i < e ? b[i]! : -1;
  if (d === 0x2c) return ws(b, i + 1, e);
  if (d === 0x7d) {
    end = i + 1;
    return -1;
  }
  throw notSure;
}

/** The first member of the object whose `{` is at i, or -1 when it is empty. */
export function open(b: Buffer, i: number, e: number): number {
  if (i >= e || b[i] !== 0x7b) throw notSure;
  i = ws(b, i + 1, e);
  if (i < e && b[i] === 0x7d) {
    end = i + 1;
    return -1;
  }
  return i;
}

/** The closing quote of the plain string at i (ASCII, no escape: its bytes are its characters). */
export function plain(b: Buffer, i: number, e: number): number {
  if (i >= e || b[i] !== 0x22) throw notSure;
  return plainEnd(b, i, e);
}

const skipped = new ByteMemo<true>();

/** Skips a value of key `k` of key table `table` (k -1: not numbered); a value met before is compared, not scanned. */
export function skipValue(b: Buffer, i: number, e: number, k: number, table: number): number {
  if (k < 0) return skip(b, i, e, 1);
  const slot = table * 64 + k;
  if (skipped.recent(slot, b, i, e)) return i + skipped.matched;
  const to = skip(b, i, e, 1);
  const c = b[i];
  // Objects, arrays and strings only: those end on their own bytes.
  if ((c === 0x7b || c === 0x5b || c === 0x22) && !skipped.find(slot, b, i, to) && skipped.keeps(slot, to - i)) skipped.keep(slot, b, i, to, true);
  return to;
}
