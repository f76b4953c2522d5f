// `firstdose prescreen DIR`: population pre-screening of a FHIR Bulk Data export against a
// protocol, with a progress bar on stderr, a summary on stdout and the ranked candidates in a CSV or
// JSON file. The work is src/prescreen; this file parses arguments and phrases the result.
import { statSync } from 'node:fs';
import type { Command } from 'commander';
import { issue } from '../../domain/result.ts';
import { formatIssue, type Language, type Translate, translator } from '../../i18n/index.ts';
import { formatOf, writeRows } from '../../prescreen/output.ts';
import { exportFiles } from '../../prescreen/files.ts';
import { type PrescreenProgress, type PrescreenResult, prescreen } from '../../prescreen/prescreen.ts';
import type { PrescreenRow } from '../../prescreen/rank.ts';
import { positiveInteger } from '../arguments.ts';
import { CliError } from '../cli-error.ts';
import { asOfOption, protocolOption } from '../dates-and-protocols.ts';
import { type Output, writing } from '../io.ts';
import { progressBar } from '../progress.ts';

interface PrescreenFlags {
  protocol: string;
  asOf?: string;
  out?: string;
  all?: boolean;
  top: number;
}

async function checkDir(dir: string): Promise<void> {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch (error) {
    throw new CliError([issue(['DIR'], 'unreadable', { detail: (error as NodeJS.ErrnoException).code ?? String(error) })]);
  }
  if (!isDir) throw new CliError([issue(['DIR'], 'not_a_directory', { value: dir })]);
  if ((await exportFiles(dir)).length === 0) throw new CliError([issue(['DIR'], 'no_export_files', { value: dir })]);
}

function candidateLine(t: Translate, rank: number, r: PrescreenRow): string {
  const base = { rank, patient: r.patient, eligible: t(`cli.prescreen.eligible.${r.eligible}`) };
  if (r.eligible === 'undetermined') return t('cli.prescreen.candidate-missing', { ...base, count: r.missing.length, missing: r.missing.join(', ') });
  if (r.eligible === 'no') return t('cli.prescreen.candidate-not-met', { ...base, criteria: r.notMetCriteria.join(', ') });
  return t('cli.prescreen.candidate', base);
}

function summarise(io: Output, t: Translate, language: Language, result: PrescreenResult, seconds: number, top: number): void {
  const { counts } = result;
  io.out(t('cli.prescreen.summary', { patients: result.patients, resources: result.resources, protocol: result.protocol, version: result.protocolVersion, asOf: result.asOf, seconds: seconds.toFixed(1), ...counts }));
  const first = result.issues[0];
  if (result.issueCount > 0 && first) io.out(t('cli.prescreen.issues', { count: result.issueCount, first: formatIssue(first, language) }));
  if (result.rows.length === 0) io.out(`  ${t('cli.prescreen.none')}`);
  for (const [i, r] of result.rows.slice(0, top).entries()) io.out(`  ${candidateLine(t, i + 1, r)}`);
}

export function registerPrescreenCommand(program: Command, language: Language, io: Output): void {
  const t = translator(language);
  program
    .command('prescreen')
    .description(t('cli.prescreen.description'))
    .argument('<dir>', t('cli.prescreen.dir'))
    .option('--protocol <id>', t('cli.prescreen.option.protocol'), 'hn2301')
    .option('--as-of <date>', t('cli.prescreen.option.as-of'))
    .option('--out <file>', t('cli.prescreen.option.out'))
    .option('--all', t('cli.prescreen.option.all'))
    .option('--top <n>', t('cli.prescreen.option.top'), positiveInteger(t, 10_000), 10)
    .action(async (dir: string, flags: PrescreenFlags) => {
      const asOf = asOfOption(flags.asOf);
      const format = flags.out === undefined ? undefined : formatOf(flags.out);
      if (flags.out !== undefined && format === undefined) throw new CliError([issue(['--out'], 'unsupported_output', { value: flags.out })]);
      const protocol = protocolOption(flags.protocol);
      await checkDir(dir);

      // One bar per phase: bytes read, then patients screened.
      let bar: ReturnType<typeof progressBar> | undefined;
      let phase: PrescreenProgress['phase'] | undefined;
      const show = process.stderr.isTTY === true;
      const onProgress = (p: PrescreenProgress) => {
        if (!show) return;
        if (p.phase !== phase) {
          bar?.stop();
          bar = progressBar(p.total);
          phase = p.phase;
        }
        bar?.update(p.done);
      };
      const started = performance.now();
      const result = await prescreen(dir, protocol, { asOf, onProgress, details: flags.all ? 'all' : 'candidates' });
      bar?.stop();
      summarise(io, t, language, result, (performance.now() - started) / 1000, flags.top);
      if (flags.out !== undefined && format !== undefined) {
        await writing('--out', () => writeRows(flags.out!, format, { protocol: result.protocol, protocolVersion: result.protocolVersion, asOf }, result.rows));
        io.out(t('cli.prescreen.written', { rows: result.rows.length, file: flags.out }));
      }
    });
}
