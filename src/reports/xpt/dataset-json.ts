// CDISC Dataset-JSON 1.1 (final, 2024-12-05): the top-level attributes, the column metadata and
// the rows, validated here; what each value must be for its column is checked where it is
// converted (dataset-json-to-xpt.ts), which knows the cell's row and column.
import { z } from 'zod';
import type { Result } from '../../domain/result.ts';
import { customIssue, parseInput } from '../../domain/validation.ts';

export const DataType = {
  string: 'string',
  integer: 'integer',
  decimal: 'decimal',
  float: 'float',
  double: 'double',
  boolean: 'boolean',
  datetime: 'datetime',
  date: 'date',
  time: 'time',
  URI: 'URI',
} as const;
export type DataType = (typeof DataType)[keyof typeof DataType];

/** `YYYY-MM-DDThh:mm:ss(.n+)?(((+|-)hh:mm)|Z)?`, the spec's pattern for the file's datetimes. */
const isoDateTime = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?([+-]([01]\d|2[0-3]):[0-5]\d|Z)?$/;
const dateTime = z.string().regex(isoDateTime);

export const columnSchema = z.strictObject({
  itemOID: z.string().min(1),
  name: z.string().min(1),
  label: z.string(),
  dataType: z.enum(Object.values(DataType) as [DataType, ...DataType[]]),
  targetDataType: z.enum(['integer', 'decimal']).optional(),
  length: z.int().min(1).optional(),
  displayFormat: z.string().optional(),
  keySequence: z.int().min(1).optional(),
});
export type DatasetJsonColumn = z.infer<typeof columnSchema>;

export type Cell = string | number | boolean | null;

/** The combinations of the spec's "Supported Column Data Type Combinations" table that need a target. */
const targets: Record<string, readonly DataType[]> = { integer: ['date', 'datetime', 'time'], decimal: ['decimal'] };

export const datasetJsonSchema = z
  .object({
    datasetJSONCreationDateTime: dateTime,
    datasetJSONVersion: z.string().regex(/^1\.1(\.(0|[1-9]\d*))?$/),
    fileOID: z.string().min(1).optional(),
    dbLastModifiedDateTime: dateTime.optional(),
    originator: z.string().optional(),
    sourceSystem: z.strictObject({ name: z.string(), version: z.string() }).optional(),
    studyOID: z.string().min(1).optional(),
    metaDataVersionOID: z.string().min(1).optional(),
    metaDataRef: z.string().optional(),
    itemGroupOID: z.string().min(1),
    records: z.int().min(0),
    name: z.string().min(1),
    label: z.string(),
    columns: z.array(columnSchema),
    // Arrays of arrays here; each cell is checked in the refinement below, in one loop: a zod
    // schema per cell costs seconds on a data set of a million values.
    rows: z.custom<Cell[][]>((v) => Array.isArray(v) && v.every((r) => Array.isArray(r))).optional(),
  })
  .superRefine((d, ctx) => {
    const rows = d.rows ?? [];
    if (d.rows !== undefined && rows.length !== d.records)
      ctx.addIssue({ ...customIssue('dataset_json_records', { records: d.records, rows: rows.length }), path: ['records'] });
    const names = new Set<string>();
    d.columns.forEach((c, i) => {
      if (names.has(c.name.toUpperCase())) ctx.addIssue({ ...customIssue('dataset_json_duplicate', { value: c.name }), path: ['columns', i, 'name'] });
      names.add(c.name.toUpperCase());
      if (c.targetDataType !== undefined && !targets[c.targetDataType]!.includes(c.dataType))
        ctx.addIssue({ ...customIssue('dataset_json_target', { dataType: c.dataType, value: c.targetDataType }), path: ['columns', i, 'targetDataType'] });
    });
    const row = rows.findIndex((r) => r.length !== d.columns.length);
    if (row >= 0) ctx.addIssue({ ...customIssue('dataset_json_row_width', { expected: d.columns.length, received: rows[row]!.length }), path: ['rows', row] });
    const bad = firstBadCell(rows);
    if (bad) ctx.addIssue({ ...customIssue('invalid_type', { expected: 'string, number, boolean or null', received: Array.isArray(bad.value) ? 'array' : typeof bad.value }), path: ['rows', bad.row, bad.column] });
  });

function firstBadCell(rows: readonly (readonly unknown[])[]): { row: number; column: number; value: unknown } | null {
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v !== null && typeof v !== 'string' && typeof v !== 'boolean' && !(typeof v === 'number' && Number.isFinite(v))) return { row: r, column: c, value: v };
    }
  }
  return null;
}

export type DatasetJson = z.infer<typeof datasetJsonSchema>;

/** A parsed JSON value checked as Dataset-JSON 1.1, with every issue at its path. */
export function parseDatasetJson(input: unknown): Result<DatasetJson> {
  return parseInput(datasetJsonSchema, input);
}

/** The attribute order the spec recommends (it helps streaming readers); JSON.stringify keeps it. */
export function orderedDatasetJson(d: DatasetJson): DatasetJson {
  const column = (c: DatasetJsonColumn): DatasetJsonColumn =>
    dropUndefined({ itemOID: c.itemOID, name: c.name, label: c.label, dataType: c.dataType, targetDataType: c.targetDataType, length: c.length, displayFormat: c.displayFormat, keySequence: c.keySequence });
  return dropUndefined({
    datasetJSONCreationDateTime: d.datasetJSONCreationDateTime,
    datasetJSONVersion: d.datasetJSONVersion,
    fileOID: d.fileOID,
    dbLastModifiedDateTime: d.dbLastModifiedDateTime,
    originator: d.originator,
    sourceSystem: d.sourceSystem,
    studyOID: d.studyOID,
    metaDataVersionOID: d.metaDataVersionOID,
    metaDataRef: d.metaDataRef,
    itemGroupOID: d.itemGroupOID,
    records: d.records,
    name: d.name,
    label: d.label,
    columns: d.columns.map(column),
    rows: d.rows,
  });
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
