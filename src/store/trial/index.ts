// The trial service: conduct of a study over the store, each action behind the domain's gates
// (src/domain/conduct) and audited. The CLI and the HTTP API call these; nothing else writes
// trial data.
export { type AdverseEventInput, adjudicateDlt, ctcaeTermOfLab, type GradingBasis, type RecordedAdverseEvent, recordAdverseEvent } from './adverse-events.ts';
export { siteDate, siteNoon, siteTimeZone } from './clock.ts';
export { administerDose, type DoseInput, type Dosed, enrol } from './conduct.ts';
export { type DecisionInput, type Recommendation, recommend, recommendationFor, recordDecision, signDecision } from './decisions.ts';
export { type DemoSummary, demoPassword, demoPeople, loadDemo } from './demo.ts';
export { protocolDesign } from './design.ts';
export { type ConductContext, conductAction } from './guard.ts';
export { decideProposal, importFacts } from './imports.ts';
export { assessmentOf, correctObservation, enterObservation, markEnteredInError, type NewObservation, recordAssessment } from './observations.ts';
export { answerQuery, closeQuery, type NewQuery, raiseQuery, reopenQuery } from './queries.ts';
export { ConductRefusal, InvalidInput, orInvalid, orRefuse } from './refusal.ts';
export { type Screened, type ScreenInput, screenSubject } from './screening.ts';
export { eligibilityConfirmed, loadConductState } from './state.ts';
export { amendProtocol, type ProtocolInForce, protocolHash, protocolInForce, type RegisteredStudy, registerStudy, siteByCode, studyByCode } from './study.ts';
export { addSubject, changeStatus, moveSubject, type NewSubject, subjectById, subjectByNumber } from './subjects.ts';
export { recordVisit, visitEfficacyFor, visitsOf } from './visits.ts';
export { type SubjectLine, type TrialStatus, trialStatus } from './status.ts';
export { csvRows, importLabFile, type LabImport } from './lab-file.ts';
export { observationIssues } from './observation-rules.ts';
export { type AuditEntry, auditTrailOf } from './audit-trail.ts';
export { addContactRequest, type ContactRequestRow, contactRequest, contactRequestsOf, type NewContactRequest, publicActor } from './contact-requests.ts';
export { type Dashboard, type SubjectRef, trialDashboard } from './dashboard.ts';
export { observationById, type QueryListing, queriesOf, type SubjectListing, subjectOfRecord, subjectsOf } from './listings.ts';
export { type SubjectRecord, subjectRecord } from './subject-record.ts';
export { type AuditChange, auditChanges, auditHead, type Dependency, touches, waitingWork } from './changes.ts';
