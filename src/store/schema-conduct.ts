// Drizzle definitions of the conduct tables of migration 0003 (see schema.ts for why both exist;
// migrate.test.ts checks that they name the same columns as the database).
import { sql } from 'drizzle-orm';
import { boolean, customType, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { site, study, subject } from './schema.ts';

/** numeric comes back as text on both backends; as a JS number here, since no value needs more digits. */
const numeric = customType<{ data: number; driverData: string | number }>({
  dataType: () => 'numeric',
  fromDriver: (v) => Number(v),
  toDriver: (v) => String(v),
});

const audited = {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
};
const studyRef = () => uuid('study_id').notNull().references(() => study.id);
const subjectRef = () => uuid('subject_id').notNull().references(() => subject.id);

export const protocolVersion = pgTable('protocol_version', {
  ...audited,
  studyId: studyRef(),
  protocolId: text('protocol_id').notNull(),
  label: text('label').notNull(),
  effectiveDate: date('effective_date').notNull(),
  content: jsonb('content').notNull(),
  contentHash: text('content_hash').notNull(),
});

export const appUser = pgTable('app_user', {
  ...audited,
  username: text('username').notNull().unique(),
  fullName: text('full_name').notNull(),
  active: boolean('active').notNull().default(true),
  identityVerifiedBy: text('identity_verified_by'),
  identityVerifiedAt: timestamp('identity_verified_at', { withTimezone: true }),
  signatureAttestedAt: timestamp('signature_attested_at', { withTimezone: true }),
});

export const userCredential = pgTable('user_credential', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => appUser.id),
  passwordHash: text('password_hash').notNull(),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedAt: timestamp('locked_at', { withTimezone: true }),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
});

export const Role = {
  administrator: 'administrator',
  investigator: 'investigator',
  coordinator: 'coordinator',
  monitor: 'monitor',
  dataManager: 'data_manager',
  safetyCommittee: 'safety_committee',
  sponsorViewer: 'sponsor_viewer',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const roles = Object.values(Role);

export const userRole = pgTable('user_role', {
  ...audited,
  userId: uuid('user_id')
    .notNull()
    .references(() => appUser.id),
  studyId: studyRef(),
  siteId: uuid('site_id').references(() => site.id),
  role: text('role').$type<Role>().notNull(),
  active: boolean('active').notNull().default(true),
});

export type ScreeningOutcome = 'eligible' | 'not-eligible' | 'undetermined';

export const screeningResult = pgTable('screening_result', {
  ...audited,
  subjectId: subjectRef(),
  protocolVersionId: uuid('protocol_version_id')
    .notNull()
    .references(() => protocolVersion.id),
  asOf: date('as_of').notNull(),
  outcome: text('outcome').$type<ScreeningOutcome>().notNull(),
  evaluation: jsonb('evaluation').notNull(),
  sourceHash: text('source_hash'),
});

export type VisitStatus = 'scheduled' | 'done' | 'missed' | 'cancelled';

export const visit = pgTable('visit', {
  ...audited,
  subjectId: subjectRef(),
  visitCode: text('visit_code').notNull(),
  studyDay: integer('study_day').notNull(),
  plannedDate: date('planned_date').notNull(),
  windowStart: date('window_start').notNull(),
  windowEnd: date('window_end').notNull(),
  actualDate: date('actual_date'),
  status: text('status').$type<VisitStatus>().notNull().default('scheduled'),
  sourceRef: text('source_ref'),
});

export const importBatch = pgTable('import_batch', {
  ...audited,
  studyId: studyRef(),
  subjectId: uuid('subject_id').references(() => subject.id),
  kind: text('kind').$type<'fhir-bundle' | 'lab-file'>().notNull(),
  fileName: text('file_name').notNull(),
  sha256: text('sha256').notNull(),
  items: integer('items').notNull(),
});

export const ObservationKind = [
  'lab',
  'vital',
  'sledai2k',
  'pga',
  'bilag',
  'ice',
  'b-cells',
  'car-fraction',
  'glucocorticoid',
  'assessment-flags',
  'crs-findings',
  'icans-findings',
] as const;
export type ObservationKind = (typeof ObservationKind)[number];
export type ObservationStatus = 'final' | 'proposed' | 'rejected' | 'entered-in-error';

export const observation = pgTable('observation', {
  ...audited,
  subjectId: subjectRef(),
  visitId: uuid('visit_id').references(() => visit.id),
  kind: text('kind').$type<ObservationKind>().notNull(),
  code: text('code').notNull(),
  valueNum: numeric('value_num'),
  valueText: text('value_text'),
  valueJson: jsonb('value_json'),
  unit: text('unit'),
  refLow: numeric('ref_low'),
  refHigh: numeric('ref_high'),
  observedAt: timestamp('observed_at', { withTimezone: true }).notNull(),
  status: text('status').$type<ObservationStatus>().notNull(),
  source: text('source').$type<'entry' | 'import' | 'derived'>().notNull(),
  importId: uuid('import_id').references(() => importBatch.id),
  importRow: integer('import_row'),
});

export const doseAdministration = pgTable('dose_administration', {
  ...audited,
  subjectId: subjectRef(),
  doseLevel: integer('dose_level').notNull(),
  amount: numeric('amount'),
  unit: text('unit'),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  endedAt: timestamp('ended_at', { withTimezone: true }),
  status: text('status').$type<'given' | 'entered-in-error'>().notNull().default('given'),
});

export type AeGrading = 'ctcae' | 'astct-crs' | 'astct-icans';
export type Relatedness = 'not-related' | 'unlikely' | 'possible' | 'probable' | 'definite';

export const adverseEvent = pgTable('adverse_event', {
  ...audited,
  subjectId: subjectRef(),
  term: text('term').notNull(),
  grading: text('grading').$type<AeGrading>().notNull(),
  onsetDate: date('onset_date').notNull(),
  resolvedDate: date('resolved_date'),
  gradeAuto: integer('grade_auto'),
  grade: integer('grade').notNull(),
  gradeOverrideReason: text('grade_override_reason'),
  gradingBasis: jsonb('grading_basis'),
  serious: boolean('serious').notNull().default(false),
  relatedness: text('relatedness').$type<Relatedness>().notNull(),
  action: text('action'),
  outcome: text('outcome'),
  dltSuggested: boolean('dlt_suggested'),
  dltRule: text('dlt_rule'),
  dlt: text('dlt').$type<'yes' | 'no'>(),
  status: text('status').$type<'active' | 'entered-in-error'>().notNull().default('active'),
});

export type QueryStatus = 'open' | 'answered' | 'closed';

export const dataQuery = pgTable('data_query', {
  ...audited,
  studyId: studyRef(),
  subjectId: uuid('subject_id').references(() => subject.id),
  tableName: text('table_name').notNull(),
  rowId: text('row_id').notNull(),
  field: text('field'),
  text: text('text').notNull(),
  status: text('status').$type<QueryStatus>().notNull().default('open'),
  answer: text('answer'),
  raisedBy: text('raised_by').notNull(),
  automatic: boolean('automatic').notNull().default(false),
});

export const escalationDecision = pgTable('escalation_decision', {
  ...audited,
  studyId: studyRef(),
  protocolVersionId: uuid('protocol_version_id')
    .notNull()
    .references(() => protocolVersion.id),
  cohort: integer('cohort').notNull(),
  level: integer('level').notNull(),
  asOf: date('as_of').notNull(),
  input: jsonb('input').notNull(),
  recommendation: jsonb('recommendation').notNull(),
  nextLevel: integer('next_level'),
  overrideReason: text('override_reason'),
});

export const SignatureMeaning = [
  'authored',
  'reviewed',
  'approved',
  'eligibility-confirmed',
  'dlt-adjudicated',
  'escalation-approved',
  'signature-attestation',
] as const;
export type SignatureMeaning = (typeof SignatureMeaning)[number];

export const signature = pgTable('signature', {
  ...audited,
  tableName: text('table_name').notNull(),
  rowId: text('row_id').notNull(),
  userId: uuid('user_id')
    .notNull()
    .references(() => appUser.id),
  fullName: text('full_name').notNull(),
  role: text('role').notNull(),
  meaning: text('meaning').$type<SignatureMeaning>().notNull(),
  contentHash: text('content_hash').notNull(),
});

export const securityEvent = pgTable('security_event', {
  ...audited,
  kind: text('kind').notNull(),
  username: text('username'),
  detail: jsonb('detail').notNull().default({}),
});

export type ProtocolVersionRow = typeof protocolVersion.$inferSelect;
export type AppUser = typeof appUser.$inferSelect;
export type UserRole = typeof userRole.$inferSelect;
export type ScreeningResultRow = typeof screeningResult.$inferSelect;
export type VisitRow = typeof visit.$inferSelect;
export type ObservationRow = typeof observation.$inferSelect;
export type DoseRow = typeof doseAdministration.$inferSelect;
export type AdverseEventRow = typeof adverseEvent.$inferSelect;
export type DataQueryRow = typeof dataQuery.$inferSelect;
export type DecisionRow = typeof escalationDecision.$inferSelect;
export type SignatureRow = typeof signature.$inferSelect;
