import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { formatIssue, type Language } from '../i18n/index.ts';
import { CliError, usageExitCode } from './cli-error.ts';
import { oneLine } from './io.ts';
import { main, type Register } from './main.ts';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  json(): unknown;
}

/** Runs the CLI in process, with `input` as a JSON file argument when given. */
export async function runCli(argv: string[], input?: unknown): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const args = [...argv];
  // Removed once the command has run, whatever it did: one folder per call, ~900 a suite run.
  const dir = input === undefined ? undefined : mkdtempSync(join(tmpdir(), 'firstdose-cli-'));
  let code: number;
  try {
    if (dir !== undefined) {
      const file = join(dir, 'input.json');
      writeFileSync(file, typeof input === 'string' ? input : JSON.stringify(input));
      const at = args.indexOf('@input');
      if (at >= 0) args[at] = file;
      else args.push(file);
    }
    code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  } finally {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  }
  const stdout = out.join('\n');
  return { code, stdout, stderr: err.join('\n'), json: () => JSON.parse(stdout) };
}

export type { Register } from './main.ts';

/**
 * Runs some commands in process on a program of their own (so the test does not depend on main.ts
 * registering them, and can hand in an environment: no DATABASE_URL unless given), with main()'s
 * handling of errors: a usage error exits 2 with one line, a CommanderError with its own code.
 */
export async function runProgram(registers: readonly Register[], argv: string[], options: { env?: NodeJS.ProcessEnv; language?: Language } = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s) };
  const language = options.language ?? 'en';
  const program = new Command('firstdose').exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: () => {}, outputError: () => {} });
  for (const register of registers) register(program, language, io, options.env ?? {});
  const override = (c: Command) => {
    c.exitOverride();
    c.commands.forEach(override);
  };
  program.commands.forEach(override);
  let code = 0;
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CliError) {
      code = usageExitCode;
      err.push(oneLine(formatIssue(error.issues[0]!, language)));
    } else if (error instanceof CommanderError) code = error.code === 'commander.executeSubCommandAsync' ? error.exitCode : usageExitCode;
    else throw error;
  }
  const stdout = out.join('\n');
  return { code, stdout, stderr: err.join('\n'), json: () => JSON.parse(stdout) };
}
