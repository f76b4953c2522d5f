// FHIR R4 export of a study (issue 7 part 2), and the export audit every export shares.
export { type ExportRecord, exportRoles, recordExport, requireExportRole, sha256, type WrittenFile, writeWhole } from './export-audit.ts';
export { exportFhir, FhirFormat, type FhirExportRequest, type FhirExportSummary, fhirFormatFor } from './export-fhir.ts';
export { buildResources, type ExportedType, type ResourcesByType, resourceTypes } from './build-resources.ts';
export { bundleText, collectionBundle, type NdjsonFile, ndjsonFiles } from './serialise.ts';
export type { Demographics, ExportData, SubjectData } from './export-data.ts';
