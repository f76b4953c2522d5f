// Dataset-JSON 1.1 → an XPT data set. Types: string, URI and ISO 8601 date/datetime/time text
// become character variables; integer, float, double, decimal and boolean numeric ones (8 bytes);
// date/datetime/time with `targetDataType: "integer"` numeric SAS dates, datetimes or times.
// A null number is SAS's ordinary missing value `.`, a null string blanks.
//
// A character column without `length` (the CDISC pilot leaves it out for dates) gets the longest
// full ISO 8601 form of its type (date 10, datetime 19, time 8) or its longest value if longer;
// so the pilot's BRTHDTC, a date column holding only years, is 10 bytes as SAS wrote it.
import { fail, type Issue, issue, ok, type Result } from '../../domain/result.ts';
import type { Cell, DatasetJson, DatasetJsonColumn } from './dataset-json.ts';
import { parseDisplayFormat } from './display-format.ts';
import { isoToHeader } from './header-datetime.ts';
import { defaultOs, defaultSasVersion, sasMissing, type XptDataset, type XptValue, type XptVariable } from './model.ts';
import { isoToSas, type TemporalType } from './sas-dates.ts';
import { byteLength, type Encoding } from './text-codec.ts';
import { checkDataset } from './xpt-check.ts';

export interface ToXptOptions {
  /** The local time now, `YYYY-MM-DDThh:mm:ss`: the header datetimes when the file has no dbLastModifiedDateTime. */
  readonly now: string;
  readonly encoding?: Encoding;
  readonly sasVersion?: string;
  readonly os?: string;
}

const isoWidth: Partial<Record<string, number>> = { date: 10, datetime: 19, time: 8 };
const decimalText = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;

type Kind = 'char' | 'integer' | 'number' | 'decimal' | 'boolean' | TemporalType;

function kindOf(c: DatasetJsonColumn): Kind {
  if (c.targetDataType === 'integer' && (c.dataType === 'date' || c.dataType === 'datetime' || c.dataType === 'time')) return c.dataType;
  switch (c.dataType) {
    case 'integer':
      return 'integer';
    case 'float':
    case 'double':
      return 'number';
    case 'decimal':
      return 'decimal';
    case 'boolean':
      return 'boolean';
    default:
      return 'char';
  }
}

/** Records a cell that does not fit its column; a plain function, as closures per cell cost in hot loops. */
function misfit(issues: Issue[], r: number, c: number, column: DatasetJsonColumn, cell: Cell, expected: string): XptValue {
  issues.push(issue(['rows', r, c], 'dataset_json_cell', { column: column.name, dataType: column.dataType, expected, value: JSON.stringify(cell) }));
  return '';
}

function cellValue(kind: Kind, cell: Cell, r: number, c: number, column: DatasetJsonColumn, issues: Issue[]): XptValue {
  if (kind === 'char') return cell === null ? '' : typeof cell === 'string' ? cell : misfit(issues, r, c, column, cell, 'string');
  if (cell === null) return sasMissing['.'];
  switch (kind) {
    case 'integer':
      return typeof cell === 'number' && Number.isInteger(cell) ? cell : misfit(issues, r, c, column, cell, 'integer');
    case 'number':
      return typeof cell === 'number' ? cell : misfit(issues, r, c, column, cell, 'number');
    case 'boolean':
      return typeof cell === 'boolean' ? (cell ? 1 : 0) : misfit(issues, r, c, column, cell, 'boolean');
    case 'decimal':
      // Decimals travel as text to keep their digits; a SAS number holds the nearest double.
      if (typeof cell === 'number') return cell;
      return typeof cell === 'string' && cell !== '' && decimalText.test(cell) ? Number(cell.replace(/,/g, '')) : misfit(issues, r, c, column, cell, 'decimal');
    default: {
      if (cell === '') return sasMissing['.'];
      const value = typeof cell === 'string' ? isoToSas(kind, cell) : null;
      return value ?? misfit(issues, r, c, column, cell, `ISO 8601 ${kind}`);
    }
  }
}

function charLength(c: DatasetJsonColumn, index: number, rows: readonly (readonly Cell[])[], encoding: Encoding): number {
  if (c.length !== undefined) return c.length;
  let longest = isoWidth[c.dataType] ?? 1;
  for (const row of rows) {
    const cell = row[index];
    if (typeof cell === 'string') longest = Math.max(longest, byteLength(cell, encoding) ?? 0);
  }
  return longest;
}

/** Issue paths of the XPT check, put back in Dataset-JSON's words. */
function toJsonPath(i: Issue): Issue {
  const [head, ...rest] = i.path;
  return head === 'variables' ? { ...i, path: ['columns', ...rest] } : i;
}

/** The XPT data set of a validated Dataset-JSON, or every reason it cannot be one (JSON paths). */
export function datasetJsonToXpt(json: DatasetJson, options: ToXptOptions): Result<XptDataset> {
  const encoding = options.encoding ?? 'utf-8';
  const rows = json.rows ?? [];
  const issues: Issue[] = [];
  const kinds = json.columns.map(kindOf);
  const variables: XptVariable[] = json.columns.map((c, i) => {
    const format = c.displayFormat === undefined ? null : parseDisplayFormat(c.displayFormat);
    if (c.displayFormat !== undefined && format === null) issues.push(issue(['columns', i, 'displayFormat'], 'xpt_display_format', { value: c.displayFormat }));
    const char = kinds[i] === 'char';
    return {
      name: c.name,
      label: c.label,
      type: char ? 'char' : 'num',
      length: char ? charLength(c, i, rows, encoding) : 8,
      ...(format && (format.name || format.width || format.decimals) ? { format } : {}),
    };
  });
  const values: XptValue[][] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const out: XptValue[] = new Array(row.length);
    for (let c = 0; c < row.length; c++) out[c] = cellValue(kinds[c]!, row[c]!, r, c, json.columns[c]!, issues);
    values[r] = out;
  }
  if (issues.length > 0) return fail(...issues.slice(0, 100));
  const stamp = (json.dbLastModifiedDateTime && isoToHeader(json.dbLastModifiedDateTime)) || isoToHeader(options.now);
  if (stamp === null) return fail(issue(['now'], 'xpt_header_datetime', { value: options.now }));
  const dataset: XptDataset = {
    name: json.name,
    label: json.label,
    type: '',
    created: stamp,
    modified: stamp,
    sasVersion: options.sasVersion ?? defaultSasVersion,
    os: options.os ?? defaultOs,
    variables,
    rows: values,
  };
  const problems = checkDataset(dataset, encoding);
  return problems.length > 0 ? fail(...problems.map(toJsonPath)) : ok(dataset);
}
