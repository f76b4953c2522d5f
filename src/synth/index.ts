export { type Bundle, defaultSynthAsOf, syntheticBundle, toBundle } from './bundle.ts';
export { exportResourceTypes, type SyntheticExportOptions, type SyntheticExportSummary, writeSyntheticExport } from './export.ts';
export type { Resource } from './fhir.ts';
export { generatorVersion, PatientKind, patientId, sleShare, type SyntheticPatient, syntheticPatient } from './patient.ts';
