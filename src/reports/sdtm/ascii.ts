// SAS transport files for FDA submissions are ASCII (shared/domain/cdisc.md §3.3). The protocol's
// English texts use a few typographic symbols; they are spelled out here. Anything else outside
// ASCII (Chinese verbatim text) is kept and reported, for the sponsor to translate.
import type { Dataset, ExportNote, Row } from './model.ts';

const symbols: Record<string, string> = {
  '≥': '>=',
  '≤': '<=',
  '×': 'x',
  '⁹': '9',
  '³': '3',
  '¹²': '12',
  '²': '2',
  'µ': 'u',
  'μ': 'u',
  '–': '-',
  '—': '-',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '…': '...',
  ' ': ' ',
};
const pattern = new RegExp(Object.keys(symbols).sort((a, b) => b.length - a.length).join('|'), 'g');

export const asciiFold = (text: string) => text.replace(pattern, (s) => symbols[s]!);

/** Every character value folded to ASCII where a spelling exists; what stays non-ASCII is noted once per variable. */
export function foldDataset(dataset: Dataset, notes: ExportNote[]): Dataset {
  const flagged = new Set<string>();
  const rows = dataset.rows.map((row) => {
    const out: Record<string, Row[string]> = {};
    for (const [k, v] of Object.entries(row)) {
      const folded = typeof v === 'string' ? asciiFold(v) : v;
      if (typeof folded === 'string' && /[^\x20-\x7e]/.test(folded) && !flagged.has(k)) {
        flagged.add(k);
        notes.push({ code: 'non_ascii', params: { dataset: dataset.spec.name, variable: k } });
      }
      out[k] = folded;
    }
    return out;
  });
  return { spec: dataset.spec, rows };
}
