// Writes a synthetic FHIR Bulk Data export: one NDJSON file per resource type, patients' resources
// interleaved as a server's export has them. Patients are generated one at a time and written
// through per-type buffers, so memory stays flat however many patients are asked for.
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { syntheticPatient } from './patient.ts';

export const exportResourceTypes = ['Patient', 'Observation', 'Condition', 'MedicationStatement', 'Procedure', 'QuestionnaireResponse'] as const;

export interface SyntheticExportOptions {
  readonly patients: number;
  readonly seed: number;
  /** The date the histories lead up to (YYYY-MM-DD). */
  readonly asOf: string;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface SyntheticExportSummary {
  readonly patients: number;
  readonly sle: number;
  readonly resources: Readonly<Record<string, number>>;
  readonly files: readonly string[];
}

/** Flushing at ~1 MB keeps writes large (few syscalls) and the buffers small. */
const flushChars = 1 << 20;

class TypeWriter {
  private parts: string[] = [];
  private size = 0;
  count = 0;
  constructor(private readonly handle: FileHandle) {}

  async add(line: string): Promise<void> {
    this.parts.push(line);
    this.size += line.length;
    this.count++;
    if (this.size >= flushChars) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    await this.handle.write(text);
  }

  async close(): Promise<void> {
    await this.flush();
    await this.handle.close();
  }
}

export async function writeSyntheticExport(dir: string, options: SyntheticExportOptions): Promise<SyntheticExportSummary> {
  await mkdir(dir, { recursive: true });
  const files = exportResourceTypes.map((type) => join(dir, `${type}.ndjson`));
  const writers = new Map<string, TypeWriter>();
  for (const [i, type] of exportResourceTypes.entries()) writers.set(type, new TypeWriter(await open(files[i]!, 'w')));
  let sle = 0;
  try {
    for (let index = 0; index < options.patients; index++) {
      const patient = syntheticPatient(options.seed, index, options.asOf);
      if (patient.kind === 'sle') sle++;
      for (const resource of patient.resources) {
        const writer = writers.get(resource.resourceType);
        if (!writer) throw new Error(`no export file for ${resource.resourceType}`);
        await writer.add(`${JSON.stringify(resource)}\n`);
      }
      if (options.onProgress && ((index + 1) % 1000 === 0 || index + 1 === options.patients)) options.onProgress(index + 1, options.patients);
    }
  } finally {
    for (const writer of writers.values()) await writer.close();
  }
  const resources = Object.fromEntries([...writers].map(([type, w]) => [type, w.count]));
  return { patients: options.patients, sle, resources, files };
}
