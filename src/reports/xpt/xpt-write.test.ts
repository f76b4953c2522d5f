import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { formatPath } from '../../domain/result.ts';
import { libraryArbitrary } from './arbitraries.ts';
import { sasMissing, type XptDataset, type XptLibrary } from './model.ts';
import { readXpt } from './xpt-read.ts';
import { writeXpt } from './xpt-write.ts';

const stamp = '21AUG20:09:14:29';
const dataset = (over: Partial<XptDataset> = {}): XptDataset => ({
  name: 'QS',
  label: 'Questionnaires',
  type: '',
  created: stamp,
  modified: stamp,
  sasVersion: '9.4',
  os: 'NODEJS',
  variables: [
    { name: 'QSTESTCD', label: 'Question Short Name', type: 'char', length: 8 },
    { name: 'QSSTRESN', label: 'Numeric Result', type: 'num', length: 8 },
  ],
  rows: [
    ['SLEDAI', 12],
    ['PGA', sasMissing.A],
  ],
  ...over,
});
const library = (...datasets: XptDataset[]): XptLibrary => ({ sasVersion: '9.4', os: 'NODEJS', created: stamp, modified: stamp, datasets });

function problems(lib: XptLibrary, encoding?: 'latin1'): string[] {
  const r = writeXpt(lib, encoding ? { encoding } : {});
  assert.ok(!r.ok, 'expected the writer to refuse');
  return r.issues.map((i) => `${formatPath(i.path)} ${i.code}`);
}

describe('XPT writer and reader', () => {
  it('lays out records as TS-140 says: headers, 140-byte NAMESTRs, observations, all in 80-byte records', () => {
    const r = writeXpt(library(dataset()));
    assert.ok(r.ok);
    const bytes = r.value;
    const text = Buffer.from(bytes).toString('latin1');
    assert.equal(bytes.length % 80, 0);
    assert.equal(text.slice(0, 80), 'HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!000000000000000000000000000000  ');
    assert.equal(text.slice(240, 320), 'HEADER RECORD*******MEMBER  HEADER RECORD!!!!!!!000000000000000001600000000140  ');
    assert.equal(text.slice(560, 640), 'HEADER RECORD*******NAMESTR HEADER RECORD!!!!!!!000000000200000000000000000000  ');
    // Two NAMESTRs (280 bytes) take four records; the OBS header follows.
    assert.equal(text.slice(960, 1040), 'HEADER RECORD*******OBS     HEADER RECORD!!!!!!!000000000000000000000000000000  ');
    // Observations of 16 bytes: 'SLEDAI  ' then 12 as IBM (0x41C0…), 'PGA     ' then .A, then blanks.
    assert.equal(text.slice(1040, 1048), 'SLEDAI  ');
    assert.deepEqual([...bytes.subarray(1048, 1056)], [0x41, 0xc0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual([...bytes.subarray(1064, 1072)], [0x41, 0, 0, 0, 0, 0, 0, 0]);
    assert.equal(text.slice(1072), ' '.repeat(48));
  });

  it('reads back what it writes, for any library the format can hold (property)', () => {
    fc.assert(
      fc.property(libraryArbitrary, (lib) => {
        const written = writeXpt(lib);
        assert.ok(written.ok, JSON.stringify(!written.ok && written.issues.slice(0, 2)));
        const read = readXpt(written.value);
        assert.ok(read.ok, JSON.stringify(!read.ok && read.issues));
        assert.deepEqual(read.value, lib);
        const again = writeXpt(read.value);
        assert.ok(again.ok);
        assert.deepEqual(again.value, written.value);
      }),
      { numRuns: 150 },
    );
  });

  it('stores shorter numerics as the first bytes of the IBM double, as SAS does', () => {
    const short = dataset({ variables: [{ name: 'X', label: '', type: 'num', length: 3 }], rows: [[1 / 3]] });
    const r = writeXpt(library(short));
    assert.ok(r.ok);
    const back = readXpt(r.value);
    assert.ok(back.ok);
    // 1/3 = 0.555555… (hex) × 16^0; two fraction bytes are kept: 0x5555 / 16^4.
    assert.equal(back.value.datasets[0]!.rows[0]![0], 0x5555 / 0x10000);
  });

  it('drops trailing all-blank observations inside the last record as padding (TS-140 leaves them ambiguous)', () => {
    const blanks = dataset({ variables: [{ name: 'C', label: '', type: 'char', length: 10 }], rows: [['a'], [''], ['']] });
    const r = writeXpt(library(blanks));
    assert.ok(r.ok);
    const back = readXpt(r.value);
    assert.ok(back.ok);
    assert.deepEqual(back.value.datasets[0]!.rows, [['a']]);
  });

  it('writes latin1 when asked, and measures lengths in bytes of the chosen encoding', () => {
    const text = dataset({ variables: [{ name: 'C', label: 'Température', type: 'char', length: 2 }, { name: 'N', label: '', type: 'num', length: 8 }], rows: [['µé', 1]] });
    const latin1 = writeXpt(library(text), { encoding: 'latin1' });
    assert.ok(latin1.ok);
    const back = readXpt(latin1.value, { encoding: 'latin1' });
    assert.ok(back.ok);
    assert.deepEqual(back.value.datasets[0], text);
    assert.deepEqual(problems(library(text)), ['datasets[0].rows[0][0] xpt_too_long']);
    assert.deepEqual(problems(library(dataset({ rows: [['中文', 1]] })), 'latin1'), ['datasets[0].rows[0][0] xpt_not_encodable']);
  });

  it('names every field that XPORT v5 cannot hold', () => {
    const bad = dataset({
      name: 'QUESTIONS',
      label: 'A label that is longer than forty characters',
      created: '2020-08-21',
      variables: [
        { name: 'QSTESTCD1', label: 'x', type: 'char', length: 201 },
        { name: 'qsstresn', label: 'y', type: 'num', length: 9 },
        { name: 'QSSTRESN', label: 'z', type: 'num', length: 8, format: { name: 'DATE.9', width: 9, decimals: 0, justify: 0 } },
      ],
      rows: [],
    });
    assert.deepEqual(problems(library(bad)), [
      'datasets[0].name xpt_name',
      'datasets[0].label xpt_too_long',
      'datasets[0].created xpt_header_datetime',
      'datasets[0].variables[0].name xpt_name',
      'datasets[0].variables[0].length xpt_length',
      'datasets[0].variables[1].length xpt_length',
      'datasets[0].variables[2].format.name xpt_format_name',
      'datasets[0].variables[2].name xpt_duplicate_name',
    ]);
    assert.deepEqual(problems(library(dataset({ rows: [['A', Number.NaN], ['B', 1e300], [1, 'x'], ['C']] }))), [
      'datasets[0].rows[0][1] xpt_number_range',
      'datasets[0].rows[1][1] xpt_number_range',
      'datasets[0].rows[2][0] xpt_value_type',
      'datasets[0].rows[2][1] xpt_value_type',
      'datasets[0].rows[3] xpt_row_width',
    ] as string[]);
    assert.deepEqual(problems(library(dataset(), dataset())), ['datasets[1].name xpt_duplicate_name']);
  });
});
