import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadReference } from '../testing/reference.ts';
import { selectBoinMtd } from './api.ts';
import { pava } from './pava.ts';

interface SelectCase {
  args: {
    target: number;
    npts: number | number[];
    ntox: number | number[];
    boundMTD?: boolean;
    extrasafe?: boolean;
    'cutoff.eli'?: number;
    offset?: number;
    'p.tox'?: number;
  };
  MTD: number;
  p_est: { phat: string[]; CI: string[] };
  p_overdose: string[];
}
const cases = Object.entries(loadReference<Record<string, SelectCase>>('boin_select_mtd.json')).filter(([, c]) => 'args' in c);

const fmt = (v: number | null) => (v === null ? '----' : v.toFixed(2));

function select(a: SelectCase['args']) {
  const r = selectBoinMtd({
    target: a.target,
    n: [a.npts].flat(),
    y: [a.ntox].flat(),
    boundMtd: a.boundMTD ?? false,
    extrasafe: a.extrasafe ?? false,
    ...(a['cutoff.eli'] === undefined ? {} : { cutoffEli: a['cutoff.eli'] }),
    ...(a.offset === undefined ? {} : { offset: a.offset }),
    ...(a['p.tox'] === undefined ? {} : { pTox: a['p.tox'] }),
  });
  assert.ok(r.ok, JSON.stringify(r));
  return r.value;
}

describe('BOIN select.mtd (boin-spec.md §5, boin_select_mtd.json)', () => {
  for (const [name, c] of cases) {
    it(`${name}: MTD, isotonic estimates, overdose probabilities and intervals`, () => {
      const s = select(c.args);
      assert.equal(s.mtd ?? 99, c.MTD);
      // R prints these to 2 decimals (§5.9).
      assert.deepEqual(s.estimates.map(fmt), c.p_est.phat);
      assert.deepEqual(s.overdoseProbability.map(fmt), c.p_overdose);
      const ci = s.intervals.map((i) => (i === null ? '(----,----)' : `(${fmt(i.lower)},${fmt(i.upper)})`));
      if (name === 'gap_untreated_dose') {
        // R's quirk (§5.9): CIs indexed by dose number, not treated position, so with dose 2 untreated
        // dose 3 shows dose 4's interval and dose 4 shows NA. We index correctly.
        assert.equal(ci[3], c.p_est.CI[2]);
        assert.equal(c.p_est.CI[3], '( NA, NA)');
        assert.equal(ci[0], c.p_est.CI[0]);
      } else assert.deepEqual(ci, c.p_est.CI);
    });
  }

  it('breaks ties inside pooled blocks as §5.6–5.7 describe', () => {
    // A pooled block below φ: the highest dose of the block wins.
    const below = select({ target: 0.3, npts: [6, 6, 0], ntox: [1, 0, 0] });
    assert.equal(below.estimates[0], below.estimates[1]);
    assert.equal(below.mtd, 2);
    // A pooled block above φ: the lowest dose of the block wins.
    const above = select({ target: 0.3, npts: [3, 6, 9], ntox: [0, 3, 3] });
    assert.equal(above.estimates[1], above.estimates[2]);
    assert.ok(above.estimates[1]! > 0.3);
    assert.equal(above.mtd, 2);
    const all = select({ target: 0.3, npts: [3, 9, 9], ntox: [2, 4, 3] });
    assert.ok(all.estimates.every((e) => e === all.estimates[0]));
    assert.equal(all.mtd, 1);
  });

  it('returns no MTD when dose 1 is eliminated, nothing was treated, or (boundMTD) every estimate exceeds λd', () => {
    assert.equal(select({ target: 0.3, npts: [3, 0], ntox: [3, 0] }).reason, 'boin.mtd-none-lowest-eliminated');
    assert.equal(select({ target: 0.3, npts: [0, 0, 0], ntox: [0, 0, 0] }).reason, 'boin.mtd-none-untreated');
    const bound = select({ target: 0.3, npts: [6, 0], ntox: [3, 0], boundMTD: true });
    assert.equal(bound.mtd, null);
    assert.equal(bound.reason, 'boin.mtd-none-bound-mtd');
    assert.equal(select({ target: 0.3, npts: [6, 0], ntox: [3, 0] }).mtd, 1);
  });

  it('applies extrasafe at dose 1 in the selection (§5.1)', () => {
    // 2/3 at dose 1: Pr(p > 0.3) = 0.9163 — above 0.90 (extrasafe) but below 0.95.
    assert.equal(select({ target: 0.3, npts: [3, 0], ntox: [2, 0] }).mtd, 1);
    assert.equal(select({ target: 0.3, npts: [3, 0], ntox: [2, 0], extrasafe: true }).mtd, null);
  });

  it('pools adjacent violators with weights (PAVA)', () => {
    assert.deepEqual(pava([0.1, 0.3, 0.2, 0.4]), [0.1, 0.25, 0.25, 0.4]);
    assert.deepEqual(pava([0.5, 0.1], [1, 3]), [0.2, 0.2]);
    assert.deepEqual(pava([0.3, 0.2, 0.1]).map((v) => v.toFixed(12)), ['0.200000000000', '0.200000000000', '0.200000000000']);
  });
});
