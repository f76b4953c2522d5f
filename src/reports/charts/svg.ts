// What the packet's charts share: a linkedom document for Observable Plot (no browser), one font
// stack (Noto Sans CJK SC covers Latin and Chinese, so both languages draw alike in the browser;
// the PDF writer maps every family to the embedded CJK font), colours, a legend drawn by hand
// (Plot's own legends are HTML, which neither an <svg> nor svg-to-pdfkit can hold), and the
// outer <svg> every chart is returned in.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

export const chartFont = "'Noto Sans CJK SC', 'Noto Sans', sans-serif";
export const chartWidth = 720;
export const fontSize = 11;

/** Dose levels 1, 2, 3, … (Tableau 10, as oc-chart.ts). */
const levelPalette = ['#4e79a7', '#f28e2c', '#59a14f', '#b07aa1', '#76b7b2', '#edc949', '#9c755f'];
export const levelColour = (level: number | null) => (level === null ? '#999999' : levelPalette[(level - 1) % levelPalette.length]!);

/** Adverse event grades 1–5, light to dark as severity rises (grade 5 black). */
export const gradeColours = ['#ffe082', '#ffb74d', '#f4511e', '#b71c1c', '#000000'] as const;
export const gradeColour = (grade: number) => gradeColours[Math.min(5, Math.max(1, grade)) - 1]!;

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** A fresh document per chart: Plot appends nothing to it, but a shared one would grow a <style> per call. */
export function plotDocument(): Document {
  return parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
}

/** Plot.plot on a linkedom document, as SVG text. Never pass title, caption or a legend: Plot then returns a <figure>. */
export function plotSvg(options: Plot.PlotOptions): string {
  const svg = Plot.plot({ document: plotDocument(), style: { fontFamily: chartFont, fontSize: `${fontSize}px`, background: 'white' }, ...options }) as unknown as Element;
  if (svg.tagName.toLowerCase() !== 'svg') throw new Error(`Plot returned <${svg.tagName}>, not <svg>`);
  return svg.outerHTML;
}

/** Rough width of a label: CJK characters are square, Latin ones about 0.6 em. */
export function textWidth(text: string, size = fontSize): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? size : size * 0.6;
  return w;
}

export type Swatch = { readonly kind: 'rect'; readonly fill: string; readonly stroke?: string; readonly dash?: boolean } | { readonly kind: 'line'; readonly stroke: string; readonly dash?: boolean } | { readonly kind: 'symbol'; readonly path: string; readonly fill: string; readonly stroke?: string };

export interface LegendItem {
  readonly label: string;
  readonly swatch: Swatch;
}

function swatchSvg(s: Swatch): string {
  if (s.kind === 'rect') return `<rect x="0" y="-9" width="14" height="10" fill="${s.fill}" stroke="${s.stroke ?? 'none'}"${s.dash ? ' stroke-dasharray="3,2"' : ''}/>`;
  if (s.kind === 'line') return `<line x1="0" y1="-4" x2="14" y2="-4" stroke="${s.stroke}" stroke-width="2"${s.dash ? ' stroke-dasharray="4,3"' : ''}/>`;
  return `<path transform="translate(7,-4)" d="${s.path}" fill="${s.fill}" stroke="${s.stroke ?? 'none'}"/>`;
}

/** Legend items laid out in rows that fit the width; returns the SVG and the height it takes. */
export function legend(items: readonly LegendItem[], width = chartWidth, x0 = 10): { svg: string; height: number } {
  const rowHeight = 18;
  let x = x0;
  let y = 14;
  const parts: string[] = [];
  for (const item of items) {
    const w = 20 + textWidth(item.label) + 16;
    if (x + w > width && x > x0) {
      x = x0;
      y += rowHeight;
    }
    parts.push(`<g aria-label="legend-item" transform="translate(${x.toFixed(1)},${y})">${swatchSvg(item.swatch)}<text x="20" y="0" font-size="${fontSize}">${escapeXml(item.label)}</text></g>`);
    x += w;
  }
  return { svg: `<g aria-label="legend" font-family="${escapeXml(chartFont)}">${parts.join('')}</g>`, height: items.length === 0 ? 0 : y + 8 };
}

/** Symbols of Plot's dot mark (d3-symbol paths, area 64 like Plot's r = 4.5), for the hand-drawn legend. */
export const symbolPath = {
  circle: 'M4.5,0A4.5,4.5,0,1,1,-4.5,0A4.5,4.5,0,1,1,4.5,0',
  triangle: 'M0,-5.3L4.6,2.65L-4.6,2.65Z',
  diamond: 'M0,-6.2L3.6,0L0,6.2L-3.6,0Z',
  square: 'M-4,-4h8v8h-8Z',
  star: 'M0,-6L1.4,-1.9L5.7,-1.9L2.2,0.7L3.5,4.9L0,2.3L-3.5,4.9L-2.2,0.7L-5.7,-1.9L-1.4,-1.9Z',
  cross: 'M-4.5,-1.5h3v-3h3v3h3v3h-3v3h-3v-3h-3Z',
} as const;

/** The outer <svg> of a chart: white background, an optional legend on top, the body below it. */
export function chartSvg(label: string, body: string, bodyHeight: number, legendItems: readonly LegendItem[] = [], width = chartWidth): string {
  const l = legend(legendItems, width);
  const height = Math.ceil(l.height + bodyHeight + 6);
  return `<svg xmlns="http://www.w3.org/2000/svg" aria-label="${escapeXml(label)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(chartFont)}">
<rect width="100%" height="100%" fill="white"/>
${l.svg}
<g transform="translate(0,${l.height + 6})">${body}</g>
</svg>
`;
}

/** A chart with nothing to draw yet says so, at a modest height, instead of drawing empty axes. */
export function emptyChart(label: string, message: string, width = chartWidth): string {
  return chartSvg(label, `<rect aria-label="empty" x="1" y="1" width="${width - 2}" height="58" fill="#fafafa" stroke="#cccccc"/><text x="${width / 2}" y="34" text-anchor="middle" font-size="${fontSize + 1}" fill="#555555">${escapeXml(message)}</text>`, 60, [], width);
}
