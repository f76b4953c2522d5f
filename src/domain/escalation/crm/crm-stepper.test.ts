import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createFastRandom } from '../../random/index.ts';
import { fitCrm } from './crm-fit.ts';
import { crmGetPrior } from './crm-getprior.ts';
import { crmRecommend } from './crm-recommend.ts';
import type { CrmRulesInput } from './crm-rules.ts';
import { createCrmStepper } from './crm-stepper.ts';

// crm-notes.md: the skeleton used for all dfcrm simulations, getprior(0.05, 0.30, 3, 6);
// README: S3 = a scenario with MTD at dose 3, S6 = every dose too toxic.
const skeleton = (() => {
  const r = crmGetPrior({ halfwidth: 0.05, target: 0.3, nu: 3, nlevel: 6 });
  assert.ok(r.ok);
  return r.value;
})();
const S3 = [0.05, 0.15, 0.3, 0.45, 0.55, 0.65];
const S6 = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95];

interface Trial {
  readonly doses: number[]; // 0-based dose of each cohort
  readonly stoppedEarly: boolean;
  readonly selected: number; // 0-based, −1 none
}

/** crmsim's one-stage conduct (x0 = dose 1, cohorts of 3, 10 cohorts) with our rules. */
function runTrial(truth: number[], rules: CrmRulesInput, seed: number, check?: (n: Int32Array, y: Int32Array, dose: number, dlts: number, next: number) => void): Trial {
  const stepper = createCrmStepper({ skeleton, target: 0.3 }, rules);
  assert.ok(stepper.ok);
  const s = stepper.value;
  const u = createFastRandom(seed).next;
  const n = new Int32Array(6);
  const y = new Int32Array(6);
  const doses: number[] = [];
  let dose = 0;
  for (let cohort = 0; cohort < 10; cohort++) {
    let dlts = 0;
    for (let i = 0; i < 3; i++) if (u() < truth[dose]!) dlts++;
    n[dose]! += 3;
    y[dose]! += dlts;
    doses.push(dose);
    if (cohort === 9) break;
    const next = s.step(n, y, dose, 3, dlts);
    check?.(n, y, dose, dlts, next);
    if (next < 0) return { doses, stoppedEarly: true, selected: -1 };
    dose = next;
  }
  return { doses, stoppedEarly: false, selected: s.select(n, y) };
}

describe('CRM stepper (the design compiled for simulation)', () => {
  it('takes the same decisions as crmRecommend (dfcrm-exact fit + rules) along simulated trials', () => {
    let checked = 0;
    for (let seed = 1; seed <= 6; seed++) {
      runTrial(S3, {}, seed, (n, y, dose, dlts, next) => {
        const r = crmRecommend({
          skeleton,
          target: 0.3,
          data: { n: Array.from(n), y: Array.from(y) },
          current: dose + 1,
          lastCohort: { n: 3, y: dlts },
        });
        assert.ok(r.ok);
        assert.equal(next, r.value.nextDose === null ? -1 : r.value.nextDose - 1);
        checked++;
      });
    }
    assert.ok(checked >= 30);
  });

  it('starts at dose 1, never skips an untried dose, and never escalates right after a toxic cohort', () => {
    for (let seed = 1; seed <= 300; seed++) {
      let highest = 0;
      runTrial(S3, { safetyStop: 'off' }, seed, (_n, _y, dose, dlts, next) => {
        highest = Math.max(highest, dose);
        assert.ok(next <= highest + 1);
        if (dlts / 3 >= 0.3) assert.ok(next <= dose);
      });
    }
  });

  it("stops most all-too-toxic trials with the safety rule; with 'off' it never stops, as dfcrm", () => {
    let stopped = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const withStop = runTrial(S6, {}, seed);
      if (withStop.stoppedEarly || withStop.selected === -1) stopped++;
      const dfcrm = runTrial(S6, { safetyStop: 'off' }, seed);
      assert.equal(dfcrm.doses.length, 10);
      assert.ok(dfcrm.selected >= 0);
    }
    // Dose 1 has a true DLT rate of 0.5; dfcrm would select it in 99.7 % of trials (crm-notes.md).
    assert.ok(stopped > 150, `stopped ${stopped} of 200`);
  });

  it('selects dose 3 most often in S3, the true MTD', () => {
    const counts = [0, 0, 0, 0, 0, 0];
    for (let seed = 1; seed <= 300; seed++) {
      const t = runTrial(S3, { safetyStop: 'off' }, seed);
      counts[t.selected]!++;
    }
    assert.equal(counts.indexOf(Math.max(...counts)), 2, JSON.stringify(counts));
  });

  it("in 'dfcrm' mode takes dfcrm's own estimate, bit for bit the one fitCrm computes from the same counts", () => {
    const stepper = createCrmStepper({ skeleton, target: 0.3 }, { safetyStop: 'off' }, { fit: 'dfcrm' });
    assert.ok(stepper.ok);
    const n = Int32Array.from([3, 6, 3, 0, 0, 0]);
    const y = Int32Array.from([0, 1, 1, 0, 0, 0]);
    const next = stepper.value.step(n, y, 2, 3, 1);
    const exact = fitCrm({ skeleton, target: 0.3, data: { n: Array.from(n), y: Array.from(y) } });
    assert.ok(exact.ok);
    assert.equal(stepper.value.lastFit.estimate, exact.value.estimate);
    assert.equal(next, Math.min(exact.value.mtd, 3) - 1); // coherence: 1/3 ≥ 0.3, no escalation above dose 3
  });

  it('reports invalid rules under `rules`', () => {
    const bad = createCrmStepper({ skeleton, target: 0.3 }, { safetyStop: 2 });
    assert.deepEqual(!bad.ok && bad.issues.map((i) => i.path.join('.')), ['rules.safetyStop']);
  });
});
