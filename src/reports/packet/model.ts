// Everything the safety committee's packet shows, as data: read once from the record by
// packetData (data.ts), then drawn by the chart functions (src/reports/charts) and written by the
// PDF writer (pdf/). Nothing downstream queries the store or recomputes a clinical result; codes
// (statuses, decision kinds, criterion ids, explanation steps) stay codes until they are phrased.
// Days are study days: the first dose is day 0, as the DLT window and the visit schedule count.
import type { SubjectStatus } from '../../domain/conduct/index.ts';
import type { DecisionKind, DecisionTableRow, OcReport } from '../../domain/escalation/index.ts';
import type { ExplanationStep } from '../../domain/explanation.ts';
import type { Localised } from '../../domain/protocol/index.ts';
import type { Issue } from '../../domain/result.ts';

export type DltOutcome = 'dlt' | 'no-dlt' | 'pending';

export interface PacketDoseLevel {
  readonly level: number;
  readonly label: string;
  /** e.g. "1×10⁶ cells/kg"; null while the amount is not public. */
  readonly amount: string | null;
  readonly description: Localised | null;
}

export interface PacketDesign {
  readonly design: '3+3' | 'boin' | 'crm';
  readonly variant: string | null;
  readonly cohortSize: number;
  /** The protocol's target DLT rate; null for 3+3, which has none. */
  readonly target: number | null;
  readonly dltWindowDays: number;
  readonly sentinel: { readonly count: number; readonly waitDays: number };
  readonly plannedParticipants: number;
}

export interface PacketVisit {
  readonly code: string;
  readonly name: Localised | null;
  readonly day: number;
  readonly date: string;
  /** Efficacy at the visit when it was assessed (SLEDAI-2K or PGA recorded), else null. */
  readonly efficacy: {
    readonly sledai2k: number | null;
    readonly clinicalSledai: number | null;
    readonly sri4: boolean | null;
    readonly lldas: boolean | null;
    readonly doris: boolean | null;
    readonly prednisoneMgPerDay: number | null;
  } | null;
}

export interface PacketSubject {
  /** The screening number. */
  readonly number: string;
  readonly status: SubjectStatus;
  readonly doseLevel: number | null;
  readonly cohort: number | null;
  readonly enrolledOn: string | null;
  readonly firstDose: string | null;
  /** Every administration given, by study day. */
  readonly doses: readonly { readonly day: number; readonly date: string; readonly level: number }[];
  readonly dltWindow: { readonly end: string; readonly endDay: number; readonly outcome: DltOutcome } | null;
  /** The last study day the record covers: the as-of date while on study, else the last recorded day. */
  readonly lastDay: number | null;
  /** Still on study (dosed or in follow-up) on the as-of date. */
  readonly ongoing: boolean;
  readonly baselineSledai: number | null;
  readonly visits: readonly PacketVisit[];
  /** CD19+ B cells in cells/µL. */
  readonly bCells: readonly { readonly day: number; readonly value: number }[];
  /** Criteria not met at the latest screening (screen failures, and anyone screened not eligible). */
  readonly notMet: readonly string[];
}

export interface PacketAdverseEvent {
  readonly subject: string;
  readonly doseLevel: number | null;
  readonly term: string;
  readonly grading: 'ctcae' | 'astct-crs' | 'astct-icans';
  readonly grade: number;
  /** The grade computed from the lab value or findings, when it differs from the grade recorded. */
  readonly gradeAuto: number | null;
  readonly onsetDate: string;
  readonly onsetDay: number | null;
  readonly resolvedDate: string | null;
  readonly resolvedDay: number | null;
  readonly serious: boolean;
  readonly relatedness: string;
  readonly outcome: string | null;
  readonly action: string | null;
  readonly dltSuggested: boolean;
  readonly dltRule: string | null;
  /** The investigator's call; null while not adjudicated. */
  readonly dlt: 'yes' | 'no' | null;
  /** The signature on that call: who, when, and whether it still holds. */
  readonly adjudication: { readonly by: string; readonly at: string; readonly valid: boolean } | null;
}

/** Per dose level: events by grade (index 0 = grade 1) and subjects by their worst grade. */
export interface AeGradeRow {
  readonly level: number;
  readonly dosed: number;
  readonly events: readonly number[];
  readonly subjectsByWorstGrade: readonly number[];
  readonly subjectsWithAe: number;
  readonly serious: number;
  readonly dlts: number;
}

export interface LabSeries {
  readonly code: string;
  /** The unit every value was converted to (UCUM). */
  readonly unit: string;
  readonly points: readonly { readonly subject: string; readonly day: number; readonly value: number }[];
  /** Values left out because their unit does not convert to `unit`. */
  readonly unconverted: number;
}

export interface CohortSummary {
  readonly cohort: number;
  readonly level: number;
  readonly subjects: readonly string[];
  readonly dosed: number;
  readonly dlts: number;
  readonly pending: number;
  /** The last DLT window of the cohort to end. */
  readonly windowsEnd: string | null;
  readonly decision: {
    readonly decidedOn: string;
    readonly nextLevel: number | null;
    readonly recommended: { readonly decision: DecisionKind; readonly nextDose: number | null };
    readonly overrideReason: string | null;
    readonly signatures: readonly { readonly by: string; readonly role: string; readonly at: string; readonly valid: boolean }[];
  } | null;
}

export interface PacketRecommendation {
  readonly decision: DecisionKind;
  readonly nextDose: number | null;
  readonly mtd: number | null;
  readonly reason: string;
  /** Screening numbers of the subjects whose DLT results are needed (for `wait`). */
  readonly needed: readonly string[];
  readonly explanation: readonly ExplanationStep[];
  readonly table: readonly DecisionTableRow[];
  /** What the design saw, per dose level. */
  readonly doses: readonly { readonly level: number; readonly treated: number; readonly dlts: number; readonly pending: number }[];
  readonly current: number;
}

export interface OcScenario {
  /** A code naming the scenario (`mtd-2`, `all-toxic`, `all-safe`), phrased by the writer. */
  readonly id: string;
  readonly truth: readonly number[];
  readonly report: OcReport;
}

export interface ConsortFlow {
  readonly screened: number;
  readonly screening: number;
  readonly screenFailed: number;
  /** Criteria not met among screen failures, most frequent first; a subject may count under several. */
  readonly failureReasons: readonly { readonly criterion: string; readonly subjects: number }[];
  readonly withdrawnBeforeEnrolment: number;
  readonly enrolled: number;
  readonly awaitingDose: number;
  readonly leftBeforeDose: number;
  readonly dosed: number;
  readonly byLevel: readonly {
    readonly level: number;
    readonly dosed: number;
    /** DLT window still running without a DLT. */
    readonly dltPending: number;
    /** DLT outcome settled: window over, or a DLT adjudicated. */
    readonly dltAssessed: number;
    readonly dlt: number;
    readonly onStudy: number;
    readonly completed: number;
    readonly withdrawn: number;
    readonly died: number;
  }[];
}

export interface PacketModel {
  readonly study: {
    readonly code: string;
    readonly title: Localised;
    readonly shortTitle: string | null;
    readonly registryId: string;
    readonly sponsor: string;
    readonly sites: readonly Localised[];
  };
  readonly protocolVersion: string;
  readonly asOf: string;
  readonly design: PacketDesign;
  readonly doseLevels: readonly PacketDoseLevel[];
  readonly position: { readonly cohort: number; readonly level: number; readonly stopped: boolean };
  readonly subjects: readonly PacketSubject[];
  readonly cohorts: readonly CohortSummary[];
  readonly adverseEvents: readonly PacketAdverseEvent[];
  readonly aeByGrade: readonly AeGradeRow[];
  readonly labs: readonly LabSeries[];
  readonly recommendation: PacketRecommendation | { readonly refused: Issue };
  readonly oc: readonly OcScenario[];
  readonly flow: ConsortFlow;
  /** The safety committee members who sign the packet (full names). */
  readonly committee: readonly string[];
}

/** Dosed subjects in dosing order (ties by screening number): the order of lanes and of the path. */
export function dosedSubjects(model: Pick<PacketModel, 'subjects'>): PacketSubject[] {
  return model.subjects
    .filter((s) => s.firstDose !== null)
    .sort((a, b) => a.firstDose!.localeCompare(b.firstDose!) || a.number.localeCompare(b.number));
}
