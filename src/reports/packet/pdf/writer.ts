// A thin layer over pdfkit for the packet: A4 pages with room for the running header and footer,
// headings, paragraphs, label/value lines, charts (SVG through svg-to-pdfkit, scaled to the text
// width) and page breaks that keep a block together. Header and footer go on at the end, when
// the page count is known (pdfkit's buffered pages).
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { PacketFonts } from './font.ts';

export const page = { width: 595.28, height: 841.89, left: 42, right: 42, top: 64, bottom: 56 } as const;
export const textWidth = page.width - page.left - page.right;
const regular = 'packet-regular';
const bold = 'packet-bold';
/** The smallest a chart is drawn to fit the rest of a page, relative to its size at the text width. */
export const shrink = 0.8;

export class PacketWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly done: Promise<Buffer>;
  /** Where each section starts (page index), and where the contents list names it (page 0, y). */
  private readonly starts = new Map<string, number>();
  private readonly contents: { key: string; y: number }[] = [];

  constructor(fonts: PacketFonts, info: { title: string; subject: string; language: string }) {
    this.doc = new PDFDocument({
      size: 'A4',
      bufferPages: true,
      margins: { top: page.top, bottom: page.bottom, left: page.left, right: page.right },
      info: { Title: info.title, Subject: info.subject, Creator: 'FirstDose' },
      lang: info.language,
    });
    const chunks: Buffer[] = [];
    this.doc.on('data', (c: Buffer) => chunks.push(c));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    this.doc.registerFont(regular, fonts.regular.path, fonts.regular.postscriptName);
    this.doc.registerFont(bold, fonts.bold.path, fonts.bold.postscriptName);
    this.doc.font(regular).fontSize(9.5);
  }

  get y(): number {
    return this.doc.y;
  }

  /** Room left on this page above the footer. */
  get room(): number {
    return page.height - page.bottom - this.doc.y;
  }

  /** A new page unless `height` points still fit on this one. */
  keep(height: number): void {
    if (height > this.room) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
  }

  font(weight: 'regular' | 'bold', size: number): this {
    this.doc.font(weight === 'bold' ? bold : regular).fontSize(size);
    return this;
  }

  title(text: string): void {
    this.font('bold', 18).doc.text(text, page.left, this.doc.y, { width: textWidth });
    this.doc.moveDown(0.4);
    this.font('regular', 9.5);
  }

  /** A section heading, kept on one page with the `keepWith` points of what follows it. */
  heading(text: string, options: { key?: string; keepWith?: number } = {}): void {
    this.keep(30 + (options.keepWith ?? 60));
    if (options.key) this.starts.set(options.key, this.doc.bufferedPageRange().start + this.doc.bufferedPageRange().count - 1);
    this.doc.moveDown(0.6);
    this.font('bold', 13).doc.fillColor('#1a3d6d').text(text, page.left, this.doc.y, { width: textWidth });
    this.doc.fillColor('black').moveDown(0.3);
    this.font('regular', 9.5);
  }

  subheading(text: string): void {
    this.keep(50);
    this.doc.moveDown(0.3);
    this.font('bold', 10.5).doc.text(text, page.left, this.doc.y, { width: textWidth });
    this.doc.moveDown(0.2);
    this.font('regular', 9.5);
  }

  /** A line of the contents; its page number is filled in by finish(). */
  contentsLine(key: string, text: string): void {
    this.contents.push({ key, y: this.doc.y });
    this.paragraph(text, { indent: 10 });
  }

  paragraph(text: string, options: { size?: number; colour?: string; indent?: number; bold?: boolean } = {}): void {
    const indent = options.indent ?? 0;
    this.font(options.bold ? 'bold' : 'regular', options.size ?? 9.5).doc.fillColor(options.colour ?? 'black');
    this.keep(this.doc.heightOfString(text, { width: textWidth - indent }));
    this.doc.text(text, page.left + indent, this.doc.y, { width: textWidth - indent });
    this.doc.fillColor('black');
    this.font('regular', 9.5);
  }

  /** Label and value on one line each, the labels in a column of their own. */
  fields(rows: readonly (readonly [string, string])[], labelWidth = 120): void {
    for (const [label, value] of rows) {
      this.font('regular', 9.5);
      const h = Math.max(this.doc.heightOfString(value, { width: textWidth - labelWidth }), this.doc.heightOfString(label, { width: labelWidth - 8 }));
      this.keep(h + 4);
      const y = this.doc.y;
      this.font('bold', 9.5).doc.text(label, page.left, y, { width: labelWidth - 8 });
      this.font('regular', 9.5).doc.text(value, page.left + labelWidth, y, { width: textWidth - labelWidth });
      this.doc.y = y + h + 4;
    }
  }

  /** The size of a chart as drawn: at the text width (never enlarged), at most a page high. */
  chartSize(svg: string): { w: number; h: number; scale: number } {
    const size = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
    const [w, h] = size ? [Number(size[1]), Number(size[2])] : [textWidth, textWidth * 0.6];
    return { w, h, scale: Math.min(1, textWidth / w, (page.height - page.top - page.bottom - 40) / h) };
  }

  /**
   * An SVG chart (svg-to-pdfkit: vectors, text in the packet's font). A chart slightly too tall
   * for the rest of the page is drawn down to `shrink` of its size rather than leave half a page
   * empty; a taller one goes on a new page. `reserve` keeps room for a note under it.
   */
  chart(svg: string, reserve = 0): void {
    const size = this.chartSize(svg);
    const { w, h } = size;
    let scale = size.scale;
    const room = this.room - reserve - 6;
    if (h * scale > room && h * scale * shrink <= room) scale = room / h;
    this.keep(h * scale + 6);
    const y = this.doc.y;
    SVGtoPDF(this.doc, svg, page.left, y, {
      width: w * scale,
      height: h * scale,
      preserveAspectRatio: 'xMinYMin meet',
      fontCallback: (_family: string, isBold: boolean) => (isBold ? bold : regular),
    });
    this.doc.x = page.left;
    this.doc.y = y + h * scale + 6;
    this.font('regular', 9.5);
  }

  /** Header and footer on every page; then the document's bytes. */
  async finish(header: string, footer: (page: number, pages: number) => [string, string]): Promise<Buffer> {
    const { start, count } = this.doc.bufferedPageRange();
    this.doc.switchToPage(start);
    this.font('regular', 9.5);
    for (const line of this.contents) {
      const at = this.starts.get(line.key);
      if (at !== undefined) this.doc.text(String(at - start + 1), page.left, line.y, { width: textWidth, align: 'right', lineBreak: false });
    }
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      // Text below the bottom margin would start a new page: lift the margin while writing there.
      const margin = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.font('regular', 8).doc.fillColor('#444444');
      this.doc.text(header, page.left, 30, { width: textWidth, lineBreak: false, ellipsis: true });
      this.doc.moveTo(page.left, 44).lineTo(page.width - page.right, 44).lineWidth(0.5).strokeColor('#999999').stroke();
      const [left, right] = footer(i - start + 1, count);
      this.doc.text(left, page.left, page.height - 36, { width: textWidth / 2, lineBreak: false });
      this.doc.text(right, page.left + textWidth / 2, page.height - 36, { width: textWidth / 2, align: 'right', lineBreak: false });
      this.doc.page.margins.bottom = margin;
      this.doc.fillColor('black').strokeColor('black');
    }
    this.doc.end();
    return this.done;
  }
}
