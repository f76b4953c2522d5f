// Runs `firstdose` in process with the prescreen and synth commands, whether or not main.ts
// registers them yet: the program main builds, plus these commands when it lacks them, and main's
// handling of usage errors (exit 2, one line naming the argument).
import { CommanderError } from 'commander';
import { formatIssue } from '../../i18n/index.ts';
import { CliError, usageExitCode } from '../cli-error.ts';
import { buildProgram } from '../main.ts';
import { registerPrescreenCommand } from './prescreen.ts';
import { registerSynthCommand } from './synth.ts';

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCommand(argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s) };
  const program = buildProgram('en', io);
  const has = (name: string) => program.commands.some((c) => c.name() === name);
  if (!has('prescreen')) registerPrescreenCommand(program, 'en', io);
  if (!has('synth')) registerSynthCommand(program, 'en', io);
  for (const c of program.commands) c.exitOverride();
  let code = 0;
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    code = usageExitCode;
    if (error instanceof CliError) err.push(error.issues[0] ? formatIssue(error.issues[0], 'en') : error.message);
    else if (error instanceof CommanderError) err.push(error.message);
    else throw error;
  }
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
