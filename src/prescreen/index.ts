// Population pre-screening of a FHIR Bulk Data export (streaming, per-patient state, ranking).
export { formatOf, OutputFormat, writeRows } from './output.ts';
export { type Needs, ObservationPolicy, protocolNeeds } from './needs.ts';
export {
  type PrescreenOptions,
  PrescreenPhase,
  type PrescreenProgress,
  type PrescreenResult,
  prescreen,
  recordOf,
  type ReducedExport,
  reduceExport,
} from './prescreen.ts';
export { compareRows, type PrescreenRow, rankRows } from './rank.ts';
export { PrescreenState } from './state.ts';
