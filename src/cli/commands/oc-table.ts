// Operating characteristics as a plain-text table: one row per dose, one column group per design.
import type { OcReport } from '../../domain/escalation/index.ts';
import type { Translate } from '../../i18n/index.ts';

export interface LabelledReport {
  readonly label: string;
  readonly report: OcReport & { elapsedMs?: number };
}

const pad = (s: string, width: number) => s.padStart(width);

export function formatOcTable(t: Translate, truth: readonly number[], reports: readonly LabelledReport[]): string[] {
  const width = 22;
  const lines: string[] = [];
  lines.push(
    [t('cli.design.dose').padEnd(6), pad(t('cli.design.table.truth'), 6), ...reports.map((r) => pad(`${r.label} (${r.report.method})`, width))].join(' '),
  );
  lines.push([''.padEnd(6), ''.padStart(6), ...reports.map(() => pad(t('cli.design.table.columns'), width))].join(' '));
  truth.forEach((p, j) => {
    const cells = reports.map(({ report }) =>
      pad(`${report.selectionPercent[j]!.toFixed(1)}  ${report.patients[j]!.toFixed(2)}  ${report.dlts[j]!.toFixed(2)}`, width),
    );
    lines.push([String(j + 1).padEnd(6), pad(p.toFixed(2), 6), ...cells].join(' '));
  });
  const row = (label: string, cell: (r: LabelledReport['report']) => string) =>
    lines.push([label.padEnd(13), ...reports.map(({ report }) => pad(cell(report), width))].join(' '));
  row(t('cli.design.table.stop'), (r) => `${r.stopPercent.toFixed(1)} %`);
  row(t('cli.design.table.total-n'), (r) => `${r.totalPatients.toFixed(2)} ± ${r.totalPatientsSd.toFixed(2)}`);
  row(t('cli.design.table.total-dlt'), (r) => r.totalDlts.toFixed(2));
  row(t('cli.design.table.overdose'), (r) => (r.overdose60 === null ? '–' : `${r.overdose60.toFixed(1)} / ${r.overdose80!.toFixed(1)} %`));
  row(t('cli.design.table.elapsed'), (r) => (r.elapsedMs === undefined ? '' : `${r.elapsedMs.toFixed(1)} ms`));
  return lines;
}
