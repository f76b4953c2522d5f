import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fragments } from '../../i18n/messages/index.ts';
import { webFragments } from './index.ts';

const root = new URL('..', import.meta.url).pathname;
const sources = readdirSync(root, { recursive: true })
  .map(String)
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts') && !f.startsWith('messages'))
  .map((f) => readFileSync(join(root, f), 'utf8'));

describe('web messages', () => {
  it('has every key in both languages', () => {
    for (const f of webFragments) assert.deepEqual(Object.keys(f['zh-CN']).sort(), Object.keys(f.en).sort());
  });

  it('keeps its keys under web. and apart from the shared catalogue', () => {
    const shared = new Set(fragments.flatMap((f) => Object.keys(f.en)));
    for (const f of webFragments)
      for (const key of Object.keys(f.en)) {
        assert.match(key, /^web\./);
        assert.equal(shared.has(key), false, key);
      }
  });

  it('has a message for every literal key the screens use', () => {
    const known = new Set(webFragments.flatMap((f) => Object.keys(f.en)));
    const used = new Set(sources.flatMap((s) => [...s.matchAll(/\bt\('(web\.[A-Za-z0-9_.+/-]+)'/g)].map((m) => m[1]!)));
    assert.ok(used.size > 100);
    assert.deepEqual([...used].filter((k) => !known.has(k)), []);
  });

  it('has a message for each value of the keys the screens build (web.prefix.<code>)', () => {
    const known = new Set(webFragments.flatMap((f) => Object.keys(f.en)));
    const prefixes = new Set(sources.flatMap((s) => [...s.matchAll(/\bt\(`(web\.[A-Za-z0-9_.-]+\.)\$\{/g)].map((m) => m[1]!)));
    for (const prefix of prefixes) assert.ok([...known].some((k) => k.startsWith(prefix)), `no message starts with ${prefix}`);
  });
});
