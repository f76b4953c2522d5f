import type { Command } from 'commander';
import { crclScore } from '../../domain/scores/creatinine-clearance.ts';
import { eularAcr2019Score } from '../../domain/scores/eular-acr-2019.ts';
import { prednisoneEquivalentScore } from '../../domain/scores/prednisone-equivalent.ts';
import { doris, lldas, sri4 } from '../../domain/scores/responses/index.ts';
import { crsScore, ctcaeScore, icansScore } from '../../domain/safety/index.ts';
import type { ScoreDefinition } from '../../domain/scores/score-definition.ts';
import { sledai2kScore } from '../../domain/scores/sledai2k.ts';
import { parseInput } from '../../domain/validation.ts';
import { formatExplanation, type Language, translator } from '../../i18n/index.ts';
import { CliError } from '../cli-error.ts';
import { type Output, parseJsonObject, readInputText } from '../io.ts';

export const scores: readonly ScoreDefinition[] = [
  sledai2kScore,
  eularAcr2019Score,
  crclScore,
  prednisoneEquivalentScore,
  ctcaeScore,
  crsScore,
  icansScore,
  sri4,
  lldas,
  doris,
];

/** The output's plain fields for the summary line, with yes/no in the user's language. */
function summaryFields(output: unknown, t: (key: string) => string): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(output as Record<string, unknown>)
      .filter(([, v]) => v === null || typeof v !== 'object')
      .map(([k, v]) => [k, typeof v === 'boolean' ? t(v ? 'cli.yes' : 'cli.no') : v]),
  );
}

export function registerScoreCommands(program: Command, language: Language, io: Output): void {
  const t = translator(language);
  const score = program.command('score').description(t('cli.score.description'));
  for (const definition of scores) {
    score
      .command(definition.name)
      .description(t(`cli.score.${definition.name}.description`))
      .argument('[file]', t('cli.score.file'))
      .option('--json', t('cli.option.json'))
      .option('--explain', t('cli.option.explain'))
      .action((file: string | undefined, options: { json?: boolean; explain?: boolean }) => {
        const text = readInputText(file);
        const parsed = parseInput(definition.input, parseJsonObject(text, file ?? '-'));
        if (!parsed.ok) throw new CliError(parsed.issues);
        const result = definition.compute(parsed.value);
        if (!result.ok) throw new CliError(result.issues);
        const { output, explanation } = result.value;
        if (options.json) {
          io.out(JSON.stringify(options.explain ? { ...(output as object), explanation } : output));
          return;
        }
        io.out(t(`cli.score.${definition.name}.summary`, summaryFields(output, t)));
        for (const line of formatExplanation(explanation, language)) io.out(`  ${line}`);
      });
  }
}
