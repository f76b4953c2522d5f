// An XPT data set → Dataset-JSON 1.1. The XPT file knows names, labels, lengths, char/num and
// formats; Define-XML, when given, adds what it does not: item OIDs, integer vs float, date vs
// text, planned lengths and key sequences (this is how the CDISC pilot's .json files relate to
// their .xpt). Without it: OIDs follow the pilot's pattern (IT.DM.AGE, IG.DM), a numeric column
// is `integer` when every value is a whole number and `float` otherwise, and a numeric with a
// SAS date, datetime or time format is that type with `targetDataType: "integer"`.
//
// Lost on the way, as Dataset-JSON has no place for them: special missing values (.A–.Z, ._)
// become null like `.`, and trailing blanks of character values (SAS ignores them too).
import type { Cell, DatasetJson, DatasetJsonColumn, DataType } from './dataset-json.ts';
import type { DefineDataset, DefineItem, DefineMetadata } from './define-metadata.ts';
import { displayFormatText } from './display-format.ts';
import { headerToIso } from './header-datetime.ts';
import type { XptDataset, XptValue, XptVariable } from './model.ts';
import { isoToSas, sasToIso, type TemporalType, temporalTypeOfFormat } from './sas-dates.ts';

export interface ToDatasetJsonOptions {
  /** `YYYY-MM-DDThh:mm:ss`, the file's datasetJSONCreationDateTime. */
  readonly creationDateTime: string;
  readonly define?: DefineMetadata;
  readonly metaDataRef?: string;
  readonly fileOID?: string;
  readonly originator?: string;
  readonly sourceSystem?: { readonly name: string; readonly version: string };
}

/** Define-XML types that Dataset-JSON has under the same name; the partial and interval forms are text. */
const sameName: Record<string, DataType> = { integer: 'integer', float: 'float', double: 'double', date: 'date', datetime: 'datetime', time: 'time', boolean: 'boolean', URI: 'URI' };
const temporal = new Set<string>(['date', 'datetime', 'time']);
const isoText = /^(partial|incomplete|duration|interval)|^(date|datetime|time)$/;

interface Plan {
  readonly column: DatasetJsonColumn;
  /** How numbers are shown: as they are, or as ISO text of this type. */
  readonly temporal: TemporalType | null;
}

const allWhole = (rows: readonly (readonly XptValue[])[], c: number) => rows.every((r) => typeof r[c] !== 'number' || Number.isInteger(r[c]));

/** A date column whose values ISO text cannot carry exactly (a fraction of a day, year 12000) stays a plain number. */
function allShowable(rows: readonly (readonly XptValue[])[], c: number, type: TemporalType): boolean {
  return rows.every((r) => {
    const value = r[c];
    if (typeof value !== 'number') return true;
    const text = sasToIso(type, value);
    return text !== null && isoToSas(type, text) === value;
  });
}

function plan(dataset: XptDataset, v: XptVariable, c: number, item: DefineItem | undefined): Plan {
  const base = { itemOID: item?.oid ?? `IT.${dataset.name}.${v.name}`, name: v.name, label: v.label };
  const displayFormat = v.format && (v.format.name || v.format.width || v.format.decimals) ? displayFormatText(v.format) : item?.displayFormat;
  const extras = { ...(displayFormat ? { displayFormat } : {}), ...(item?.keySequence ? { keySequence: item.keySequence } : {}) };
  if (v.type === 'char') {
    const dataType: DataType = item && temporal.has(item.dataType) ? (item.dataType as DataType) : item?.dataType === 'URI' ? 'URI' : 'string';
    // The pilot gives a length where Define-XML does, and none for dates it leaves without one.
    const length = item ? (item.length ?? (isoText.test(item.dataType) ? undefined : v.length)) : v.length;
    return { column: { ...base, dataType, ...(length ? { length } : {}), ...extras }, temporal: null };
  }
  const declared = item && temporal.has(item.dataType) ? (item.dataType as TemporalType) : null;
  const byFormat = v.format ? temporalTypeOfFormat(v.format.name) : null;
  const type = declared ?? byFormat;
  if (type && allShowable(dataset.rows, c, type)) return { column: { ...base, dataType: type, targetDataType: 'integer', ...extras }, temporal: type };
  const dataType: DataType = item && sameName[item.dataType] && !temporal.has(item.dataType) ? sameName[item.dataType]! : allWhole(dataset.rows, c) ? 'integer' : 'float';
  return { column: { ...base, dataType, ...extras }, temporal: null };
}

function cell(value: XptValue, temporalType: TemporalType | null): Cell {
  if (typeof value === 'string') return value;
  if (typeof value !== 'number') return null;
  return temporalType ? sasToIso(temporalType, value) : value;
}

/** The Dataset-JSON of one XPT data set. */
export function xptToDatasetJson(dataset: XptDataset, options: ToDatasetJsonOptions): DatasetJson {
  const meta: DefineDataset | undefined = options.define?.datasets.get(dataset.name.toUpperCase());
  const plans = dataset.variables.map((v, c) => plan(dataset, v, c, meta?.items.get(v.name.toUpperCase())));
  const modified = headerToIso(dataset.modified);
  const { define } = options;
  return {
    datasetJSONCreationDateTime: options.creationDateTime,
    datasetJSONVersion: '1.1.0',
    ...(options.fileOID ? { fileOID: options.fileOID } : {}),
    ...(modified ? { dbLastModifiedDateTime: modified } : {}),
    ...(options.originator ? { originator: options.originator } : {}),
    ...(options.sourceSystem ? { sourceSystem: { ...options.sourceSystem } } : {}),
    ...(define?.studyOID ? { studyOID: define.studyOID } : {}),
    ...(define?.metaDataVersionOID ? { metaDataVersionOID: define.metaDataVersionOID } : {}),
    ...(options.metaDataRef ? { metaDataRef: options.metaDataRef } : {}),
    itemGroupOID: meta?.oid ?? `IG.${dataset.name}`,
    records: dataset.rows.length,
    name: dataset.name,
    label: dataset.label,
    columns: plans.map((p) => p.column),
    rows: dataset.rows.map((row) => row.map((value, c) => cell(value, plans[c]!.temporal))),
  };
}
