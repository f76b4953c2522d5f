// Tables of the packet: a header row in grey, rows as tall as their tallest cell (text wraps
// inside its column), the header repeated on every page the table runs onto, and no row split
// across pages. Widths are fractions of the text width.
import { page, type PacketWriter, textWidth } from './writer.ts';

export interface Column {
  readonly header: string;
  /** Share of the text width; the shares of a table add up to 1. */
  readonly width: number;
  readonly align?: 'left' | 'right' | 'center';
}

const size = 8.5;
const padX = 3;
const padY = 2.5;

function rowHeight(w: PacketWriter, columns: readonly Column[], cells: readonly string[], weight: 'regular' | 'bold'): number {
  w.font(weight, size);
  return Math.max(...columns.map((c, i) => w.doc.heightOfString(cells[i] ?? '', { width: c.width * textWidth - 2 * padX }))) + 2 * padY;
}

function drawRow(w: PacketWriter, columns: readonly Column[], cells: readonly string[], weight: 'regular' | 'bold', fill: string | null): void {
  const h = rowHeight(w, columns, cells, weight);
  const y = w.doc.y;
  if (fill) w.doc.rect(page.left, y, textWidth, h).fill(fill).fillColor('black');
  let x = page.left;
  w.font(weight, size);
  columns.forEach((c, i) => {
    w.doc.text(cells[i] ?? '', x + padX, y + padY, { width: c.width * textWidth - 2 * padX, align: c.align ?? 'left' });
    x += c.width * textWidth;
  });
  w.doc.moveTo(page.left, y + h).lineTo(page.left + textWidth, y + h).lineWidth(0.3).strokeColor('#bbbbbb').stroke().strokeColor('black');
  w.doc.x = page.left;
  w.doc.y = y + h;
}

export function table(w: PacketWriter, columns: readonly Column[], rows: readonly (readonly string[])[]): void {
  const headers = columns.map((c) => c.header);
  w.doc.moveDown(0.3);
  const headerHeight = rowHeight(w, columns, headers, 'bold');
  w.keep(headerHeight + (rows[0] ? rowHeight(w, columns, rows[0], 'regular') : 0));
  drawRow(w, columns, headers, 'bold', '#e8ecf2');
  rows.forEach((cells, r) => {
    const h = rowHeight(w, columns, cells, 'regular');
    if (h > w.room) {
      w.newPage();
      drawRow(w, columns, headers, 'bold', '#e8ecf2');
    }
    drawRow(w, columns, cells, 'regular', r % 2 === 1 ? '#f7f7f7' : null);
  });
  w.doc.moveDown(0.5);
  w.font('regular', 9.5);
}
