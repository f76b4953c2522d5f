// The two shapes of a FHIR export: one collection Bundle (a single .json file), or Bulk Data
// NDJSON, one file per resource type with one resource per line
// (https://hl7.org/fhir/uv/bulkdata/export.html: "<type>.ndjson", UTF-8, newline-delimited).
import { type ExportedType, type ResourcesByType, resourceTypes } from './build-resources.ts';
import { fhirBase, iso } from './fhir-base.ts';

export function collectionBundle(resources: ResourcesByType, id: string, timestamp: Date) {
  return {
    resourceType: 'Bundle',
    id,
    meta: { lastUpdated: iso(timestamp) },
    type: 'collection',
    timestamp: iso(timestamp),
    // fullUrl gives each entry a base, against which the `Type/id` references resolve.
    entry: resourceTypes.flatMap((type) => resources[type].map((resource) => ({ fullUrl: `${fhirBase}/${type}/${resource.id}`, resource }))),
  };
}

export const bundleText = (bundle: unknown) => `${JSON.stringify(bundle, null, 2)}\n`;

export interface NdjsonFile {
  readonly type: ExportedType;
  readonly file: string;
  readonly count: number;
  readonly text: string;
}

/** One file per type that has resources; a type with none gets no file (Bulk Data lists only files). */
export function ndjsonFiles(resources: ResourcesByType): NdjsonFile[] {
  return resourceTypes
    .filter((type) => resources[type].length > 0)
    .map((type) => ({ type, file: `${type}.ndjson`, count: resources[type].length, text: resources[type].map((r) => `${JSON.stringify(r)}\n`).join('') }));
}
