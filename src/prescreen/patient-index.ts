// Patient keys (`Patient/<id>`) to patient numbers, off the JS heap: the keys' code units in one
// byte buffer and an open-addressing table of patient numbers in a typed array. A Map of strings
// cost ~80 bytes of heap per patient, and the collector let the heap grow to a multiple of what it
// held (the pre-screener's budget is 1 KB per patient, peak RSS); this costs ~30 bytes, none of
// them on the heap. Keys are stored exactly: one byte per code unit when all are below 256, else
// two (UTF-16), so any string comes back as it went in.

const empty = 0;

export class PatientIndex {
  /** Patient number + 1 per slot (0: empty); the table is kept at most half full. */
  private table = new Int32Array(1 << 12);
  private text = Buffer.allocUnsafe(1 << 16);
  private used = 0;
  /** Per patient: where its key starts in `text`, and its length in code units × 2 (+1 when two-byte). */
  private start = new Uint32Array(1024);
  private shape = new Uint32Array(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The patient number of `key`, or -1. */
  get(key: string): number {
    const mask = this.table.length - 1;
    for (let slot = hashOf(key) & mask; ; slot = (slot + 1) & mask) {
      const held = this.table[slot]!;
      if (held === empty) return -1;
      if (this.equals(held - 1, key)) return held - 1;
    }
  }

  /** Adds a key not yet held; returns its patient number. */
  add(key: string): number {
    const p = this.count++;
    if (p === this.start.length) {
      this.start = grown(this.start);
      this.shape = grown(this.shape);
    }
    let wide = false;
    for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) > 255) wide = true;
    const bytes = key.length * (wide ? 2 : 1);
    if (this.used + bytes > this.text.length) {
      const text = Buffer.allocUnsafe(Math.max(this.text.length * 2, this.used + bytes));
      this.text.copy(text, 0, 0, this.used);
      this.text = text;
    }
    this.start[p] = this.used;
    this.shape[p] = key.length * 2 + (wide ? 1 : 0);
    this.used += this.text.write(key, this.used, wide ? 'utf16le' : 'latin1');
    if (this.count * 2 > this.table.length) this.rehash();
    else this.place(p, key);
    return p;
  }

  /** The key of patient `p`. */
  key(p: number): string {
    const shape = this.shape[p]!;
    const wide = (shape & 1) === 1;
    const length = shape >>> 1;
    const from = this.start[p]!;
    return this.text.toString(wide ? 'utf16le' : 'latin1', from, from + length * (wide ? 2 : 1));
  }

  private equals(p: number, key: string): boolean {
    const shape = this.shape[p]!;
    if (shape >>> 1 !== key.length) return false;
    const from = this.start[p]!;
    const t = this.text;
    if ((shape & 1) === 0) {
      for (let i = 0; i < key.length; i++) if (t[from + i] !== key.charCodeAt(i)) return false;
      return true;
    }
    for (let i = 0; i < key.length; i++) if (t[from + 2 * i]! + (t[from + 2 * i + 1]! << 8) !== key.charCodeAt(i)) return false;
    return true;
  }

  private place(p: number, key: string): void {
    const mask = this.table.length - 1;
    let slot = hashOf(key) & mask;
    while (this.table[slot] !== empty) slot = (slot + 1) & mask;
    this.table[slot] = p + 1;
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2);
    for (let p = 0; p < this.count; p++) this.place(p, this.key(p));
  }
}

/** FNV-1a over the code units. */
function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function grown(a: Uint32Array): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(a.length * 2);
  b.set(a);
  return b;
}
