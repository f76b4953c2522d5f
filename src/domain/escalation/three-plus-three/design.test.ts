import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { unwrap } from '../../result.ts';
import { decide } from '../decide.ts';
import { checkDesignContract } from '../design-contract.ts';
import { parseOutcomes } from '../outcome-notation.ts';
import { walk } from '../testing/walk.ts';
import { recordFromCounts } from '../trial-data.ts';
import { threePlusThreeDesign } from './design.ts';
import type { ThreePlusThreeVariant } from './rules.ts';

/**
 * [outcomes, dose, stopped] (style.md §5): `dose` is the next dose while the trial continues and the
 * declared MTD once it stops (null: none). Rows after escalation's test_three_plus_three.R (Brock),
 * num_doses = 5, non-strict mode, which completes a cohort before judging it.
 */
type Row = readonly [string, number | null, boolean];

function check(variant: ThreePlusThreeVariant, rows: readonly Row[]) {
  const design = unwrap(threePlusThreeDesign({ variant, doses: 5 }));
  for (const [outcomes, dose, stopped] of rows) {
    const d = design.next(unwrap(parseOutcomes(outcomes, 5)));
    const got = d.decision === 'stop' ? [d.mtd ?? null, true] : [d.nextDose, false];
    assert.deepEqual(got, [dose, stopped], `${variant}: ${outcomes} (${d.reason})`);
  }
}

const common: Row[] = [
  ['', 1, false],
  ['1N', 1, false],
  ['1T', 1, false],
  ['1NT', 1, false],
  ['1TT', 1, false],
  ['1NNN', 2, false],
  ['1NNT', 1, false],
  ['1NTT', null, true],
  ['1TTT', null, true],
  ['1NNN 2N', 2, false],
  ['1NNN 2TT', 2, false],
  ['1NNN 2NNN', 3, false],
  ['1NNN 2NNT', 2, false],
  ['1NNN 2NNT 2N', 2, false],
  ['1NNN 2NNT 2TT', 2, false],
  ['1NNN 2NNT 2NNN', 3, false],
  ['1NNN 2NNN 3NNN 4NNN 5N', 5, false],
  ['1NNN 2NNN 3NNN 4NNN 5NNT', 5, false],
  ['1NNN 2NNN 3NNN 4NNN 5NNT 5NT', 5, false],
  ['1NNN 2NNN 3NNN 4NNN 5NNT 5NNN', 5, true],
];

describe('3+3 decision tables (three-plus-three-spec.md)', () => {
  it('variant A: no de-escalation — a failing dose stops the trial, MTD = the dose below', () => {
    check('a', [
      ...common,
      ['1NNN 2NTT', 1, true],
      ['1NNN 2TTT', 1, true],
      ['1NNN 2NNT 2NNT', 1, true],
      ['1NNN 2NNT 2NTT', 1, true],
      ['1NNN 2NNN 3NNN 4NNN 5NNN', 5, true],
      ['1NNN 2NNN 3NNN 4NNN 5NTT', 4, true],
      ['1NNN 2NNN 3NNN 4NNN 5NNT 5NNT', 4, true],
    ]);
  });

  it('variant B: with de-escalation — a failing dose sends 3 more to the dose below', () => {
    check('b', [
      ...common,
      ['1NNN 2NTT', 1, false],
      ['1NNN 2TTT', 1, false],
      ['1NNN 2NNT 2NNT', 1, false],
      ['1NNN 2NNN 3NNN 4NNN 5NNN', 5, true],
      ['1NNN 2NNN 3NNN 4NNN 5NTT', 4, false],
      ['1NNN 2NNN 3NNN 4NNN 5NNT 5NNT', 4, false],
      // Back at dose 1 after dose 2 failed: 0/3 more passes dose 1 on 6, dose 2 is done → MTD 1.
      ['1NNN 2NTT 1NNN', 1, true],
      ['1NNN 2NTT 1NNT', 1, true],
      // Dose 1 fails on 6 after the de-escalation: no MTD.
      ['1NNN 2NTT 1NTT', null, true],
      // Cascade: 3 fails, 2 (3 patients) re-assessed and fails, 1 (3 patients) re-assessed and passes.
      ['1NNN 2NNN 3TTN 2NTT', 1, false],
      ['1NNN 2NNN 3TTN 2NTT 1NNT', 1, true],
      // A dose already on 6 below the failing one: stop, MTD = highest dose with ≤ 1/6.
      ['1NNN 2NNT 2NNN 3TTN', 2, true],
      ['1TNN 1NNN 2TTT', 1, true],
    ]);
  });

  it('variant C: B plus expansion of the top dose — the MTD always has 6 patients', () => {
    check('c', [
      ...common,
      ['1NNN 2NTT', 1, false],
      ['1NNN 2NNN 3NNN 4NNN 5NNN', 5, false],
      ['1NNN 2NNN 3NNN 4NNN 5NNN 5NNT', 5, true],
      ['1NNN 2NNN 3NNN 4NNN 5NNN 5NTT', 4, false],
      ['1NNN 2NNN 3NNN 4NNN 5NNN 5NTT 4NNN', 4, true],
    ]);
  });

  for (const variant of ['a', 'b', 'c'] as const)
    it(`variant ${variant} passes the design contract`, () => {
      assert.deepEqual(checkDesignContract(unwrap(threePlusThreeDesign({ variant, doses: 5 }))), []);
    });

  it('explains the rule with the 3+3 decision table', () => {
    const d = unwrap(threePlusThreeDesign({ variant: 'b', doses: 3 })).next(unwrap(parseOutcomes('1NNN 2NTT', 3)));
    assert.deepEqual([d.decision, d.reason], ['de-escalate', '3+3.dose-fails-deescalate']);
    assert.deepEqual(d.table, [
      { n: 3, escalate: 0, deescalate: 2, eliminate: 2 },
      { n: 6, escalate: 1, deescalate: 2, eliminate: 2 },
    ]);
  });

  it('refuses more than 6 patients at a dose', () => {
    const design = unwrap(threePlusThreeDesign({ doses: 2 }));
    const r = decide(design, unwrap(recordFromCounts({ current: 1, n: [9, 0], y: [1, 0] })));
    assert.equal(r.ok, false);
  });

  it('on reachable paths: never skips a dose, never returns to a failed dose, MTD passed', () => {
    for (const variant of ['a', 'b', 'c'] as const) {
      const design = unwrap(threePlusThreeDesign({ variant, doses: 4 }));
      fc.assert(
        fc.property(fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }), (outcomes) => {
          const steps = walk(design, outcomes);
          const last = steps.at(-1)!;
          assert.equal(last.decision.decision, 'stop');
          for (const { data, decision } of steps) {
            const failed = data.doses.findIndex((x) => x.y >= 2);
            if (decision.nextDose !== null) {
              assert.ok(decision.nextDose <= data.current + 1);
              if (failed >= 0) assert.ok(decision.nextDose <= failed, `${variant} ${JSON.stringify(data)}`);
            }
          }
          const mtd = last.decision.mtd ?? null;
          if (mtd !== null) {
            const at = last.data.doses[mtd - 1]!;
            assert.ok(at.y <= 1 && at.n >= 3);
            if (variant === 'c') assert.equal(at.n, 6);
          }
        }),
        { numRuns: 150 },
      );
    }
  });

  it('more DLTs at the current dose never make a decision more aggressive (reachable states)', () => {
    // Aggressiveness: the next dose; a stop declaring MTD m sits between doses m and m + 1.
    const level = (d: { decision: string; nextDose: number | null; mtd?: number | null }) =>
      d.decision === 'stop' ? (d.mtd ?? 0) + 0.5 : d.nextDose!;
    for (const variant of ['a', 'b', 'c'] as const) {
      const design = unwrap(threePlusThreeDesign({ variant, doses: 4 }));
      fc.assert(
        fc.property(fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }), (outcomes) => {
          for (const { data, decision } of walk(design, outcomes)) {
            const cur = data.doses[data.current - 1]!;
            if (cur.y >= cur.n) continue;
            const worse = { ...data, doses: data.doses.map((x, j) => (j === data.current - 1 ? { n: x.n, y: x.y + 1 } : x)) };
            assert.ok(level(design.next(worse)) <= level(decision), `${variant} ${JSON.stringify(data)}`);
          }
        }),
        { numRuns: 100 },
      );
    }
  });
});
