// Laboratory trends as small multiples: one panel per test of the packet's panel (lab-series.ts)
// that has values from day −28 on, each with its own y axis (one shared axis would flatten
// neutrophils against ALT), lines per dosed subject coloured by dose level, two panels a row.
import * as Plot from '@observablehq/plot';
import type { Translate } from '../../i18n/index.ts';
import type { LabSeries, PacketModel } from '../packet/model.ts';
import { chartSvg, chartWidth, emptyChart, escapeXml, fontSize, levelColour, plotSvg } from './svg.ts';

const panelWidth = chartWidth / 2;
const panelHeight = 190;
/** Values from the screening window on: older ones say nothing about the treatment. */
const firstDay = -28;

/** The unit as people write it (the UCUM code is for machines); Noto Sans CJK has no superscript ⁹. */
const unitText: Record<string, string> = { '10*9/L': '×10^9/L', 'umol/L': 'µmol/L' };

export function labPanels(model: PacketModel): LabSeries[] {
  return model.labs.map((s) => ({ ...s, points: s.points.filter((p) => p.day >= firstDay) })).filter((s) => s.points.some((p) => p.day >= 0));
}

function panel(series: LabSeries, days: [number, number], model: PacketModel, t: Translate): string {
  const level = new Map(model.subjects.map((s) => [s.number, s.doseLevel]));
  const colour = (p: { subject: string }) => levelColour(level.get(p.subject) ?? null);
  return plotSvg({
    width: panelWidth,
    height: panelHeight,
    marginLeft: 48,
    marginTop: 28,
    // One day axis for every panel, so that a nadir in one lines up with a peak in another.
    x: { label: null, grid: true, domain: days },
    y: { label: `${t(`report.lab.${series.code}`)} (${unitText[series.unit] ?? series.unit})`, grid: true, nice: true },
    marks: [
      Plot.ruleX([0], { stroke: '#888888' }),
      Plot.line(series.points, { x: 'day', y: 'value', z: 'subject', stroke: colour, strokeWidth: 1.5 }),
      Plot.dot(series.points, { x: 'day', y: 'value', fill: colour, r: 2.5, className: 'lab-value' }),
    ],
  });
}

export function labTrendsSvg(model: PacketModel, t: Translate): string {
  const panels = labPanels(model);
  if (panels.length === 0) return emptyChart('lab-trends', t('report.chart.no-labs', { asOf: model.asOf }));
  const rows = Math.ceil(panels.length / 2);
  const all = panels.flatMap((s) => s.points.map((p) => p.day));
  const days: [number, number] = [Math.min(...all), Math.max(...all)];
  const body = panels
    .map((s, i) => `<g aria-label="lab-panel" data-code="${escapeXml(s.code)}" transform="translate(${(i % 2) * panelWidth},${Math.floor(i / 2) * panelHeight})">${panel(s, days, model, t)}</g>`)
    .join('\n');
  const axis = `<text x="${chartWidth / 2}" y="${rows * panelHeight + 16}" text-anchor="middle" font-size="${fontSize}">${escapeXml(t('report.chart.study-day'))}</text>`;
  const levels = [...new Set(model.subjects.filter((s) => s.firstDose !== null).map((s) => s.doseLevel!))].sort((a, b) => a - b);
  return chartSvg('lab-trends', body + axis, rows * panelHeight + 22, levels.map((l) => ({ label: model.doseLevels[l - 1]?.label ?? String(l), swatch: { kind: 'line', stroke: levelColour(l) } })));
}
