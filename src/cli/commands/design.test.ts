import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadReference } from '../../domain/escalation/testing/reference.ts';
import { runCli } from '../test-support.ts';

const s3 = '0.05,0.15,0.3,0.45,0.55,0.65';

describe('firstdose design: the JSON contract', () => {
  it('boundaries: λ and one row per n = 1..N', async () => {
    const r = await runCli(['design', 'boundaries', '--design', 'boin', '--target', '0.3', '--cohort-size', '3', '--cohorts', '10', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const out = r.json() as { lambdaE: number; lambdaD: number; table: Array<Record<string, number | null>> };
    assert.deepEqual(Object.keys(out), ['lambdaE', 'lambdaD', 'table']);
    assert.equal(out.table.length, 30);
    assert.deepEqual(out.table[0], { n: 1, escalate: 0, deescalate: 1, eliminate: null });
    assert.deepEqual(out.table[2], { n: 3, escalate: 0, deescalate: 2, eliminate: 3 });
    assert.ok(Math.abs(out.lambdaE - 0.236490685236468) < 1e-12);
  });

  it('select-mtd: the issue example, and null when every dose is eliminated', async () => {
    const r = await runCli(['design', 'select-mtd', '--design', 'boin', '--target', '0.3', '--n', '3,3,15,9,0', '--y', '0,0,4,4,0', '--json']);
    const out = r.json() as { mtd: number; estimates: (number | null)[] };
    assert.equal(out.mtd, 3);
    assert.equal(out.estimates.length, 5);
    assert.equal(out.estimates[4], null);
    const none = await runCli(['design', 'select-mtd', '--design', 'boin', '--target', '0.3', '--n', '3,0', '--y', '3,0', '--json']);
    assert.deepEqual((none.json() as { mtd: null }).mtd, null);
  });

  it('select-mtd --design crm gives dfcrm crm()\'s mtd and plug-in probabilities (crm_fixed_data.json)', async () => {
    type Case = { model: string; method: string; mtd: number; ptox: number[]; data: { prior: number[]; target: number; level: number[]; tox: number[] } };
    const cases = Object.entries(loadReference<Record<string, Case>>('crm_fixed_data.json')).filter(([, c]) => typeof c === 'object' && c !== null && 'mtd' in c);
    assert.ok(cases.length >= 4);
    for (const [name, c] of cases) {
      const K = c.data.prior.length;
      const n = Array<number>(K).fill(0);
      const y = Array<number>(K).fill(0);
      c.data.level.forEach((level, i) => {
        n[level - 1]! += 1;
        y[level - 1]! += c.data.tox[i]!;
      });
      const argv = ['design', 'select-mtd', '--design', 'crm', '--skeleton', c.data.prior.join(','), '--target', String(c.data.target), '--model', c.model, '--method', c.method];
      const r = await runCli([...argv, '--n', n.join(','), '--y', y.join(','), '--json']);
      assert.equal(r.code, 0, `${name}: ${r.stderr}`);
      const out = r.json() as { mtd: number; estimates: number[] };
      assert.equal(out.mtd, c.mtd, name);
      for (const [j, p] of out.estimates.entries()) assert.ok(Math.abs(p - c.ptox[j]!) <= 1e-9 * c.ptox[j]!, `${name} ptox[${j}]`);
    }
  });

  it('next and oc with --design crm', async () => {
    const crm = ['--design', 'crm', '--skeleton', '0.05,0.1,0.2,0.35,0.5,0.7', '--target', '0.2'];
    const next = await runCli(['design', 'next', ...crm, '--current', '3', '--n', '0,3,3', '--y', '0,0,0', '--json']);
    assert.deepEqual((next.json() as { nextDose: number }).nextDose, 4);
    const oc = await runCli(['design', 'oc', ...crm, '--truth', '0.05,0.1,0.2,0.35,0.5,0.7', '--trials', '200', '--json']);
    const out = oc.json() as { method: string; selectionPercent: number[]; stopPercent: number };
    assert.equal(out.method, 'simulation');
    assert.ok(Math.abs(out.selectionPercent.reduce((a, b) => a + b, 0) + out.stopPercent - 100) < 1e-9);
    const exact = await runCli(['design', 'oc', ...crm, '--truth', '0.05,0.1,0.2,0.35,0.5,0.7', '--exact']);
    assert.equal(exact.code, 2);
    assert.match(exact.stderr, /^--exact/);
  });

  it('next: escalate, wait on pending results that could change it, and 3+3', async () => {
    const boin = ['design', 'next', '--design', 'boin', '--target', '0.3', '--json'];
    const up = await runCli([...boin, '--current', '1', '--n', '3,0,0', '--y', '0,0,0']);
    assert.deepEqual({ ...(up.json() as object), reason: undefined }, { decision: 'escalate', nextDose: 2, reason: undefined });
    const wait = await runCli([...boin, '--current', '2', '--n', '3,3', '--y', '0,1', '--pending', '0,2']);
    assert.equal((wait.json() as { decision: string }).decision, 'wait');
    const tpt = await runCli(['design', 'next', '--design', '3+3', '--current', '1', '--n', '3', '--y', '0', '--doses', '3', '--json']);
    assert.deepEqual(Object.keys(tpt.json() as object), ['decision', 'nextDose', 'reason']);
    assert.equal((tpt.json() as { nextDose: number }).nextDose, 2);
  });

  it('oc --rng r reproduces BOIN get.oc (seed 6, S3) to the digit', async () => {
    const reference = loadReference<{ S3_mtd3: { selpercent: number[]; npatients: number[]; ntox: number[]; totaln: number; percentstop: number } }>('boin_oc_main.json').S3_mtd3;
    const r = await runCli(['design', 'oc', '--design', 'boin', '--truth', s3, '--target', '0.3', '--cohort-size', '3', '--cohorts', '10', '--trials', '10000', '--seed', '6', '--rng', 'r', '--json']);
    const out = r.json() as { method: string; selectionPercent: number[]; patients: number[]; dlts: number[]; totalPatients: number; stopPercent: number; elapsedMs: number };
    assert.equal(out.method, 'simulation');
    assert.deepEqual(out.selectionPercent, reference.selpercent);
    assert.deepEqual(out.patients.map((v) => Number(v.toPrecision(12))), reference.npatients);
    assert.deepEqual(out.dlts.map((v) => Number(v.toPrecision(12))), reference.ntox);
    assert.equal(out.stopPercent, reference.percentstop);
    assert.ok(out.elapsedMs >= 0);
  });

  it('oc --exact gives probabilities that sum to 100 % with the stop probability', async () => {
    const r = await runCli(['design', 'oc', '--design', '3+3', '--truth', s3, '--exact', '--json']);
    const out = r.json() as { method: string; selectionPercent: number[]; stopPercent: number };
    assert.equal(out.method, 'exact');
    assert.ok(Math.abs(out.selectionPercent.reduce((a, b) => a + b, 0) + out.stopPercent - 100) < 1e-9);
  });

  it('compare prints the designs side by side and draws the SVG', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'firstdose-plot-'));
    try {
      const file = join(dir, 'oc.svg');
      const r = await runCli(['design', 'compare', '3+3', 'boin', '--truth', s3, '--target', '0.3', '--plot', file]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /3\+3 \(exact\).*boin \(exact\)/);
      const svg = readFileSync(file, 'utf8');
      assert.match(svg, /^<\?xml/);
      assert.equal((svg.match(/<svg/g) ?? []).length, 3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('firstdose design: bad arguments exit 2 naming the argument', () => {
  const cases: Array<[string[], RegExp]> = [
    [['design', 'boundaries', '--design', 'boin', '--target', '1.5'], /^--target: '1.5' must be a probability/],
    [['design', 'next', '--design', 'boin', '--target', '0.3', '--current', '1', '--n', '3,x', '--y', '0,0'], /^--n: '3,x' element 2/],
    [['design', 'next', '--design', 'boin', '--target', '0.3', '--current', '1', '--n', '3,3', '--y', '0,4'], /^--y\[2\]/],
    [['design', 'next', '--design', 'boin', '--current', '1', '--n', '3', '--y', '0'], /^--target: required/],
    [['design', 'oc', '--design', 'boin', '--target', '0.3', '--truth', '0.1,0.2', '--trials', '0'], /^--trials: '0'/],
    [['design', 'oc', '--design', 'nope', '--truth', '0.1,0.2'], /^--design/],
    [['design', 'next', '--current', '1', '--n', '3', '--y', '0'], /^--design: required option not given/],
  ];
  for (const [argv, expected] of cases) {
    it(argv.slice(1).join(' '), async () => {
      const r = await runCli(argv);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, expected);
      assert.equal(r.stderr.split('\n').length, 1);
    });
  }
});
