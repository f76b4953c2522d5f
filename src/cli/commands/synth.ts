// `firstdose synth --patients N --out DIR`: a synthetic FHIR Bulk Data export of SLE and other
// patients, reproducible from --seed; with --bundle, one patient as a Bundle for examples.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { issue } from '../../domain/result.ts';
import { type Language, translator } from '../../i18n/index.ts';
import { PatientKind, syntheticBundle, writeSyntheticExport } from '../../synth/index.ts';
import { nonNegativeInteger, positiveInteger } from '../arguments.ts';
import { CliError } from '../cli-error.ts';
import { type Output, writing } from '../io.ts';
import { progressBar } from '../progress.ts';
import { asOfOption } from '../dates-and-protocols.ts';

interface SynthFlags {
  patients?: number;
  out: string;
  seed: number;
  asOf?: string;
  bundle?: string;
}

const kinds: readonly string[] = Object.values(PatientKind);

export function registerSynthCommand(program: Command, language: Language, io: Output): void {
  const t = translator(language);
  program
    .command('synth')
    .description(t('cli.synth.description'))
    .option('--patients <n>', t('cli.synth.option.patients'), positiveInteger(t, 10_000_000))
    .requiredOption('--out <path>', t('cli.synth.option.out'))
    .option('--seed <n>', t('cli.synth.option.seed'), nonNegativeInteger(t), 1)
    .option('--as-of <date>', t('cli.synth.option.as-of'))
    .option('--bundle <kind>', t('cli.synth.option.bundle'))
    .action(async (flags: SynthFlags) => {
      const asOf = asOfOption(flags.asOf);
      if (flags.bundle !== undefined) {
        if (!kinds.includes(flags.bundle)) throw new CliError([issue(['--bundle'], 'invalid_choice', { value: flags.bundle, allowed: [...kinds] })]);
        const bundle = syntheticBundle(flags.seed, flags.bundle as PatientKind, asOf);
        await writing('--out', () => writeFileSync(flags.out, `${JSON.stringify(bundle, null, 2)}\n`));
        io.out(t('cli.synth.bundle-written', { kind: flags.bundle, resources: bundle.entry.length, file: flags.out }));
        return;
      }
      if (flags.patients === undefined) throw new CliError([issue(['--patients'], 'required')]);
      const bar = process.stderr.isTTY === true ? progressBar(flags.patients) : undefined;
      const patients = flags.patients;
      const summary = await writing('--out', () => writeSyntheticExport(flags.out, { patients, seed: flags.seed, asOf, onProgress: (done) => bar?.update(done) }));
      bar?.stop();
      const resources = Object.values(summary.resources).reduce((n, c) => n + c, 0);
      io.out(t('cli.synth.summary', { patients: summary.patients, sle: summary.sle, resources, dir: flags.out }));
    });
}
