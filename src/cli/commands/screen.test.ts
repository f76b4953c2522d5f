import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from '../test-support.ts';

const example = (name: string) => fileURLToPath(new URL(`../../../examples/${name}.json`, import.meta.url));
const hn2301Ids = ['age', 'sle-classification', 'sle-duration', 'standard-therapy', 'corticosteroid-dose', 'prior-immunosuppressants', 'serology', 'sledai-2k', 'bone-marrow', 'coagulation', 'cardiac', 'pulmonary', 'hepatic', 'renal', 'pregnancy'];

interface ScreenJson {
  protocol: string;
  protocolVersion: string;
  eligible: string;
  criteria: Array<{ id: string; kind: string; status: string; reason: string; evidence: unknown[]; missing: Array<{ item: string; code: string }> }>;
}

describe('firstdose screen: the examples', () => {
  const screen = async (name: string) => {
    const r = await runCli(['screen', example(name), '--as-of', '2026-01-15', '--json']);
    assert.equal(r.code, 0, r.stderr);
    return r.json() as ScreenJson;
  };

  it('eligible.json: every HN2301 criterion met, in protocol order, with evidence', async () => {
    const out = await screen('eligible');
    assert.equal(out.protocol, 'hn2301');
    assert.equal(typeof out.protocolVersion, 'string');
    assert.equal(out.eligible, 'yes');
    assert.deepEqual(out.criteria.map((c) => c.id), hn2301Ids);
    for (const c of out.criteria) {
      assert.deepEqual([c.kind, c.status], ['inclusion', 'met'], c.id);
      assert.ok(c.evidence.length > 0, `${c.id} has evidence`);
      assert.equal(typeof c.reason, 'string');
    }
  });

  it('not-eligible.json: ANC 1.2 and prednisone 35 mg/day fail', async () => {
    const out = await screen('not-eligible');
    assert.equal(out.eligible, 'no');
    assert.deepEqual(out.criteria.filter((c) => c.status === 'not-met').map((c) => c.id), ['corticosteroid-dose', 'bone-marrow']);
  });

  it('undetermined.json: says which tests would settle it', async () => {
    const out = await screen('undetermined');
    assert.equal(out.eligible, 'undetermined');
    const unknown = out.criteria.filter((c) => c.status === 'unknown');
    assert.deepEqual(unknown.map((c) => c.id), ['coagulation', 'renal']);
    assert.deepEqual(unknown[0]!.missing.map((m) => m.item), ['inr', 'aptt']);
    assert.deepEqual(unknown[1]!.missing.map((m) => [m.item, m.code]), [['creatinine', 'result_too_old']]);
  });

  it('prints a readable checklist in Chinese', async () => {
    const r = await runCli(['--lang', 'zh-CN', 'screen', example('undetermined'), '--as-of', '2026-01-15']);
    assert.match(r.stdout, /是否合格：待定/);
    assert.match(r.stdout, /^\? renal: /m);
  });

  it('the published Questionnaires are in examples/', () => {
    for (const q of ['sledai-2k', 'eular-acr-2019', 'screening-attestations']) {
      const resource = JSON.parse(readFileSync(fileURLToPath(new URL(`../../../examples/questionnaires/${q}.json`, import.meta.url)), 'utf8'));
      assert.equal(resource.url, `https://firstdose.dev/fhir/Questionnaire/${q}`);
    }
  });
});

describe('firstdose screen --code-tables', () => {
  it("maps a site's local lab code once its table is given", async () => {
    const bundle = JSON.parse(readFileSync(example('eligible'), 'utf8'));
    bundle.entry[2].resource.code = { coding: [{ system: 'http://hospital.example/lis', code: 'NEUT#' }] };
    const site = { observations: { anc: { codes: [{ system: 'http://hospital.example/lis', code: 'NEUT#', kind: 'quantity', unitFamily: 'number-concentration', role: 'alternate' }] } } };
    const without = await runCli(['screen', '@input', '--as-of', '2026-01-15', '--json'], bundle);
    const bone = (r: typeof without) => (r.json() as ScreenJson).criteria.find((c) => c.id === 'bone-marrow')!.status;
    assert.equal(bone(without), 'unknown');
    const dir = mkdtempSync(join(tmpdir(), 'firstdose-site-'));
    try {
      const tables = join(dir, 'site.json');
      writeFileSync(tables, JSON.stringify(site));
      const withTables = await runCli(['screen', '@input', '--as-of', '2026-01-15', '--code-tables', tables, '--json'], bundle);
      assert.equal(withTables.code, 0, withTables.stderr);
      assert.equal(bone(withTables), 'met');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('firstdose screen: bad input exits 2 naming the field', () => {
  it('a malformed bundle names the resource and the field', async () => {
    const bundle = JSON.parse(readFileSync(example('eligible'), 'utf8'));
    bundle.entry[2].resource.valueQuantity.value = 'high';
    const r = await runCli(['screen', '@input', '--as-of', '2026-01-15'], bundle);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^entry\[2\]\.resource\.valueQuantity\.value \(Observation\/obs-1\): /);
  });

  it('a date that is not a date, and an unknown protocol', async () => {
    const date = await runCli(['screen', example('eligible'), '--as-of', '2026-02-30']);
    assert.equal(date.code, 2);
    assert.equal(date.stderr, "--as-of: '2026-02-30' is not a date (YYYY-MM-DD)");
    const protocol = await runCli(['screen', example('eligible'), '--protocol', 'nope']);
    assert.equal(protocol.code, 2);
    assert.match(protocol.stderr, /nope/);
  });
});
