// An open-addressing hash set of fixed-width integer rows with a probability per row: the exact
// DP's layer of trial states, merging identical states as they are added. Rows live in one
// growable Int32Array, so a layer of tens of thousands of states costs a few allocations in all.

/** FNV-1a over the row's words, with a final avalanche for the low bits the mask keeps. */
function hashRow(a: Int32Array, offset: number, width: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < width; i++) h = Math.imul(h ^ a[offset + i]!, 0x01000193);
  return h ^ (h >>> 15);
}

export class StateStore {
  /** Row r occupies rows[r·width … (r+1)·width). */
  rows: Int32Array;
  prob: Float64Array;
  size = 0;
  private slots: Int32Array;
  private mask: number;

  constructor(readonly width: number, capacity = 1024) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.slots = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    this.rows = new Int32Array(capacity * width);
    this.prob = new Float64Array(capacity);
  }

  clear(): void {
    if (this.size > 0) this.slots.fill(-1);
    this.size = 0;
  }

  /** Adds probability p to the state in `row[0 … width)`, inserting it if new. */
  add(row: Int32Array, p: number): void {
    const w = this.width;
    let slot = hashRow(row, 0, w) & this.mask;
    for (;;) {
      const r = this.slots[slot]!;
      if (r < 0) break;
      const base = r * w;
      let i = 0;
      while (i < w && this.rows[base + i] === row[i]) i++;
      if (i === w) {
        this.prob[r]! += p;
        return;
      }
      slot = (slot + 1) & this.mask;
    }
    const r = this.size++;
    if (r * w + w > this.rows.length) this.growRows();
    for (let i = 0, base = r * w; i < w; i++) this.rows[base + i] = row[i]!;
    this.prob[r] = p;
    this.slots[slot] = r;
    if (this.size * 2 > this.slots.length) this.rehash();
  }

  private growRows(): void {
    const rows = new Int32Array(this.rows.length * 2);
    rows.set(this.rows);
    this.rows = rows;
    const prob = new Float64Array(this.prob.length * 2);
    prob.set(this.prob);
    this.prob = prob;
  }

  private rehash(): void {
    const w = this.width;
    const cap = this.slots.length * 2;
    this.slots = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    for (let r = 0; r < this.size; r++) {
      let slot = hashRow(this.rows, r * w, w) & this.mask;
      while (this.slots[slot]! >= 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = r;
    }
  }
}
