// `firstdose export sdtm`: the study's SDTM datasets written to a directory, one file per dataset
// named in lower case, plus define.xml. XPT is written by src/reports/xpt from the same
// Dataset-JSON this module produces, so the three formats carry the same values. Like every
// export it is recorded (R-47): who, which study, which format, each file's SHA-256.
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { Issue } from '../../domain/result.ts';
import type { Actor } from '../../store/audit.ts';
import type { Db } from '../../store/db.ts';
import { studyByCode } from '../../store/trial/index.ts';
import { recordExport, requireExportRole, type WrittenFile, writeWhole } from '../fhir-export/export-audit.ts';
import { datasetJsonToXpt, defaultOs, defaultSasVersion, isoToHeader, parseDatasetJson, writeXpt } from '../xpt/index.ts';
import { buildTabulation, type Tabulation } from './build.ts';
import { toCsv } from './csv.ts';
import { type DatasetJsonFile, toDatasetJson } from './dataset-json.ts';
import { siteDateTime } from './dates.ts';
import { defineXml, metaDataVersionOid, studyOid } from './define-xml.ts';
import { loadTrialSource } from './load.ts';
import type { ExportNote } from './model.ts';

export const SdtmFormat = { xpt: 'xpt', csv: 'csv', datasetJson: 'dataset-json' } as const;
export type SdtmFormat = (typeof SdtmFormat)[keyof typeof SdtmFormat];

const extension: Record<SdtmFormat, string> = { xpt: 'xpt', csv: 'csv', 'dataset-json': 'json' };

export interface SdtmExportOptions {
  readonly study: string;
  readonly out: string;
  readonly format: SdtmFormat;
  readonly asOf: string;
  readonly now?: Date;
  readonly sourceVersion?: string;
  /**
   * Who exports: checked to be a study-wide data manager or administrator. Without one the export
   * is recorded under the operating-system account that ran it on the database itself (the CLI's
   * contract names no exporter for SDTM).
   */
  readonly actor?: Actor;
}

export interface SdtmExportSummary {
  readonly files: ReadonlyArray<{ readonly file: string; readonly records: number }>;
  readonly notes: readonly ExportNote[];
  readonly written: readonly WrittenFile[];
}

/** Bytes of every file of a tabulation, by file name (define.xml included). */
export function sdtmFiles(tab: Tabulation, format: SdtmFormat, meta: { title: string; now: Date; sourceVersion: string }): { files: Map<string, Uint8Array | string>; notes: ExportNote[] } {
  const notes = [...tab.notes];
  const created = siteDateTime(meta.now).padEnd(19, ':00').slice(0, 19);
  const files = new Map<string, Uint8Array | string>();
  const jsonMeta = { studyOid: studyOid(tab.studyid), metaDataVersionOid: metaDataVersionOid(tab.studyid), created, sourceVersion: meta.sourceVersion };
  for (const dataset of tab.datasets) {
    const name = `${dataset.spec.name.toLowerCase()}.${extension[format]}`;
    if (format === 'csv') files.set(name, toCsv(dataset));
    else if (format === 'dataset-json') files.set(name, `${JSON.stringify(toDatasetJson(dataset, jsonMeta))}\n`);
    else files.set(name, xptBytes(toDatasetJson(dataset, jsonMeta), created));
  }
  files.set('define.xml', defineXml(tab.datasets, { studyid: tab.studyid, title: meta.title, created, sourceVersion: meta.sourceVersion, extension: extension[format] }, notes));
  return { files, notes };
}

export async function exportSdtm(db: Db, options: SdtmExportOptions): Promise<SdtmExportSummary> {
  const studyRow = await studyByCode(db, options.study);
  if (options.actor) await requireExportRole(db, options.actor, studyRow.id, `sdtm-${options.format}`);
  const source = await loadTrialSource(db, options.study, options.asOf);
  const tab = buildTabulation(source);
  const { files, notes } = sdtmFiles(tab, options.format, { title: source.study.title, now: options.now ?? new Date(), sourceVersion: options.sourceVersion ?? '0.1.0' });
  const written = [...files].map(([file, content]) => writeWhole(join(options.out, file), content));
  const records = new Map(tab.datasets.map((d) => [`${d.spec.name.toLowerCase()}.${extension[options.format]}`, d.rows.length]));
  const actor = options.actor ?? { user: `os:${userInfo().username}` };
  await recordExport(db, actor, { scope: { study: options.study, asOf: options.asOf, records: Object.fromEntries(records) }, format: `sdtm-${options.format}`, files: written });
  return { files: [...files.keys()].map((file) => ({ file, records: records.get(file) ?? 0 })), notes, written };
}

/** Thrown when a dataset cannot be written as XPT v5 (a value over 200 bytes, a name too long): a bug in the mapping. */
export class XptExportError extends Error {
  constructor(readonly issues: readonly Issue[]) {
    super(`XPT: ${issues.map((i) => `${i.path.join('.')} ${i.code}`).join('; ')}`);
  }
}

/** One dataset as a SAS XPORT v5 file, through src/reports/xpt (Dataset-JSON in, bytes out). */
function xptBytes(json: DatasetJsonFile, now: string): Uint8Array {
  const parsed = parseDatasetJson(json);
  if (!parsed.ok) throw new XptExportError(parsed.issues);
  const dataset = datasetJsonToXpt(parsed.value, { now });
  if (!dataset.ok) throw new XptExportError(dataset.issues);
  const stamp = isoToHeader(now)!;
  const bytes = writeXpt({ sasVersion: defaultSasVersion, os: defaultOs, created: stamp, modified: stamp, datasets: [dataset.value] });
  if (!bytes.ok) throw new XptExportError(bytes.issues);
  return bytes.value;
}
