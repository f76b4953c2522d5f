// Every CDISC pilot data set (SDTMIG 3.3, written by SAS 9.4 on X64_10PRO) round-trips: the .xpt
// through the model to the same bytes, the .json to the .xpt SAS wrote, the .xpt to the .json.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDatasetJson } from './dataset-json.ts';
import { datasetJsonToXpt } from './dataset-json-to-xpt.ts';
import { parseDefineXml } from './define-metadata.ts';
import type { XptDataset, XptLibrary } from './model.ts';
import { pilot, pilotDefineXml, pilotDomains } from './pilot-support.ts';
import { recordSize } from './records.ts';
import { readXpt } from './xpt-read.ts';
import { xptToDatasetJson } from './xpt-to-dataset-json.ts';
import { writeXpt } from './xpt-write.ts';

const expectOk = <T>(r: { ok: true; value: T } | { ok: false; issues: readonly unknown[] }): T => {
  if (!r.ok) assert.fail(JSON.stringify(r.issues.slice(0, 3)));
  return r.value;
};
const library = (bytes: Uint8Array) => expectOk(readXpt(bytes));
const define = expectOk(parseDefineXml(pilotDefineXml()));

/** Byte offsets of the header datetimes: library (144, 160) and each member's descriptor. */
function datetimeOffsets(bytes: Uint8Array): number[] {
  const offsets = [144, 160];
  const text = Buffer.from(bytes).toString('latin1');
  for (let at = text.indexOf('HEADER RECORD*******DSCRPTR'); at >= 0; at = text.indexOf('HEADER RECORD*******DSCRPTR', at + 1))
    offsets.push(at + recordSize + 64, at + 2 * recordSize);
  return offsets;
}

describe('CDISC pilot data sets', () => {
  it('are all there (14 SDTM domains)', () => {
    assert.deepEqual(pilotDomains, ['ae', 'cm', 'dm', 'ds', 'ie', 'mh', 'relrec', 'se', 'sv', 'ta', 'te', 'ti', 'ts', 'tv']);
  });

  for (const domain of pilotDomains) {
    describe(domain, () => {
      const { xpt, json } = pilot(domain);
      const lib = library(xpt);
      const dataset = lib.datasets[0]!;

      it('.xpt → model → .xpt gives the same bytes; new header datetimes change only those 16-byte fields', () => {
        assert.equal(lib.datasets.length, 1);
        assert.deepEqual(expectOk(writeXpt(lib)), xpt);
        const stamp = '02JAN26:03:04:05';
        const restamped: XptLibrary = { ...lib, created: stamp, modified: stamp, datasets: [{ ...dataset, created: stamp, modified: stamp }] };
        const written = expectOk(writeXpt(restamped));
        const offsets = datetimeOffsets(xpt);
        for (let i = 0; i < xpt.length; i++) {
          const inStamp = offsets.some((o) => i >= o && i < o + 16);
          if (!inStamp) assert.equal(written[i], xpt[i], `byte ${i}`);
          else assert.equal(written[i], stamp.charCodeAt(offsets.map((o) => i - o).find((d) => d >= 0 && d < 16)!));
        }
      });

      it('.json → .xpt gives the variables, labels, lengths, types and values SAS wrote, to the byte', () => {
        const parsed = expectOk(parseDatasetJson(json));
        const converted = expectOk(datasetJsonToXpt(parsed, { now: '2026-01-01T00:00:00' }));
        const fromJson: XptDataset = { ...converted, sasVersion: dataset.sasVersion, os: dataset.os };
        assert.deepEqual(fromJson.variables, dataset.variables);
        assert.deepEqual(fromJson.rows, dataset.rows);
        assert.equal(fromJson.label, dataset.label);
        // dbLastModifiedDateTime is SAS's modified datetime; SAS's header fields make the rest equal.
        assert.equal(fromJson.modified, dataset.modified);
        const written = expectOk(writeXpt({ sasVersion: lib.sasVersion, os: lib.os, created: lib.created, modified: lib.modified, datasets: [fromJson] }));
        assert.deepEqual(written, xpt);
      });

      it('.xpt → .json gives the pilot .json (with define.xml for OIDs, types and keys)', () => {
        const provenance = ['datasetJSONCreationDateTime', 'fileOID', 'originator', 'sourceSystem'] as const;
        const j = json as Record<(typeof provenance)[number], never>;
        const out = xptToDatasetJson(dataset, {
          creationDateTime: j.datasetJSONCreationDateTime,
          define,
          metaDataRef: 'define.xml',
          fileOID: j.fileOID,
          originator: j.originator,
          sourceSystem: j.sourceSystem,
        });
        assert.deepEqual(out, json);
        assert.ok(parseDatasetJson(out).ok);
      });

      it('without define.xml the content is the same but for the metadata only it knows', () => {
        const out = xptToDatasetJson(dataset, { creationDateTime: '2026-01-01T00:00:00' });
        const expected = json as { columns: { name: string; itemOID: string; dataType: string; length?: number }[]; rows: unknown[]; itemGroupOID: string };
        assert.deepEqual(out.rows, expected.rows);
        assert.equal(out.itemGroupOID, expected.itemGroupOID);
        assert.deepEqual(
          out.columns.map((c) => [c.itemOID, c.name]),
          expected.columns.map((c) => [c.itemOID, c.name]),
        );
        out.columns.forEach((c, i) => {
          const e = expected.columns[i]!;
          if (e.dataType === 'string' || e.dataType === 'date') assert.equal(c.dataType, 'string');
          if (e.length !== undefined) assert.equal(c.length, e.length, c.name);
        });
      });

      it('every number is an IEEE double written exactly: no bit below the 53rd is set', () => {
        const text = Buffer.from(xpt).toString('latin1');
        const start = text.indexOf('HEADER RECORD*******OBS') + recordSize;
        const width = dataset.variables.reduce((n, v) => n + v.length, 0);
        let position = 0;
        dataset.variables.forEach((v, c) => {
          for (let r = 0; v.type === 'num' && r < dataset.rows.length; r++) {
            const at = start + r * width + position;
            const lead = xpt[at + 1]!;
            if (typeof dataset.rows[r]![c] !== 'number' || lead === 0) continue;
            // The first hex digit has 1 to 4 significant bits, so 0 to 3 bits lie beyond a double's 53.
            const extra = lead >= 0x80 ? 3 : lead >= 0x40 ? 2 : lead >= 0x20 ? 1 : 0;
            assert.equal(xpt[at + 7]! & ((1 << extra) - 1), 0, `${v.name} row ${r + 1}`);
          }
          position += v.length;
        });
      });
    });
  }

  it('reads all pilot files in well under a second', () => {
    const files = pilotDomains.map((d) => pilot(d).xpt);
    const started = performance.now();
    for (let i = 0; i < 3; i++) for (const bytes of files) library(bytes);
    const perPass = (performance.now() - started) / 3;
    assert.ok(perPass < 250, `${perPass.toFixed(1)} ms per pass`);
  });
});
