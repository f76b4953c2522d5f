// What the conduct rules read: the protocol's conduct settings, each subject's place in the trial
// and the Safety Review Committee's decisions. The store keeps the records; the service builds
// this state from them and asks the gates (gating.ts) before it writes anything. The open dose
// level and the current cohort are not stored: they follow from the decisions (cohorts.ts), so
// they can never disagree with the signed record.
import { z } from 'zod';
import type { Protocol } from '../protocol/schema.ts';
import { customIssue } from '../validation.ts';
import { IsoDate } from './dates.ts';
import { SubjectStatusSchema } from './lifecycle.ts';

export const ConductSettings = z.strictObject({
  /** Number of dose levels, numbered 1..doseLevels. */
  doseLevels: z.int().min(1),
  /** Subjects a cohort holds. */
  cohortSize: z.int().min(1),
  /** The first `count` subjects dosed in a cohort are observed `waitDays` before the next is dosed. */
  sentinel: z.strictObject({ count: z.int().min(0), waitDays: z.int().min(0) }),
  /** The DLT window runs from the first dose (day 0) through day `dltWindowDays`. */
  dltWindowDays: z.int().min(1),
  cohortCompleteBeforeEscalation: z.boolean(),
  srcApprovalRequired: z.boolean(),
});
export type ConductSettings = z.infer<typeof ConductSettings>;

export const DltAdjudication = z.enum(['yes', 'no']);
export type DltAdjudication = z.infer<typeof DltAdjudication>;

export const ConductSubject = z.strictObject({
  id: z.string().min(1),
  /** The screening number people use ("003"); refusals name subjects by it. */
  label: z.string().min(1),
  status: SubjectStatusSchema,
  /** An eligible screening result signed by an investigator. */
  eligibilityConfirmed: z.boolean(),
  /** Assigned at enrolment, never changed afterwards. */
  doseLevel: z.int().min(1).nullable(),
  cohort: z.int().min(1).nullable(),
  enrolledOn: IsoDate.nullable(),
  firstDoseDate: IsoDate.nullable(),
  /** The investigator's adjudication; `yes` may come before the window ends, `no` does not end it. */
  dlt: DltAdjudication.nullable(),
});
export type ConductSubject = z.infer<typeof ConductSubject>;

export const CommitteeDecision = z.strictObject({
  cohort: z.int().min(1),
  /** The level the cohort received. */
  level: z.int().min(1),
  /** The level of the next cohort; `null` stops the trial. */
  nextLevel: z.int().min(1).nullable(),
  signed: z.boolean(),
  signedOn: IsoDate.nullable(),
  /** When the decision was recorded; opens the next cohort when no signature is required. */
  decidedOn: IsoDate.optional(),
});
export type CommitteeDecision = z.infer<typeof CommitteeDecision>;

export const ConductState = z
  .strictObject({
    conduct: ConductSettings,
    subjects: z.array(ConductSubject),
    decisions: z.array(CommitteeDecision),
  })
  .superRefine((s, ctx) => {
    const ids = new Set<string>();
    s.subjects.forEach((subject, i) => {
      if (ids.has(subject.id)) ctx.addIssue({ ...customIssue('duplicate_id', { id: subject.id }), path: ['subjects', i, 'id'] });
      ids.add(subject.id);
      if (subject.doseLevel !== null && subject.doseLevel > s.conduct.doseLevels)
        ctx.addIssue({ ...customIssue('too_big', { maximum: s.conduct.doseLevels, inclusive: true }), path: ['subjects', i, 'doseLevel'] });
    });
    const cohorts = new Set<number>();
    s.decisions.forEach((d, i) => {
      if (cohorts.has(d.cohort)) ctx.addIssue({ ...customIssue('duplicate_id', { id: d.cohort }), path: ['decisions', i, 'cohort'] });
      cohorts.add(d.cohort);
      if (d.signed && d.signedOn === null) ctx.addIssue({ ...customIssue('required'), path: ['decisions', i, 'signedOn'] });
      for (const field of ['level', 'nextLevel'] as const) {
        const level = d[field];
        if (level !== null && level > s.conduct.doseLevels)
          ctx.addIssue({ ...customIssue('too_big', { maximum: s.conduct.doseLevels, inclusive: true }), path: ['decisions', i, field] });
      }
    });
  });
export type ConductState = z.infer<typeof ConductState>;

/**
 * The conduct settings a protocol version states. The DLT window is anchored on the first dose:
 * the state records only the first dose date, so a protocol anchored on each dose
 * (`dlt.anchor: each-dose`) needs the window extended by the service from its dose records.
 */
export function conductFromProtocol(protocol: Protocol): ConductSettings {
  return {
    doseLevels: protocol.doseLevels.length,
    cohortSize: protocol.escalation.cohortSize,
    sentinel: { count: protocol.sentinel.count, waitDays: protocol.sentinel.waitDays },
    dltWindowDays: protocol.dlt.windowDays,
    cohortCompleteBeforeEscalation: protocol.cohortCompleteBeforeEscalation,
    srcApprovalRequired: protocol.srcApprovalRequired,
  };
}

/** A state with no subjects and no decisions: cohort 1 at dose level 1 is open. */
export const emptyConductState = (conduct: ConductSettings): ConductState => ({ conduct, subjects: [], decisions: [] });
