// A compact binary form for the facts a patient's state keeps. A patient's facts are stored as one
// one-byte JS string (bytes as Latin-1 characters): V8 stores it in 16 bytes plus one byte per
// character, the garbage collector reclaims a state that a newer one replaced, and no object graph
// is kept per fact. The state being changed lives in a Writer's buffer and is read in place. Strings that repeat across patients (features, units, codes, linkIds) are
// interned as small numbers; dates, numeric ids and decimals are packed by construction, so decoding
// gives back exactly the text or number that was encoded.

/** Strings that recur across the whole export, numbered once. */
export class SymbolTable {
  private readonly index = new Map<string, number>();
  readonly names: string[] = [];

  id(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(name);
      this.index.set(name, i);
    }
    return i;
  }
}

const ascii = /^[\x20-\x7e]*$/;
const pow10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];

export class Writer {
  private bytes = Buffer.allocUnsafe(1024);
  length = 0;

  constructor(readonly symbols: SymbolTable) {}

  reset(): this {
    this.length = 0;
    return this;
  }

  private room(n: number): void {
    if (this.length + n + 16 <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + n + 16));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }

  byte(b: number): void {
    this.room(1);
    this.bytes[this.length++] = b;
  }

  /** Appends the characters of a string this writer made (one byte each). */
  raw(s: string): void {
    this.room(s.length);
    this.length += this.bytes.write(s, this.length, 'latin1');
  }

  /** Appends bytes [start, end) of a buffer. */
  bytesFrom(from: Buffer, start: number, end: number): void {
    this.room(end - start);
    from.copy(this.bytes, this.length, start, end);
    this.length += end - start;
  }

  /** Appends another writer's bytes (a record: a few dozen bytes, so a plain loop). */
  append(other: Writer): void {
    const n = other.length;
    this.room(n);
    const from = other.bytes;
    const to = this.bytes;
    for (let i = 0, j = this.length; i < n; i++, j++) to[j] = from[i]!;
    this.length += n;
  }

  /** Removes bytes [from, to) written so far. */
  cut(from: number, to: number): void {
    this.bytes.copyWithin(from, to, this.length);
    this.length -= to - from;
  }

  /** The bytes written so far, to read in place (valid until the next write). */
  get view(): Buffer {
    return this.bytes;
  }

  /** Unsigned integer up to 2^53, seven bits a byte (arithmetic, not bit operators, past 2^31). */
  uint(n: number): void {
    while (n >= 128) {
      this.byte((n % 128) + 128);
      n = Math.floor(n / 128);
    }
    this.byte(n);
  }

  symbol(name: string): void {
    this.uint(this.symbols.id(name));
  }

  /** Text: printable ASCII as its characters, anything else as UTF-8 behind a marker. */
  text(s: string): void {
    if (ascii.test(s)) {
      this.uint(s.length * 2);
      for (let i = 0; i < s.length; i++) this.byte(s.charCodeAt(i));
      return;
    }
    const utf8 = Buffer.from(s, 'utf8');
    this.uint(utf8.length * 2 + 1);
    for (const b of utf8) this.byte(b);
  }

  /**
   * A number: a decimal with up to 9 places as (mantissa, places) when that gives back the same
   * double — lab values are written in decimal — else the 8 bytes of the double.
   */
  number(v: number): void {
    if (Number.isFinite(v)) {
      for (let k = 0; k <= 9; k++) {
        const m = Math.round(v * pow10[k]!);
        if (Math.abs(m) <= Number.MAX_SAFE_INTEGER && m / pow10[k]! === v && !Object.is(v, -0)) {
          this.byte(k);
          this.uint(m < 0 ? -2 * m - 1 : 2 * m);
          return;
        }
      }
    }
    this.byte(10);
    const f = new Float64Array([v]);
    for (const b of new Uint8Array(f.buffer)) this.byte(b);
  }

  finish(): string {
    return this.bytes.toString('latin1', 0, this.length);
  }
}

/** Reads bytes written by a Writer, from a state string or in place from a Writer's buffer. */
export class Reader {
  pos = 0;
  /** Reads up to `end` (default: everything). */
  end: number;

  constructor(
    private readonly b: Uint8Array,
    readonly symbols: SymbolTable,
    end = b.length,
  ) {
    this.end = end;
  }

  /** A reader of a state string. */
  static of(state: string, symbols: SymbolTable): Reader {
    return new Reader(Buffer.from(state, 'latin1'), symbols);
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  byte(): number {
    return this.b[this.pos++]!;
  }

  uint(): number {
    let n = 0;
    let scale = 1;
    for (;;) {
      const b = this.b[this.pos++]!;
      n += (b & 127) * scale;
      if (b < 128) return n;
      scale *= 128;
    }
  }

  symbol(): string {
    return this.symbols.names[this.uint()]!;
  }

  text(): string {
    const head = this.uint();
    const len = Math.floor(head / 2);
    const from = this.pos;
    this.pos += len;
    return Buffer.from(this.b.buffer, this.b.byteOffset + from, len).toString(head % 2 === 0 ? 'latin1' : 'utf8');
  }

  number(): number {
    const k = this.byte();
    if (k === 10) {
      const bytes = new Uint8Array(8);
      for (let i = 0; i < 8; i++) bytes[i] = this.byte();
      return new Float64Array(bytes.buffer)[0]!;
    }
    const z = this.uint();
    const m = z % 2 === 0 ? z / 2 : -(z + 1) / 2;
    return m / pow10[k]!;
  }
}
