// The files of a FHIR Bulk Data export (https://hl7.org/fhir/uv/bulkdata/export.html): one or more
// NDJSON files per resource type, named by type (`Observation.ndjson`, `Observation.2.ndjson`,
// `1.Observation.ndjson` all occur). Medication files are read first, because MedicationStatements
// may point at them; everything else in name order, whatever the types (nothing depends on it).
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface ExportFile {
  readonly path: string;
  readonly name: string;
  /** The resource type its name suggests, if any (only used to read Medication files first). */
  readonly type: string | undefined;
  readonly bytes: number;
}

const typeOf = (name: string): string | undefined => name.split('.').find((part) => /^[A-Z][A-Za-z]+$/.test(part));

export async function exportFiles(dir: string): Promise<ExportFile[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.ndjson')).sort();
  const files = await Promise.all(names.map(async (name) => ({ path: join(dir, name), name, type: typeOf(name), bytes: (await stat(join(dir, name))).size })));
  return [...files.filter((f) => f.type === 'Medication'), ...files.filter((f) => f.type !== 'Medication')];
}
