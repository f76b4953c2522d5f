// TEST SUPPORT ONLY: drives a design through a trial with given patient outcomes (true = DLT),
// returning every (data, decision) pair met on the way — reachable states for property tests.
import type { Decision } from '../decision.ts';
import type { Design } from '../design.ts';
import type { TrialData } from '../trial-data.ts';

export interface WalkStep {
  readonly data: TrialData;
  readonly decision: Decision;
}

export function walk(design: Design, outcomes: readonly boolean[], maxCohorts = 200): WalkStep[] {
  const K = design.doses;
  const n = new Array<number>(K).fill(0);
  const y = new Array<number>(K).fill(0);
  const steps: WalkStep[] = [];
  let data: TrialData = { current: design.startDose, doses: n.map(() => ({ n: 0, y: 0 })) };
  let decision = design.next(data);
  steps.push({ data, decision });
  let patient = 0;
  let total = 0;
  for (let cohort = 0; cohort < maxCohorts && decision.nextDose !== null; cohort++) {
    const d = decision.nextDose - 1;
    const m = Math.min(design.cohortSize, design.maxPatients - total);
    let k = 0;
    for (let i = 0; i < m; i++) if (outcomes[patient++ % Math.max(outcomes.length, 1)] === true) k++;
    n[d]! += m;
    y[d]! += k;
    total += m;
    data = { current: d + 1, doses: n.map((nj, j) => ({ n: nj, y: y[j]! })), lastCohort: { n: m, y: k } };
    decision = design.next(data);
    steps.push({ data, decision });
  }
  return steps;
}
