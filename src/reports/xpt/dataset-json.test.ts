import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { formatPath } from '../../domain/result.ts';
import { datasetArbitrary } from './arbitraries.ts';
import { type DatasetJson, orderedDatasetJson, parseDatasetJson } from './dataset-json.ts';
import { datasetJsonToXpt } from './dataset-json-to-xpt.ts';
import { isSasMissing, sasMissing, type XptDataset } from './model.ts';
import { xptToDatasetJson } from './xpt-to-dataset-json.ts';

const now = '2026-03-01T10:00:00';

/** An ADaM-like data set: numeric dates, a decimal, a boolean. */
const adsl = (): DatasetJson => ({
  datasetJSONCreationDateTime: '2026-03-01T10:00:00',
  datasetJSONVersion: '1.1.0',
  itemGroupOID: 'IG.ADSL',
  records: 2,
  name: 'ADSL',
  label: 'Subject-Level Analysis Dataset',
  columns: [
    { itemOID: 'IT.ADSL.USUBJID', name: 'USUBJID', label: 'Unique Subject Identifier', dataType: 'string', length: 11, keySequence: 1 },
    { itemOID: 'IT.ADSL.TRTSDT', name: 'TRTSDT', label: 'Date of First Exposure to Treatment', dataType: 'date', targetDataType: 'integer', displayFormat: 'DATE9.' },
    { itemOID: 'IT.ADSL.TRTSDTM', name: 'TRTSDTM', label: 'Datetime of First Exposure', dataType: 'datetime', targetDataType: 'integer', displayFormat: 'E8601DT19.' },
    { itemOID: 'IT.ADSL.BMIBL', name: 'BMIBL', label: 'Baseline BMI (kg/m^2)', dataType: 'decimal', targetDataType: 'decimal', length: 16 },
    { itemOID: 'IT.ADSL.SAFFL', name: 'SAFFL', label: 'Safety Population Flag', dataType: 'boolean' },
    { itemOID: 'IT.ADSL.AGE', name: 'AGE', label: 'Age', dataType: 'integer' },
  ],
  rows: [
    ['HN2301-0001', '2026-01-15', '2026-01-15T08:30:00', '30.8983333232059', true, 34],
    ['HN2301-0002', null, '', null, false, null],
  ],
});

function issuesOf(input: unknown): string[] {
  const r = parseDatasetJson(input);
  assert.ok(!r.ok, 'expected the schema to refuse');
  return r.issues.map((i) => `${formatPath(i.path)} ${i.code}`);
}

describe('Dataset-JSON 1.1', () => {
  it('accepts the spec’s shape and puts attributes in the spec’s order', () => {
    const r = parseDatasetJson(adsl());
    assert.ok(r.ok);
    const shuffled = { ...r.value, datasetJSONCreationDateTime: undefined, name: undefined };
    const ordered = orderedDatasetJson({ ...shuffled, datasetJSONCreationDateTime: now, name: 'ADSL' } as DatasetJson);
    assert.deepEqual(Object.keys(ordered).slice(0, 3), ['datasetJSONCreationDateTime', 'datasetJSONVersion', 'itemGroupOID']);
    assert.deepEqual(Object.keys(ordered.columns[1]!), ['itemOID', 'name', 'label', 'dataType', 'targetDataType', 'displayFormat']);
  });

  it('names each field that breaks the schema', () => {
    const d = adsl() as unknown as Record<string, unknown> & { columns: Record<string, unknown>[]; rows: unknown[][] };
    d.datasetJSONVersion = '1.0.0';
    d.records = 3;
    delete d.columns[0]!.itemOID;
    d.columns[1]!.lenght = 8;
    d.columns[2]!.dataType = 'timestamp';
    d.columns[4]!.targetDataType = 'integer';
    d.columns[5]!.name = 'usubjid';
    d.rows[1] = ['x'];
    assert.deepEqual(issuesOf(d), [
      'datasetJSONVersion invalid_value',
      'columns[0].itemOID required',
      'columns[1].lenght unknown_field',
      'columns[2].dataType invalid_choice',
    ]);
    d.columns[0]!.itemOID = 'IT.ADSL.USUBJID';
    delete d.columns[1]!.lenght;
    d.columns[2]!.dataType = 'datetime';
    d.datasetJSONVersion = '1.1';
    d.rows[0]![2] = { at: '08:30' };
    assert.deepEqual(issuesOf(d), [
      'records dataset_json_records',
      'columns[4].targetDataType dataset_json_target',
      'columns[5].name dataset_json_duplicate',
      'rows[1] dataset_json_row_width',
      'rows[0][2] invalid_type',
    ]);
    assert.deepEqual(issuesOf({ ...adsl(), rows: [1, 2] }), ['rows invalid_value']);
  });

  it('maps types to XPT: text to char, numbers and numeric dates to 8-byte numerics', () => {
    const r = datasetJsonToXpt(adsl(), { now });
    assert.ok(r.ok, JSON.stringify(!r.ok && r.issues));
    const d = r.value;
    assert.deepEqual(
      d.variables.map((v) => [v.name, v.type, v.length, v.format?.name ?? '', v.format?.width ?? 0]),
      [
        ['USUBJID', 'char', 11, '', 0],
        ['TRTSDT', 'num', 8, 'DATE', 9],
        ['TRTSDTM', 'num', 8, 'E8601DT', 19],
        ['BMIBL', 'num', 8, '', 0],
        ['SAFFL', 'num', 8, '', 0],
        ['AGE', 'num', 8, '', 0],
      ],
    );
    // 2026-01-15 is SAS date 24121 (days since 1960-01-01); 08:30 adds 30600 s.
    assert.deepEqual(d.rows[0], ['HN2301-0001', 24121, 24121 * 86400 + 30600, 30.8983333232059, 1, 34]);
    assert.deepEqual(d.rows[1], ['HN2301-0002', sasMissing['.'], sasMissing['.'], sasMissing['.'], 0, sasMissing['.']]);
    // No dbLastModifiedDateTime: the header says when the file was written.
    assert.equal(d.created, '01MAR26:10:00:00');
  });

  it('names the cell that does not fit its column', () => {
    const d = adsl();
    d.rows = [
      ['HN2301-0001-EXTRA', '2026-02', '2026-01-15', '1,234.5', 'yes', 34.5],
      ['HN2301-0002', '2026-01-15', '2026-01-15T08:30', '1e3', null, 1],
    ];
    const r = datasetJsonToXpt(d, { now });
    assert.ok(!r.ok);
    assert.deepEqual(
      r.issues.map((i) => `${formatPath(i.path)} ${i.code} ${i.params.expected ?? ''}`.trim()),
      ['rows[0][1] dataset_json_cell ISO 8601 date', 'rows[0][2] dataset_json_cell ISO 8601 datetime', 'rows[0][4] dataset_json_cell boolean', 'rows[0][5] dataset_json_cell integer'],
    );
    d.rows = [d.rows[0]!.map((v, i) => (i === 0 ? v : null)), d.rows[1]!];
    const long = datasetJsonToXpt(d, { now });
    assert.ok(!long.ok);
    assert.deepEqual(
      long.issues.map((i) => `${formatPath(i.path)} ${i.code}`),
      ['rows[0][0] xpt_too_long'],
    );
  });

  it('refuses names and labels XPORT v5 cannot hold, at the column’s path', () => {
    const d = adsl();
    d.name = 'ADSLEXTENDED';
    d.columns[1] = { ...d.columns[1]!, name: 'TRTSDT_LONG', label: 'Date of First Exposure to Study Treatment (IMP)', displayFormat: 'DATE9' };
    const r = datasetJsonToXpt(d, { now });
    assert.ok(!r.ok);
    assert.deepEqual(
      r.issues.map((i) => `${formatPath(i.path)} ${i.code}`),
      ['columns[1].displayFormat xpt_display_format'],
    );
    d.columns[1] = { ...d.columns[1]!, displayFormat: 'DATE9.' };
    const again = datasetJsonToXpt(d, { now });
    assert.ok(!again.ok);
    assert.deepEqual(
      again.issues.map((i) => `${formatPath(i.path)} ${i.code}`),
      ['name xpt_name', 'columns[1].name xpt_name', 'columns[1].label xpt_too_long'],
    );
  });

  it('gives text columns without a length the ISO width of their type or their longest value', () => {
    const d = adsl();
    d.columns = [
      { itemOID: 'A', name: 'BRTHDTC', label: '', dataType: 'date' },
      { itemOID: 'B', name: 'ADTM', label: '', dataType: 'datetime' },
      { itemOID: 'C', name: 'NOTE', label: '', dataType: 'string' },
      { itemOID: 'D', name: 'EMPTY', label: '', dataType: 'string' },
    ];
    d.rows = [
      ['1928', '2026-01-15T08:30:00.123', '中文', null],
      ['', null, 'abc', ''],
    ];
    const r = datasetJsonToXpt(d, { now });
    assert.ok(r.ok);
    assert.deepEqual(
      r.value.variables.map((v) => v.length),
      [10, 23, 6, 1],
    );
  });

  it('XPT → Dataset-JSON without define.xml: numeric dates back to ISO text, integers told from floats', () => {
    const x = datasetJsonToXpt(adsl(), { now });
    assert.ok(x.ok);
    const back = xptToDatasetJson(x.value, { creationDateTime: now });
    assert.deepEqual(
      back.columns.map((c) => [c.name, c.dataType, c.targetDataType, c.length, c.displayFormat]),
      [
        ['USUBJID', 'string', undefined, 11, undefined],
        ['TRTSDT', 'date', 'integer', undefined, 'DATE9.'],
        ['TRTSDTM', 'datetime', 'integer', undefined, 'E8601DT19.'],
        ['BMIBL', 'float', undefined, undefined, undefined],
        ['SAFFL', 'integer', undefined, undefined, undefined],
        ['AGE', 'integer', undefined, undefined, undefined],
      ],
    );
    assert.deepEqual(back.rows, [
      ['HN2301-0001', '2026-01-15', '2026-01-15T08:30:00', 30.8983333232059, 1, 34],
      ['HN2301-0002', null, null, null, 0, null],
    ]);
    assert.ok(parseDatasetJson(back).ok);
  });

  it('any XPT data set → Dataset-JSON → XPT keeps names, labels, lengths, types and values (property)', () => {
    fc.assert(
      fc.property(datasetArbitrary('DS'), (dataset) => {
        const json = xptToDatasetJson(dataset, { creationDateTime: now });
        assert.ok(parseDatasetJson(JSON.parse(JSON.stringify(json))).ok);
        const back = datasetJsonToXpt(json, { now, sasVersion: dataset.sasVersion, os: dataset.os });
        assert.ok(back.ok, JSON.stringify(!back.ok && back.issues.slice(0, 2)));
        const expected: XptDataset = {
          ...dataset,
          type: '',
          // Dataset-JSON has one missing value, and no informats or justification.
          rows: dataset.rows.map((row) => row.map((v) => (isSasMissing(v) ? sasMissing['.'] : v))),
          variables: dataset.variables.map(({ informat, format, ...v }) => ({ ...v, length: v.type === 'num' ? 8 : v.length, ...(format && (format.name || format.width || format.decimals) ? { format: { ...format, justify: 0 } } : {}) })),
        };
        assert.deepEqual(back.value.variables, expected.variables);
        assert.deepEqual(back.value.rows, expected.rows);
        assert.equal(back.value.label, dataset.label);
      }),
      { numRuns: 200 },
    );
  });
});
