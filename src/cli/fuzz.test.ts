// Hostile input on every command of the CLI (issue 8): for each command of commander's tree (as
// main.ts builds it), fuzzed command lines: arguments and options with good, bad and hostile
// values in any order, unknown ones, and input files of every kind (JSON that is no FHIR, FHIR
// bundles with references to nowhere, deep nesting, huge files, other encodings, CSV lab files
// with bad rows). Every run exits 0, 1 or 2, never throws, never prints a stack trace; a usage
// error is one line; a refused command changes nothing in the store (beyond the record of the
// refusal). The commands run in process on one lent database (lent-store.ts).
// FIRSTDOSE_FUZZ_RUNS raises the command lines per command (default 5), FIRSTDOSE_FUZZ_SEED replays a run.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { digest, refusalChanges } from '../fuzz/digest.ts';
import { commandLineArbitrary, type Leaf, leaves, missingValues } from './fuzz/commands.ts';
import { type CliTrial, cliTrial, password } from './fuzz/fixture.ts';
import { type ArgValue, argumentValues, optionValues } from './fuzz/values.ts';
import { main } from './main.ts';

const runs = Number(process.env.FIRSTDOSE_FUZZ_RUNS ?? 5);
const seed = Number(process.env.FIRSTDOSE_FUZZ_SEED ?? Date.now() % 1_000_000);

/** Commands that check a password: a refusal may count a failed attempt. */
const passwordCommands = new Set(['sign', 'decision sign', 'ae adjudicate', 'user attest']);
/** Commands that hash a new password at the full cost (about a second each): fewer runs. */
const slow = new Set(['user add', 'user attest']);
/** Simulations are given their (small) number of trials, or they would run ten thousand. */
const always: Readonly<Record<string, readonly string[]>> = { 'design oc': ['--trials'], 'design compare': ['--trials'] };

describe('the CLI under hostile input', () => {
  let t: CliTrial;
  let made = 0;
  const defaultDir = join(process.cwd(), 'firstdose-data');
  const hadDefault = existsSync(defaultDir);

  before(async () => {
    t = await cliTrial();
  });
  after(async () => {
    await t?.close();
  });

  /** The word a value stands for, writing its file or directory first. */
  function materialise(value: string | ArgValue): string {
    if (typeof value === 'string') return value;
    const at = join(t.root, `f${++made}`);
    if (value.kind === 'file') {
      writeFileSync(`${at}${value.ext}`, value.content);
      return `${at}${value.ext}`;
    }
    if (value.kind === 'dir') {
      mkdirSync(at);
      for (const [name, content] of Object.entries(value.files)) writeFileSync(join(at, name), content);
      return at;
    }
    switch (value.what) {
      case 'data':
        return t.data;
      case 'missing':
        return join(at, 'nowhere', `x${value.ext ?? ''}`);
      case 'existing-dir':
        mkdirSync(at);
        return at;
      case 'fresh-dir':
        return at;
      default:
        return `${at}${value.ext ?? ''}`;
    }
  }

  it('has values for every argument and option of every command', () => {
    const all = leaves();
    assert.ok(all.length >= 50, `${all.length} commands`);
    const args = argumentValues(t);
    const options = optionValues(t);
    assert.deepEqual(all.flatMap((leaf) => missingValues(leaf, args, options)), []);
  });

  it(`runs ${runs} fuzzed command lines per command (seed ${seed}): exit 0, 1 or 2, no stack trace, one line per usage error, nothing changed by a refusal`, async () => {
    const args = argumentValues(t);
    const options = optionValues(t);
    const failures = new Map<string, string>();
    const envs = fc.constantFrom<NodeJS.ProcessEnv>({ FIRSTDOSE_PASSWORD: password }, { FIRSTDOSE_PASSWORD: password, FIRSTDOSE_USER: 'crc.li' }, { FIRSTDOSE_PASSWORD: 'wrong password' });
    const timing = new Map<string, number>();
    for (const [i, leaf] of leaves().entries()) {
      const name = leaf.path.join(' ');
      const started = performance.now();
      const lines = fc.sample(fc.tuple(commandLineArbitrary(leaf as Leaf, args, options, always[name]), envs), { numRuns: slow.has(name) ? Math.ceil(runs / 3) : runs, seed: seed + i });
      for (const [line, env] of lines) {
        const argv = line.words.map(materialise);
        const out: string[] = [];
        const err: string[] = [];
        const beforeRun = await digest(t.db);
        let code: number;
        try {
          code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, env);
        } catch (error) {
          code = -1;
          err.push(`threw: ${(error as Error)?.stack ?? String(error)}`);
        }
        const stderr = err.join('\n');
        const problems: string[] = [];
        if (![0, 1, 2].includes(code)) problems.push(`exit ${code}`);
        if (/^\s+at .+[:(]\d+:\d+\)?$/m.test(stderr)) problems.push('a stack trace on stderr');
        if (code === 2 && (err.length !== 1 || stderr.trim() === '' || stderr.includes('\n'))) problems.push('a usage error that is not one line');
        if (code === 1 && stderr.trim() === '') problems.push('refused without a word');
        // A database error means the input reached the database unchecked: bad input is exit 2, named.
        if (/^database error|^数据库错误/m.test(stderr)) problems.push('input refused by the database, not by FirstDose');
        if (code !== 0) problems.push(...(await refusalChanges(t.db, beforeRun, await digest(t.db), passwordCommands.has(name))));
        if (!hadDefault && existsSync(defaultDir)) {
          rmSync(defaultDir, { recursive: true, force: true });
          problems.push('opened ./firstdose-data: the command line lost its --data');
        }
        for (const problem of problems) {
          const kind = `${name}: ${problem.slice(0, 40)}`;
          if (!failures.has(kind)) failures.set(kind, `firstdose ${argv.map((a) => JSON.stringify(a.length > 200 ? `${a.slice(0, 200)}…` : a)).join(' ')} → ${code}: ${problem}\n${stderr.slice(0, 600)}`);
        }
      }
      timing.set(name, performance.now() - started);
    }
    console.log([...timing].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([name, ms]) => `${name} ${Math.round(ms)} ms`));
    assert.deepEqual([...failures.values()], []);
  });
});
