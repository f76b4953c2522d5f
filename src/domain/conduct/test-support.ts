// Builders for conduct tests: HN2301's conduct settings (3 levels, cohorts of 3, one sentinel
// observed 14 days, a 28-day DLT window, whole cohort and signed decision before the next opens)
// and subjects in any state. Pure, like the domain.
import { type Issue, type Result, unwrap } from '../result.ts';
import { applyCommand, type ConductCommand } from './commands.ts';
import type { CommitteeDecision, ConductSettings, ConductState, ConductSubject } from './state.ts';

export const settings: ConductSettings = {
  doseLevels: 3,
  cohortSize: 3,
  sentinel: { count: 1, waitDays: 14 },
  dltWindowDays: 28,
  cohortCompleteBeforeEscalation: true,
  srcApprovalRequired: true,
};

export function subject(label: string, over: Partial<ConductSubject> = {}): ConductSubject {
  return {
    id: `id-${label}`,
    label,
    status: 'screening',
    eligibilityConfirmed: true,
    doseLevel: null,
    cohort: null,
    enrolledOn: null,
    firstDoseDate: null,
    dlt: null,
    ...over,
  };
}

export const enrolled = (label: string, cohort: number, level: number, on: string): ConductSubject =>
  subject(label, { status: 'enrolled', cohort, doseLevel: level, enrolledOn: on });

export const dosed = (label: string, cohort: number, level: number, on: string, dlt: 'yes' | 'no' | null = null): ConductSubject =>
  subject(label, { status: 'dosed', cohort, doseLevel: level, enrolledOn: on, firstDoseDate: on, dlt });

export const decision = (cohort: number, level: number, nextLevel: number | null, signedOn: string | null): CommitteeDecision => ({
  cohort,
  level,
  nextLevel,
  signed: signedOn !== null,
  signedOn,
});

export const state = (subjects: ConductSubject[], decisions: CommitteeDecision[] = [], conduct: ConductSettings = settings): ConductState => ({
  conduct,
  subjects,
  decisions,
});

/** Applies commands that must all be accepted. */
export function run(start: ConductState, commands: readonly ConductCommand[]): ConductState {
  return commands.reduce((s, c) => unwrap(applyCommand(s, c)).state, start);
}

/** The codes of a refusal, in order; [] when accepted. */
export const codes = (r: Result<unknown>): string[] => (r.ok ? [] : r.issues.map((i) => i.code));

export function refusal(r: Result<unknown>, code: string): Issue {
  if (r.ok) throw new Error(`expected a refusal ${code}, got ok`);
  const found = r.issues.find((i) => i.code === code);
  if (!found) throw new Error(`expected a refusal ${code}, got ${r.issues.map((i) => i.code).join(', ')}`);
  return found;
}
