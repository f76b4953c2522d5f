import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Command } from 'commander';
import { buildProgram } from './main.ts';
import { runCli } from './test-support.ts';

function commandPaths(command: Command, prefix: string[] = []): string[][] {
  return command.commands.flatMap((sub) => {
    const path = [...prefix, sub.name()];
    return [path, ...commandPaths(sub, path)];
  });
}

describe('firstdose help', () => {
  const paths = commandPaths(buildProgram('en', { out: () => {}, err: () => {} })).filter((p) => p.at(-1) !== 'help');

  it('every command answers --help with a description, in both languages', async () => {
    assert.ok(paths.length >= 10);
    for (const path of paths) {
      const en = await runCli([...path, '--help']);
      assert.equal(en.code, 0, path.join(' '));
      assert.match(en.stdout, /^Usage: firstdose /, path.join(' '));
      const zh = await runCli(['--lang', 'zh-CN', ...path, '--help']);
      assert.match(zh.stdout, /^用法： firstdose /, path.join(' '));
      assert.match(zh.stdout, /[\u4e00-\u9fff]/, `${path.join(' ')} has a Chinese description`);
    }
  });

  it('an unknown command exits 2 naming it', async () => {
    const r = await runCli(['scroe']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'scroe: unknown command');
  });
});

describe('firstdose argument errors', () => {
  // Found by fuzz.test.ts: a bad positional argument was phrased with its value and name swapped
  // around commander's own English ("abc: 'cohort' command-argument value 'abc' is invalid…").
  it('names a bad argument like a bad option: the argument, its value, the rule', async () => {
    const en = await runCli(['decision', 'sign', 'abc']);
    assert.equal(en.code, 2);
    assert.equal(en.stderr, "<cohort>: 'abc' must be a number");
    const zh = await runCli(['--lang', 'zh-CN', 'decision', 'sign', '0']);
    assert.equal(zh.stderr, "<cohort>：'0' 必须是 1 到 1000 之间的整数");
  });
});
