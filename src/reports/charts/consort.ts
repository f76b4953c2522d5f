// CONSORT-style flow from screened to completed (the numbers come from flow.ts): the main column
// screened → enrolled → dosed, a side box at each step for those who did not go on (with the
// screen-failure reasons by criterion), and one box per dose level with where its subjects stand.
// Drawn by hand: boxes and arrows are not a chart Plot makes. Arrows are plain paths rather than
// <marker>s, which svg-to-pdfkit draws unreliably.
import type { Translate } from '../../i18n/index.ts';
import type { ConsortFlow, PacketModel } from '../packet/model.ts';
import { chartSvg, chartWidth, escapeXml, fontSize, textWidth } from './svg.ts';

const lineHeight = 16;
const pad = 8;

interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly lines: readonly string[];
  readonly label: string;
}

const boxHeight = (b: Pick<Box, 'lines'>) => b.lines.length * lineHeight + 2 * pad - 2;

function boxSvg(b: Box): string {
  const text = b.lines
    .map((line, i) => `<text x="${b.x + pad}" y="${b.y + pad + 11 + i * lineHeight}" font-size="${fontSize}"${i === 0 ? ' font-weight="bold"' : ''}>${escapeXml(line)}</text>`)
    .join('');
  return `<g aria-label="${b.label}"><rect x="${b.x}" y="${b.y}" width="${b.w}" height="${boxHeight(b)}" fill="white" stroke="#333333"/>${text}</g>`;
}

function arrow(x1: number, y1: number, x2: number, y2: number): string {
  const angle = Math.atan2(y2 - y1, x2 - x1);
  const head = (a: number) => `${(x2 - 7 * Math.cos(angle + a)).toFixed(1)},${(y2 - 7 * Math.sin(angle + a)).toFixed(1)}`;
  return `<g aria-label="arrow"><line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#333333"/><path d="M${x2},${y2}L${head(0.4)}L${head(-0.4)}Z" fill="#333333"/></g>`;
}

/** The criterion's short title, or its id when the catalogue has none (another protocol's criterion). */
function criterionTitle(t: Translate, id: string): string {
  const key = `eligibility.criterion.${id}`;
  const title = t(key);
  return title === key ? id : title;
}

export function consortLines(flow: ConsortFlow, model: Pick<PacketModel, 'doseLevels'>, t: Translate) {
  const notEnrolled = [
    t('report.flow.not-enrolled', { n: flow.screenFailed + flow.screening + flow.withdrawnBeforeEnrolment }),
    t('report.flow.screen-failed', { n: flow.screenFailed }),
    ...flow.failureReasons.map((r) => `  · ${t('report.flow.reason', { criterion: criterionTitle(t, r.criterion), n: r.subjects })}`),
    t('report.flow.screening', { n: flow.screening }),
    ...(flow.withdrawnBeforeEnrolment > 0 ? [t('report.flow.withdrawn-screening', { n: flow.withdrawnBeforeEnrolment })] : []),
  ];
  const notDosed = [t('report.flow.not-dosed', { n: flow.awaitingDose + flow.leftBeforeDose }), t('report.flow.awaiting', { n: flow.awaitingDose }), t('report.flow.left', { n: flow.leftBeforeDose })];
  const levels = flow.byLevel.map((l) => [
    t('report.flow.level', { label: model.doseLevels[l.level - 1]?.label ?? l.level, n: l.dosed }),
    t('report.flow.dlt-assessed', { n: l.dltAssessed, dlt: l.dlt }),
    t('report.flow.dlt-pending', { n: l.dltPending }),
    t('report.flow.on-study', { n: l.onStudy }),
    t('report.flow.completed', { n: l.completed }),
    t('report.flow.withdrawn', { n: l.withdrawn }),
    t('report.flow.died', { n: l.died }),
  ]);
  return { notEnrolled, notDosed, levels };
}

export function consortSvg(model: PacketModel, t: Translate): string {
  const flow = model.flow;
  const { notEnrolled, notDosed, levels } = consortLines(flow, model, t);
  const mainW = 230;
  const sideW = Math.min(chartWidth - mainW - 68, Math.max(220, ...[...notEnrolled, ...notDosed].map((l) => textWidth(l) + 2 * pad)));
  const mainX = Math.max(4, (chartWidth - mainW - 60 - sideW) / 2);
  const sideX = mainX + mainW + 60;
  const gap = 26;
  const parts: string[] = [];
  let y = 4;
  const screened: Box = { x: mainX, y, w: mainW, lines: [t('report.flow.screened', { n: flow.screened })], label: 'screened' };
  const side1: Box = { x: sideX, y: y + boxHeight(screened) + gap / 2, w: sideW, lines: notEnrolled, label: 'not-enrolled' };
  y = side1.y + boxHeight(side1) + gap / 2;
  const enrolled: Box = { x: mainX, y, w: mainW, lines: [t('report.flow.enrolled', { n: flow.enrolled })], label: 'enrolled' };
  const side2: Box = { x: sideX, y: y + boxHeight(enrolled) + gap / 2, w: sideW, lines: notDosed, label: 'not-dosed' };
  y = side2.y + boxHeight(side2) + gap / 2;
  const dosed: Box = { x: mainX, y, w: mainW, lines: [t('report.flow.dosed', { n: flow.dosed })], label: 'dosed' };
  const centre = mainX + mainW / 2;
  for (const [from, to, side] of [
    [screened, enrolled, side1],
    [enrolled, dosed, side2],
  ] as const) {
    parts.push(arrow(centre, from.y + boxHeight(from), centre, to.y));
    const branchY = side.y + boxHeight(side) / 2;
    parts.push(arrow(centre, branchY, side.x, branchY));
  }
  y = dosed.y + boxHeight(dosed) + 40;
  const n = Math.max(1, levels.length);
  const levelW = Math.min(220, (chartWidth - 8 - (n - 1) * 12) / n);
  const left = (chartWidth - n * levelW - (n - 1) * 12) / 2;
  const levelBoxes = levels.map((lines, i): Box => ({ x: left + i * (levelW + 12), y, w: levelW, lines, label: `level-${i + 1}` }));
  const busY = dosed.y + boxHeight(dosed) + 20;
  parts.push(`<line x1="${centre}" y1="${dosed.y + boxHeight(dosed)}" x2="${centre}" y2="${busY}" stroke="#333333"/>`);
  const xs = levelBoxes.map((b) => b.x + b.w / 2);
  parts.push(`<line x1="${Math.min(centre, ...xs)}" y1="${busY}" x2="${Math.max(centre, ...xs)}" y2="${busY}" stroke="#333333"/>`);
  for (const x of xs) parts.push(arrow(x, busY, x, y));
  const boxes = [screened, side1, enrolled, side2, dosed, ...levelBoxes];
  const height = Math.max(...boxes.map((b) => b.y + boxHeight(b))) + 6;
  return chartSvg('consort', [...parts, ...boxes.map(boxSvg)].join('\n'), height);
}
