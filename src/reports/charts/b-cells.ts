// CD19+ B-cell counts over time, one line per dosed subject coloured by dose level: depletion
// after a CD19 CAR-T and the timing of reconstitution (Mackensen et al., Nat Med 2022;28:2124)
// are what the committee reads here. The y axis is symlog so that counts near zero, the point of
// the therapy, stay apart from each other while baseline counts of hundreds still fit.
import * as Plot from '@observablehq/plot';
import type { Translate } from '../../i18n/index.ts';
import { dosedSubjects, type PacketModel } from '../packet/model.ts';
import { chartSvg, chartWidth, emptyChart, levelColour, plotSvg } from './svg.ts';

interface Point {
  readonly subject: string;
  readonly level: number;
  readonly day: number;
  readonly value: number;
}

const symlogTicks = [0, 1, 5, 10, 50, 100, 500, 1000, 5000];

export function bCellPoints(model: PacketModel): Point[] {
  return dosedSubjects(model).flatMap((s) => s.bCells.map((b) => ({ subject: s.number, level: s.doseLevel!, day: b.day, value: b.value })));
}

export function bCellSvg(model: PacketModel, t: Translate): string {
  const points = bCellPoints(model);
  if (points.length === 0) return emptyChart('b-cells', t('report.chart.no-b-cells', { asOf: model.asOf }));
  const last = [...new Map(points.map((p) => [p.subject, p])).values()];
  const height = 300;
  const body = plotSvg({
    width: chartWidth,
    height,
    marginLeft: 50,
    marginRight: 40,
    x: { label: t('report.chart.study-day'), grid: true },
    // d3's symlog ticks crowd at the top; these read as counts.
    y: { label: t('report.chart.b-cells'), type: 'symlog', grid: true, ticks: symlogTicks.filter((v) => v <= Math.max(10, ...points.map((p) => p.value)) * 2) },
    marks: [
      Plot.ruleX([0], { stroke: '#888888' }),
      Plot.line(points, { x: 'day', y: 'value', z: 'subject', stroke: (p: Point) => levelColour(p.level), strokeWidth: 2, className: 'subject-line' }),
      Plot.dot(points, { x: 'day', y: 'value', fill: (p: Point) => levelColour(p.level), r: 3 }),
      Plot.text(last, { x: 'day', y: 'value', text: 'subject', dx: 16, fontSize: 10 }),
    ],
  });
  const levels = [...new Set(points.map((p) => p.level))].sort((a, b) => a - b);
  return chartSvg('b-cells', body, height, levels.map((l) => ({ label: model.doseLevels[l - 1]?.label ?? String(l), swatch: { kind: 'line', stroke: levelColour(l) } })));
}
