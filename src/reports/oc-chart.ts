// Selection and allocation per dose for several designs, as one SVG: two grouped bar charts drawn
// by Observable Plot on a linkedom document (no browser needed), stacked in an outer <svg>.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { OcReport } from '../domain/escalation/index.ts';
import type { Translate } from '../i18n/index.ts';

interface Labelled {
  readonly label: string;
  readonly report: OcReport;
}

const width = 640;
const height = 260;

const palette = ['#4e79a7', '#f28e2c', '#e15759', '#76b7b2', '#59a14f', '#edc949'];

function panel(document: Document, rows: { dose: string; design: string; value: number }[], yLabel: string, designs: string[], digits: number): string {
  const svg = Plot.plot({
    document,
    width,
    height,
    marginLeft: 56,
    style: { fontFamily: "'Noto Sans CJK SC', 'Noto Sans', sans-serif", fontSize: '12px' },
    fx: { label: null },
    x: { axis: null },
    y: { label: yLabel, grid: true },
    color: { legend: false, domain: designs, range: palette },
    marks: [
      Plot.barY(rows, { fx: 'dose', x: 'design', y: 'value', fill: 'design' }),
      Plot.text(rows, { fx: 'dose', x: 'design', y: 'value', text: (d: { value: number }) => d.value.toFixed(digits), dy: -6, fontSize: 9 }),
      Plot.ruleY([0]),
    ],
  }) as unknown as Element;
  return svg.outerHTML;
}

export function ocComparisonSvg(truth: readonly number[], reports: readonly Labelled[], t: Translate): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const doc = document as unknown as Document;
  const doseLabel = (j: number) => `${t('cli.design.dose')} ${j + 1} (${truth[j]!.toFixed(2)})`;
  const selection = reports.flatMap(({ label, report }) => report.selectionPercent.map((value, j) => ({ dose: doseLabel(j), design: label, value })));
  const allocation = reports.flatMap(({ label, report }) => report.patients.map((value, j) => ({ dose: doseLabel(j), design: label, value })));
  const designs = reports.map((r) => r.label);
  const top = panel(doc, selection, t('cli.design.plot.selection'), designs, 0);
  const bottom = panel(doc, allocation, t('cli.design.plot.patients'), designs, 1);
  const legend = reports
    .map((r, i) => `<g transform="translate(${60 + i * 140},14)"><rect width="12" height="12" fill="${palette[i % palette.length]}"/><text x="18" y="10" font-size="12" font-family="'Noto Sans CJK SC', sans-serif">${escapeXml(r.label)}</text></g>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${2 * height + 40}" viewBox="0 0 ${width} ${2 * height + 40}">
<rect width="100%" height="100%" fill="white"/>
${legend}
<g transform="translate(0,30)">${top}</g>
<g transform="translate(0,${height + 40})">${bottom}</g>
</svg>
`;
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
