// Trial conduct (issue 5, the pure half): the subject lifecycle, visit schedule, enrolment and
// dosing gates, DLT windows, the Safety Review Committee's decisions, DLT suggestions, AE grades
// and per-visit efficacy. A store service builds a ConductState from its records and asks these
// functions before it writes.
export { type AutoGrade, type FinalGrade, Findings, finalGrade, type GradeOverride, gradeFromFindings, gradeFromLab, type LabReading } from './ae-grading.ts';
export {
  cohortMembers,
  cohortOpensOn,
  decisionFor,
  decisionInForce,
  dosedMembers,
  highestDosedLevel,
  lastWindowEnd,
  openLevel,
  type TrialPosition,
  trialPosition,
  type WindowEnd,
} from './cohorts.ts';
export { type Applied, applyCommand, ConductCommand, type ConductChange } from './commands.ts';
export { addDays, compareDates, daysBetween, IsoDate, isIsoDate, isIsoInstant, latestDate } from './dates.ts';
export {
  checkCommitteeDecision,
  checkDecisionReady,
  checkOpenLevel,
  checkSignDecision,
  type CohortRef,
  type DecisionDraft,
  openingBlockers,
} from './decision-gate.ts';
export {
  type AdverseEventForDlt,
  type DltContext,
  DltRule,
  type DltSuggestion,
  defaultDltRules,
  GradingSystem,
  Relatedness,
  suggestDlt,
} from './dlt-rules.ts';
export { dltOutcome, type DltWindow, dltWindow, dltWindowOver } from './dlt-window.ts';
export { checkDosing, type SentinelWait, sentinelWait } from './dosing.ts';
export {
  EfficacyAssessment,
  EfficacyMeasure,
  type VisitEfficacy,
  visitEfficacy,
  VisitEfficacyInput,
} from './efficacy.ts';
export { type Assignment, checkEnrolment } from './enrolment.ts';
export { escalationInput } from './escalation-input.ts';
export { allowedTransitions, checkTransition, isTerminal, SubjectStatus, SubjectStatusSchema, subjectStatuses } from './lifecycle.ts';
export { type PlannedVisit, planVisits, type VisitSpec, VisitStatus, visitStatus, VisitTiming, visitTiming } from './schedule.ts';
export {
  CommitteeDecision,
  ConductSettings,
  ConductState,
  ConductSubject,
  conductFromProtocol,
  DltAdjudication,
  emptyConductState,
} from './state.ts';
export { findSubject } from './subjects.ts';
