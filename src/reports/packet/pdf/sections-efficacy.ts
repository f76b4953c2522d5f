// Laboratory trends (chart and per-subject summary) and efficacy: the SLEDAI-2K spider plot with
// the per-visit table behind it, and B-cell counts.
import { bestResponse, labPanels } from '../../charts/index.ts';
import { dosedSubjects } from '../model.ts';
import { labSummary } from '../lab-series.ts';
import { chartHeading, num, type Section } from './context.ts';
import { table } from './table.ts';
import { shrink } from './writer.ts';

const unitText: Record<string, string> = { '10*9/L': '×10^9/L', 'umol/L': 'µmol/L' };

export function labTrends(s: Section): void {
  const { model: m, t, w } = s;
  chartHeading(s, 'labs', 'lab-trends');
  w.chart(s.charts['lab-trends']!);
  // The tests the chart shows: values after a dose, from the screening window on.
  const rows = labSummary(labPanels(m));
  if (rows.length === 0) return;
  table(
    w,
    [
      { header: t('report.col.test'), width: 0.26 },
      { header: t('report.col.subject'), width: 0.1 },
      { header: t('report.col.baseline'), width: 0.16, align: 'right' },
      { header: t('report.col.lowest'), width: 0.16, align: 'right' },
      { header: t('report.col.highest'), width: 0.16, align: 'right' },
      { header: t('report.col.latest'), width: 0.16, align: 'right' },
    ],
    rows.map((r) => [`${t(`report.lab.${r.code}`)} (${unitText[r.unit] ?? r.unit})`, r.subject, num(r.baseline), num(r.lowest), num(r.highest), num(r.latest)]),
  );
  const left = m.labs.reduce((n, x) => n + x.unconverted, 0);
  if (left > 0) w.paragraph(t('report.labs.note', { n: left }), { size: 8.5, colour: '#444444' });
}

export function efficacy(s: Section): void {
  const { model: m, t, w } = s;
  chartHeading(s, 'efficacy', 'spider');
  w.chart(s.charts.spider!, 24);
  w.paragraph(t('report.efficacy.note'), { size: 8.5, colour: '#444444' });
  const rows = dosedSubjects(m).flatMap((x) =>
    x.visits
      .filter((v) => v.efficacy?.sledai2k !== null && v.efficacy?.sledai2k !== undefined)
      .map((v) => {
        const r = bestResponse(v.efficacy);
        const change = x.baselineSledai === null ? null : v.efficacy!.sledai2k! - x.baselineSledai;
        return [x.number, `${v.name?.[s.language] ?? v.code} (${v.day})`, `${v.efficacy!.sledai2k}`, change === null ? '–' : change > 0 ? `+${change}` : String(change), r ? t(`report.response.${r}`) : '–'];
      }),
  );
  if (rows.length > 0)
    table(
      w,
      [
        { header: t('report.col.subject'), width: 0.14 },
        { header: t('report.col.visit'), width: 0.3 },
        { header: t('report.col.sledai'), width: 0.16, align: 'right' },
        { header: t('report.col.change'), width: 0.16, align: 'right' },
        { header: t('report.col.response'), width: 0.24 },
      ],
      rows,
    );
  w.keep(w.chartSize(s.charts['b-cells']!).h * w.chartSize(s.charts['b-cells']!).scale * shrink + 30);
  w.subheading(t('report.chart.b-cells'));
  w.chart(s.charts['b-cells']!);
}
