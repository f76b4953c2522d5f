import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { ExplanationStep } from '../../explanation.ts';
import { createCrmFastFitter } from './crm-fast-fitter.ts';
import { crmRecommend } from './crm-recommend.ts';
import { type CrmDecisionInput, crmNextDose, CrmRules, DEFAULT_CRM_RULES } from './crm-rules.ts';

const base: CrmDecisionInput = {
  target: 0.3,
  mtd: 3,
  pOverdose: 0.1,
  current: 2,
  highestTried: 2,
  lastCohortSize: 3,
  lastCohortDlts: 0,
};
const rules = (over: Partial<CrmRules> = {}): CrmRules => ({ ...DEFAULT_CRM_RULES, ...over });

describe('CRM dose decision (crmsim restrictions + safety stop)', () => {
  // [what, input changes, rules, expected next dose (0 = stop)]
  const table: Array<[string, Partial<CrmDecisionInput>, Partial<CrmRules>, number]> = [
    ['follows the model within one level', {}, {}, 3],
    ['caps an escalation at one level above the current dose', { mtd: 5 }, {}, 3],
    ['counts the level from the highest dose tried when asked', { mtd: 6, current: 2, highestTried: 4 }, { noSkipFrom: 'highest_tried' }, 5],
    ['no escalation right after a cohort at or above the target (1/3 ≥ 0.3)', { mtd: 4, lastCohortDlts: 1 }, {}, 2],
    ['a toxic cohort does not block de-escalation', { mtd: 1, current: 3, highestTried: 3, lastCohortDlts: 2 }, {}, 1],
    ['de-escalates several levels at once', { mtd: 1, current: 4, highestTried: 4 }, {}, 1],
    ['without restrictions the model dose stands (crmsim restrict = FALSE)', { mtd: 6, lastCohortDlts: 3 }, { restrict: false }, 6],
    ['stops when Pr(p_1 > target) > 0.9', { pOverdose: 0.91 }, {}, 0],
    ['does not stop at exactly the threshold', { pOverdose: 0.9 }, {}, 3],
    ['the threshold is configurable', { pOverdose: 0.85 }, { safetyStop: 0.8 }, 0],
    ["'off' never stops, as dfcrm", { pOverdose: 0.999, mtd: 1 }, { safetyStop: 'off' }, 1],
    ['without the last cohort the coherence rule cannot fire', { mtd: 4, lastCohortSize: 0, lastCohortDlts: 0 }, {}, 3],
  ];
  for (const [what, input, over, expected] of table) {
    it(what, () => assert.equal(crmNextDose({ ...base, ...input }, rules(over)), expected));
  }

  it('explains each rule that fired, in order', () => {
    const trail: ExplanationStep[] = [];
    crmNextDose({ ...base, mtd: 5 }, rules(), trail);
    assert.deepEqual(
      trail.map((s) => s.code),
      ['crm_safety_passed', 'crm_model_dose', 'crm_no_skipping', 'crm_next_dose'],
    );
    assert.deepEqual(trail[2]!.params, { from: 5, to: 3, reference: 'current' });
  });

  it('parses rules with dfcrm-like defaults and the safety stop on', () => {
    assert.deepEqual(CrmRules.parse({}), { restrict: true, noSkipFrom: 'current', safetyStop: 0.9 });
    assert.equal(CrmRules.safeParse({ safetyStop: 1.2 }).success, false);
  });
});

// Trial data as cohorts of 3 on 6 doses: counts n, DLTs y, and the last cohort's dose and DLTs.
const skeleton = [0.06, 0.12, 0.2, 0.3, 0.42, 0.55];
const target = 0.25;
const trialArb = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 10 })
  .map((cohorts) => {
    const n = [0, 0, 0, 0, 0, 0];
    const y = [0, 0, 0, 0, 0, 0];
    for (const [d, t] of cohorts) {
      n[d]! += 3;
      y[d]! += t;
    }
    const [current, lastDlts] = cohorts[cohorts.length - 1]!;
    return { n, y, current, lastDlts };
  });

describe('CRM design properties', () => {
  const fitters = {
    empiric: createCrmFastFitter({ skeleton, target }),
    logistic: createCrmFastFitter({ skeleton, target, model: 'logistic' }),
  };

  function nextDose(model: 'empiric' | 'logistic', n: number[], y: number[], current: number, lastDlts: number, r: CrmRules): number {
    const f = fitters[model];
    assert.ok(f.ok);
    const fit = f.value.fit(n, y);
    const highestTried = n.reduce((top, v, j) => (v > 0 ? j + 1 : top), 0);
    return crmNextDose(
      { target, mtd: fit.mtd, pOverdose: fit.pOverdose, current: current + 1, highestTried, lastCohortSize: 3, lastCohortDlts: lastDlts },
      r,
    );
  }

  it('more DLTs never raise the recommended dose (stop counts as lowest)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('empiric' as const, 'logistic' as const),
        trialArb,
        fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
        fc.nat(),
        fc.constantFrom<CrmRules>(rules(), rules({ safetyStop: 'off' }), rules({ noSkipFrom: 'highest_tried' }), rules({ restrict: false })),
        (model, t, extra, extraLast, r) => {
          const more = t.y.map((v, j) => Math.min(t.n[j]!, v + (extra[j]! % 4)));
          // the last cohort can only have gained DLTs that were added at its dose
          const lastMore = Math.min(3, t.lastDlts + (extraLast % 4), t.lastDlts + (more[t.current]! - t.y[t.current]!));
          const before = nextDose(model, t.n, t.y, t.current, t.lastDlts, r);
          const after = nextDose(model, t.n, more, t.current, lastMore, r);
          assert.ok(after <= before, `${JSON.stringify({ ...t, more, lastMore })}: ${before} → ${after}`);
        },
      ),
      { numRuns: 400, seed: 11 },
    );
  });

  it('the posterior mean DLT probability rises at every dose with each extra DLT at a fixed allocation', () => {
    fc.assert(
      fc.property(fc.constantFrom('empiric' as const, 'logistic' as const), trialArb, fc.nat(), (model, t, pick) => {
        const open = t.n.map((v, j) => (t.y[j]! < v ? j : -1)).filter((j) => j >= 0);
        fc.pre(open.length > 0);
        const j = open[pick % open.length]!;
        const f = fitters[model];
        assert.ok(f.ok);
        f.value.fit(t.n, t.y);
        const before = f.value.posteriorMeanTox(new Float64Array(6));
        const estimateBefore = f.value.fit(t.n, t.y).estimate;
        const more = t.y.slice();
        more[j]!++;
        const estimateAfter = f.value.fit(t.n, more).estimate;
        const after = f.value.posteriorMeanTox(new Float64Array(6));
        assert.ok(estimateAfter < estimateBefore);
        for (let d = 0; d < 6; d++) assert.ok(after[d]! > before[d]!, `dose ${d + 1}: ${before[d]} → ${after[d]}`);
      }),
      { numRuns: 300, seed: 12 },
    );
  });

  it('never skips an untried dose when escalating', () => {
    fc.assert(
      fc.property(trialArb, fc.constantFrom<CrmRules>(rules(), rules({ noSkipFrom: 'highest_tried' }), rules({ safetyStop: 'off' })), (t, r) => {
        const highestTried = t.n.reduce((top, v, j) => (v > 0 ? j + 1 : top), 0);
        const dose = nextDose('empiric', t.n, t.y, t.current, t.lastDlts, r);
        assert.ok(dose <= highestTried + 1, `next ${dose} with highest tried ${highestTried}`);
      }),
      { numRuns: 400, seed: 13 },
    );
  });
});

describe('crmRecommend (precise fit + rules)', () => {
  it('recommends, explains, and agrees with the fast path', () => {
    const r = crmRecommend({ skeleton, target, data: { n: [3, 3, 0, 0, 0, 0], y: [0, 0, 0, 0, 0, 0] }, current: 2, lastCohort: { n: 3, y: 0 } });
    assert.ok(r.ok);
    assert.equal(r.value.action, 'treat');
    assert.equal(r.value.nextDose, 3); // the model says higher, no skipping caps at 3
    const codes = r.value.explanation.map((s) => s.code);
    assert.deepEqual(codes.slice(-4), ['crm_safety_passed', 'crm_model_dose', 'crm_no_skipping', 'crm_next_dose']);
    assert.equal(nextDoseFast([3, 3, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], 2, 0), 3);
  });

  it('stops for safety when dose 1 is very likely too toxic', () => {
    const r = crmRecommend({ skeleton, target, data: { n: [6, 0, 0, 0, 0, 0], y: [5, 0, 0, 0, 0, 0] }, lastCohort: { n: 3, y: 3 } });
    assert.ok(r.ok);
    assert.equal(r.value.action, 'stop');
    assert.equal(r.value.nextDose, null);
    assert.ok(r.value.fit.pOverdose > 0.9);
    const off = crmRecommend({ skeleton, target, data: { n: [6, 0, 0, 0, 0, 0], y: [5, 0, 0, 0, 0, 0] }, rules: { safetyStop: 'off' } });
    assert.ok(off.ok);
    assert.equal(off.value.nextDose, 1);
  });

  it('takes the current dose from the last patient and notes an unknown last cohort', () => {
    const r = crmRecommend({ skeleton, target, data: { level: [1, 1, 1, 2, 2, 2], tox: [0, 0, 0, 0, 0, 0] } });
    assert.ok(r.ok);
    assert.equal(r.value.nextDose, 3);
    assert.ok(r.value.explanation.some((s) => s.code === 'crm_last_cohort_unknown' && s.params['current'] === 2));
  });

  it('validates the decision inputs', () => {
    const r = crmRecommend({ skeleton, target, data: { n: [3, 0, 0, 0, 0, 0], y: [0, 0, 0, 0, 0, 0] }, current: 9, lastCohort: { n: 3, y: 4 } });
    assert.deepEqual(!r.ok && r.issues.map((i) => i.path.join('.')), ['current', 'lastCohort.y']);
  });

  function nextDoseFast(n: number[], y: number[], current: number, lastDlts: number): number {
    const f = createCrmFastFitter({ skeleton, target });
    assert.ok(f.ok);
    const fit = f.value.fit(n, y);
    return crmNextDose({ target, mtd: fit.mtd, pOverdose: fit.pOverdose, current, highestTried: 2, lastCohortSize: 3, lastCohortDlts: lastDlts }, DEFAULT_CRM_RULES);
  }
});
