import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { unwrap } from '../result.ts';
import { boinDesign } from './boin/api.ts';
import { decide } from './decide.ts';
import { sameDirection } from './decision.ts';
import type { Design } from './design.ts';
import { threePlusThreeDesign } from './three-plus-three/design.ts';
import { countsOf, type PatientOutcome, recordFromCounts, type TrialRecord } from './trial-data.ts';

const boin = unwrap(boinDesign({ target: 0.3, doses: 4, cohortSize: 3, cohorts: 10 }));
const tpt = unwrap(threePlusThreeDesign({ variant: 'b', doses: 4 }));

const fromCounts = (current: number, n: number[], y: number[], pending: number[]) => unwrap(recordFromCounts({ current, n, y, pending }));

describe('live decisions with pending patients (issue part 2)', () => {
  it('waits when a pending result could turn an escalation into a stay', () => {
    // Dose 2: 3 treated, 0 DLT so far, 2 pending: 0/3 escalates, 1/3 stays.
    const d = unwrap(decide(boin, fromCounts(2, [3, 3, 0, 0], [0, 0, 0, 0], [0, 2, 0, 0])));
    assert.equal(d.decision, 'wait');
    assert.equal(d.nextDose, null);
    assert.equal(d.reason, 'pending-could-change');
    assert.deepEqual(d.needed, ['d2-p2', 'd2-p3']);
  });

  it('decides when no pending outcome can change the decision', () => {
    // 2 DLTs of 3 at dose 2 already: de-escalate whatever the last patient does (2/3 or 3/3).
    const d = unwrap(decide(boin, fromCounts(2, [3, 3, 0, 0], [0, 2, 0, 0], [0, 1, 0, 0])));
    assert.equal(d.decision, 'de-escalate');
    assert.equal(d.nextDose, 1);
    assert.equal(d.explanation.at(-1)!.code, 'pending-cannot-change');
    // 3+3: 2 DLTs in the first 3 fail the dose whatever the pending patient does.
    const t = unwrap(decide(tpt, fromCounts(2, [3, 3, 0, 0], [0, 2, 0, 0], [0, 1, 0, 0])));
    assert.equal(t.decision, 'de-escalate');
  });

  it('waits on pending patients at other doses when they matter (elimination above)', () => {
    // Current dose 1 escalates (0/6) unless dose 2, now 2/3 with 1 pending, turns out 3/3 (eliminated).
    const d = unwrap(decide(boin, fromCounts(1, [6, 3, 0, 0], [0, 2, 0, 0], [0, 1, 0, 0])));
    assert.equal(d.decision, 'wait');
    assert.deepEqual(d.needed, ['d2-p3']);
  });

  it('answers like design.next when nothing is pending', () => {
    const r = fromCounts(2, [3, 3, 0, 0], [0, 1, 0, 0], [0, 0, 0, 0]);
    assert.deepEqual(unwrap(decide(boin, r)), boin.next(countsOf(r)));
  });

  it('reports invalid records as issues', () => {
    const mismatch = decide(boin, fromCounts(1, [3, 0], [0, 0], [0, 0]));
    assert.ok(!mismatch.ok && mismatch.issues[0]!.code === 'length_mismatch');
    const bad = recordFromCounts({ current: 1, n: [3], y: [2], pending: [2] });
    assert.ok(!bad.ok && bad.issues[0]!.code === 'too_big');
    const dup = decide(boin, {
      current: 1,
      doses: [{ patients: [{ id: 'a', outcome: 'dlt' }, { id: 'a', outcome: 'no-dlt' }] }, { patients: [] }, { patients: [] }, { patients: [] }],
    });
    assert.ok(!dup.ok && dup.issues[0]!.code === 'duplicate_id');
  });
});

/** A random record: up to 6 patients per dose, a few of them pending. */
const recordArb = (K: number) =>
  fc.record({
    current: fc.integer({ min: 1, max: K }),
    outcomes: fc.array(fc.array(fc.constantFrom<PatientOutcome>('dlt', 'no-dlt', 'no-dlt', 'pending'), { maxLength: 6 }), {
      minLength: K,
      maxLength: K,
    }),
  });

function toRecord(current: number, outcomes: PatientOutcome[][]): TrialRecord {
  return { current, doses: outcomes.map((ps, j) => ({ patients: ps.map((outcome, i) => ({ id: `${j + 1}.${i + 1}`, outcome })) })) };
}

/** Brute force over every patient's outcome (2^pending resolutions), independent of decide's buckets. */
function bruteForce(design: Design, record: TrialRecord) {
  const pending = record.doses.flatMap((d) => d.patients.filter((p) => p.outcome === 'pending').map((p) => p.id));
  const decisionFor = (mask: number) => {
    const resolved = {
      ...record,
      doses: record.doses.map((d) => ({
        patients: d.patients.map((p) => {
          const i = pending.indexOf(p.id);
          return i < 0 ? p : { ...p, outcome: (mask >> i) & 1 ? ('dlt' as const) : ('no-dlt' as const) };
        }),
      })),
    };
    return design.next(countsOf(resolved));
  };
  const all = Array.from({ length: 2 ** pending.length }, (_, mask) => decisionFor(mask));
  const pivotal = pending.filter((_, i) => all.some((d, mask) => !sameDirection(d, all[mask ^ (1 << i)]!)));
  return { all, pivotal };
}

describe('pending patients (property, brute force over individual outcomes)', () => {
  for (const [name, design] of [
    ['BOIN', boin],
    ['BOIN n.earlystop 6', unwrap(boinDesign({ target: 0.25, doses: 4, cohortSize: 3, cohorts: 8, nEarlystop: 6, extrasafe: true }))],
    ['3+3 A', unwrap(threePlusThreeDesign({ variant: 'a', doses: 4 }))],
    ['3+3 C', unwrap(threePlusThreeDesign({ variant: 'c', doses: 4 }))],
  ] as const) {
    it(`${name}: waits exactly when some pending outcomes change the decision, naming the pivotal patients`, () => {
      fc.assert(
        fc.property(recordArb(4), ({ current, outcomes }) => {
          const record = toRecord(current, outcomes);
          const pendingCount = outcomes.flat().filter((o) => o === 'pending').length;
          fc.pre(pendingCount <= 8);
          const r = decide(design, record);
          if (!r.ok) return; // e.g. more than 6 at a 3+3 dose
          const { all, pivotal } = bruteForce(design, record);
          const agree = all.every((d) => sameDirection(d, all[0]!));
          if (agree) {
            assert.notEqual(r.value.decision, 'wait');
            assert.ok(sameDirection(r.value, all[0]!));
          } else {
            assert.equal(r.value.decision, 'wait');
            assert.deepEqual([...(r.value.needed ?? [])].sort(), [...pivotal].sort());
          }
        }),
        { numRuns: 150 },
      );
    });
  }
});
