import assert from 'node:assert/strict';
import { it } from 'node:test';
import { fragments } from './index.ts';

it('every message exists in English and Simplified Chinese with the same placeholders', () => {
  for (const fragment of fragments) {
    assert.deepEqual(Object.keys(fragment['zh-CN']).sort(), Object.keys(fragment.en).sort());
    for (const [key, english] of Object.entries(fragment.en)) {
      const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      assert.deepEqual(placeholders(fragment['zh-CN'][key] ?? ''), placeholders(english), key);
    }
  }
});
