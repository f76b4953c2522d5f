import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { csvField, csvHeader, formatOf, writeRows } from './output.ts';
import { compareRows, type PrescreenRow, rankRows } from './rank.ts';

const row = (patient: string, eligible: PrescreenRow['eligible'], missing: string[] = [], notMet: string[] = []): PrescreenRow => ({
  patient,
  eligible,
  met: 15 - missing.length - notMet.length,
  notMet: notMet.length,
  unknown: missing.length > 0 ? 1 : 0,
  notMetCriteria: notMet,
  unknownCriteria: missing.length > 0 ? ['labs'] : [],
  missing,
  dataIssues: 0,
});

/** RFC 4180 reading of one line, enough to check the writer. */
function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(field);
      field = '';
    }
    else field += c;
  }
  out.push(field);
  return out;
}

describe('ranking and output', () => {
  it('ranks eligible, then undetermined by fewest missing items, then not eligible, then by patient', () => {
    const rows = [
      row('u2', 'undetermined', ['anc:result_too_old', 'lvef:no_result_in_window']),
      row('n1', 'no', [], ['age']),
      row('y2', 'yes'),
      row('u1', 'undetermined', ['sledai-2k:not_answered']),
      row('y1', 'yes'),
      row('u0', 'undetermined', ['anc:result_too_old', 'inr:no_reference_range']),
    ];
    assert.deepEqual(
      rankRows(rows).map((r) => r.patient),
      ['y1', 'y2', 'u1', 'u0', 'u2', 'n1'],
    );
    assert.ok(compareRows(row('a', 'yes'), row('a', 'yes')) === 0);
  });

  it('quotes CSV fields with commas, quotes and line breaks, and only those', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField(12), '12');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
  });

  it('writes CSV with a header row and JSON by extension', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'firstdose-out-'));
    try {
      const rows = [row('P,1 "x"', 'undetermined', ['anc:result_too_old', 'lvef:no_result_in_window']), row('P2', 'yes')];
      const header = { protocol: 'hn2301', protocolVersion: '1', asOf: '2026-12-01' };
      await writeRows(join(dir, 'c.csv'), 'csv', header, rows);
      const lines = readFileSync(join(dir, 'c.csv'), 'utf8').split('\r\n');
      assert.deepEqual(lines[0]!.split(','), csvHeader);
      assert.deepEqual(parseCsvLine(lines[1]!), ['1', 'P,1 "x"', 'undetermined', '13', '0', '1', '2', '', 'labs', 'anc:result_too_old;lvef:no_result_in_window', '0']);
      assert.equal(lines.length, 4); // header, two rows, and the empty string after the last CRLF
      await writeRows(join(dir, 'c.json'), 'json', header, rows);
      const parsed = JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8'));
      assert.equal(parsed.protocol, 'hn2301');
      assert.deepEqual(parsed.candidates[1], { rank: 2, ...rows[1] });
      assert.equal(formatOf('x.CSV'), 'csv');
      assert.equal(formatOf('x.json'), 'json');
      assert.equal(formatOf('x.txt'), undefined);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
