// The `firstdose` command. Language comes from --lang or the locale, and is settled before the
// commands are built so that help texts are in it too. User errors exit 2 with one line on
// stderr that names the field or argument; the runner phrases them in the chosen language.
import { Command, CommanderError } from 'commander';
import { formatIssue, isLanguage, type Language, translator, detectLanguage } from '../i18n/index.ts';
import { CliError, usageExitCode } from './cli-error.ts';
import { registerDesignCommands } from './commands/design.ts';
import { registerExportCommands } from './commands/export.ts';
import { registerScoreCommands } from './commands/score.ts';
import { registerPrescreenCommand } from './commands/prescreen.ts';
import { registerScreenCommand } from './commands/screen.ts';
import { registerStoreCommands } from './commands/store.ts';
import { registerSynthCommand } from './commands/synth.ts';
import { registerUserCommands } from './commands/user.ts';
import { registerConductCommands } from './commands/conduct.ts';
import { registerRecordCommands } from './commands/conduct-records.ts';
import { registerTrialCommands } from './commands/trial.ts';
import { registerReportCommands } from './commands/report.ts';
import { registerXptCommands } from './commands/xpt.ts';
import { oneLine, type Output, processOutput } from './io.ts';

function languageFrom(argv: readonly string[]): string | undefined {
  const index = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (index < 0) return undefined;
  const arg = argv[index]!;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[index + 1];
}

/** Commander's own errors, re-phrased: its codes are stable, its English text is not ours to show in Chinese. */
function commanderMessage(error: CommanderError, language: Language): string {
  const t = translator(language);
  const quoted = [...error.message.matchAll(/'([^']*)'/g)].map((m) => m[1]);
  const key = `cli.error.${error.code.replace('commander.', '')}`;
  const detail = error.message.replace(/^error:\s*/, '').trim();
  // "command-argument value 'x' is invalid for argument 'cohort'. <reason>": the argument's name first, as for an option.
  const argument = /^command-argument value '(.*)' is invalid for argument '(.*?)'\. (.*)$/s.exec(detail);
  if (argument) return t(key, { name: `<${argument[2]}>`, value: argument[1], reason: argument[3] });
  // "option '--target <p>' argument 'x' is invalid. <reason>": name the option by its flag alone.
  const name = (quoted[0] ?? '').split(/[ ,]+/).filter((w) => w.startsWith('-')).at(-1) ?? quoted[0] ?? '';
  const reason = detail.includes('is invalid. ') ? detail.slice(detail.indexOf('is invalid. ') + 'is invalid. '.length) : detail;
  const phrased = t(key, { name, value: quoted[1] ?? '', detail, reason });
  return phrased === key ? detail : phrased;
}

/** Commander prints its help headings in English; this puts them in the user's language. */
function localiseHelp(text: string, language: Language): string {
  if (language === 'en') return text;
  const t = translator(language);
  return text.replace(/^(Usage|Options|Commands|Arguments):/gm, (_, heading: string) => t(`cli.help.${heading.toLowerCase()}`));
}

/** A group of commands: adds itself to the program, in the user's language, with the environment given. */
export type Register = (program: Command, language: Language, io: Output, env: NodeJS.ProcessEnv) => void;

/** Every command group, in the order `firstdose --help` lists them. */
export const commandGroups: readonly Register[] = [
  registerScoreCommands,
  registerDesignCommands,
  registerScreenCommand,
  registerPrescreenCommand,
  registerSynthCommand,
  registerStoreCommands,
  registerUserCommands,
  registerTrialCommands,
  registerConductCommands,
  registerRecordCommands,
  registerReportCommands,
  registerXptCommands,
  registerExportCommands,
];

export function buildProgram(language: Language, io: Output, env: NodeJS.ProcessEnv = process.env): Command {
  const t = translator(language);
  const program = new Command('firstdose')
    .description(t('cli.description'))
    .option('--lang <language>', t('cli.option.lang'))
    .helpOption('-h, --help', t('cli.option.help'))
    .helpCommand('help [command]', t('cli.option.help'))
    .showSuggestionAfterError(false)
    .configureOutput({ writeOut: (s) => io.out(localiseHelp(s.trimEnd(), language)), writeErr: () => {}, outputError: () => {} })
    .exitOverride();
  for (const register of commandGroups) register(program, language, io, env);
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program;
}

/** Runs the command line; `env` is where DATABASE_URL, FIRSTDOSE_USER and FIRSTDOSE_PASSWORD come from. */
export async function main(argv: readonly string[], io: Output = processOutput, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const requested = languageFrom(argv);
  const language = detectLanguage(requested);
  if (requested !== undefined && !isLanguage(requested)) {
    io.err(oneLine(translator(language)('cli.error.language', { value: requested })));
    return usageExitCode;
  }
  const program = buildProgram(language, io, env);
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      if (error.code === 'commander.executeSubCommandAsync') return error.exitCode;
      io.err(oneLine(commanderMessage(error, language)));
      return usageExitCode;
    }
    if (error instanceof CliError) {
      const first = error.issues[0];
      io.err(oneLine(first ? formatIssue(first, language) : error.message));
      return usageExitCode;
    }
    throw error;
  }
}
