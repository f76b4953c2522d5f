import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemOf } from './problem.ts';

/** A database error as the drivers give it: its SQLSTATE in `code`, sometimes wrapped by drizzle as `cause`. */
const refused = (code: string, wrapped = false) => {
  const e = Object.assign(new Error(`refused ${code}`), { code });
  return wrapped ? Object.assign(new Error('Failed query'), { cause: e }) : e;
};

describe('problems for database refusals of a value', () => {
  it('answers 400 invalid_value, in English and Chinese, for a value the column cannot hold (never a 500)', () => {
    for (const code of ['22P02', '22003', '22001', '22008'])
      for (const wrapped of [false, true]) {
        const en = problemOf(refused(code, wrapped), 'en');
        assert.deepEqual([en.status, en.code], [400, 'invalid_value'], code);
        assert.equal(problemOf(refused(code, wrapped), 'zh-CN').status, 400);
      }
  });

  it('leaves other database errors a 500', () => {
    assert.equal(problemOf(refused('XX000'), 'en').status, 500);
  });
});
