// SAS format text (`DATE9.`, `E8601DA.`, `8.2`, `$CHAR20.`) ↔ the NAMESTR's name, width and
// decimals. SAS format names cannot end in a digit, so the digits before the dot are the width.
import type { XptFormat } from './model.ts';

const pattern = /^(\$?[A-Za-z_0-9]*?)(\d*)\.(\d*)$/;

/** The NAMESTR fields of a format text; null when it is not `name[w].[d]`. */
export function parseDisplayFormat(text: string): XptFormat | null {
  const m = pattern.exec(text.trim());
  if (!m) return null;
  const [, name, width, decimals] = m as unknown as [string, string, string, string];
  return { name: name.toUpperCase(), width: width === '' ? 0 : Number(width), decimals: decimals === '' ? 0 : Number(decimals), justify: 0 };
}

/** `DATE9.`, `8.2`, `E8601DA.`: the text SAS prints for a format. */
export function displayFormatText(format: XptFormat): string {
  return `${format.name}${format.width > 0 ? format.width : ''}.${format.decimals > 0 ? format.decimals : ''}`;
}
