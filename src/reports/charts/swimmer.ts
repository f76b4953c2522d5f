// Swimmer plot: one lane per dosed subject (dosing order, top to bottom), from the first dose to
// the last day the record covers, coloured by dose level, with the DLT window outlined, each dose
// (▲), each adverse event at onset coloured by grade (◆, ringed when it is a DLT, with a line to
// its resolution) and the best response at each assessed visit above the lane: DORIS remission
// (★), else LLDAS (■), else an SRI-4 response (●). An arrow marks subjects still on study.
import * as Plot from '@observablehq/plot';
import type { Translate } from '../../i18n/index.ts';
import { dosedSubjects, type PacketModel, type PacketSubject } from '../packet/model.ts';
import { chartSvg, chartWidth, emptyChart, gradeColour, gradeColours, type LegendItem, levelColour, plotSvg, symbolPath } from './svg.ts';

export type Response = 'doris' | 'lldas' | 'sri4';

/** The best response of a visit, DORIS before LLDAS before SRI-4; null when none was met or assessable. */
export function bestResponse(e: PacketSubject['visits'][number]['efficacy']): Response | null {
  if (e === null) return null;
  if (e.doris) return 'doris';
  if (e.lldas) return 'lldas';
  return e.sri4 ? 'sri4' : null;
}

const responseStyle: Record<Response, { symbol: keyof typeof symbolPath; fill: string }> = {
  doris: { symbol: 'star', fill: '#2e7d32' },
  lldas: { symbol: 'square', fill: '#00897b' },
  sri4: { symbol: 'circle', fill: '#1e88e5' },
};

export const laneLabel = (model: Pick<PacketModel, 'doseLevels'>, s: PacketSubject) => `${s.number} · ${model.doseLevels[(s.doseLevel ?? 1) - 1]?.label ?? s.doseLevel}`;

export function swimmerSvg(model: PacketModel, t: Translate): string {
  const lanes = dosedSubjects(model);
  if (lanes.length === 0) return emptyChart('swimmer', t('report.chart.no-dosed', { asOf: model.asOf }));
  const y = (s: PacketSubject) => laneLabel(model, s);
  const events = model.adverseEvents.filter((e) => e.onsetDay !== null);
  const laneOf = new Map(lanes.map((s) => [s.number, s]));
  const aes = events.filter((e) => laneOf.has(e.subject)).map((e) => ({ ...e, lane: y(laneOf.get(e.subject)!), end: e.resolvedDay ?? laneOf.get(e.subject)!.lastDay ?? e.onsetDay! }));
  const doses = lanes.flatMap((s) => s.doses.map((d) => ({ lane: y(s), day: d.day })));
  const responses = lanes.flatMap((s) => s.visits.flatMap((v) => {
    const r = bestResponse(v.efficacy);
    return r ? [{ lane: y(s), day: v.day, response: r }] : [];
  }));
  const end = Math.max(...lanes.map((s) => Math.max(s.lastDay ?? 0, s.dltWindow?.endDay ?? 0)), ...aes.map((e) => e.end));
  const start = Math.min(0, ...aes.map((e) => e.onsetDay!));
  const height = 50 + 34 * lanes.length;
  const marks: Plot.Markish[] = [
    Plot.barX(lanes, { x1: 0, x2: (s: PacketSubject) => s.lastDay ?? 0, y, fill: (s: PacketSubject) => levelColour(s.doseLevel), fillOpacity: 0.3, insetTop: 8, insetBottom: 8, className: 'lane' }),
    Plot.barX(lanes.filter((s) => s.dltWindow), { x1: 0, x2: (s: PacketSubject) => s.dltWindow!.endDay, y, fill: 'none', stroke: '#555555', strokeDasharray: '3,2', insetTop: 6, insetBottom: 6, className: 'dlt-window' }),
    Plot.link(aes, { x1: 'onsetDay', x2: 'end', y1: 'lane', y2: 'lane', stroke: (e: { grade: number }) => gradeColour(e.grade), strokeWidth: 2, className: 'ae-duration' }),
    Plot.dot(doses, { x: 'day', y: 'lane', symbol: 'triangle', fill: 'black', r: 4.5, className: 'dose' }),
    ...gradeColours.map((colour, g) => Plot.dot(aes.filter((e) => e.grade === g + 1), { x: 'onsetDay', y: 'lane', symbol: 'diamond', fill: colour, stroke: '#333333', r: 5, className: `ae-grade-${g + 1}` })),
    Plot.dot(aes.filter((e) => e.dlt === 'yes'), { x: 'onsetDay', y: 'lane', r: 9, fill: 'none', stroke: '#d50000', strokeWidth: 2, className: 'dlt' }),
    ...(['doris', 'lldas', 'sri4'] as const).map((r) =>
      Plot.dot(responses.filter((x) => x.response === r), { x: 'day', y: 'lane', dy: -12, symbol: responseStyle[r].symbol, fill: responseStyle[r].fill, r: 4, className: `response-${r}` }),
    ),
    Plot.dot(lanes.filter((s) => s.ongoing), { x: (s: PacketSubject) => s.lastDay, y, symbol: 'triangle', rotate: 90, fill: '#333333', r: 5, dx: 6, className: 'ongoing' }),
  ];
  const body = plotSvg({
    width: chartWidth,
    height,
    marginLeft: 90,
    marginRight: 20,
    x: { label: t('report.chart.study-day'), domain: [start, end + 5], grid: true },
    y: { label: null, domain: lanes.map(y), padding: 0 },
    marks,
  });
  const levels = [...new Set(lanes.map((s) => s.doseLevel!))].sort((a, b) => a - b);
  const items: LegendItem[] = [
    ...levels.map((l) => ({ label: model.doseLevels[l - 1]?.label ?? String(l), swatch: { kind: 'rect', fill: levelColour(l) } }) as const),
    { label: t('report.chart.dlt-window'), swatch: { kind: 'rect', fill: 'none', stroke: '#555555', dash: true } },
    { label: t('report.chart.dose'), swatch: { kind: 'symbol', path: symbolPath.triangle, fill: 'black' } },
    ...[1, 2, 3, 4, 5].map((g) => ({ label: t('report.chart.ae-grade', { grade: g }), swatch: { kind: 'symbol', path: symbolPath.diamond, fill: gradeColour(g), stroke: '#333333' } }) as const),
    { label: t('report.chart.dlt'), swatch: { kind: 'symbol', path: symbolPath.circle, fill: 'none', stroke: '#d50000' } },
    ...(['doris', 'lldas', 'sri4'] as const).map((r) => ({ label: t(`report.response.${r}`), swatch: { kind: 'symbol', path: symbolPath[responseStyle[r].symbol], fill: responseStyle[r].fill } }) as const),
    { label: t('report.chart.ongoing'), swatch: { kind: 'symbol', path: 'M-3,-4.5L4.5,0L-3,4.5Z', fill: '#333333' } },
  ];
  return chartSvg('swimmer', body, height, items);
}
