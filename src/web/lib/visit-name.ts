// A visit's name from the protocol when the server sends it, else its code (d7, m3).
import type { Language } from './i18n.ts';
import type { VisitRow } from './types.ts';

export function visitName(v: VisitRow, language: Language): string {
  if (typeof v.name === 'string') return v.name;
  if (v.name) return v.name[language] ?? v.name.en;
  return v.visitCode;
}
