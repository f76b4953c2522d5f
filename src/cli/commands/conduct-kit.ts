// What the conduct commands share: the common options (--data, --study, --as, --reason, --json),
// who acts, the signer's password (never from the command line: it would stay in the shell
// history), and one way to run a command on the store and print its result.
import type { Command } from 'commander';
import { isIsoDate } from '../../domain/conduct/index.ts';
import { issue } from '../../domain/result.ts';
import { type Language, type Translate, translator } from '../../i18n/index.ts';
import type { Actor, Store } from '../../store/index.ts';
import { CliError } from '../cli-error.ts';
import { type Output, readInputText } from '../io.ts';
import { type DataOption, guarded, studyOption, withStore } from '../store-session.ts';

export interface Common extends DataOption {
  readonly study?: string;
  readonly as?: string;
  readonly reason?: string;
  readonly json?: boolean;
}

export function actorOf(options: Common, env: NodeJS.ProcessEnv): Actor {
  const user = options.as ?? env.FIRSTDOSE_USER;
  if (!user) throw new CliError([issue(['--as'], 'required')]);
  return { user, ...(options.reason ? { reason: options.reason } : {}) };
}

export function passwordOf(env: NodeJS.ProcessEnv): string {
  const password = env.FIRSTDOSE_PASSWORD ?? readInputText('-').split('\n')[0]!.trim();
  if (!password) throw new CliError([issue(['FIRSTDOSE_PASSWORD'], 'required')]);
  return password;
}

export function instant(value: string | undefined, flag: string): Date {
  if (value === undefined) return new Date();
  const d = new Date(value);
  // Date parses 2026-02-30T09:00Z as 2 March: the day must exist as written.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) || Number.isNaN(d.getTime()) || !isIsoDate(value.slice(0, 10))) throw new CliError([issue([flag], 'invalid_date', { value })]);
  return d;
}


export interface ConductKit {
  readonly t: Translate;
  /** Adds the options every conduct command takes. */
  common(c: Command): Command;
  /** The JSON of the result with --json, else the line. */
  print(options: Common, value: unknown, line: string): void;
  /** Opens the store, finds the study, runs the command; refusals end it as the CLI does. */
  run(options: Common, fn: (db: Store, study: { id: string; code: string }) => Promise<void>): Promise<void>;
}

export function conductKit(language: Language, io: Output, env: NodeJS.ProcessEnv): ConductKit {
  const t = translator(language);
  return {
    t,
    common: (c) =>
      c
        .option('--data <dir>', t('cli.store.option.data'))
        .option('--study <code>', t('cli.trial.option.study'))
        .option('--as <user>', t('cli.trial.option.as'))
        .option('--reason <text>', t('cli.trial.option.reason'))
        .option('--json', t('cli.option.json')),
    print: (options, value, line) => io.out(options.json ? JSON.stringify(value) : line),
    run: (options, fn) => guarded(io, t, language, () => withStore(options, env, async (db) => fn(db, await studyOption(db, options.study)))),
  };
}
