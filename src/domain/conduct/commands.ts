// The conduct commands applied to the state through the gates: what the service does in a
// transaction (check, then write), written once as a pure function so that the property tests
// exercise the same path. Each accepted command returns the records it changes, before and after,
// which is what the service writes and audits; replaying the changes rebuilds the state.
import { z } from 'zod';
import { fail, issue, ok, type Result } from '../result.ts';
import { parseInput } from '../validation.ts';
import { IsoDate } from './dates.ts';
import { checkCommitteeDecision, checkSignDecision } from './decision-gate.ts';
import { checkDosing } from './dosing.ts';
import { checkEnrolment } from './enrolment.ts';
import { checkTransition, SubjectStatus } from './lifecycle.ts';
import { type CommitteeDecision, type ConductState, type ConductSubject, DltAdjudication } from './state.ts';
import { findSubject } from './subjects.ts';

const subjectId = z.string().min(1);
const S = SubjectStatus;

export const ConductCommand = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('register'), subjectId, label: z.string().min(1), date: IsoDate }),
  z.strictObject({ type: z.literal('confirm-eligibility'), subjectId, date: IsoDate }),
  z.strictObject({ type: z.literal('enrol'), subjectId, date: IsoDate }),
  z.strictObject({ type: z.literal('dose'), subjectId, level: z.int().min(1), date: IsoDate }),
  z.strictObject({ type: z.literal('adjudicate'), subjectId, dlt: DltAdjudication.nullable(), date: IsoDate }),
  z.strictObject({ type: z.literal('decide'), nextLevel: z.int().min(1).nullable(), date: IsoDate }),
  z.strictObject({ type: z.literal('sign'), cohort: z.int().min(1), date: IsoDate }),
  // Enrolment and dosing change the status only through their own commands and gates.
  z.strictObject({ type: z.literal('set-status'), subjectId, to: z.enum([S.screenFailed, S.followUp, S.completed, S.withdrawn, S.died]), date: IsoDate }),
]);
export type ConductCommand = z.infer<typeof ConductCommand>;

export type ConductChange =
  | { readonly entity: 'subject'; readonly before: ConductSubject | null; readonly after: ConductSubject }
  | { readonly entity: 'decision'; readonly before: CommitteeDecision | null; readonly after: CommitteeDecision };

export interface Applied {
  readonly state: ConductState;
  /** The records written; empty for a repeat dose, which changes no conduct record (the dose itself is stored by the service). */
  readonly changes: readonly ConductChange[];
}

function withSubject(state: ConductState, before: ConductSubject | null, after: ConductSubject): Applied {
  const subjects = before === null ? [...state.subjects, after] : state.subjects.map((s) => (s.id === after.id ? after : s));
  return { state: { ...state, subjects }, changes: [{ entity: 'subject', before, after }] };
}

function withDecision(state: ConductState, before: CommitteeDecision | null, after: CommitteeDecision): Applied {
  const decisions = before === null ? [...state.decisions, after] : state.decisions.map((d) => (d.cohort === after.cohort ? after : d));
  return { state: { ...state, decisions }, changes: [{ entity: 'decision', before, after }] };
}

function applySubjectCommand(state: ConductState, command: Exclude<ConductCommand, { type: 'register' | 'decide' | 'sign' }>): Result<Applied> {
  const found = findSubject(state, command.subjectId);
  if (!found.ok) return found;
  const s = found.value;
  switch (command.type) {
    case 'confirm-eligibility':
      if (s.status !== S.screening) return fail(issue(['subjectId'], 'not_screening', { subject: s.label, status: s.status }));
      return ok(withSubject(state, s, { ...s, eligibilityConfirmed: true }));
    case 'enrol': {
      const assigned = checkEnrolment(state, s.id, command.date);
      if (!assigned.ok) return assigned;
      const { doseLevel, cohort } = assigned.value;
      return ok(withSubject(state, s, { ...s, status: S.enrolled, doseLevel, cohort, enrolledOn: command.date }));
    }
    case 'dose': {
      const allowed = checkDosing(state, s.id, command.level, command.date);
      if (!allowed.ok) return allowed;
      if (s.firstDoseDate !== null) return ok({ state, changes: [] });
      return ok(withSubject(state, s, { ...s, status: S.dosed, firstDoseDate: command.date }));
    }
    case 'adjudicate':
      if (s.firstDoseDate === null) return fail(issue(['subjectId'], 'not_dosed', { subject: s.label }));
      return ok(withSubject(state, s, { ...s, dlt: command.dlt }));
    case 'set-status': {
      const allowed = checkTransition(s.status, command.to);
      if (!allowed.ok) return allowed;
      return ok(withSubject(state, s, { ...s, status: command.to }));
    }
  }
}

export function applyCommand(state: ConductState, input: ConductCommand): Result<Applied> {
  const parsed = parseInput(ConductCommand, input);
  if (!parsed.ok) return parsed;
  const command = parsed.value;
  switch (command.type) {
    case 'register': {
      if (state.subjects.some((s) => s.id === command.subjectId)) return fail(issue(['subjectId'], 'duplicate_id', { id: command.subjectId }));
      const subject: ConductSubject = {
        id: command.subjectId,
        label: command.label,
        status: S.screening,
        eligibilityConfirmed: false,
        doseLevel: null,
        cohort: null,
        enrolledOn: null,
        firstDoseDate: null,
        dlt: null,
      };
      return ok(withSubject(state, null, subject));
    }
    case 'decide': {
      const draft = checkCommitteeDecision(state, command.nextLevel, command.date);
      if (!draft.ok) return draft;
      const { cohort, level, nextLevel } = draft.value;
      return ok(withDecision(state, null, { cohort, level, nextLevel, signed: false, signedOn: null, decidedOn: command.date }));
    }
    case 'sign': {
      const decision = checkSignDecision(state, command.cohort, command.date);
      if (!decision.ok) return decision;
      return ok(withDecision(state, decision.value, { ...decision.value, signed: true, signedOn: command.date }));
    }
    default:
      return applySubjectCommand(state, command);
  }
}
