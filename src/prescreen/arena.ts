// Off-heap storage of the patients' states: byte blocks in 8 MB chunks outside the V8 heap, one
// block per patient. A state grows once per export file (the patient's resources of one file are
// changed in a buffer, state.ts), so its block is moved to the end and leaves a hole; a chunk whose
// blocks have all moved or been freed is dropped at once, and when the holes pass an eighth of the
// bytes in use, chunks that are 30 % holes or more are emptied into fresh space and dropped. Memory
// thus stays near the live states plus one chunk, with no garbage for the collector: states kept
// as JS strings were copied into the old generation at every change, and V8 let that garbage grow
// the heap to twice the live size (100,000 patients: 754 B/patient live, 1,973 B/patient peak RSS).
import type { Writer } from './binary.ts';

const none = 0xffffffff;
/**
 * Emptied chunks kept for reuse rather than left to the collector: a state grows once per file, so
 * blocks move and chunks empty all through the read; a fresh chunk costs page faults (~20 µs each in
 * a VM, 2,048 per chunk), and freed chunks return to the system late, measured as RSS growing ~30 %
 * past the live states.
 */
const spareChunks = 16;

export class Arena {
  private readonly chunkBytes: number;
  private chunks: Array<Buffer | undefined> = [];
  /** Holes and live bytes per chunk. */
  private holes: number[] = [];
  private live: number[] = [];
  private current = -1;
  private top = 0;
  /** Emptied chunks kept for the next allocations (their pages are already mapped). */
  private spare: Buffer[] = [];
  private where = new Uint32Array(1024).fill(none);
  private size = new Uint32Array(1024);
  private room = new Uint32Array(1024);
  private used = 0;
  private wasted = 0;
  /** Holes at which to look for sparse chunks again: never on every store. */
  private nextCompaction: number;

  /** Chunks of 2^chunkBits bytes (8 MB; tests use small ones to move and compact often). */
  constructor(private readonly chunkBits = 23) {
    this.chunkBytes = 2 ** this.chunkBits;
    this.nextCompaction = this.chunkBytes;
  }

  /** Bytes held in chunks, for the benchmark. */
  get bytes(): number {
    return this.chunks.reduce((n, c) => n + (c?.length ?? 0), 0);
  }

  ensure(patients: number): void {
    if (patients <= this.where.length) return;
    const n = Math.max(patients, this.where.length * 2);
    const grow = (a: Uint32Array, fill?: number) => {
      const b = new Uint32Array(n);
      if (fill !== undefined) b.fill(fill);
      b.set(a);
      return b;
    };
    this.where = grow(this.where, none);
    this.size = grow(this.size);
    this.room = grow(this.room);
  }

  length(p: number): number {
    return this.size[p]!;
  }

  /** Patient p's bytes: the chunk and the block's start (undefined when empty). */
  block(p: number): { bytes: Buffer; start: number; end: number } | undefined {
    const w = this.where[p]!;
    if (w === none) return undefined;
    const start = w & (this.chunkBytes - 1);
    return { bytes: this.chunks[w >>> this.chunkBits]!, start, end: start + this.size[p]! };
  }

  /** Replaces patient p's bytes with `n` bytes of `from`. */
  store(p: number, from: Buffer, n: number): void {
    const w = this.where[p]!;
    if (w !== none && n <= this.room[p]!) {
      from.copy(this.chunks[w >>> this.chunkBits]!, w & (this.chunkBytes - 1), 0, n);
      this.used += n - this.size[p]!;
      this.size[p] = n;
      return;
    }
    this.free(p);
    if (n === 0) return;
    const room = n;
    const at = this.allocate(room);
    this.live[at >>> this.chunkBits]! += room;
    from.copy(this.chunks[at >>> this.chunkBits]!, at & (this.chunkBytes - 1), 0, n);
    this.where[p] = at;
    this.size[p] = n;
    this.room[p] = room;
    this.used += room;
    if (this.wasted > this.used / 8 && this.wasted > this.nextCompaction) {
      this.compact();
      this.nextCompaction = this.wasted + this.chunkBytes;
    }
  }

  /** Forgets patient p's bytes (after screening). */
  free(p: number): void {
    const w = this.where[p]!;
    if (w === none) return;
    const c = w >>> this.chunkBits;
    this.holes[c]! += this.room[p]!;
    this.live[c]! -= this.room[p]!;
    this.wasted += this.room[p]!;
    this.used -= this.room[p]!;
    this.where[p] = none;
    this.size[p] = 0;
    this.room[p] = 0;
    if (this.live[c] === 0 && c !== this.current) this.drop(c);
  }

  private drop(c: number): void {
    this.wasted -= this.holes[c]!;
    this.holes[c] = 0;
    this.live[c] = 0;
    const chunk = this.chunks[c];
    if (chunk && chunk.length === this.chunkBytes && this.spare.length < spareChunks) this.spare.push(chunk);
    this.chunks[c] = undefined;
  }

  private allocate(n: number): number {
    if (this.current < 0 || this.top + n > this.chunks[this.current]!.length) {
      // A state larger than a chunk (never seen in practice) gets a chunk of its own.
      const reuse = this.chunks.indexOf(undefined);
      const index = reuse >= 0 ? reuse : this.chunks.length;
      this.chunks[index] = (n <= this.chunkBytes ? this.spare.pop() : undefined) ?? Buffer.allocUnsafeSlow(Math.max(this.chunkBytes, n));
      this.holes[index] = 0;
      this.live[index] = 0;
      // The chunk being left may have emptied while it was being filled.
      if (this.current >= 0 && this.live[this.current] === 0) this.drop(this.current);
      if (index >= 1 << (32 - this.chunkBits)) throw new Error('pre-screening state exceeds 4 GB');
      this.current = index;
      this.top = 0;
    }
    const at = (this.current << this.chunkBits) | this.top;
    this.top += n;
    return at >>> 0;
  }

  /** Empties the chunks that are 30 % holes or more into fresh space, and drops them. */
  private compact(): void {
    const sparse = new Set<number>();
    for (let c = 0; c < this.chunks.length; c++) {
      const chunk = this.chunks[c];
      if (chunk && c !== this.current && this.holes[c]! >= chunk.length * 0.3) sparse.add(c);
    }
    if (sparse.size === 0) return;
    for (let p = 0; p < this.where.length; p++) {
      const w = this.where[p]!;
      if (w === none || !sparse.has(w >>> this.chunkBits)) continue;
      const old = this.chunks[w >>> this.chunkBits]!;
      const at = this.allocate(this.room[p]!);
      this.live[at >>> this.chunkBits]! += this.room[p]!;
      old.copy(this.chunks[at >>> this.chunkBits]!, at & (this.chunkBytes - 1), w & (this.chunkBytes - 1), (w & (this.chunkBytes - 1)) + this.size[p]!);
      this.where[p] = at;
    }
    for (const c of sparse) this.drop(c);
  }
}

/** Copies patient p's bytes into a writer. */
export function load(arena: Arena, p: number, w: Writer): void {
  const b = arena.block(p);
  if (b) w.bytesFrom(b.bytes, b.start, b.end);
}
