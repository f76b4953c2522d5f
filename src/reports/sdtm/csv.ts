// A dataset as CSV (RFC 4180): a header of variable names in SDTM order, then one line per
// record; empty fields for missing values, numbers as JavaScript writes them (shortest exact).
import { type Dataset, rowValues, type Value } from './model.ts';

function field(value: Value): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(dataset: Dataset): string {
  const lines = [dataset.spec.variables.map((v) => v.name).join(',')];
  for (const row of dataset.rows) lines.push(rowValues(dataset.spec, row).map(field).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Reads back what toCsv wrote (for tests and checks): header names and rows of strings. */
export function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const records: string[][] = [];
  let record: string[] = [];
  let value = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        value += '"';
        i++;
      } else if (c === '"') quoted = false;
      else value += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(value);
      value = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(value);
      records.push(record);
      record = [];
      value = '';
      i++;
    } else value += c;
  }
  if (value !== '' || record.length > 0) records.push([...record, value]);
  const [header = [], ...rows] = records;
  return { header, rows };
}
