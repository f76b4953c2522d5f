import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createFastRandom } from '../../random/index.ts';
import { decide } from '../decide.ts';
import { checkDesignContract } from '../design-contract.ts';
import { simulateOC } from '../oc/simulate.ts';
import { recordFromCounts, type TrialData } from '../trial-data.ts';
import { crmDesign, type CrmDesignConfigInput } from './crm-design.ts';
import { crmRecommend } from './crm-recommend.ts';

const skeleton = [0.05, 0.1, 0.2, 0.35, 0.5, 0.7];
const build = (config: Partial<CrmDesignConfigInput> = {}) => {
  const r = crmDesign({ skeleton, target: 0.2, ...config });
  assert.ok(r.ok, JSON.stringify(!r.ok && r.issues));
  return r.value;
};
const data = (current: number, n: number[], y: number[], lastCohort?: { n: number; y: number }): TrialData => ({
  current,
  doses: n.map((nj, j) => ({ n: nj, y: y[j]! })),
  ...(lastCohort && { lastCohort }),
});

describe('CRM as a Design', () => {
  it('starts at the start dose and stops at the maximum sample size with the final MTD', () => {
    const design = build({ cohorts: 2 });
    assert.deepEqual(design.next(data(1, [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0])).nextDose, 1);
    const end = design.next(data(2, [3, 3, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0]));
    assert.equal(end.decision, 'stop');
    assert.equal(end.mtd, design.selectMtd(data(2, [3, 3, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0])).mtd);
  });

  it('recommends what dfcrm-exact crmRecommend recommends', () => {
    const design = build();
    const d = data(3, [0, 3, 3, 0, 0, 0], [0, 0, 1, 0, 0, 0], { n: 3, y: 1 });
    const r = crmRecommend({ skeleton, target: 0.2, data: { n: [0, 3, 3, 0, 0, 0], y: [0, 0, 1, 0, 0, 0] }, current: 3, lastCohort: { n: 3, y: 1 } });
    assert.ok(r.ok);
    assert.equal(design.next(d).nextDose, r.value.nextDose);
  });

  it('stops for safety when dose 1 is clearly too toxic, unless the stop is off (dfcrm)', () => {
    const toxic = data(1, [3, 0, 0, 0, 0, 0], [3, 0, 0, 0, 0, 0], { n: 3, y: 3 });
    assert.equal(build().next(toxic).decision, 'stop');
    assert.equal(build().next(toxic).nextDose, null);
    assert.equal(build({ safetyStop: 'off' }).next(toxic).nextDose, 1);
  });

  it('waits while pending results could change the recommendation', () => {
    const record = recordFromCounts({ current: 2, n: [3, 3, 0, 0, 0, 0], y: [0, 0, 0, 0, 0, 0], pending: [0, 3, 0, 0, 0, 0] });
    assert.ok(record.ok);
    const decision = decide(build(), record.value);
    assert.ok(decision.ok);
    assert.equal(decision.value.decision, 'wait');
  });

  it('honours the design contract on every reachable state of a small trial (kernel = live decision)', () => {
    const design = crmDesign({ skeleton: [0.1, 0.2, 0.35], target: 0.25, cohorts: 3 });
    assert.ok(design.ok);
    assert.deepEqual(checkDesignContract(design.value), []);
  });

  it('never escalates right after a DLT in the last cohort, never skips a dose (property)', () => {
    const design = build({ safetyStop: 'off' });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 2 }), (current, dlts, before) => {
        const n = [0, 0, 0, 0, 0, 0];
        const y = [0, 0, 0, 0, 0, 0];
        for (let j = 0; j < current - 1; j++) n[j] = 3;
        n[current - 1] = 3 + 3 * before;
        y[current - 1] = dlts;
        const d = design.next(data(current, n, y, { n: 3, y: dlts }));
        assert.ok(d.nextDose !== null && d.nextDose <= current, `${current} ${dlts} → ${d.nextDose}`);
      }),
      { numRuns: 40 },
    );
  });

  it('simulates with selection and stop percentages summing to 100', () => {
    const design = build({ target: 0.3 });
    const r = simulateOC(design, [0.05, 0.15, 0.3, 0.45, 0.55, 0.65], { trials: 300, uniforms: (i) => createFastRandom(5, i).next, chunkSize: 100 });
    assert.ok(r.ok);
    const sum = r.value.selectionPercent.reduce((a, b) => a + b, 0) + r.value.stopPercent;
    assert.ok(Math.abs(sum - 100) < 1e-9);
    assert.ok(Math.abs(r.value.totalPatients - 30) < 1);
  });

  it('rejects a skeleton that does not increase, naming it', () => {
    const r = crmDesign({ skeleton: [0.1, 0.3, 0.2], target: 0.2 });
    assert.equal(r.ok, false);
    assert.deepEqual(!r.ok && r.issues[0]?.path, ['skeleton', 2]);
  });
});
