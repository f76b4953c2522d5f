// The packet's font: Noto Sans CJK SC from Debian's fonts-noto-cjk, which holds Latin and
// Simplified Chinese alike, so one font serves both languages and any Chinese in the record (an
// adverse event term, a name) renders in an English packet too. It is read from the disk, never
// downloaded; FIRSTDOSE_CJK_FONT points elsewhere (another distribution's path, an .otf).
import { existsSync } from 'node:fs';

export const debianCjkFont = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

export interface FontFace {
  readonly path: string;
  /** The face inside a TrueType collection (.ttc); ignored for a single font file. */
  readonly postscriptName: string;
}

export interface PacketFonts {
  readonly regular: FontFace;
  readonly bold: FontFace;
}

export class FontMissing extends Error {
  constructor(readonly path: string) {
    super(`font not found: ${path}`);
  }
}

/** The regular face, and the bold one beside it when there is one (else bold is drawn regular). */
export function packetFonts(env: NodeJS.ProcessEnv = process.env): PacketFonts {
  const path = env.FIRSTDOSE_CJK_FONT || debianCjkFont;
  if (!existsSync(path)) throw new FontMissing(path);
  const regular = { path, postscriptName: 'NotoSansCJKsc-Regular' };
  const boldPath = path.replace(/Regular(\.\w+)$/, 'Bold$1');
  const bold = boldPath !== path && existsSync(boldPath) ? { path: boldPath, postscriptName: 'NotoSansCJKsc-Bold' } : regular;
  return { regular, bold };
}
