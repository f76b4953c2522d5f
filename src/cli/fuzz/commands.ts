// Every command of the CLI as commander builds it (main.ts's buildProgram), and fuzzed command
// lines for each: its arguments and options from values.ts in any order, some left out, some
// given twice, unknown ones added, and the language switched.
import type { Argument, Command, Option } from 'commander';
import fc from 'fast-check';
import { buildProgram } from '../main.ts';
import type { ArgValue } from './values.ts';

export interface Leaf {
  /** `subject screen`: the words that name it. */
  readonly path: readonly string[];
  readonly args: readonly Argument[];
  readonly options: readonly Option[];
}

/** The commands that do something (those without subcommands), with their arguments and options. */
export function leaves(program: Command = buildProgram('en', { out: () => {}, err: () => {} }, {})): Leaf[] {
  const out: Leaf[] = [];
  const walk = (c: Command, path: string[]) => {
    for (const sub of c.commands) {
      const here = [...path, sub.name()];
      if (sub.commands.length > 0) walk(sub, here);
      else out.push({ path: here, args: sub.registeredArguments, options: sub.options });
    }
  };
  walk(program, []);
  return out;
}

export interface CommandLine {
  readonly words: readonly (string | ArgValue)[];
}

/** What a generator is missing for this command: arguments and options without values. */
export function missingValues(leaf: Leaf, args: Readonly<Record<string, unknown>>, options: Readonly<Record<string, unknown>>): string[] {
  const name = leaf.path.join(' ');
  return [
    ...leaf.args.filter((a) => !(`${name}:${a.name()}` in args) && !(a.name() in args)).map((a) => `${name} <${a.name()}>`),
    ...leaf.options.filter((o) => !(o.long! in options)).map((o) => `${name} ${o.long}`),
  ];
}

/**
 * Command lines for one command. Arguments that read standard input when absent are always
 * given (the test runs in process: standard input is the runner's), and so is --data (without it
 * a command would open ./firstdose-data wherever the tests run).
 */
export function commandLineArbitrary(
  leaf: Leaf,
  args: Readonly<Record<string, fc.Arbitrary<ArgValue>>>,
  options: Readonly<Record<string, fc.Arbitrary<ArgValue> | null>>,
  always: readonly string[] = [],
): fc.Arbitrary<CommandLine> {
  const name = leaf.path.join(' ');
  const argArbs = leaf.args.map((a) => {
    const values = args[`${name}:${a.name()}`] ?? args[a.name()]!;
    if (a.variadic) return fc.array(values, { maxLength: 3 });
    // An optional FILE argument falls back to standard input: never leave it out.
    return a.required || a.name() === 'file' ? values.map((v) => [v]) : fc.option(values.map((v) => [v]), { nil: [] as ArgValue[] });
  });
  const optionArbs = leaf.options.map((o) => {
    const values = `${name}:${o.long}` in options ? options[`${name}:${o.long}`] : options[o.long!];
    const words = values === null || values === undefined ? fc.constant([o.long!] as ArgValue[]) : values.map((v) => [o.long!, v] as ArgValue[]);
    const required = o.mandatory || o.long === '--data' || always.includes(o.long!);
    return required ? fc.oneof({ weight: 12, arbitrary: words }, { weight: o.long === '--data' ? 0 : 1, arbitrary: fc.constant([] as ArgValue[]) }) : fc.option(words, { nil: [] as ArgValue[], freq: 2 });
  });
  const extras = fc.oneof(
    { weight: 12, arbitrary: fc.constant([] as ArgValue[]) },
    { weight: 1, arbitrary: fc.constantFrom<ArgValue[]>(['--nope'], ['extra'], ['--lang', 'zh-CN'], ['--lang', 'xx'], ['--lang'], ['-h'], ['--', '--json'], ['--data']) },
  );
  return fc
    .tuple(fc.tuple(...argArbs), fc.tuple(...optionArbs), extras, fc.boolean(), fc.nat())
    .map(([argWords, optionWords, extra, shuffle, seed]) => {
      const opts = optionWords.filter((w) => w.length > 0);
      // Options before, between or after the arguments: commander takes them anywhere.
      if (shuffle) opts.sort((a, b) => (String(a[0]).length * 31 + seed) % 7 - (String(b[0]).length * 31 + seed) % 7);
      return { words: [...leaf.path, ...argWords.flat(), ...opts.flat(), ...extra] };
    });
}
