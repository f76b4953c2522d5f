import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCommand } from './prescreen-test-support.ts';

let work = '';
let exportDir = '';

describe('firstdose synth and prescreen', () => {
  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'firstdose-cli-prescreen-'));
    exportDir = join(work, 'export');
    const r = await runCommand(['synth', '--patients', '60', '--seed', '3', '--as-of', '2026-12-01', '--out', exportDir]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^60 patients \(\d+ with SLE\), \d+ resources written to /);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('summarises, lists the top candidates and writes the ranked CSV', async () => {
    const out = join(work, 'candidates.csv');
    const r = await runCommand(['prescreen', exportDir, '--as-of', '2026-12-01', '--out', out, '--top', '3']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.match(lines[0]!, /^60 patients \(\d+ resources\) screened against hn2301 .+ on 2026-12-01 in [\d.]+ s: \d+ eligible, \d+ undetermined, \d+ not eligible$/);
    assert.match(lines.at(-1)!, /rows written to .*candidates\.csv$/);
    const csv = readFileSync(out, 'utf8').split('\r\n');
    assert.equal(csv[0], 'rank,patient,eligible,met,not_met,unknown,missing_count,not_met_criteria,unknown_criteria,missing,data_issues');
    assert.ok(csv.slice(1, -1).every((l) => !l.split(',')[2]!.startsWith('no')));
  });

  it('with --all lists every patient, as JSON by the extension', async () => {
    const out = join(work, 'all.json');
    const r = await runCommand(['prescreen', exportDir, '--as-of', '2026-12-01', '--out', out, '--all']);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(json.candidates.length, 60);
    assert.equal(json.asOf, '2026-12-01');
  });

  it('names the bad argument and exits 2', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['prescreen', exportDir, '--as-of', '2026-02-30'], /^--as-of: '2026-02-30' is not a date/],
      [['prescreen', exportDir, '--out', 'x.txt'], /^--out: 'x.txt' must end in \.csv or \.json/],
      [['prescreen', join(work, 'nowhere')], /^DIR: cannot be read \(ENOENT\)/],
      [['prescreen', work], /^DIR: no \*\.ndjson files in/],
      [['prescreen', exportDir, '--protocol', 'nope'], /no protocol 'nope'/],
    ];
    for (const [argv, message] of cases) {
      const r = await runCommand(argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.stderr, message, argv.join(' '));
    }
  });
});
