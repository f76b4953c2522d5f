// The ranked candidates as CSV (RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes
// doubled; lists joined with `;`) or JSON, chosen by the file's extension. Rows are written in
// chunks so a 100,000-row file never exists as one string.
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import type { PrescreenRow } from './rank.ts';

export const OutputFormat = { csv: 'csv', json: 'json' } as const;
export type OutputFormat = (typeof OutputFormat)[keyof typeof OutputFormat];

export function formatOf(file: string): OutputFormat | undefined {
  const ext = extname(file).toLowerCase();
  return ext === '.csv' ? OutputFormat.csv : ext === '.json' ? OutputFormat.json : undefined;
}

export function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export const csvHeader = ['rank', 'patient', 'eligible', 'met', 'not_met', 'unknown', 'missing_count', 'not_met_criteria', 'unknown_criteria', 'missing', 'data_issues'];

export function csvRow(rank: number, r: PrescreenRow): string {
  return [rank, r.patient, r.eligible, r.met, r.notMet, r.unknown, r.missing.length, r.notMetCriteria.join(';'), r.unknownCriteria.join(';'), r.missing.join(';'), r.dataIssues]
    .map(csvField)
    .join(',');
}

export interface OutputHeader {
  readonly protocol: string;
  readonly protocolVersion: string;
  readonly asOf: string;
}

export async function writeRows(file: string, format: OutputFormat, header: OutputHeader, rows: readonly PrescreenRow[]): Promise<void> {
  const handle = await open(file, 'w');
  try {
    const chunk: string[] = [];
    const flush = async () => {
      if (chunk.length > 0) await handle.write(chunk.join(''));
      chunk.length = 0;
    };
    if (format === OutputFormat.csv) chunk.push(`${csvHeader.join(',')}\r\n`);
    else chunk.push(`{"protocol":${JSON.stringify(header.protocol)},"protocolVersion":${JSON.stringify(header.protocolVersion)},"asOf":${JSON.stringify(header.asOf)},"candidates":[`);
    for (const [i, r] of rows.entries()) {
      if (format === OutputFormat.csv) chunk.push(`${csvRow(i + 1, r)}\r\n`);
      else chunk.push(`${i === 0 ? '\n' : ',\n'}${JSON.stringify({ rank: i + 1, ...r })}`);
      if (chunk.length >= 2000) await flush();
    }
    chunk.push(format === OutputFormat.csv ? '' : '\n]}\n');
    await flush();
  } finally {
    await handle.close();
  }
}
