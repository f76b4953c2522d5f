import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from '../test-support.ts';

describe('firstdose score: the JSON contract', () => {
  it('sledai2k', async () => {
    const r = await runCli(['score', 'sledai2k', '--json'], { items: ['arthritis', 'low-complement'] });
    assert.equal(r.code, 0);
    assert.deepEqual(r.json(), { total: 6, clinical: 4, serologic: 2, items: [{ code: 'arthritis', weight: 4 }, { code: 'low-complement', weight: 2 }] });
  });

  it('eular-acr-2019', async () => {
    const r = await runCli(['score', 'eular-acr-2019', '--json'], { ana: 'positive', criteria: ['renal-biopsy-class-3-or-4', 'proteinuria'] });
    assert.deepEqual(r.json(), {
      entry: true,
      points: 10,
      clinicalCriterion: true,
      classified: true,
      domains: [{ domain: 'renal', criterion: 'renal-biopsy-class-3-or-4', points: 10 }],
    });
  });

  it('crcl', async () => {
    const r = await runCli(['score', 'crcl', '--json'], { age: 50, sex: 'male', weightKg: 60, creatinine: { value: 1.5, unit: 'mg/dL' } });
    assert.deepEqual(r.json(), { mlPerMin: 50 });
  });

  it('prednisone-equivalent, once a day when timesPerDay is absent', async () => {
    const r = await runCli(['score', 'prednisone-equivalent', '--json'], { drug: 'methylprednisolone', dose: { value: 16, unit: 'mg' } });
    assert.deepEqual(r.json(), { mgPerDay: 20 });
  });

  it('ctcae (T7: ALT 130 U/L, ULN 40, abnormal baseline 60 → grade 1)', async () => {
    const r = await runCli(['score', 'ctcae', '--json'], {
      term: 'alanine-aminotransferase-increased',
      value: { value: 130, unit: 'U/L' },
      uln: 40,
      baseline: 60,
    });
    assert.deepEqual(Object.keys(r.json() as object), ['grade', 'rule']);
    assert.equal((r.json() as { grade: number }).grade, 1);
  });

  it('crs (R3, ASTCT example) and icans (N2, ASTCT example)', async () => {
    const crs = await runCli(['score', 'crs', '--json'], { feverC: 39.5, hypotension: 'one-vasopressor', oxygen: 'low-flow' });
    assert.deepEqual(crs.json(), { grade: 3 });
    const icans = await runCli(['score', 'icans', '--json'], { ice: 3, consciousness: 'awake', seizure: 'rapid' });
    assert.deepEqual(icans.json(), { grade: 3 });
  });

  it('names a missing required choice', async () => {
    const r = await runCli(['score', 'crs', '--json'], { hypotension: 'fluids' });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'oxygen: required');
  });

  it('sri4 (Q2: PGA worsening of exactly 0.30)', async () => {
    const visit = (sledai2k: number, pga: number) => ({ sledai2k, pga, bilag: {} });
    const r = await runCli(['score', 'sri4', '--json'], { baseline: visit(8, 1.0), followup: visit(4, 1.3) });
    const out = r.json() as { responder: boolean; components: { pga: { met: boolean } } };
    assert.equal(out.responder, false);
    assert.equal(out.components.pga.met, false);
  });

  it('lldas and doris (L2: prednisone 7.5 mg/day)', async () => {
    const l2 = { sledai2k: { items: ['low-complement', 'increased-dna-binding'] }, pga: 0.4, prednisoneMgPerDay: 7.5 };
    const l = await runCli(['score', 'lldas', '--json'], { ...l2, newFeatures: false, immunosuppressantsStandardDose: true });
    assert.deepEqual(l.json(), { met: true, failed: [] });
    const d = await runCli(['score', 'doris', '--json'], l2);
    assert.deepEqual(d.json(), { met: false, failed: ['prednisone-above-5'] });
  });

  it('adds the explanation only when asked', async () => {
    const r = await runCli(['score', 'crcl', '--json', '--explain'], { age: 50, sex: 'male', weightKg: 60, creatinine: { value: 1.5, unit: 'mg/dL' } });
    assert.equal((r.json() as { explanation: unknown[] }).explanation.length, 1);
  });
});

describe('firstdose score: bad input', () => {
  it('exits 2 with one line naming the field, in English', async () => {
    const r = await runCli(['score', 'crcl', '--json'], { age: 300, sex: 'male', weightKg: 60, creatinine: { value: 1, unit: 'mg/dL' } });
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'age: must be at most 120');
  });

  it('and in Simplified Chinese', async () => {
    const r = await runCli(['--lang', 'zh-CN', 'score', 'crcl'], { age: 40, sex: 'male', weightKg: 60, creatinine: { value: 0, unit: 'mg/dL' } });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'creatinine.value：必须大于 0');
  });

  it('names an unknown unit', async () => {
    const r = await runCli(['score', 'crcl', '--json'], { age: 40, sex: 'male', weightKg: 60, creatinine: { value: 1, unit: 'mg%' } });
    assert.equal(r.stderr, "creatinine.unit: unknown unit 'mg%'");
  });

  it('rejects a file that is not JSON, or not one object', async () => {
    const notJson = await runCli(['score', 'sledai2k'], 'items: rash');
    assert.equal(notJson.code, 2);
    assert.match(notJson.stderr, /not valid JSON/);
    const array = await runCli(['score', 'sledai2k'], '[]');
    assert.match(array.stderr, /expected one JSON object/);
  });

  it('names a missing file', async () => {
    const r = await runCli(['score', 'sledai2k', '/nonexistent/x.json']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, '/nonexistent/x.json: cannot be read (ENOENT)');
  });

  it('names an unknown option and an unknown language', async () => {
    const option = await runCli(['score', 'sledai2k', '--frobnicate']);
    assert.equal(option.code, 2);
    assert.equal(option.stderr, '--frobnicate: unknown option');
    const language = await runCli(['--lang', 'fr', 'score', 'sledai2k']);
    assert.equal(language.code, 2);
    assert.match(language.stderr, /^--lang: 'fr'/);
  });
});

describe('firstdose as a process', () => {
  const bin = fileURLToPath(new URL('../../../bin/firstdose.mjs', import.meta.url));

  it('reads standard input, prints JSON, and exits 2 on bad input with one stderr line', () => {
    const good = spawnSync(process.execPath, [bin, 'score', 'sledai2k', '-', '--json'], { input: '{"items":["fever"]}', encoding: 'utf8' });
    assert.equal(good.status, 0, good.stderr);
    assert.deepEqual(JSON.parse(good.stdout), { total: 1, clinical: 1, serologic: 0, items: [{ code: 'fever', weight: 1 }] });
    const bad = spawnSync(process.execPath, [bin, 'score', 'sledai2k', '--json'], { input: '{"items":[3]}', encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.equal(bad.stdout, '');
    assert.equal(bad.stderr.trim().split('\n').length, 1);
    assert.match(bad.stderr, /^items\[0\]/);
  });

  it('takes the language from the locale', () => {
    const r = spawnSync(process.execPath, [bin, 'score', 'sledai2k'], {
      input: '{"items":["fever"]}',
      encoding: 'utf8',
      env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_CN.UTF-8' },
    });
    assert.match(r.stdout, /^SLEDAI-2K 1 分/);
  });
});
