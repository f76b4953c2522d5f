// Values made from JSON text, kept by the text's bytes: an export repeats each test's reference
// ranges millions of times (extract-observation.ts), and the same bytes always give the same value.
// A value is found among the last few of its slot (a test's ranges differ by unit system, by sex) by
// comparing bytes, with no scan: an object, array or string ends on its own bytes, so the same bytes
// are the same valid value. Else by a table by a hash of all its bytes, compared in full. The bytes
// are copied into one pool (an array per value measured slower than parsing the value); when the
// pool is full everything is forgotten, so memory stays bounded whatever the input.
const tableBits = 12;
/** Recent entries compared per slot before hashing. */
const ways = 4;
const poolBytes = 1 << 22;

export class ByteMemo<T> {
  private readonly pool = new Uint8Array(poolBytes);
  private top = 0;
  private readonly offset = new Int32Array(1 << tableBits).fill(-1);
  private readonly length = new Int32Array(1 << tableBits);
  private readonly slotOf = new Int32Array(1 << tableBits).fill(-1);
  private readonly values: (T | undefined)[] = new Array(1 << tableBits).fill(undefined);
  /** Per slot: the entries it found or made last (`ways` of them, most recent first), and how often it was asked and found. */
  private last = new Int32Array(256 * ways).fill(-1);
  private asked = new Int32Array(256);
  private found = new Int32Array(256);
  /** The length of the bytes `recent` matched. */
  matched = 0;

  constructor(private readonly maxBytes = 1024) {}

  private grow(slot: number): void {
    const n = Math.max(slot + 1, this.asked.length * 2);
    const last = new Int32Array(n * ways).fill(-1);
    last.set(this.last);
    this.last = last;
    const asked = new Int32Array(n);
    asked.set(this.asked);
    this.asked = asked;
    const found = new Int32Array(n);
    found.set(this.found);
    this.found = found;
  }

  private same(entry: number, b: Uint8Array, i: number, e: number): boolean {
    const n = this.length[entry]!;
    const at = this.offset[entry]!;
    if (at < 0 || i + n > e) return false;
    const pool = this.pool;
    for (let j = 0; j < n; j++) if (b[i + j] !== pool[at + j]) return false;
    return true;
  }

  /**
   * The value `slot` found last time, if the bytes at i are the same (an object, array or string:
   * those end on their own bytes, so equal bytes are the same, valid, value); `matched` is their length.
   */
  recent(slot: number, b: Uint8Array, i: number, e: number): T | undefined {
    if (slot >= this.asked.length) this.grow(slot);
    const base = slot * ways;
    for (let w = 0; w < ways; w++) {
      const entry = this.last[base + w]!;
      if (entry < 0) return undefined;
      if (this.slotOf[entry] !== slot || !this.same(entry, b, i, e)) continue;
      this.matched = this.length[entry]!;
      this.touch(base, entry);
      return this.values[entry];
    }
    return undefined;
  }

  /** Puts `entry` first among its slot's recent entries. */
  private touch(base: number, entry: number): void {
    const last = this.last;
    let w = 0;
    while (w < ways - 1 && last[base + w] !== entry) w++;
    for (; w > 0; w--) last[base + w] = last[base + w - 1]!;
    last[base] = entry;
  }

  /** The entry `find` looked at. */
  private entry = 0;

  /** The value held for the checked bytes [from, to) in `slot`, or undefined (then `keeps` and `keep`). */
  find(slot: number, b: Uint8Array, from: number, to: number): T | undefined {
    if (slot >= this.asked.length) this.grow(slot);
    const n = to - from;
    let h = Math.imul(0x811c9dc5 ^ n, 0x01000193) ^ slot;
    for (let i = from; i < to; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
    const entry = h >>> (32 - tableBits);
    this.entry = entry;
    this.asked[slot]!++;
    if (this.slotOf[entry] === slot && this.length[entry] === n && this.same(entry, b, from, to)) {
      this.found[slot]!++;
      this.touch(slot * ways, entry);
      return this.values[entry];
    }
    return undefined;
  }

  /** Whether a value of n bytes not found in `slot` will be kept: values under a slot that never recur (dates, results) are not. */
  keeps(slot: number, n: number): boolean {
    return n <= this.maxBytes && (this.asked[slot]! < 64 || this.found[slot]! * 8 >= this.asked[slot]!);
  }

  /** Keeps `value` for the bytes [from, to) that `find` just did not find in `slot`. */
  keep(slot: number, b: Uint8Array, from: number, to: number, value: T): void {
    const n = to - from;
    if (this.top + n > poolBytes) {
      this.top = 0;
      this.offset.fill(-1);
      this.slotOf.fill(-1);
      this.values.fill(undefined);
    }
    const at = this.top;
    const pool = this.pool;
    for (let j = 0; j < n; j++) pool[at + j] = b[from + j]!;
    this.top += n;
    const entry = this.entry;
    this.offset[entry] = at;
    this.length[entry] = n;
    this.slotOf[entry] = slot;
    this.values[entry] = value;
    this.touch(slot * ways, entry);
  }
}

/** A parsed JSON value frozen all through, so that the readers sharing it cannot change it. */
export function frozenParse(text: string): unknown {
  return deepFreeze(JSON.parse(text));
}

/** v, frozen all through. */
export function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null) {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}
