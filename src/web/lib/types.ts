// The shapes the app reads from the API (docs/api.md). Rows follow the store's drizzle rows
// (src/store/schema*.ts) as JSON: camelCase fields, dates as YYYY-MM-DD, instants as ISO strings.
// Fields the app can live without are optional, so a leaner answer degrades a screen, not the app.

export interface RoleGrant {
  readonly role: string;
  readonly study: string | null;
  readonly site: string | null;
}

export interface SessionInfo {
  readonly user: { readonly username: string; readonly fullName: string; readonly roles: readonly RoleGrant[] };
  readonly csrfToken: string;
}

export interface StudySummary {
  readonly code: string;
  readonly title: { readonly en: string; readonly 'zh-CN': string };
  readonly registryId?: string;
  readonly protocolVersion?: string;
  readonly sites?: ReadonlyArray<{ readonly code: string; readonly name: { readonly en: string; readonly 'zh-CN': string }; readonly status: string }>;
  readonly doseLevels?: ReadonlyArray<{ readonly level: number; readonly label: string }>;
  readonly roles?: ReadonlyArray<{ readonly role: string; readonly site: string | null }>;
}

export interface Subject {
  readonly id: string;
  readonly screeningNumber: string;
  readonly status: string;
  readonly doseLevel: number | null;
  readonly cohort: number | null;
  readonly enrolledOn?: string | null;
  readonly site?: string | null;
  readonly siteId?: string;
  readonly study?: string;
  readonly studyId?: string;
}

export interface Evidence {
  readonly item: string;
  readonly value: string | number | boolean | null;
  readonly unit?: string;
  readonly date?: string;
  readonly source?: string;
  readonly compared?: string;
}

export interface Coded {
  readonly code: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

export interface MissingItem extends Coded {
  readonly item: string;
  readonly text?: string;
}

export interface CriterionResult {
  readonly id: string;
  readonly kind: string;
  readonly status: 'met' | 'not-met' | 'unknown';
  /** A code with parameters (phrased here), or text the server already phrased. */
  readonly reason: Coded | string;
  readonly evidence: readonly Evidence[];
  readonly missing: readonly MissingItem[];
}

export interface ScreeningResult {
  readonly protocol: string;
  readonly protocolVersion: string;
  readonly asOf: string;
  readonly eligible: 'yes' | 'no' | 'undetermined';
  readonly criteria: readonly CriterionResult[];
}

export interface ScreeningRow {
  readonly id: string;
  readonly asOf: string;
  readonly outcome: string;
  readonly evaluation?: ScreeningResult;
  readonly createdAt?: string;
}

export interface DoseRow {
  readonly id: string;
  readonly doseLevel: number;
  readonly startedAt: string;
  readonly status?: string;
}

export interface VisitRow {
  readonly id: string;
  readonly visitCode: string;
  readonly studyDay: number;
  readonly plannedDate: string;
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly actualDate: string | null;
  readonly status: string;
  /** Derived by the server: due, overdue, done-in-window, done-out-of-window, … */
  readonly state?: string;
  readonly name?: string | { readonly en: string; readonly 'zh-CN': string };
}

export interface AdverseEventRow {
  readonly id: string;
  readonly term: string;
  readonly grading: string;
  readonly onsetDate: string;
  readonly resolvedDate: string | null;
  readonly gradeAuto: number | null;
  readonly grade: number;
  readonly gradeOverrideReason: string | null;
  readonly serious: boolean;
  readonly relatedness: string;
  readonly dltSuggested: boolean | null;
  readonly dltRule: string | null;
  readonly dlt: 'yes' | 'no' | null;
  readonly status?: string;
  readonly outcome?: string | null;
  readonly action?: string | null;
}

export interface ObservationRow {
  readonly id: string;
  readonly kind: string;
  readonly code: string;
  readonly valueNum: number | null;
  readonly valueText: string | null;
  readonly valueJson?: unknown;
  readonly unit: string | null;
  readonly observedAt: string;
  readonly status: string;
  readonly visitId?: string | null;
  readonly version?: number;
}

export interface SignatureInfo {
  readonly id: string;
  readonly tableName?: string;
  readonly rowId?: string;
  readonly fullName: string;
  readonly role: string;
  readonly meaning: string;
  readonly createdAt: string;
  readonly status?: 'valid' | 'broken';
}

/** One visit's efficacy (src/domain/conduct/efficacy.ts VisitEfficacy), or `refused` naming what is missing. */
export interface VisitEfficacy {
  readonly visitId: string;
  readonly visitCode: string;
  readonly sledai2k?: number | null;
  readonly clinicalSledai?: number | null;
  readonly sri4?: { readonly responder: boolean } | null;
  readonly lldas?: { readonly met: boolean } | null;
  readonly doris?: { readonly met: boolean } | null;
  readonly prednisoneEquivalentMgPerDay?: number | null;
  readonly refused?: IssueLike;
}

export interface SubjectDetail extends Subject {
  readonly screenings?: readonly ScreeningRow[];
  readonly screeningResults?: readonly ScreeningRow[];
  readonly doses?: readonly DoseRow[];
  readonly visits?: readonly VisitRow[];
  readonly adverseEvents?: readonly AdverseEventRow[];
  readonly observations?: readonly ObservationRow[];
  readonly efficacy?: readonly VisitEfficacy[];
  readonly signatures?: readonly SignatureInfo[];
}

export interface QueryRow {
  readonly id: string;
  readonly subjectId: string | null;
  readonly subject?: string | null;
  readonly tableName: string;
  readonly rowId: string;
  readonly field: string | null;
  readonly text: string;
  readonly status: 'open' | 'answered' | 'closed';
  readonly answer: string | null;
  readonly raisedBy: string;
  readonly createdAt: string;
}

export interface AuditEntry {
  readonly seq?: number;
  readonly operation?: string;
  readonly field: string | null;
  readonly oldValue: unknown;
  readonly newValue: unknown;
  readonly userId?: string;
  readonly user?: string;
  readonly recordedAt?: string;
  readonly time?: string;
  readonly reason: string | null;
}

export interface IssueLike {
  readonly path?: readonly (string | number)[];
  readonly code: string;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

export interface SubjectLine {
  readonly subjectId?: string;
  readonly number: string;
  readonly status: string;
  readonly doseLevel: number | null;
  readonly cohort: number | null;
  readonly firstDose: string | null;
  readonly dltWindowEnds: string | null;
  readonly dlt: 'dlt' | 'no-dlt' | 'pending' | null;
}

/** GET /api/studies/:study/status: src/store/trial/status.ts TrialStatus. */
export interface TrialStatus {
  readonly study: string;
  readonly protocolVersion: string;
  readonly asOf: string;
  readonly cohort: number;
  readonly doseLevel: number;
  readonly stopped: boolean;
  readonly subjects: readonly SubjectLine[];
  readonly recommendation: { decision: string; nextDose: number | null; reason: string; needed: readonly string[] } | { refused: IssueLike };
  readonly blockers: readonly IssueLike[];
  readonly openQueries: number;
  readonly proposals: number;
  readonly adverseEvents: { readonly total: number; readonly grade3OrMore: number; readonly dltSuggested: number; readonly dltUnadjudicated: number };
}

export interface ExplanationStep {
  readonly code: string;
  readonly params: Readonly<Record<string, unknown>>;
}

export interface DecisionTableRow {
  readonly n: number;
  readonly escalate: number | null;
  readonly deescalate: number | null;
  readonly eliminate: number | null;
}

/** GET /api/studies/:study/recommendation: src/store/trial/decisions.ts Recommendation. */
export interface Recommendation {
  readonly asOf: string;
  readonly design: Readonly<Record<string, unknown>> & { readonly design?: string; readonly variant?: string; readonly cohortSize?: number };
  readonly input: { readonly current: number; readonly doses: ReadonlyArray<{ readonly patients: ReadonlyArray<{ readonly id: string; readonly outcome: string }> }> };
  readonly decision: {
    readonly decision: string;
    readonly nextDose: number | null;
    readonly reason: string;
    readonly mtd?: number | null;
    readonly needed?: readonly string[];
    /** The pending subjects whose results could change the answer, by screening number. */
    readonly neededSubjects?: readonly string[];
    readonly explanation: readonly ExplanationStep[];
    readonly table: readonly DecisionTableRow[];
  };
}

export interface DecisionRow {
  readonly id: string;
  readonly cohort: number;
  readonly level: number;
  readonly asOf: string;
  readonly nextLevel: number | null;
  readonly overrideReason: string | null;
  readonly recommendation?: { readonly decision: string; readonly nextDose: number | null; readonly reason: string };
}

export interface SubjectRef {
  readonly subjectId: string | null;
  /** Screening number; a pseudonym for a sponsor viewer; null for a subject of another site. */
  readonly subject: string | null;
}

/** GET /api/studies/:study/dashboard (src/server/routes/studies.ts DashboardOut). */
export interface Dashboard {
  readonly study: string;
  readonly protocolVersion: string;
  readonly asOf: string;
  readonly position: { readonly cohort: number; readonly level: number; readonly stopped: boolean };
  readonly doseLevels: ReadonlyArray<{ readonly level: number; readonly label: string; readonly planned: number; readonly enrolled: number; readonly dosed: number; readonly dlts: number; readonly pending: number }>;
  readonly cohorts: ReadonlyArray<{
    readonly cohort: number;
    readonly level: number;
    readonly size: number;
    readonly members: ReadonlyArray<SubjectRef & { readonly firstDose: string | null; readonly dlt: 'dlt' | 'no-dlt' | 'pending' | null }>;
    readonly opensOn: string | null;
    readonly sentinelWaitUntil: string | null;
    readonly dltWindowsEnd: string | null;
    readonly decision: { readonly nextLevel: number | null; readonly decidedOn: string | null; readonly signed: boolean; readonly signedOn: string | null } | null;
  }>;
  readonly nextDecision: { readonly cohort: number; readonly level: number; readonly canBeTakenOn: string | null; readonly blockers: readonly IssueLike[] } | null;
  readonly overdueVisits: ReadonlyArray<SubjectRef & { readonly visitId: string; readonly visitCode: string; readonly plannedDate: string; readonly windowEnd: string }>;
  readonly openQueries: ReadonlyArray<SubjectRef & { readonly queryId: string; readonly status: string; readonly tableName: string; readonly field: string | null; readonly raisedAt: string }>;
  readonly seriousAdverseEvents: ReadonlyArray<SubjectRef & { readonly eventId: string; readonly term: string; readonly grade: number; readonly onsetDate: string; readonly recordedAt: string; readonly reportDueBy: string }>;
}
