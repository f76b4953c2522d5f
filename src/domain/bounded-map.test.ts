import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BoundedMap } from './bounded-map.ts';

describe('BoundedMap', () => {
  it('holds up to max entries, and empties itself when a new key comes to a full map', () => {
    const m = new BoundedMap<number, string>(3);
    for (const k of [1, 2, 3]) m.set(k, String(k));
    assert.deepEqual([...m.keys()], [1, 2, 3]);
    m.set(4, '4');
    assert.deepEqual([...m.entries()], [[4, '4']]);
  });
});
