import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { tidy } from '../units/index.ts';
import { tidied } from './tidied.ts';

it('tidied is tidy, for any number, asked once or again', () => {
  const same = (v: number) => {
    assert.ok(Object.is(tidied(v), tidy(v)), String(v));
    assert.ok(Object.is(tidied(v), tidy(v)), `${v} again`);
  };
  for (const v of [0, -0, 1, -1, 999_999_999_999, 1e12, -1e12, 1e12 + 1, 2 ** 53, 0.1 + 0.2, 1.5 * 1.1, 13 * 3.0000000000000004, Number.NaN, Number.POSITIVE_INFINITY, 5e-324]) same(v);
  fc.assert(fc.property(fc.oneof(fc.double(), fc.integer(), fc.integer().map((n) => n * 1e6), fc.double({ min: -1e13, max: 1e13 })), same), { numRuns: 5000 });
});
