// A dataset as CDISC Dataset-JSON 1.1: column metadata from the SDTM variables (with the lengths
// SAS would give), rows in variable order. Missing character values are "" and missing numbers
// null, as in the CDISC pilot's Dataset-JSON files.
import { characterLengths, type Dataset, rowValues, type VariableSpec } from './model.ts';

export interface DatasetJsonMeta {
  readonly studyOid: string;
  readonly metaDataVersionOid: string;
  /** Local date-time with seconds, YYYY-MM-DDThh:mm:ss. */
  readonly created: string;
  readonly sourceVersion: string;
}

export interface DatasetJsonColumn {
  readonly itemOID: string;
  readonly name: string;
  readonly label: string;
  readonly dataType: 'string' | 'integer' | 'double' | 'date';
  readonly length?: number;
  readonly keySequence?: number;
}

export interface DatasetJsonFile {
  readonly datasetJSONCreationDateTime: string;
  readonly datasetJSONVersion: '1.1.0';
  readonly fileOID: string;
  readonly originator: string;
  readonly sourceSystem: { readonly name: string; readonly version: string };
  readonly studyOID: string;
  readonly metaDataVersionOID: string;
  readonly metaDataRef: string;
  readonly itemGroupOID: string;
  readonly records: number;
  readonly name: string;
  readonly label: string;
  readonly columns: readonly DatasetJsonColumn[];
  readonly rows: ReadonlyArray<ReadonlyArray<string | number | null>>;
}

/**
 * Dataset-JSON type of a variable. A --DTC column is `date` when every value is a complete date
 * (as in the pilot), otherwise `string`: SDTM allows date-times without seconds and partial
 * dates, which the `datetime` type does not.
 */
export function dataTypeOf(v: VariableSpec, dataset: Dataset): DatasetJsonColumn['dataType'] {
  if (v.type === 'Num') return v.integer ? 'integer' : 'double';
  if (!v.iso8601) return 'string';
  const values = dataset.rows.map((r) => r[v.name]).filter((x): x is string => typeof x === 'string' && x !== '');
  return values.length > 0 && values.every((x) => /^\d{4}-\d{2}-\d{2}$/.test(x)) ? 'date' : 'string';
}

export const itemOid = (dataset: string, variable: string) => `IT.${dataset}.${variable}`;
export const itemGroupOid = (dataset: string) => `IG.${dataset}`;

export function toDatasetJson(dataset: Dataset, meta: DatasetJsonMeta): DatasetJsonFile {
  const { spec } = dataset;
  const lengths = characterLengths(dataset);
  const columns = spec.variables.map((v): DatasetJsonColumn => {
    const key = spec.keys.indexOf(v.name);
    return {
      itemOID: itemOid(spec.name, v.name),
      name: v.name,
      label: v.label,
      dataType: dataTypeOf(v, dataset),
      ...(v.type === 'Char' ? { length: lengths.get(v.name)! } : {}),
      ...(key >= 0 ? { keySequence: key + 1 } : {}),
    };
  });
  return {
    datasetJSONCreationDateTime: meta.created,
    datasetJSONVersion: '1.1.0',
    fileOID: `${meta.studyOid}/${spec.name.toLowerCase()}`,
    originator: 'FirstDose',
    sourceSystem: { name: 'FirstDose', version: meta.sourceVersion },
    studyOID: meta.studyOid,
    metaDataVersionOID: meta.metaDataVersionOid,
    metaDataRef: 'define.xml',
    itemGroupOID: itemGroupOid(spec.name),
    records: dataset.rows.length,
    name: spec.name,
    label: spec.label,
    columns,
    rows: dataset.rows.map((row) => rowValues(spec, row).map((value, i) => (value === null && spec.variables[i]!.type === 'Char' ? '' : value))),
  };
}
