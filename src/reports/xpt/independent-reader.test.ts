// The XPT files this module writes, read back by a reader it did not write: R's
// foreign::read.xport (Debian's r-base-core and r-cran-foreign), whose XPORT code derives from
// SAS's own TS-140 C routines. Its view of every file (names, types, widths, labels, formats and
// every value, numbers to 17 significant digits) must be the source data, and, for the pilot,
// the same as its view of the file SAS 9.4 wrote. Skipped, loudly, where R is not installed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { type DatasetJson, parseDatasetJson } from './dataset-json.ts';
import { datasetJsonToXpt } from './dataset-json-to-xpt.ts';
import { sasMissing, type XptDataset, type XptLibrary } from './model.ts';
import { pilot, pilotDomains, pilotFolder } from './pilot-support.ts';
import { writeXpt } from './xpt-write.ts';

interface RVariable {
  name: string;
  type: 'character' | 'numeric';
  width: number;
  label: string;
  format: string;
}
interface RDataset {
  nobs: number;
  variables: RVariable[];
  columns: Record<string, (string | number | null)[]>;
}
type RView = Record<string, Record<string, RDataset>>;

const script = fileURLToPath(new URL('./foreign-read-xport.R', import.meta.url));

/** One R run for every file (R takes a second or two to start); null when R or foreign is missing. */
function readWithR(files: string[]): RView | null {
  const r = spawnSync('Rscript', [script, ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, LANG: 'C.UTF-8' } });
  if (r.error || (r.status !== 0 && /there is no package called|not found/.test(r.stderr))) return null;
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as RView;
}

const work = mkdtempSync(join(tmpdir(), 'firstdose-xpt-r-'));
// At the top level, not in the describe below: that one is skipped where R is missing, and its hooks with it.
after(() => rmSync(work, { recursive: true, force: true }));
const stamp = '01MAR26:10:00:00';

function write(name: string, library: XptLibrary): string {
  const bytes = writeXpt(library);
  assert.ok(bytes.ok, JSON.stringify(!bytes.ok && bytes.issues.slice(0, 3)));
  const file = join(work, name);
  writeFileSync(file, bytes.value);
  return file;
}

/** Edge cases for the number conversion and the layout: special missings, range ends, short numerics, UTF-8. */
const edges: XptDataset = {
  name: 'EDGES',
  label: 'Edge cases 边界',
  type: '',
  created: stamp,
  modified: stamp,
  sasVersion: '9.4',
  os: 'NODEJS',
  variables: [
    { name: 'ID', label: 'Identifier', type: 'char', length: 3 },
    { name: 'X', label: 'A double', type: 'num', length: 8, format: { name: 'BEST', width: 12, decimals: 0, justify: 0 } },
    { name: 'SHORT', label: 'Four bytes', type: 'num', length: 4 },
    { name: 'TEXT', label: '中文标签', type: 'char', length: 24 },
    { name: 'DT', label: 'A date', type: 'num', length: 8, format: { name: 'DATE', width: 9, decimals: 0, justify: 0 } },
  ],
  rows: [
    ['a', 0.1, 0.5, '系统性红斑狼疮', 24121],
    ['b', -1 / 3, 1024, ' leading blank', 0],
    ['c', 5.397605346934028e-79, -2.5, 'µg/L ≥ 5', -1],
    ['d', 7.237005577332262e75 * (1 - 2 ** -53), 0, '', sasMissing.A],
    ['e', sasMissing['.'], sasMissing.Z, 'x', sasMissing._],
    ['f', Number.MAX_SAFE_INTEGER, 65535, '"quoted" \\ back', 3652058],
  ],
};

const ours = pilotDomains.map((domain) => {
  const json = parseDatasetJson(pilot(domain).json);
  assert.ok(json.ok);
  const dataset = datasetJsonToXpt(json.value, { now: '2026-03-01T10:00:00' });
  assert.ok(dataset.ok);
  return { domain, json: json.value, file: write(`${domain}.xpt`, { sasVersion: '9.4', os: 'NODEJS', created: stamp, modified: stamp, datasets: [dataset.value] }) };
});
const edgeFile = write('edges.xpt', { sasVersion: '9.4', os: 'NODEJS', created: stamp, modified: stamp, datasets: [edges, { ...edges, name: 'EDGES2', rows: edges.rows.slice(0, 2) }] });
const pilotFiles = pilotDomains.map((d) => `${pilotFolder}${d}.xpt`);
const view: RView = readWithR([...ours.map((o) => o.file), ...pilotFiles, edgeFile]) ?? {};
const haveR = Object.keys(view).length > 0;
if (!haveR) console.warn('independent XPT check skipped: Rscript with the foreign package is not installed (apt-get install r-base-core r-cran-foreign)');

describe('XPT files read back by R foreign::read.xport', { skip: !haveR && 'Rscript with foreign is not installed' }, () => {
  for (const { domain, json, file } of ours) {
    it(`${domain}: R sees the Dataset-JSON's variables, labels, lengths, types and values`, () => {
      const seen = view[file]![json.name]!;
      assert.equal(seen.nobs, json.records);
      assert.deepEqual(
        seen.variables.map((v) => [v.name, v.label, v.type]),
        json.columns.map((c) => [c.name, c.label, c.dataType === 'integer' || c.dataType === 'float' ? 'numeric' : 'character']),
      );
      json.columns.forEach((c, i) => {
        if (c.length !== undefined) assert.equal(seen.variables[i]!.width, c.length, c.name);
        const expected = (json.rows ?? []).map((row) => (row[i] === null && seen.variables[i]!.type === 'character' ? '' : row[i]));
        assert.deepEqual(seen.columns[c.name], expected, c.name);
      });
    });

    it(`${domain}: R reads our file exactly as it reads the one SAS 9.4 wrote`, () => {
      assert.deepEqual(view[file], view[`${pilotFolder}${domain}.xpt`]);
    });
  }

  it('edge cases: special missings are NA, range ends and short numerics exact, UTF-8 text intact, two members', () => {
    const seen = view[edgeFile]!;
    assert.deepEqual(Object.keys(seen), ['EDGES', 'EDGES2']);
    const d = seen.EDGES!;
    assert.deepEqual(
      d.variables.map((v) => [v.name, v.type, v.width, v.label, v.format]),
      [
        ['ID', 'character', 3, 'Identifier', ''],
        ['X', 'numeric', 8, 'A double', 'BEST'],
        ['SHORT', 'numeric', 4, 'Four bytes', ''],
        ['TEXT', 'character', 24, '中文标签', ''],
        ['DT', 'numeric', 8, 'A date', 'DATE'],
      ],
    );
    const column = (c: number) => edges.rows.map((row) => (typeof row[c] === 'number' || typeof row[c] === 'string' ? row[c] : null));
    assert.deepEqual(d.columns.X, column(1));
    assert.deepEqual(d.columns.SHORT, column(2));
    assert.deepEqual(d.columns.TEXT, column(3));
    assert.deepEqual(d.columns.DT, column(4));
    assert.equal(seen.EDGES2!.nobs, 2);
  });
});

// What the pilot's own .json says, read by R from the pilot .xpt: the oracle agrees with the pilot.
describe('R foreign::read.xport on the SAS-written pilot files', { skip: !haveR && 'Rscript with foreign is not installed' }, () => {
  it('gives the values of the pilot Dataset-JSON files', () => {
    for (const domain of pilotDomains) {
      const json = pilot(domain).json as unknown as DatasetJson;
      const seen = view[`${pilotFolder}${domain}.xpt`]![json.name]!;
      json.columns.forEach((c, i) => {
        const expected = (json.rows ?? []).map((row) => (row[i] === null && seen.variables[i]!.type === 'character' ? '' : row[i]));
        assert.deepEqual(seen.columns[c.name], expected, `${domain} ${c.name}`);
      });
    }
  });
});
