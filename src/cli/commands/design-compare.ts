// `firstdose design compare`: several designs on one true-toxicity scenario, side by side, with an
// optional SVG of selection and allocation per dose (what a statistician would rather look at).
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { issue } from '../../domain/result.ts';
import type { Translate } from '../../i18n/index.ts';
import { ocComparisonSvg } from '../../reports/oc-chart.ts';
import { CliError } from '../cli-error.ts';
import { type Output, writing } from '../io.ts';
import { computeOc, type OcFlags } from './design.ts';
import { addDesignOptions, addOcOptions } from './design-options.ts';
import { formatOcTable, type LabelledReport } from './oc-table.ts';

/** `boin`, `3+3`, `3+3/b`, `crm` → design name and 3+3 variant. */
function parseDesignSpec(spec: string): { design: string; variant?: string } {
  const [design, variant] = spec.split('/');
  if (!['boin', '3+3', 'crm'].includes(design ?? '') || (variant !== undefined && design !== '3+3'))
    throw new CliError([issue(['designs'], 'invalid_choice', { value: spec, allowed: ['boin', '3+3', '3+3/a', '3+3/b', '3+3/c', 'crm'] })]);
  return variant === undefined ? { design: design! } : { design: design!, variant };
}

export function registerCompareCommand(design: Command, t: Translate, io: Output): void {
  const command = design.command('compare').description(t('cli.design.compare.description')).argument('[designs...]', t('cli.design.compare.designs'));
  addDesignOptions(command, t);
  // --design is required by the shared options; compare takes its designs as arguments instead.
  command.options.find((o) => o.long === '--design')!.mandatory = false;
  addOcOptions(command, t)
    .option('--plot <file.svg>', t('cli.design.compare.plot'))
    .action(async (specs: string[], flags: OcFlags & { plot?: string }) => {
      const chosen = specs.length > 0 ? specs : flags.skeleton ? ['3+3', 'boin', 'crm'] : ['3+3', 'boin'];
      const reports: LabelledReport[] = [];
      for (const spec of chosen) {
        const parsed = parseDesignSpec(spec);
        const report = await computeOc({ ...flags, ...parsed }, false);
        reports.push({ label: spec, report });
      }
      if (flags.plot) await writing('--plot', () => writeFileSync(flags.plot!, ocComparisonSvg(flags.truth, reports, t)));
      if (flags.json) return io.out(JSON.stringify({ truth: flags.truth, designs: reports.map((r) => ({ design: r.label, ...r.report })) }));
      for (const line of formatOcTable(t, flags.truth, reports)) io.out(line);
      if (flags.plot) io.out(t('cli.design.compare.plotted', { file: flags.plot }));
    });
}
