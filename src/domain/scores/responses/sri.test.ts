import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { bilagDomains } from './bilag.ts';
import { evaluateSri, type SriInput, sri4 } from './sri.ts';
import { issueSummary, issuesOf, outputOf, run } from './test-support.ts';

type Visit = SriInput['baseline'];
const visit = (sledai2k: number, pga: number, bilag: Visit['bilag'] = {}): Visit => ({ sledai2k, pga, bilag });
const sri = (baseline: Visit, followup: Visit, threshold?: number) =>
  outputOf(sri4, threshold === undefined ? { baseline, followup } : { baseline, followup, threshold });

describe('SRI worked examples (domain.md §7 Q1–Q4)', () => {
  it('Q1: SLEDAI-2K 12 → 4, no new BILAG A/B, PGA 1.80 → 0.60: SRI-4 responder, and SRI-5…8', () => {
    const baseline = visit(12, 1.8, { renal: 'B', mucocutaneous: 'B', musculoskeletal: 'C' });
    const followup = visit(4, 0.6, { renal: 'C', mucocutaneous: 'D', musculoskeletal: 'C' });
    assert.deepEqual(sri(baseline, followup), {
      responder: true,
      components: {
        sledai: { baseline: 12, followup: 4, reduction: 8, required: 4, met: true },
        bilag: { newA: [], newB: [], met: true },
        pga: { baseline: 1.8, followup: 0.6, change: -1.2, met: true },
      },
    });
    for (const n of [5, 6, 7, 8]) assert.equal(sri(baseline, followup, n).responder, true, `SRI-${n}`);
  });

  it('Q2: 8 → 4, BILAG ok, PGA 1.00 → 1.30 (+0.30): not a responder (PGA worsening)', () => {
    const r = sri(visit(8, 1.0), visit(4, 1.3));
    assert.equal(r.responder, false);
    assert.deepEqual(r.components.pga, { baseline: 1, followup: 1.3, change: 0.3, met: false });
    assert.equal(r.components.sledai.met, true);
    assert.equal(r.components.bilag.met, true);
  });

  it('Q3: 10 → 4 with one new BILAG A: not a responder', () => {
    const r = sri(visit(10, 1.5, { renal: 'B' }), visit(4, 1.0, { renal: 'A' }));
    assert.equal(r.responder, false);
    assert.deepEqual(r.components.bilag, { newA: ['renal'], newB: [], met: false });
    assert.equal(r.components.sledai.reduction, 6);
  });

  it('Q4: 8 → 4, BILAG ok, PGA 1.00 → 1.29: SRI-4 responder (+0.29 < 0.30), SRI-5 not', () => {
    const r = sri(visit(8, 1.0), visit(4, 1.29));
    assert.equal(r.responder, true);
    assert.equal(r.components.pga.change, 0.29);
    const sri5 = sri(visit(8, 1.0), visit(4, 1.29), 5);
    assert.equal(sri5.responder, false);
    assert.deepEqual(sri5.components.sledai, { baseline: 8, followup: 4, reduction: 4, required: 5, met: false });
  });
});

describe('SRI boundaries (§4.1)', () => {
  it('a reduction of exactly 4 meets SRI-4; 3 does not', () => {
    assert.equal(sri(visit(10, 1), visit(6, 1)).responder, true);
    assert.equal(sri(visit(10, 1), visit(7, 1)).responder, false);
    assert.equal(sri(visit(10, 1), visit(7, 1)).components.sledai.met, false);
  });

  it('a SLEDAI increase is a negative reduction', () => {
    assert.deepEqual(sri(visit(4, 1), visit(8, 1)).components.sledai, { baseline: 4, followup: 8, reduction: -4, required: 4, met: false });
  });

  it('PGA +0.29 is no worsening, +0.30 and +0.31 are', () => {
    const met = (from: number, to: number) => sri(visit(10, from), visit(2, to)).components.pga.met;
    assert.equal(met(1.0, 1.29), true);
    assert.equal(met(1.0, 1.3), false);
    assert.equal(met(1.0, 1.31), false);
    assert.equal(met(0.1, 0.39), true);
    assert.equal(met(2.0, 2.31), false);
  });

  it('float-prone +0.30 increases are worsening: 1.0 → 1.3, 0.1 → 0.4, 2.7 → 3.0', () => {
    for (const [from, to] of [[1.0, 1.3], [0.1, 0.4], [2.7, 3.0], [0.7, 1.0], [1.7, 2.0]] as const) {
      const r = sri(visit(10, from), visit(2, to));
      assert.equal(r.components.pga.met, false, `${from} → ${to}`);
      assert.equal(r.components.pga.change, 0.3, `${from} → ${to}`);
      assert.equal(r.responder, false);
    }
  });

  it('PGA improvement or no change is never worsening, whatever the size', () => {
    assert.equal(sri(visit(10, 3), visit(2, 0)).components.pga.met, true);
    assert.equal(sri(visit(10, 0), visit(2, 0)).components.pga.met, true);
  });

  it('PGA met exactly when the increase in hundredths is below 30 (property over the 0.01 grid)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), (a, b) => {
        const pga = sri(visit(10, a / 100), visit(2, b / 100)).components.pga;
        assert.equal(pga.met, b - a < 30);
        assert.equal(pga.change, (b - a) / 100);
      }),
      { numRuns: 2000 },
    );
  });

  it('one new B is allowed; two new B are not', () => {
    const one = sri(visit(10, 1, { renal: 'C' }), visit(4, 1, { renal: 'B' }));
    assert.deepEqual(one.components.bilag, { newA: [], newB: ['renal'], met: true });
    assert.equal(one.responder, true);
    const two = sri(visit(10, 1, { renal: 'C', mucocutaneous: 'D' }), visit(4, 1, { renal: 'B', mucocutaneous: 'B' }));
    assert.deepEqual(two.components.bilag, { newA: [], newB: ['mucocutaneous', 'renal'], met: false });
    assert.equal(two.responder, false);
  });

  it('"new" means at that grade now and not at that grade or worse at baseline', () => {
    // [baseline, follow-up, new A?, new B?]
    const table: Array<[string, string, boolean, boolean]> = [
      ['A', 'A', false, false],
      ['B', 'A', true, false],
      ['C', 'A', true, false],
      ['D', 'A', true, false],
      ['E', 'A', true, false],
      ['A', 'B', false, false],
      ['B', 'B', false, false],
      ['C', 'B', false, true],
      ['D', 'B', false, true],
      ['E', 'B', false, true],
      ['A', 'C', false, false],
      ['B', 'D', false, false],
      ['E', 'C', false, false],
    ];
    for (const [from, to, a, b] of table) {
      const r = sri(visit(10, 1, { neuropsychiatric: from as 'A' }), visit(4, 1, { neuropsychiatric: to as 'A' }));
      assert.deepEqual(r.components.bilag.newA, a ? ['neuropsychiatric'] : [], `${from} → ${to} new A`);
      assert.deepEqual(r.components.bilag.newB, b ? ['neuropsychiatric'] : [], `${from} → ${to} new B`);
    }
  });

  it('a domain left out counts as E, and the explanation says so', () => {
    const r = run(sri4, { baseline: visit(10, 1, { renal: 'B' }), followup: visit(4, 1, { renal: 'B', cardiorespiratory: 'B' }) });
    assert.ok(r.ok);
    assert.deepEqual(r.value.output.components.bilag, { newA: [], newB: ['cardiorespiratory'], met: true });
    const missing = r.value.explanation.filter((s) => s.code.endsWith('missing-as-e'));
    assert.deepEqual(missing, [
      { code: 'sri.bilag-baseline-missing-as-e', params: { domains: bilagDomains.filter((d) => d !== 'renal') } },
      { code: 'sri.bilag-followup-missing-as-e', params: { domains: bilagDomains.filter((d) => d !== 'renal' && d !== 'cardiorespiratory') } },
    ]);
    const all = run(sri4, { baseline: visit(10, 1, Object.fromEntries(bilagDomains.map((d) => [d, 'D']))), followup: visit(4, 1, Object.fromEntries(bilagDomains.map((d) => [d, 'D']))) });
    assert.ok(all.ok);
    assert.equal(all.value.explanation.filter((s) => s.code.endsWith('missing-as-e')).length, 0);
  });

  it('accepts "haematological" for hematological, reporting the domain as hematological', () => {
    const r = sri(visit(10, 1, { haematological: 'C' }), visit(4, 1, { haematological: 'A' }));
    assert.deepEqual(r.components.bilag.newA, ['hematological']);
    const mixed = sri(visit(10, 1, { hematological: 'A' }), visit(4, 1, { haematological: 'A' }));
    assert.deepEqual(mixed.components.bilag.newA, []);
  });

  it('SRI-n needs an n-point reduction, and a baseline below n cannot respond (explained)', () => {
    assert.equal(sri(visit(14, 1), visit(6, 1), 8).responder, true);
    assert.equal(sri(visit(14, 1), visit(7, 1), 8).responder, false);
    const r = run(sri4, { baseline: visit(6, 1), followup: visit(0, 1), threshold: 7 });
    assert.ok(r.ok);
    assert.equal(r.value.output.responder, false);
    assert.deepEqual(r.value.explanation[0], { code: 'sri.baseline-below-required', params: { baseline: 6, required: 7 } });
  });

  it('explains each component with the numbers compared and ends with the verdict', () => {
    const r = run(sri4, { baseline: visit(8, 1.0), followup: visit(4, 1.3) });
    assert.ok(r.ok);
    const codes = r.value.explanation.map((s) => s.code);
    assert.deepEqual(codes, ['sri.sledai-met', 'sri.bilag-baseline-missing-as-e', 'sri.bilag-followup-missing-as-e', 'sri.bilag-met', 'sri.pga-not-met', 'sri.not-responder']);
    assert.deepEqual(r.value.explanation.find((s) => s.code === 'sri.pga-not-met')?.params, { baseline: 1, followup: 1.3, change: 0.3, limit: 0.3 });
    assert.deepEqual(r.value.explanation.at(-1), { code: 'sri.not-responder', params: { threshold: 4 } });
  });
});

describe('SRI monotonicity (properties)', () => {
  const grade = fc.constantFrom('A', 'B', 'C', 'D', 'E');
  const bilag = fc.record(Object.fromEntries(bilagDomains.map((d) => [d, grade])) as Record<(typeof bilagDomains)[number], fc.Arbitrary<'A'>>, { requiredKeys: [] });
  const visitArb = fc.record({ sledai2k: fc.integer({ min: 0, max: 105 }), pga: fc.integer({ min: 0, max: 300 }).map((h) => h / 100), bilag });
  const threshold = fc.integer({ min: 4, max: 8 });

  it('a larger SLEDAI reduction never turns a responder into a non-responder', () => {
    fc.assert(
      fc.property(visitArb, visitArb, threshold, fc.integer({ min: 1, max: 105 }), (b, f, n, extra) => {
        const lower = { ...f, sledai2k: Math.max(0, f.sledai2k - extra) };
        if (evaluateSri({ baseline: b, followup: f, threshold: n }).output.responder)
          assert.equal(evaluateSri({ baseline: b, followup: lower, threshold: n }).output.responder, true);
      }),
      { numRuns: 1000 },
    );
  });

  it('raising the follow-up PGA never turns a non-responder into a responder', () => {
    fc.assert(
      fc.property(visitArb, visitArb, threshold, fc.integer({ min: 1, max: 300 }), (b, f, n, rise) => {
        const higher = { ...f, pga: Math.min(300, Math.round(f.pga * 100) + rise) / 100 };
        if (!evaluateSri({ baseline: b, followup: f, threshold: n }).output.responder)
          assert.equal(evaluateSri({ baseline: b, followup: higher, threshold: n }).output.responder, false);
      }),
      { numRuns: 1000 },
    );
  });

  it('an SRI-(n+1) responder is an SRI-n responder', () => {
    fc.assert(
      fc.property(visitArb, visitArb, fc.integer({ min: 4, max: 7 }), (b, f, n) => {
        if (evaluateSri({ baseline: b, followup: f, threshold: n + 1 }).output.responder)
          assert.equal(evaluateSri({ baseline: b, followup: f, threshold: n }).output.responder, true);
      }),
    );
  });

  it('responder is exactly the conjunction of the three components', () => {
    fc.assert(
      fc.property(visitArb, visitArb, threshold, (b, f, n) => {
        const { responder, components: c } = evaluateSri({ baseline: b, followup: f, threshold: n }).output;
        assert.equal(responder, c.sledai.met && c.bilag.met && c.pga.met);
        assert.equal(c.bilag.met, c.bilag.newA.length === 0 && c.bilag.newB.length <= 1);
      }),
    );
  });
});

describe('SRI input validation', () => {
  const good = { baseline: visit(10, 1), followup: visit(4, 1) };
  const summary = (input: unknown) => issueSummary(issuesOf(sri4, input));

  it('names the offending field', () => {
    assert.deepEqual(summary({ ...good, baseline: visit(10.5, 1) }), ['baseline.sledai2k: not_integer']);
    assert.deepEqual(summary({ ...good, baseline: visit(106, 1) }), ['baseline.sledai2k: too_big']);
    assert.deepEqual(summary({ ...good, followup: visit(-1, 1) }), ['followup.sledai2k: too_small']);
    assert.deepEqual(summary({ ...good, followup: visit(4, 3.01) }), ['followup.pga: too_big']);
    assert.deepEqual(summary({ ...good, followup: visit(4, -0.1) }), ['followup.pga: too_small']);
    assert.deepEqual(summary({ ...good, followup: visit(4, Number.POSITIVE_INFINITY) }), ['followup.pga: not_finite']);
    assert.deepEqual(summary({ ...good, followup: { ...visit(4, 1), pga: '1' } }), ['followup.pga: invalid_type']);
    assert.deepEqual(summary({ ...good, threshold: 3 }), ['threshold: too_small']);
    assert.deepEqual(summary({ ...good, threshold: 9 }), ['threshold: too_big']);
    assert.deepEqual(summary({ ...good, threshold: 4.5 }), ['threshold: not_integer']);
    assert.deepEqual(summary({ baseline: good.baseline }), ['followup: required']);
    assert.deepEqual(summary({ ...good, followup: { sledai2k: 4, pga: 1 } }), ['followup.bilag: required']);
  });

  it('rejects unknown fields, unknown domains and grades', () => {
    assert.deepEqual(summary({ ...good, sri: 4 }), ['sri: unknown_field']);
    assert.deepEqual(summary({ ...good, followup: { ...visit(4, 1), sledai: 4 } }), ['followup.sledai: unknown_field']);
    assert.deepEqual(summary({ ...good, baseline: visit(10, 1, { skin: 'A' } as never) }), ['baseline.bilag.skin: unknown_field']);
    const grade = issuesOf(sri4, { ...good, baseline: visit(10, 1, { renal: 'a' as 'A' }) });
    assert.deepEqual(issueSummary(grade), ['baseline.bilag.renal: invalid_choice']);
    assert.deepEqual(grade[0]?.params.allowed, ['A', 'B', 'C', 'D', 'E']);
  });

  it('refuses both spellings of the haematological domain at one visit', () => {
    assert.deepEqual(summary({ ...good, baseline: visit(10, 1, { hematological: 'B', haematological: 'B' }) }), [
      'baseline.bilag.haematological: mutually_exclusive',
    ]);
  });
});
