// The conduct gates in one place: each answers ok or a refusal whose issue names the rule and,
// in its params, what would unblock it (a date, a subject's screening number, a cohort).
export { checkCommitteeDecision, checkDecisionReady, checkOpenLevel, checkSignDecision, type CohortRef, type DecisionDraft, openingBlockers } from './decision-gate.ts';
export { checkDosing, type SentinelWait, sentinelWait } from './dosing.ts';
export { dltOutcome, type DltWindow, dltWindow, dltWindowOver } from './dlt-window.ts';
export { type Assignment, checkEnrolment } from './enrolment.ts';
export { escalationInput } from './escalation-input.ts';
