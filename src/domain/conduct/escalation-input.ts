// The live trial as the escalation engine reads it (src/domain/escalation/trial-data.ts): every
// dosed subject at the level received, as a DLT, no DLT, or pending while the DLT window runs.
// `decide(design, escalationInput(state, asOf))` is then the design's recommendation from the
// live data; the engine answers `wait` while a pending outcome could change it. Patients are
// named by subject id (the service shows the screening number).
import type { PatientRecord, TrialRecord } from '../escalation/trial-data.ts';
import { dosedMembers, trialPosition } from './cohorts.ts';
import { dltOutcome } from './dlt-window.ts';
import type { ConductState } from './state.ts';

export function escalationInput(state: ConductState, asOf: string): TrialRecord {
  const { conduct } = state;
  const doses: { patients: PatientRecord[] }[] = Array.from({ length: conduct.doseLevels }, () => ({ patients: [] }));
  for (const s of state.subjects) {
    if (s.firstDoseDate === null || s.doseLevel === null) continue;
    doses[s.doseLevel - 1]?.patients.push({ id: s.id, outcome: dltOutcome(s, conduct.dltWindowDays, asOf) });
  }
  // `current` is the open level, the level the current cohort receives; the design's last-cohort
  // rule (CRM) reads the current cohort, which is at `current` by construction. An empty cohort
  // is left out rather than replaced by the previous one, which may sit at another level.
  const p = trialPosition(state);
  const lastCohort = dosedMembers(state, p.cohort).map((s) => s.id);
  return lastCohort.length > 0 ? { current: p.level, doses, lastCohort } : { current: p.level, doses };
}
