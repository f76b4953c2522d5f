// SAS XPORT v5 (SAS TS-140) and CDISC Dataset-JSON 1.1, pure functions over bytes, text and a
// typed in-memory model; the CLI (`firstdose xpt`) and the SDTM export do the file I/O.
export { type Cell, type DatasetJson, type DatasetJsonColumn, DataType, orderedDatasetJson, parseDatasetJson } from './dataset-json.ts';
export { datasetJsonToXpt, type ToXptOptions } from './dataset-json-to-xpt.ts';
export { type DefineDataset, type DefineItem, type DefineMetadata, parseDefineXml } from './define-metadata.ts';
export { displayFormatText, parseDisplayFormat } from './display-format.ts';
export { headerToIso, isoToHeader } from './header-datetime.ts';
export { type MissingCode, missingCodes, readIbm, writeIbm } from './ibm-float.ts';
export {
  defaultOs,
  defaultSasVersion,
  isSasMissing,
  type SasMissing,
  sasMissing,
  VariableType,
  type XptDataset,
  type XptFormat,
  type XptLibrary,
  type XptValue,
  type XptVariable,
} from './model.ts';
export { isoToSas, sasToIso, type TemporalType, temporalTypeOfFormat } from './sas-dates.ts';
export { type Encoding, encodings } from './text-codec.ts';
export { checkDataset } from './xpt-check.ts';
export { type ReadOptions, readXpt } from './xpt-read.ts';
export { type ToDatasetJsonOptions, xptToDatasetJson } from './xpt-to-dataset-json.ts';
export { type WriteOptions, writeXpt } from './xpt-write.ts';
