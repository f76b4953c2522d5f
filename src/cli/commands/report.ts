// `firstdose report src --out FILE.pdf`: the Safety Review Committee's packet from the trial
// record (--data DIR, or DATABASE_URL), in the language of --lang or the locale. The data are
// read in one read-only snapshot; `--svg-dir` also writes the charts as the web app serves them.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { issue } from '../../domain/result.ts';
import { type Language, translator } from '../../i18n/index.ts';
import { FontMissing, type PacketFonts, packetData, packetFonts, packetPdf } from '../../reports/packet/index.ts';
import { CliError } from '../cli-error.ts';
import { type Output, writing } from '../io.ts';
import { type DataOption, failed, guarded, studyOption, withStore } from '../store-session.ts';
import { siteToday } from './trial.ts';

interface SrcOptions extends DataOption {
  readonly out: string;
  readonly study?: string;
  readonly asOf?: string;
  readonly svgDir?: string;
  readonly json?: boolean;
}

export function registerReportCommands(program: Command, language: Language, io: Output, env: NodeJS.ProcessEnv = process.env): void {
  const t = translator(language);
  const report = program.command('report').description(t('cli.report.description'));
  report
    .command('src')
    .description(t('cli.report.src.description'))
    .requiredOption('--out <file>', t('cli.report.option.out'))
    .option('--data <dir>', t('cli.store.option.data'))
    .option('--study <code>', t('cli.trial.option.study'))
    .option('--as-of <date>', t('cli.trial.option.as-of'))
    .option('--svg-dir <dir>', t('cli.report.option.svg'))
    .option('--json', t('cli.option.json'))
    .action((options: SrcOptions) =>
      guarded(io, t, language, async () => {
        if (!/\.pdf$/i.test(options.out)) throw new CliError([issue(['--out'], 'report_out_not_pdf', { value: options.out })]);
        if (!existsSync(dirname(options.out) || '.')) throw new CliError([issue(['--out'], 'report_directory_missing', { dir: dirname(options.out) })]);
        const asOf = siteToday(options.asOf);
        // The font before the database: a missing font should not cost a read of the whole trial.
        let fonts: PacketFonts;
        try {
          fonts = packetFonts(env);
        } catch (error) {
          if (error instanceof FontMissing) failed(io, t('cli.report.font-missing', { path: error.path }));
          throw error;
        }
        const model = await withStore(options, env, async (db) => {
          const study = await studyOption(db, options.study);
          return db.transaction((sql) => packetData(sql, study.id, asOf), { snapshot: true, readOnly: true });
        });
        const pdf = await packetPdf(model, language, fonts);
        await writing('--out', () => writeFileSync(options.out, pdf.bytes));
        const svgs: string[] = [];
        const svgDir = options.svgDir;
        if (svgDir)
          await writing('--svg-dir', () => {
            mkdirSync(svgDir, { recursive: true });
            for (const [name, svg] of Object.entries(pdf.charts)) {
              const file = join(svgDir, `${name}.svg`);
              writeFileSync(file, svg);
              svgs.push(file);
            }
          });
        const summary = { file: options.out, pages: pdf.pages, bytes: pdf.bytes.length, study: model.study.code, version: model.protocolVersion, asOf, language, charts: svgs };
        if (options.json) io.out(JSON.stringify(summary));
        else io.out(t('cli.report.written', summary));
      }),
    );
}
