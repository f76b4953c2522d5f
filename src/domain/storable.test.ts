import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { maxJsonDepth, unstorableCharacter, unstorableIssue } from './storable.ts';

it('finds exactly the texts that do not survive UTF-8 (half surrogate pairs) or that hold NUL', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 12 }), (s) => {
      const survives = Buffer.from(s, 'utf8').toString('utf8') === s && !s.includes('\u0000');
      assert.equal(unstorableCharacter(s) === null, survives, JSON.stringify(s));
    }),
    { numRuns: 2000 },
  );
  assert.equal(unstorableCharacter('a\uDC00'), 'U+DC00');
  assert.equal(unstorableCharacter('😀\uD83D'), 'U+D83D');
});

it('walks values far deeper than the stack without overflowing, and stops at the limit', () => {
  let deep: unknown = 1;
  for (let i = 0; i < 200_000; i++) deep = [deep];
  assert.equal(unstorableIssue(deep)?.code, 'too_deep');
  assert.equal(unstorableIssue(deep)?.path.length, maxJsonDepth);
  let fine: unknown = 'x';
  for (let i = 0; i < maxJsonDepth; i++) fine = { a: fine };
  assert.equal(unstorableIssue(fine), null);
  assert.deepEqual(unstorableIssue({ a: [{ b: 'ok' }, { c: '\u0000' }] }, ['body']), { path: ['body', 'a', 1, 'c'], code: 'invalid_character', params: { character: 'U+0000' } });
});
