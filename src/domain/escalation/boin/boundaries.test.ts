import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { loadReference } from '../testing/reference.ts';
import { boinBoundaries } from './api.ts';
import { boinLambdas, deescalationCount } from './boundaries.ts';

type Tab = { n: number[]; escalate_if_le: number[]; deescalate_if_ge: number[]; eliminate_if_ge: (number | null)[] };
interface TargetCase {
  target: number;
  ncohort: number;
  cohortsize: number;
  lambda_e: number;
  lambda_d: number;
  boundary_tab: Tab;
  full_boundary_tab: Tab;
  extrasafe: { offset: number; cutoff: number; stop_boundary: { n: number[]; stop_if_ge: (number | null)[] } };
}
const ref = loadReference<Record<string, unknown>>('boin_boundaries.json');
const variants = ref['variants'] as Record<string, { lambda_e?: number; lambda_d?: number; boundary_tab?: Tab; full_boundary_tab?: Tab }>;

/** The JSON prints doubles with 15 significant digits. */
const close15 = (actual: number, expected: number) =>
  assert.ok(Math.abs(actual - expected) <= 1e-14 * Math.abs(expected), `${actual} vs ${expected}`);

function assertTable(rows: readonly { n: number; escalate: number | null; deescalate: number | null; eliminate: number | null }[], tab: Tab) {
  const byN = new Map(rows.map((r) => [r.n, r]));
  tab.n.forEach((n, i) => {
    const row = byN.get(n);
    assert.ok(row, `row n=${n}`);
    assert.deepEqual(
      [row.escalate, row.deescalate, row.eliminate],
      [tab.escalate_if_le[i], tab.deescalate_if_ge[i], tab.eliminate_if_ge[i]],
      `n=${n}`,
    );
  });
}

describe('BOIN boundaries (boin-spec.md §2–3, boin_boundaries.json)', () => {
  for (const key of ['target_0.20', 'target_0.25', 'target_0.30', 'target_0.33']) {
    const c = ref[key] as TargetCase;
    it(`reproduces get.boundary(target=${c.target}) with and without extrasafe`, () => {
      const r = boinBoundaries({ target: c.target, cohortSize: c.cohortsize, cohorts: c.ncohort, extrasafe: true });
      assert.ok(r.ok);
      close15(r.value.lambdaE, c.lambda_e);
      close15(r.value.lambdaD, c.lambda_d);
      assertTable(r.value.table, c.full_boundary_tab);
      assertTable(r.value.cohortTable, c.boundary_tab);
      assert.deepEqual(r.value.cohortTable.map((row) => row.n), c.boundary_tab.n);
      assert.deepEqual(r.value.stopBoundary?.map((row) => row.stop), c.extrasafe.stop_boundary.stop_if_ge);
      const plain = boinBoundaries({ target: c.target, cohortSize: c.cohortsize, cohorts: c.ncohort });
      assert.ok(plain.ok && plain.value.stopBoundary === undefined);
    });
  }

  it('reproduces the variants: cohort size 1, n.earlystop = 12, p.saf/p.tox, cutoff.eli = 0.90', () => {
    const one = boinBoundaries({ target: 0.3, cohortSize: 1, cohorts: 30 });
    assert.ok(one.ok);
    assertTable(one.value.table, variants['cohortsize1']!.boundary_tab!);
    // get.boundary truncates its table at n.earlystop; the rows it prints are ours for n ≤ 12.
    const twelve = boinBoundaries({ target: 0.3, cohortSize: 3, cohorts: 10 });
    assert.ok(twelve.ok);
    assertTable(twelve.value.table, variants['n_earlystop12']!.full_boundary_tab!);
    const st = boinBoundaries({ target: 0.3, cohortSize: 3, cohorts: 10, pSaf: 0.2, pTox: 0.4 });
    assert.ok(st.ok);
    close15(st.value.lambdaE, variants['psaf0.2_ptox0.4']!.lambda_e!);
    close15(st.value.lambdaD, variants['psaf0.2_ptox0.4']!.lambda_d!);
    assertTable(st.value.table, variants['psaf0.2_ptox0.4']!.full_boundary_tab!);
    const cut = boinBoundaries({ target: 0.3, cohortSize: 3, cohorts: 10, cutoffEli: 0.9 });
    assert.ok(cut.ok);
    assertTable(cut.value.table, variants['cutoff_eli0.90']!.full_boundary_tab!);
  });

  it('reproduces the λ grid for targets 0.05 … 0.60 and the exact φ = 0.30 values of §2', () => {
    for (const g of ref['lambda_grid'] as { target: number; lambda_e: number; lambda_d: number }[]) {
      const l = boinLambdas(g.target, 0.6 * g.target, 1.4 * g.target);
      close15(l.lambdaE, g.lambda_e);
      close15(l.lambdaD, g.lambda_d);
    }
    const l = boinLambdas(0.3, 0.18, 0.42);
    close15(l.lambdaE, 0.236490685236468);
    close15(l.lambdaD, 0.35851946464093);
  });

  it('de-escalates iff y/n > λd strictly when λd·n is an integer (§3.2)', () => {
    assert.equal(deescalationCount(0.25, 8), 3); // λd·n = 2 exactly: y = 2 stays, y = 3 de-escalates
    assert.equal(deescalationCount(0.25, 9), 3);
    // 0.29·100 is 28.999999999999996 in doubles: a plain ceiling would give 29, the 1e−12 rule 30.
    assert.equal(deescalationCount(0.29, 100), 30);
  });

  it('rejects what get.boundary rejects (§1)', () => {
    const codes = (input: Parameters<typeof boinBoundaries>[0]) => {
      const r = boinBoundaries(input);
      return r.ok ? [] : r.issues.map((i) => `${i.path.join('.')}:${i.code}`);
    };
    assert.deepEqual(codes({ target: 0.04, cohortSize: 3, cohorts: 10 }), ['target:too_small']);
    assert.deepEqual(codes({ target: 0.61, cohortSize: 3, cohorts: 10 }), ['target:too_big']);
    assert.deepEqual(codes({ target: 0.3, pSaf: 0.28, cohortSize: 3, cohorts: 10 }), ['pSaf:boin_p_saf_too_close']);
    assert.deepEqual(codes({ target: 0.3, pTox: 0.32, cohortSize: 3, cohorts: 10 }), ['pTox:boin_p_tox_too_close']);
    assert.deepEqual(codes({ target: 0.3, offset: 0.5, cohortSize: 3, cohorts: 10 }), ['offset:too_big']);
  });

  it('orders escalate < de-escalate ≤ eliminate at every n (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 0.6, noNaN: true }), fc.integer({ min: 1, max: 60 }), (target, maxN) => {
        const r = boinBoundaries({ target, cohortSize: 1, cohorts: maxN });
        assert.ok(r.ok);
        for (const row of r.value.table) {
          assert.ok(row.escalate! < row.deescalate!, JSON.stringify(row));
          if (row.eliminate !== null) assert.ok(row.deescalate! <= row.eliminate, JSON.stringify(row));
        }
      }),
      { numRuns: 60 },
    );
  });
});
