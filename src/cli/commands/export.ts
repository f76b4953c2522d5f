// `firstdose export`: the trial's data in the standard forms others read. One function per
// subcommand registers it on the `export` group (sdtm here; fhir and odm join the same way).
import type { Command } from 'commander';
import { issue } from '../../domain/result.ts';
import type { Language, Translate } from '../../i18n/index.ts';
import { formatIssue, translator } from '../../i18n/index.ts';
import { exportSdtm, SdtmFormat } from '../../reports/sdtm/index.ts';
import { XptExportError } from '../../reports/sdtm/export.ts';
import { CliError } from '../cli-error.ts';
import { type Output, writing } from '../io.ts';
import { registerFhirOdmExports } from './export-fhir-odm.ts';
import { type DataOption, failed, guarded, studyOption, withStore } from '../store-session.ts';
import { siteToday } from './trial.ts';

export interface ExportContext {
  readonly t: Translate;
  readonly language: Language;
  readonly io: Output;
  readonly env: NodeJS.ProcessEnv;
}

const formats = Object.values(SdtmFormat);

function registerSdtm(group: Command, { t, language, io, env }: ExportContext): void {
  group
    .command('sdtm')
    .description(t('cli.export.sdtm.description'))
    .requiredOption('--out <dir>', t('cli.export.option.out-dir'))
    .option('--format <format>', t('cli.export.option.format', { choices: formats.join('|') }), 'xpt')
    .option('--study <code>', t('cli.trial.option.study'))
    .option('--as-of <date>', t('cli.export.option.as-of'))
    .option('--as <user>', t('cli.export.option.exporter'))
    .option('--data <dir>', t('cli.store.option.data'))
    .action((options: DataOption & { out: string; format: string; study?: string; asOf?: string; as?: string }) =>
      guarded(io, t, language, async () => {
        if (!formats.includes(options.format as SdtmFormat))
          throw new CliError([issue(['--format'], 'invalid_choice', { value: options.format, allowed: formats.join(', ') })]);
        const asOf = siteToday(options.asOf);
        const exporter = options.as ?? env.FIRSTDOSE_USER;
        const summary = await writing('--out', () => withStore(options, env, async (db) => {
          const study = await studyOption(db, options.study);
          return exportSdtm(db, { study: study.code, out: options.out, format: options.format as SdtmFormat, asOf, ...(exporter ? { actor: { user: exporter } } : {}) }).catch((error: unknown) => {
            // Data SAS XPORT v5 cannot hold (a text over 200 bytes): a refusal in words, not a stack trace.
            if (error instanceof XptExportError) failed(io, t('cli.export.sdtm.xpt-refused', { detail: error.issues.map((i) => formatIssue(i, language)).join('; ') }));
            throw error;
          });
        }));
        for (const f of summary.files) io.out(f.file === 'define.xml' ? `  ${f.file}` : `  ${f.file.padEnd(14)} ${t('cli.export.sdtm.records', { count: f.records })}`);
        for (const n of summary.notes) io.err(t(`cli.export.note.${n.code}`, n.params));
        io.out(t('cli.export.sdtm.done', { count: summary.files.length, out: options.out }));
      }),
    );
}

export function registerExportCommands(program: Command, language: Language, io: Output, env: NodeJS.ProcessEnv = process.env): void {
  const t = translator(language);
  const group = program.command('export').description(t('cli.export.description'));
  const context: ExportContext = { t, language, io, env };
  registerSdtm(group, context);
  registerFhirOdmExports(group, context);
}
