// `firstdose export odm`: the study's clinical data with its complete audit trail and signatures
// as one ODM 1.3.2 file. Reads in one snapshot, writes, then records the export.
import { readFileSync } from 'node:fs';
import type { Actor } from '../../store/audit.ts';
import type { Db } from '../../store/db.ts';
import { studyByCode } from '../../store/trial/index.ts';
import { recordExport, requireExportRole, type WrittenFile, writeWhole } from '../fhir-export/index.ts';
import { loadOdmData } from './load-odm-data.ts';
import { odmDocument } from './odm-document.ts';

export const odmFormat = 'odm-1.3.2';

export interface OdmExportRequest {
  readonly study: string;
  readonly out: string;
  readonly actor: Actor;
  readonly now?: Date;
}

export interface OdmExportSummary {
  readonly format: typeof odmFormat;
  readonly subjects: number;
  readonly auditRecords: number;
  readonly signatures: number;
  readonly file: WrittenFile;
}

const version = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export async function exportOdm(db: Db, request: OdmExportRequest): Promise<OdmExportSummary> {
  const study = await studyByCode(db, request.study);
  await requireExportRole(db, request.actor, study.id, odmFormat);
  const data = await db.transaction((tx) => loadOdmData(tx, request.study), { snapshot: true, readOnly: true });
  const now = request.now ?? new Date();
  const text = odmDocument(data, { fileOid: `FirstDose.${data.study.code}.${now.toISOString().replace(/[^0-9]/g, '')}`, createdAt: now, sourceSystemVersion: version });
  const records = data.subjects.flatMap((s) => s.records);
  const summary = {
    format: odmFormat,
    subjects: data.subjects.length,
    auditRecords: records.reduce((n, r) => n + r.audit.length, 0),
    signatures: records.reduce((n, r) => n + r.signatures.length, 0),
  } as const;
  const file = writeWhole(request.out, text);
  await recordExport(db, request.actor, { scope: { study: request.study, subjects: summary.subjects, auditRecords: summary.auditRecords, signatures: summary.signatures }, format: odmFormat, files: [file] });
  return { ...summary, file };
}
