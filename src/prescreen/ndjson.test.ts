import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { forEachLine } from './ndjson.ts';

it('splits lines of any length, with LF or CRLF, skipping blank ones, UTF-8 intact', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'firstdose-ndjson-'));
  try {
    const long = 'x'.repeat(9 << 20); // longer than the 4 MB read buffer
    const text = `{"a":"µmol/L 患者"}\r\n\n   \n${long}\n{"last":true}`;
    writeFileSync(join(dir, 'f.ndjson'), text);
    const lines: Array<[string, number]> = [];
    let bytes = 0;
    await forEachLine(join(dir, 'f.ndjson'), (line, n) => lines.push([line, n]), (b) => (bytes = b));
    assert.deepEqual(
      lines.map(([l, n]) => [l.length > 100 ? l.length : l, n]),
      [['{"a":"µmol/L 患者"}', 1], [long.length, 4], ['{"last":true}', 5]],
    );
    assert.equal(bytes, Buffer.byteLength(text));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
