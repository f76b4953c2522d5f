import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCommand } from './prescreen-test-support.ts';

let work = '';

describe('firstdose synth', () => {
  before(() => {
    work = mkdtempSync(join(tmpdir(), 'firstdose-cli-synth-'));
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('writes one NDJSON file per resource type, the same for the same seed', async () => {
    const a = await runCommand(['synth', '--patients', '20', '--seed', '9', '--as-of', '2026-12-01', '--out', join(work, 'a')]);
    const b = await runCommand(['synth', '--patients', '20', '--seed', '9', '--as-of', '2026-12-01', '--out', join(work, 'b')]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(a.stdout.replace(/[ab]$/, ''), b.stdout.replace(/[ab]$/, ''));
    assert.deepEqual(readdirSync(join(work, 'a')).sort(), ['Condition.ndjson', 'MedicationStatement.ndjson', 'Observation.ndjson', 'Patient.ndjson', 'Procedure.ndjson', 'QuestionnaireResponse.ndjson']);
    assert.equal(readFileSync(join(work, 'a', 'Observation.ndjson'), 'utf8'), readFileSync(join(work, 'b', 'Observation.ndjson'), 'utf8'));
  });

  it('--bundle writes one patient as a Bundle', async () => {
    const file = join(work, 'sle.json');
    const r = await runCommand(['synth', '--bundle', 'sle', '--seed', '5', '--as-of', '2026-12-01', '--out', file]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^one sle patient \(\d+ resources\) written to .*sle\.json as a Bundle$/);
    const bundle = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(bundle.resourceType, 'Bundle');
    assert.equal(bundle.entry[0].resource.resourceType, 'Patient');
  });

  it('names the bad argument and exits 2', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['synth', '--out', join(work, 'x')], /^--patients: required/],
      [['synth', '--patients', '0', '--out', join(work, 'x')], /--patients/],
      [['synth', '--patients', '5'], /--out/],
      [['synth', '--patients', '5', '--as-of', '2026-1-1', '--out', join(work, 'x')], /^--as-of: '2026-1-1' is not a date/],
      [['synth', '--bundle', 'cat', '--out', join(work, 'x.json')], /^--bundle: 'cat' is not one of sle, other/],
    ];
    for (const [argv, message] of cases) {
      const r = await runCommand(argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.stderr, message, argv.join(' '));
    }
  });
});
