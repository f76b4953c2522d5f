import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import fc from 'fast-check';
import { forEachLine, forEachLineBytes } from './ndjson.ts';

const dir = mkdtempSync(join(tmpdir(), 'firstdose-ndjson-'));
after(() => rmSync(dir, { recursive: true, force: true }));

it('splits lines of any length, with LF or CRLF, skipping blank ones, UTF-8 intact', async () => {
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
});

it('gives the same lines whatever the chunk size, chunks cutting lines, CRLF and characters anywhere', async () => {
  const line = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('', ' ', '\t ', '\r', '{"a":1}\r')).map((s) => s.replace(/\n/g, ''));
  await fc.assert(
    fc.asyncProperty(fc.array(line, { maxLength: 30 }), fc.boolean(), fc.integer({ min: 1, max: 70 }), async (lines, finalNewline, chunk) => {
      const text = lines.join('\n') + (finalNewline ? '\n' : '');
      const file = join(dir, 'p.ndjson');
      writeFileSync(file, text);
      const expected: Array<[string, number]> = [];
      text.split('\n').forEach((l, i) => {
        const t = l.endsWith('\r') ? l.slice(0, -1) : l;
        if (t !== '' && !((t[0] === ' ' || t[0] === '\t') && t.trim() === '')) expected.push([t, i + 1]);
      });
      const got: Array<[string, number]> = [];
      let bytes = -1;
      await forEachLineBytes(file, (b, from, to, n) => got.push([b.toString('utf8', from, to), n]), (n) => (bytes = n), chunk);
      assert.deepEqual(got, expected);
      assert.equal(bytes, Buffer.byteLength(text));
    }),
    { numRuns: 300 },
  );
});

it('closes the file when a line handler throws, with no read left running', async () => {
  writeFileSync(join(dir, 't.ndjson'), 'a\nb\nc\n'.repeat(1000));
  await assert.rejects(
    forEachLineBytes(join(dir, 't.ndjson'), () => {
      throw new Error('stop');
    }, undefined, 7),
    /stop/,
  );
});
