import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { Arena } from './arena.ts';

it('keeps every patient’s bytes through growth, moves and compaction, within 1.25 × live + chunks', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat({ max: 40 }), fc.nat({ max: 300 }), fc.boolean()), { minLength: 50, maxLength: 600 }), (ops) => {
      const arena = new Arena(10); // 1 KB chunks: moves and compactions happen all the time
      const expected = new Map<number, Buffer>();
      arena.ensure(41);
      for (const [p, n, free] of ops) {
        if (free) {
          arena.free(p);
          expected.delete(p);
          continue;
        }
        const bytes = Buffer.alloc(n, (p * 7 + n) % 251);
        arena.store(p, bytes, n);
        expected.set(p, bytes);
      }
      for (let p = 0; p <= 40; p++) {
        const block = arena.block(p);
        const want = expected.get(p);
        if (want === undefined || want.length === 0) assert.equal(block === undefined || block.end === block.start, true);
        else assert.deepEqual(block!.bytes.subarray(block!.start, block!.end), want);
      }
      const live = [...expected.values()].reduce((s, b) => s + b.length + (b.length >> 2) + 8, 0);
      // Live bytes with their room, a quarter of that in holes, the chunk being filled, and sparse
      // chunks below the 40 % hole line.
      assert.ok(arena.bytes <= live * 1.25 / 0.6 + 4 * 1024, `${arena.bytes} bytes for ${live} live`);
    }),
  );
});
