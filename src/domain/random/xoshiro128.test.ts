import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { mix64, seedWords } from './seed-mixing.ts';
import { createFastRandom, fastRandomFromState, XOSHIRO128_JUMP, XOSHIRO128_LONG_JUMP } from './xoshiro128.ts';

const u32 = (words: Int32Array): number[] => Array.from(words, (w) => w >>> 0);

describe('xoshiro128** (Blackman & Vigna, xoshiro128starstar.c)', () => {
  // Expected values printed by the reference C code (next(), jump(), long_jump()) from state {1, 2, 3, 4}.
  it('matches the reference implementation output by output', () => {
    const g = fastRandomFromState([1, 2, 3, 4]);
    assert.deepEqual(
      Array.from({ length: 6 }, () => g.nextUint32()),
      [11520, 0, 5927040, 70819200, 2031721883, 1637235492],
    );
    g.jump();
    assert.deepEqual(u32(g.state()), [3484745028, 1171080849, 4139821887, 2899474097]);
    assert.deepEqual(
      Array.from({ length: 3 }, () => g.nextUint32()),
      [2327035934, 1140626159, 913312880],
    );
    g.longJump();
    assert.deepEqual(u32(g.state()), [187243647, 3042900, 2216351257, 3205983194]);
  });

  it('builds each double from two outputs: ((a >>> 5)·2^26 + (b >>> 6))·2^-53', () => {
    const a = createFastRandom(7, 3);
    const b = createFastRandom(7, 3);
    for (let i = 0; i < 1000; i++) {
      const x = a.next();
      const hi = b.nextUint32() >>> 5;
      const lo = b.nextUint32() >>> 6;
      assert.equal(x, (hi * 2 ** 26 + lo) / 2 ** 53);
      assert.ok(x >= 0 && x < 1 && Number.isInteger(x * 2 ** 53));
    }
  });

  it('jump() equals 2^64 steps: the JUMP polynomial applied to the state is T^(2^64) of the transition matrix', () => {
    // The generator is linear over GF(2): state' = T·state. Build T column by column from the unit
    // states, square it 64 times and compare with what jump() does to random states.
    type Matrix = Int32Array[]; // 128 columns of 4 words
    const step = (state: Int32Array): Int32Array => {
      const g = fastRandomFromState(state);
      g.nextUint32();
      return g.state();
    };
    const unit = (bit: number) => {
      const v = new Int32Array(4);
      v[bit >>> 5] = 1 << (bit & 31);
      return v;
    };
    const apply = (m: Matrix, v: Int32Array): Int32Array => {
      const out = new Int32Array(4);
      for (let bit = 0; bit < 128; bit++)
        if ((v[bit >>> 5]! >>> (bit & 31)) & 1) for (let w = 0; w < 4; w++) out[w]! ^= m[bit]![w]!;
      return out;
    };
    let power: Matrix = Array.from({ length: 128 }, (_, bit) => step(unit(bit)));
    for (let i = 0; i < 64; i++) power = power.map((column) => apply(power, column));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { minLength: 4, maxLength: 4 }), (words) => {
        fc.pre(words.some((w) => w !== 0));
        const g = fastRandomFromState(words);
        g.jump();
        assert.deepEqual(g.state(), apply(power, Int32Array.from(words)));
      }),
      { numRuns: 20 },
    );
    assert.equal(XOSHIRO128_JUMP.length, 4);
    assert.equal(XOSHIRO128_LONG_JUMP.length, 4);
  });

  it('seeds with SplitMix64 (first output from state 0 is 0xe220a8397b1dcdaf)', () => {
    assert.equal(mix64(0x9e3779b97f4a7c15n), 0xe220a8397b1dcdafn);
    const words = seedWords(1, 0, 4);
    assert.equal(words.length, 4);
    assert.ok(words.some((w) => w !== 0));
  });

  it('is a function of (seed, stream) alone, and different streams give different sequences', () => {
    const first = (seed: number, stream: number) => {
      const g = createFastRandom(seed, stream);
      return Array.from({ length: 4 }, () => g.next());
    };
    assert.deepEqual(first(2024, 5), first(2024, 5));
    const seen = new Set<string>();
    for (let stream = 0; stream < 200; stream++) seen.add(first(2024, stream).join());
    assert.equal(seen.size, 200);
    assert.notDeepEqual(first(1, 0), first(2, 0));
    assert.deepEqual(first(2024, 0), (() => {
      const g = createFastRandom(2024);
      return Array.from({ length: 4 }, () => g.next());
    })());
  });

  it('looks uniform: mean, variance and decile counts of 200,000 draws', () => {
    const g = createFastRandom(99);
    const n = 200_000;
    const bins = new Array<number>(10).fill(0);
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const x = g.next();
      sum += x;
      sumSq += x * x;
      bins[Math.floor(x * 10)]!++;
    }
    const mean = sum / n;
    assert.ok(Math.abs(mean - 0.5) < 5 * Math.sqrt(1 / 12 / n));
    assert.ok(Math.abs(sumSq / n - mean * mean - 1 / 12) < 0.002);
    const chiSquare = bins.reduce((s, c) => s + (c - n / 10) ** 2 / (n / 10), 0);
    assert.ok(chiSquare < 30, `chi-square ${chiSquare} on 9 df`);
  });

  it('refuses unsafe seeds, negative streams and an all-zero state', () => {
    assert.throws(() => createFastRandom(0.5), RangeError);
    assert.throws(() => createFastRandom(1, -1), RangeError);
    assert.throws(() => fastRandomFromState([0, 0, 0, 0]), RangeError);
    assert.doesNotThrow(() => createFastRandom(-12345, 2 ** 40));
  });
});
