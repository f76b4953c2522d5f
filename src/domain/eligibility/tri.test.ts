import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Tri, triAnd, triNot, triOr } from './tri.ts';

const { met: M, notMet: N, unknown: U } = Tri;

it('and, or, not follow Kleene\'s strong three-valued logic in every cell', () => {
  const and: Array<[Tri, Tri, Tri]> = [[M, M, M], [M, N, N], [M, U, U], [N, N, N], [N, U, N], [U, U, U]];
  const or: Array<[Tri, Tri, Tri]> = [[M, M, M], [M, N, M], [M, U, M], [N, N, N], [N, U, U], [U, U, U]];
  for (const [a, b, r] of and) {
    assert.equal(triAnd([a, b]), r, `${a} and ${b}`);
    assert.equal(triAnd([b, a]), r, `${b} and ${a}`);
  }
  for (const [a, b, r] of or) {
    assert.equal(triOr([a, b]), r, `${a} or ${b}`);
    assert.equal(triOr([b, a]), r, `${b} or ${a}`);
  }
  assert.deepEqual([M, N, U].map(triNot), [N, M, U]);
  assert.equal(triAnd([]), M);
  assert.equal(triOr([]), N);
});
