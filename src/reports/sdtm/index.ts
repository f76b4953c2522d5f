// CDISC SDTM export (issue 7 part 1): the trial's records mapped to SDTMIG 3.4 datasets, written
// as CSV, Dataset-JSON 1.1 or SAS XPORT v5, with define.xml 2.1.
export { buildTabulation, domainSpecs, type Tabulation } from './build.ts';
export { parseCsv, toCsv } from './csv.ts';
export { type DatasetJsonFile, toDatasetJson } from './dataset-json.ts';
export { iso8601Dtc, observationDtc, siteDateTime, studyDay } from './dates.ts';
export { defineXml } from './define-xml.ts';
export { exportSdtm, SdtmFormat, type SdtmExportOptions, type SdtmExportSummary, sdtmFiles } from './export.ts';
export { loadTrialSource } from './load.ts';
export type { Dataset, DomainSpec, ExportNote, Row, VariableSpec } from './model.ts';
export type { TrialSource } from './source.ts';
