// The packet's charts, each a pure function of the packet model (src/reports/packet) to an SVG
// document, in the language of the translator given. The PDF writer embeds them; the web app
// serves the same SVGs.
import type { Translate } from '../../i18n/index.ts';
import type { PacketModel } from '../packet/model.ts';
import { bCellSvg } from './b-cells.ts';
import { consortSvg } from './consort.ts';
import { escalationPathSvg } from './escalation-path.ts';
import { labTrendsSvg } from './lab-trends.ts';
import { spiderSvg } from './spider.ts';
import { swimmerSvg } from './swimmer.ts';

export { bCellPoints, bCellSvg } from './b-cells.ts';
export { consortSvg } from './consort.ts';
export { escalationPathSvg } from './escalation-path.ts';
export { labPanels, labTrendsSvg } from './lab-trends.ts';
export { spiderPoints, spiderSvg } from './spider.ts';
export { bestResponse, swimmerSvg } from './swimmer.ts';

export const packetChartNames = ['swimmer', 'spider', 'b-cells', 'lab-trends', 'escalation-path', 'consort'] as const;
export type PacketChartName = (typeof packetChartNames)[number];

const draw: Record<PacketChartName, (model: PacketModel, t: Translate) => string> = {
  swimmer: swimmerSvg,
  spider: spiderSvg,
  'b-cells': bCellSvg,
  'lab-trends': labTrendsSvg,
  'escalation-path': escalationPathSvg,
  consort: consortSvg,
};

/** Every chart of the packet by name (the names are also the files `--svg-dir` writes). */
export function packetCharts(model: PacketModel, t: Translate): Record<PacketChartName, string> {
  return Object.fromEntries(packetChartNames.map((name) => [name, draw[name](model, t)])) as Record<PacketChartName, string>;
}

export function packetChart(name: PacketChartName, model: PacketModel, t: Translate): string {
  return draw[name](model, t);
}
