// Spider plot of SLEDAI-2K change from baseline: one line per dosed subject from (day 0, 0)
// through each assessed visit, coloured by dose level and labelled at its last point. The dashed
// line is the SRI-4 reduction of 4 points (Furie et al., Arthritis Rheum 2009;61:1143), the
// SLEDAI component of the response the efficacy table reports.
import * as Plot from '@observablehq/plot';
import type { Translate } from '../../i18n/index.ts';
import { dosedSubjects, type PacketModel } from '../packet/model.ts';
import { chartSvg, chartWidth, emptyChart, levelColour, plotSvg } from './svg.ts';

export interface SpiderPoint {
  readonly subject: string;
  readonly level: number;
  readonly day: number;
  readonly change: number;
}

/** The points of each subject with a baseline and at least one SLEDAI-2K after it. */
export function spiderPoints(model: PacketModel): SpiderPoint[] {
  return dosedSubjects(model).flatMap((s) => {
    const base = s.baselineSledai;
    const later = s.visits.filter((v) => v.efficacy?.sledai2k !== null && v.efficacy?.sledai2k !== undefined);
    if (base === null || later.length === 0) return [];
    const level = s.doseLevel!;
    return [{ subject: s.number, level, day: 0, change: 0 }, ...later.map((v) => ({ subject: s.number, level, day: v.day, change: v.efficacy!.sledai2k! - base }))];
  });
}

export function spiderSvg(model: PacketModel, t: Translate): string {
  const points = spiderPoints(model);
  if (points.length === 0) return emptyChart('spider', t('report.chart.no-sledai', { asOf: model.asOf }));
  const last = [...new Map(points.map((p) => [p.subject, p])).values()];
  const height = 320;
  const lowest = Math.min(-6, ...points.map((p) => p.change));
  const highest = Math.max(2, ...points.map((p) => p.change));
  const body = plotSvg({
    width: chartWidth,
    height,
    marginLeft: 50,
    marginRight: 40,
    x: { label: t('report.chart.study-day'), grid: true },
    y: { label: t('report.chart.sledai-change'), domain: [lowest - 1, highest + 1], grid: true },
    marks: [
      Plot.ruleY([0], { stroke: '#888888' }),
      Plot.ruleY([-4], { stroke: '#555555', strokeDasharray: '5,4', className: 'sri4-threshold' }),
      Plot.line(points, { x: 'day', y: 'change', z: 'subject', stroke: (p: SpiderPoint) => levelColour(p.level), strokeWidth: 2, className: 'subject-line' }),
      Plot.dot(points, { x: 'day', y: 'change', fill: (p: SpiderPoint) => levelColour(p.level), r: 3 }),
      Plot.text(last, { x: 'day', y: 'change', text: 'subject', dx: 16, fontSize: 10, className: 'subject-label' }),
    ],
  });
  const levels = [...new Set(points.map((p) => p.level))].sort((a, b) => a - b);
  return chartSvg('spider', body, height, [
    ...levels.map((l) => ({ label: model.doseLevels[l - 1]?.label ?? String(l), swatch: { kind: 'line', stroke: levelColour(l) } }) as const),
    { label: t('report.chart.sri4-threshold'), swatch: { kind: 'line', stroke: '#555555', dash: true } },
  ]);
}
