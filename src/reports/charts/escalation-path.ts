// The dose-escalation path: every dosed subject in dosing order at the dose level received, the
// step line through the levels, each subject's DLT outcome (● no DLT, ✖ DLT, ○ window still open),
// cohorts separated, and the committee's decision after each cohort: the course of the trial
// the recommendation rests on, at a glance.
import * as Plot from '@observablehq/plot';
import type { Translate } from '../../i18n/index.ts';
import { dosedSubjects, type PacketModel } from '../packet/model.ts';
import { chartSvg, chartWidth, emptyChart, plotSvg, symbolPath } from './svg.ts';

const outcomeStyle = {
  'no-dlt': { symbol: 'circle', fill: '#2e7d32', stroke: '#2e7d32' },
  dlt: { symbol: 'times', fill: '#d50000', stroke: '#d50000' },
  pending: { symbol: 'circle', fill: 'white', stroke: '#333333' },
} as const;

export function escalationPathSvg(model: PacketModel, t: Translate): string {
  const dosed = dosedSubjects(model);
  if (dosed.length === 0) return emptyChart('escalation-path', t('report.chart.no-dosed', { asOf: model.asOf }));
  const points = dosed.map((s, i) => ({ order: i + 1, subject: s.number, level: s.doseLevel!, cohort: s.cohort ?? 0, outcome: s.dltWindow?.outcome ?? 'pending' }));
  const levels = model.doseLevels.length;
  // A boundary after the last subject of each cohort but the last one dosed.
  const boundaries = points.filter((p, i) => i + 1 < points.length && points[i + 1]!.cohort !== p.cohort).map((p) => p.order + 0.5);
  const cohorts = [...new Set(points.map((p) => p.cohort))].map((c) => {
    const mine = points.filter((p) => p.cohort === c);
    const decision = model.cohorts.find((x) => x.cohort === c)?.decision;
    const next = decision ? (decision.nextLevel === null ? t('report.decision.stop') : t('report.decision.next-level', { level: model.doseLevels[decision.nextLevel - 1]?.label ?? decision.nextLevel })) : null;
    return { x: (mine[0]!.order + mine.at(-1)!.order) / 2, cohort: t('report.chart.cohort', { cohort: c }), decision: next ? t('report.chart.src', { decision: next }) : '' };
  });
  const height = 120 + 50 * levels;
  const body = plotSvg({
    width: chartWidth,
    height,
    marginLeft: 60,
    marginTop: 40,
    marginBottom: 46,
    x: { label: t('report.chart.dosing-order'), labelAnchor: 'center', labelOffset: 40, domain: [0.5, points.length + 0.5], ticks: points.map((p) => p.order), tickFormat: (o: number) => points[o - 1]?.subject ?? '' },
    y: { label: t('report.chart.dose-level'), domain: [0.5, levels + 0.5], ticks: Array.from({ length: levels }, (_, j) => j + 1), tickFormat: (l: number) => model.doseLevels[l - 1]?.label ?? String(l), grid: true },
    marks: [
      Plot.ruleX(boundaries, { stroke: '#999999', strokeDasharray: '4,3', className: 'cohort-boundary' }),
      Plot.line(points, { x: 'order', y: 'level', curve: 'step', stroke: '#777777' }),
      ...(['no-dlt', 'dlt', 'pending'] as const).map((o) =>
        Plot.dot(points.filter((p) => p.outcome === o), { x: 'order', y: 'level', symbol: outcomeStyle[o].symbol, fill: outcomeStyle[o].fill, stroke: outcomeStyle[o].stroke, strokeWidth: 2, r: 6, className: `subject-${o}` }),
      ),
      Plot.text(cohorts, { x: 'x', y: levels + 0.5, text: 'cohort', dy: -22, fontWeight: 'bold' }),
      Plot.text(cohorts, { x: 'x', y: levels + 0.5, text: 'decision', dy: -8, fill: '#444444' }),
    ],
  });
  return chartSvg('escalation-path', body, height, [
    { label: t('report.outcome.no-dlt'), swatch: { kind: 'symbol', path: symbolPath.circle, fill: outcomeStyle['no-dlt'].fill } },
    { label: t('report.outcome.dlt'), swatch: { kind: 'symbol', path: 'M-4,-4L4,4M4,-4L-4,4', fill: 'none', stroke: '#d50000' } },
    { label: t('report.outcome.pending'), swatch: { kind: 'symbol', path: symbolPath.circle, fill: 'white', stroke: '#333333' } },
  ]);
}
