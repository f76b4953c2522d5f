// Found by fuzz.test.ts: a body that is not a JSON object (a string, an array, nothing) was
// refused with an issue at the empty path, which names no field ("input: expected object").
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { z } from 'zod';
import { type InputError, validatorCompiler } from './validation.ts';

const check = (httpPart: string, data: unknown) => {
  const validate = validatorCompiler({ schema: z.object({ age: z.int().max(120) }), method: 'POST', url: '/x', httpPart });
  return (validate(data) as { error?: InputError; value?: unknown });
};

it('names the body when the body as a whole is of the wrong type or missing', () => {
  for (const data of ['text', [1], 42, null, undefined]) {
    const issues = check('body', data).error!.issues;
    assert.deepEqual(issues.map((i) => i.path), [['body']], JSON.stringify(data));
  }
  assert.deepEqual(check('querystring', 'x').error!.issues[0]!.path, ['query']);
});

it('keeps the field paths of a body of the right type', () => {
  assert.deepEqual(check('body', { age: 130 }).error!.issues.map((i) => [i.path, i.code]), [[['age'], 'too_big']]);
  assert.deepEqual(check('body', {}).error!.issues.map((i) => [i.path, i.code]), [[['age'], 'required']]);
  assert.deepEqual(check('body', { age: 30 }).value, { age: 30 });
});

it('refuses text the database cannot store and JSON nested past the limit, naming the field, before the schema', () => {
  const cases: [unknown, (string | number)[], string][] = [
    [{ age: 30, name: 'a\u0000b' }, ['name'], 'invalid_character'],
    [{ age: 30, notes: ['ok', 'x\uD800'] }, ['notes', 1], 'invalid_character'],
    [{ age: 30, 'k\u0000': 1 }, ['k\u0000'], 'invalid_character'],
    [{ age: 30, deep: JSON.parse(`${'['.repeat(100)}${']'.repeat(100)}`) }, ['deep', ...Array(63).fill(0)], 'too_deep'],
  ];
  for (const [data, path, code] of cases) {
    const issues = check('body', data).error!.issues;
    assert.deepEqual(issues.map((i) => [i.path, i.code]), [[path, code]]);
  }
  // A whole pair (a 4-byte character) is fine, and so is deep JSON up to the limit.
  assert.deepEqual(check('body', { age: 30, name: '𠜎😀' }).value, { age: 30 });
  assert.equal(check('querystring', 'a\u0000').error!.issues[0]!.path[0], 'query');
});
