// A laboratory file (CSV) imported as proposals: one row per result, each landing as a proposed
// observation tied to the file's batch (name, SHA-256, row number), to be accepted or rejected by
// a person like the values of a FHIR bundle. The file is checked whole before anything is stored:
// one bad row refuses the import and names the row and the field. observed_at is a date
// (noon at the site) or a date-time with its zone, checked as the API checks it.
//
//   subject,code,value,unit,observed_at,ref_low,ref_high
//   001,anc,1.2,10*9/L,2026-03-02T08:30:00+08:00,1.8,6.3
import { createHash } from 'node:crypto';
import { isIsoDate, isIsoInstant } from '../../domain/conduct/index.ts';
import { type Issue, issue } from '../../domain/result.ts';
import { type Actor, audited } from '../audit.ts';
import type { Db } from '../db.ts';
import { importBatch, observation } from '../schema-conduct.ts';
import { siteNoon } from './clock.ts';
import { observationIssues } from './observation-rules.ts';
import { InvalidInput } from './refusal.ts';

const required = ['subject', 'code', 'value', 'unit', 'observed_at'] as const;

/** RFC 4180 fields: commas and quotes inside double quotes, "" for a quote. */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

const number = (text: string | undefined) => (text === undefined || text.trim() === '' ? undefined : Number(text));

export interface LabImport {
  readonly batchId: string;
  readonly proposals: number;
}

export async function importLabFile(db: Db, actor: Actor, input: { studyId: string; fileName: string; text: string }): Promise<LabImport> {
  const [header, ...rows] = csvRows(input.text.replace(/^\uFEFF/, ''));
  if (!header) throw new InvalidInput(issue(['file'], 'required'));
  const column = new Map(header.map((h, i) => [h.trim().toLowerCase(), i]));
  const missing = required.filter((r) => !column.has(r));
  if (missing.length) throw new InvalidInput(issue(['header'], 'missing_columns', { columns: missing }));
  const subjects = new Map(
    (await db.query<{ id: string; screening_number: string }>('SELECT id, screening_number FROM subject WHERE study_id = $1', [input.studyId])).map((s) => [s.screening_number, s.id]),
  );
  const at = (row: string[], name: string) => {
    const i = column.get(name);
    return i === undefined ? undefined : row[i]?.trim();
  };
  const issues: Issue[] = [];
  const parsed = rows.map((row, index) => {
    const line = index + 2;
    const subjectId = subjects.get(at(row, 'subject') ?? '');
    if (!subjectId) issues.push(issue([`row ${line}`, 'subject'], 'subject_not_found', { subject: at(row, 'subject') ?? '' }));
    // The API's rule (DateOrInstant): `new Date` read `1` as 2001 and 2026-02-30 as 2 March.
    const observed = at(row, 'observed_at') ?? '';
    const isDate = isIsoDate(observed);
    if (!isDate && !isIsoInstant(observed)) issues.push(issue([`row ${line}`, 'observed_at'], 'invalid_instant', { value: observed }));
    const when = isDate ? siteNoon(observed) : new Date(observed);
    const value = { kind: 'lab' as const, valueNum: number(at(row, 'value')), unit: at(row, 'unit'), refLow: number(at(row, 'ref_low')), refHigh: number(at(row, 'ref_high')) };
    for (const i of observationIssues(value)) issues.push({ ...i, path: [`row ${line}`, ...i.path] });
    return { line, subjectId, code: at(row, 'code') ?? '', when, value };
  });
  if (rows.length === 0) issues.push(issue(['file'], 'no_rows'));
  if (issues.length > 0) throw new InvalidInput(issues[0]!, ...issues.slice(1));
  const sha256 = createHash('sha256').update(input.text).digest('hex');
  return audited(db, actor, async (tx) => {
    const batch = await tx.insert(importBatch, { studyId: input.studyId, subjectId: null, kind: 'lab-file', fileName: input.fileName, sha256, items: parsed.length });
    for (const r of parsed)
      await tx.insert(observation, {
        subjectId: r.subjectId!,
        kind: 'lab',
        code: r.code,
        valueNum: r.value.valueNum ?? null,
        unit: r.value.unit ?? null,
        refLow: r.value.refLow ?? null,
        refHigh: r.value.refHigh ?? null,
        observedAt: r.when,
        status: 'proposed',
        source: 'import',
        importId: batch.id,
        importRow: r.line,
      });
    return { batchId: batch.id, proposals: parsed.length };
  });
}

