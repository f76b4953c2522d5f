// `firstdose export fhir`: the study as FHIR R4, as one collection Bundle when the target ends in
// .json, else as Bulk Data NDJSON files in the target directory. Reads in one snapshot, writes,
// then records the export (export-audit.ts).
import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCodeTables } from '../../fhir/index.ts';
import type { Actor } from '../../store/audit.ts';
import type { Db } from '../../store/db.ts';
import { studyByCode } from '../../store/trial/index.ts';
import { buildResources, type ExportedType, resourceTypes } from './build-resources.ts';
import { recordExport, requireExportRole, type WrittenFile, writeWhole } from './export-audit.ts';
import { loadExportData } from './load-export-data.ts';
import type { ObservationCodeTable } from './observation.ts';
import { bundleText, collectionBundle, ndjsonFiles } from './serialise.ts';

export const FhirFormat = { bundle: 'fhir-r4-bundle', ndjson: 'fhir-r4-ndjson' } as const;
export type FhirFormat = (typeof FhirFormat)[keyof typeof FhirFormat];

export interface FhirExportRequest {
  readonly study: string;
  /** A .json file (Bundle) or a directory (NDJSON). */
  readonly out: string;
  readonly actor: Actor;
  /** The export's time (Bundle.timestamp); now by default. */
  readonly now?: Date;
}

export interface FhirExportSummary {
  readonly format: FhirFormat;
  readonly counts: Readonly<Record<ExportedType, number>>;
  readonly files: readonly WrittenFile[];
}

export const fhirFormatFor = (out: string): FhirFormat => (out.toLowerCase().endsWith('.json') ? FhirFormat.bundle : FhirFormat.ndjson);

export async function exportFhir(db: Db, request: FhirExportRequest): Promise<FhirExportSummary> {
  const format = fhirFormatFor(request.out);
  const study = await studyByCode(db, request.study);
  await requireExportRole(db, request.actor, study.id, format);
  const data = await db.transaction((tx) => loadExportData(tx, request.study), { snapshot: true, readOnly: true });
  const resources = buildResources(data, defaultCodeTables().document.observations as ObservationCodeTable);
  const counts = Object.fromEntries(resourceTypes.map((t) => [t, resources[t].length])) as Record<ExportedType, number>;
  let files: WrittenFile[];
  if (format === FhirFormat.bundle) {
    files = [writeWhole(request.out, bundleText(collectionBundle(resources, randomUUID(), request.now ?? new Date())))];
  } else {
    const written = ndjsonFiles(resources);
    files = written.map((f) => writeWhole(join(request.out, f.file), f.text));
    // A type with nothing to export now must not leave an earlier export's file behind.
    for (const type of resourceTypes) {
      const stale = join(request.out, `${type}.ndjson`);
      if (!written.some((f) => f.type === type) && existsSync(stale)) rmSync(stale);
    }
  }
  await recordExport(db, request.actor, { scope: { study: request.study, subjects: data.subjects.length, resources: counts }, format, files });
  return { format, counts, files };
}
