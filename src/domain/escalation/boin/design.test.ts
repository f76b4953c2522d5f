import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { unwrap } from '../../result.ts';
import type { Decision } from '../decision.ts';
import { checkDesignContract } from '../design-contract.ts';
import { parseOutcomes } from '../outcome-notation.ts';
import { walk } from '../testing/walk.ts';
import type { TrialData } from '../trial-data.ts';
import { boinDesign } from './api.ts';
import type { BoinConfigInput } from './config.ts';
import type { BoinDesign } from './design.ts';

const make = (extra: Partial<BoinConfigInput> = {}): BoinDesign =>
  unwrap(boinDesign({ target: 0.3, doses: 5, cohortSize: 3, cohorts: 10, ...extra }));

const nextOf = (design: BoinDesign, outcomes: string): Decision => design.next(unwrap(parseOutcomes(outcomes, design.doses)));

/** [outcomes, decision, next dose (null: stop), reason] in outcome notation (style.md §5). */
type Row = readonly [string, Decision['decision'], number | null, string];

function table(design: BoinDesign, rows: readonly Row[]) {
  for (const [outcomes, decision, nextDose, reason] of rows) {
    const d = nextOf(design, outcomes);
    assert.deepEqual([d.decision, d.nextDose, d.reason], [decision, nextDose, reason], outcomes);
  }
}

describe('BOIN live decisions (boin-spec.md §4)', () => {
  it('follows the φ = 0.30 table: escalate ≤ 0/3, stay 1/3, de-escalate ≥ 2/3, eliminate 3/3', () => {
    table(make(), [
      ['', 'stay', 1, 'boin.start'],
      ['1NNN', 'escalate', 2, 'boin.escalate'],
      ['1NNN 2TNN', 'stay', 2, 'boin.stay'],
      ['1NNN 2TTN', 'de-escalate', 1, 'boin.deescalate'],
      ['1NNN 2TTT', 'de-escalate', 1, 'boin.eliminate-and-deescalate'],
      ['1NNN 2TNN 2NNN', 'escalate', 3, 'boin.escalate'], // 1/6 ≤ 1
      ['1NNN 2TNN 2TNN', 'stay', 2, 'boin.stay'], // 2/6: between 1 and 3
      ['1TTN', 'stay', 1, 'boin.stay-lowest-dose'], // §7.2: cannot de-escalate below dose 1
      ['1TTT', 'stop', null, 'boin.lowest-dose-eliminated'],
      ['1NNN 2NNN 3NNN 4NNN 5NNN', 'stay', 5, 'boin.stay-top-dose'], // §7.2
      ['1NNN 2TTT 1NNN', 'stay', 1, 'boin.escalation-blocked'], // §7.3
    ]);
  });

  it('stops at the maximum sample size without in-trial elimination (§4.1, §7.1)', () => {
    const one = make({ cohorts: 1 });
    const d = nextOf(one, '1TTT');
    assert.deepEqual([d.decision, d.reason, d.mtd], ['stop', 'boin.max-sample-size', null]);
    const s = nextOf(make({ cohorts: 2 }), '1NNN 2TNN');
    assert.deepEqual([s.decision, s.reason, s.mtd], ['stop', 'boin.max-sample-size', 2]);
  });

  it('stops at n.earlystop only when the decision is to stay (§4.3, §7.4)', () => {
    table(make({ nEarlystop: 6 }), [
      ['1NNN 1NNN', 'escalate', 2, 'boin.escalate'],
      ['1NNN 2TNN 2TNN', 'stop', null, 'boin.n-earlystop'],
      ['1NNN 2TNN 2TTN', 'de-escalate', 1, 'boin.deescalate'],
      ['1NNN 2TTT 1NNN', 'stop', null, 'boin.n-earlystop'],
      ['1TTN 1NNN', 'stop', null, 'boin.n-earlystop'], // 2/6 at dose 1: e(6) = 1 < 2 < d(6) = 3
    ]);
    assert.equal(nextOf(make({ nEarlystop: 6 }), '1NNN 2TNN 2TNN').mtd, 2);
  });

  it('applies extrasafe in-trial at dose 1 only (§4.2, §7.5)', () => {
    table(make({ extrasafe: true }), [
      ['1TTN', 'stop', null, 'boin.extrasafe-stop'], // Pr(p > 0.3 | 2/3) = 0.9163 > 0.90
      ['1NNN 2TTN', 'de-escalate', 1, 'boin.deescalate'],
    ]);
  });

  it('never treats at or above a dose whose data eliminate it, even with inconsistent live data', () => {
    const d = make().next({ current: 3, doses: [{ n: 3, y: 0 }, { n: 3, y: 3 }, { n: 3, y: 0 }, { n: 0, y: 0 }, { n: 0, y: 0 }] });
    assert.deepEqual([d.decision, d.nextDose, d.reason], ['de-escalate', 1, 'boin.current-above-eliminated']);
  });

  it('explains itself: counts, boundaries used, rule fired, decision table', () => {
    const d = nextOf(make(), '1NNN 2TTN');
    assert.deepEqual(
      d.explanation.map((s) => s.code),
      ['boin.counts', 'boin.boundaries', 'boin.deescalate'],
    );
    assert.deepEqual(d.explanation[1]!.params, {
      lambdaE: d.explanation[1]!.params['lambdaE']!,
      lambdaD: d.explanation[1]!.params['lambdaD']!,
      n: 3,
      escalateIfAtMost: 0,
      deescalateIfAtLeast: 2,
      eliminateIfAtLeast: 3,
    });
    assert.equal(d.table.length, 30);
    assert.deepEqual(d.table[2], { n: 3, escalate: 0, deescalate: 2, eliminate: 3 });
  });

  for (const [label, extra] of [
    ['default', {}],
    ['extrasafe + n.earlystop 9', { extrasafe: true, nEarlystop: 9 }],
    ['boundMTD, start at dose 2', { boundMtd: true, startDose: 2 }],
    ['cohort size 1', { cohortSize: 1, cohorts: 12 }],
    ['cohort size 2, target 0.25', { cohortSize: 2, cohorts: 8, target: 0.25 }],
  ] as const) {
    it(`passes the design contract: ${label}`, () => {
      const design = unwrap(boinDesign({ target: 0.3, doses: 4, cohortSize: 3, cohorts: 6, ...extra }));
      assert.deepEqual(checkDesignContract(design, { maxStates: 6000 }), []);
    });
  }
});

// Random but valid data, not necessarily reachable by BOIN's own conduct.
const dataArb = fc
  .integer({ min: 2, max: 5 })
  .chain((K) =>
    fc.record({
      current: fc.integer({ min: 1, max: K }),
      doses: fc.array(
        fc.integer({ min: 0, max: 12 }).chain((n) => fc.record({ n: fc.constant(n), y: fc.integer({ min: 0, max: n }) })),
        { minLength: K, maxLength: K },
      ),
      extrasafe: fc.boolean(),
      nEarlystop: fc.constantFrom(100, 9, 12),
    }),
  );

/** Aggressiveness: the next dose; a stop for toxicity lowest; an n.earlystop stop is a stay. */
function level(d: Decision, data: TrialData): number {
  if (d.decision !== 'stop') return d.nextDose!;
  if (d.reason === 'boin.n-earlystop') return data.current;
  if (d.reason === 'boin.max-sample-size') return Number.NaN;
  return 0;
}

describe('BOIN decision properties', () => {
  it('never escalates to, or stays at, a dose at or above an eliminated dose', () => {
    fc.assert(
      fc.property(dataArb, ({ current, doses, extrasafe, nEarlystop }) => {
        const design = unwrap(boinDesign({ target: 0.3, doses: doses.length, cohortSize: 3, cohorts: 20, extrasafe, nEarlystop }));
        const d = design.next({ current, doses });
        const el = design.thresholds.eliminate;
        const firstEliminated = doses.findIndex((x) => el.at(x.n) >= 0 && x.y >= el.at(x.n));
        if (firstEliminated >= 0 && d.nextDose !== null) assert.ok(d.nextDose <= firstEliminated, JSON.stringify({ d, doses }));
      }),
      { numRuns: 400 },
    );
  });

  it('more DLTs never make a decision more aggressive', () => {
    fc.assert(
      fc.property(dataArb, fc.nat(), ({ current, doses, extrasafe, nEarlystop }, pick) => {
        const candidates = doses.flatMap((x, j) => (x.y < x.n ? [j] : []));
        if (candidates.length === 0) return;
        const j = candidates[pick % candidates.length]!;
        const design = unwrap(boinDesign({ target: 0.3, doses: doses.length, cohortSize: 3, cohorts: 20, extrasafe, nEarlystop }));
        const before = { current, doses };
        const after = { current, doses: doses.map((x, i) => (i === j ? { n: x.n, y: x.y + 1 } : x)) };
        const a = level(design.next(before), before);
        const b = level(design.next(after), after);
        if (!Number.isNaN(a) && !Number.isNaN(b)) assert.ok(b <= a, JSON.stringify({ before, j, a, b }));
      }),
      { numRuns: 400 },
    );
  });

  it('on reachable paths, never escalates after the current dose was eliminated and never skips a dose', () => {
    const design = make({ cohorts: 12 });
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 36, maxLength: 36 }), (outcomes) => {
        for (const { data, decision } of walk(design, outcomes)) {
          if (decision.nextDose !== null) assert.ok(decision.nextDose <= data.current + 1);
          if (decision.reason === 'boin.eliminate-and-deescalate') assert.equal(decision.nextDose, data.current - 1);
        }
      }),
      { numRuns: 200 },
    );
  });
});
