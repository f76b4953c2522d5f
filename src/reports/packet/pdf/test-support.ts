// Checking a PDF the way a reader sees it, with Debian's poppler-utils: pdftoppm renders each
// page (greyscale PGM), pdftotext extracts the text (which proves the embedded font maps its
// glyphs back to Unicode), pdfinfo counts pages, pdffonts lists the embedded fonts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RenderedPage {
  readonly width: number;
  readonly height: number;
  /** Share of pixels darker than near-white: 0 for a blank page. */
  readonly ink: number;
}

/** Parses a binary PGM (P5, 8-bit) as pdftoppm -gray writes it. */
function pgm(bytes: Buffer): RenderedPage {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = bytes.subarray(header[0].length);
  let dark = 0;
  for (const p of pixels) if (p < 235) dark += 1;
  return { width, height, ink: dark / (width * height) };
}

export interface PdfCheck {
  readonly pages: RenderedPage[];
  readonly pageCount: number;
  readonly text: string;
  readonly fonts: string;
}

export function checkPdf(bytes: Uint8Array, dpi = 30): PdfCheck {
  const dir = mkdtempSync(join(tmpdir(), 'firstdose-pdf-'));
  try {
    const file = join(dir, 'packet.pdf');
    writeFileSync(file, bytes);
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), file, join(dir, 'page')]);
    const pages = readdirSync(dir)
      .filter((f) => f.endsWith('.pgm'))
      .sort()
      .map((f) => pgm(readFileSync(join(dir, f))));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return {
      pages,
      pageCount: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]),
      text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
      fonts: execFileSync('pdffonts', [file], { encoding: 'utf8' }),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
