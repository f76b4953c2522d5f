import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pilot } from './pilot-support.ts';
import { readXpt } from './xpt-read.ts';

const dm = pilot('dm').xpt;
const edited = (edit: (b: Uint8Array) => void, bytes: Uint8Array = dm) => {
  const copy = bytes.slice();
  edit(copy);
  return copy;
};
const ascii = (b: Uint8Array, at: number, text: string) => b.set(Buffer.from(text, 'latin1'), at);

function failure(bytes: Uint8Array, encoding?: 'latin1') {
  const r = readXpt(bytes, encoding ? { encoding } : {});
  assert.ok(!r.ok, 'expected the reader to refuse');
  assert.equal(r.issues.length, 1);
  return { code: r.issues[0]!.code, ...r.issues[0]!.params };
}

// dm.xpt: library header records 1–3, member 4–8 (NAMESTR header at byte 560), 26 NAMESTRs from
// byte 640, OBS header at byte 4320, observations from byte 4400.
describe('XPT reader on malformed files', () => {
  it('names the offset, the 80-byte record and the rule', () => {
    assert.deepEqual(failure(dm.subarray(0, 960)), { code: 'xpt_truncated', offset: 640, record: 9, expected: 'NAMESTR' });
    assert.deepEqual(failure(dm.subarray(0, 1001)), { code: 'xpt_not_records', offset: 960, record: 13, size: 1001 });
    assert.deepEqual(failure(edited((b) => ascii(b, 20, 'LIBV8   '))), { code: 'xpt_version', offset: 0, record: 1 });
    assert.deepEqual(failure(edited((b) => ascii(b, 0, 'HEADER RECORD*******OBS     '))), {
      code: 'xpt_header_expected',
      offset: 0,
      record: 1,
      expected: 'LIBRARY',
      found: 'HEADER RECORD*******OBS     HEADER RECORD!!!!!!!',
    });
    assert.deepEqual(failure(edited((b) => ascii(b, 80, 'SPSS'))), { code: 'xpt_library', offset: 80, record: 2, found: 'SPSS    SAS     SASLIB  ' });
    assert.deepEqual(failure(edited((b) => ascii(b, 240 + 74, '0120'))), { code: 'xpt_namestr_size', offset: 314, record: 4, value: '0120' });
    assert.deepEqual(failure(edited((b) => ascii(b, 560 + 54, '00x6'))), { code: 'xpt_namestr_count', offset: 614, record: 8, value: '00x6' });
  });

  it('checks each NAMESTR', () => {
    const second = 640 + 140;
    assert.deepEqual(failure(edited((b) => b.set([0, 3], second))), { code: 'xpt_namestr_type', offset: second, record: 10, variable: 2, value: 3 });
    assert.deepEqual(failure(edited((b) => b.set([0, 0], second + 4))), {
      code: 'xpt_namestr_length',
      offset: second + 4,
      record: 10,
      variable: 2,
      name: 'DOMAIN',
      value: 0,
      type: 'char',
    });
    // DOMAIN (bytes 12–13) grown to 9 bytes runs into USUBJID at byte 14.
    assert.deepEqual(failure(edited((b) => b.set([0, 9], second + 4))), {
      code: 'xpt_namestr_overlap',
      offset: 640 + 2 * 140 + 84,
      record: 13,
      variable: 3,
      name: 'USUBJID',
      other: 'DOMAIN',
    });
    // AGE (variable 15) is numeric: 9 bytes cannot be an IBM double.
    assert.deepEqual(failure(edited((b) => b.set([0, 9], 640 + 14 * 140 + 4))), {
      code: 'xpt_namestr_length',
      offset: 640 + 14 * 140 + 4,
      record: 33,
      variable: 15,
      name: 'AGE',
      value: 9,
      type: 'num',
    });
  });

  it('refuses numbers that are neither IBM doubles nor missing values, naming row and variable', () => {
    // AGE sits at byte 110 of each 476-byte observation.
    const at = 4400 + 476 + 110;
    assert.deepEqual(failure(edited((b) => b.set([0x40, 0, 0, 0, 0, 0, 0, 0], at))), {
      code: 'xpt_number',
      offset: at,
      record: Math.floor(at / 80) + 1,
      row: 2,
      variable: 'AGE',
      bytes: '40 00 00 00 00 00 00 00',
    });
  });

  it('says when text is not UTF-8, and reads it as latin1 when told', () => {
    const latin = edited((b) => b.set([0xe9], 4400 + 273));
    assert.deepEqual(failure(latin), { code: 'xpt_encoding', offset: 4400 + 273, record: 59, encoding: 'utf-8' });
    const r = readXpt(latin, { encoding: 'latin1' });
    assert.ok(r.ok);
    assert.equal(r.value.datasets[0]!.rows[0]![24], 'é');
  });

  it('reads an empty library and a file of two members', () => {
    const empty = readXpt(dm.subarray(0, 240));
    assert.ok(empty.ok);
    assert.deepEqual(empty.value.datasets, []);
    const both = new Uint8Array([...dm, ...pilot('ie').xpt.subarray(240)]);
    const r = readXpt(both);
    assert.ok(r.ok);
    assert.deepEqual(
      r.value.datasets.map((d) => [d.name, d.rows.length]),
      [
        ['DM', 18],
        ['IE', 1],
      ],
    );
  });
});
