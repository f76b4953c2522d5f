// The trial at a glance (issue 6, dashboard): enrolment against plan per dose level, the state of
// each cohort, the next escalation decision and the first date it can be taken, overdue visits,
// open queries and serious adverse events with the time their 24-hour report is due. Every figure
// comes from the same conduct state the gates read, so the page cannot disagree with a refusal.
import { and, eq, inArray } from 'drizzle-orm';
import {
  addDays,
  cohortOpensOn,
  decisionFor,
  dltOutcome,
  dosedMembers,
  lastWindowEnd,
  openingBlockers,
  sentinelWait,
  trialPosition,
  visitStatus,
} from '../../domain/conduct/index.ts';
import type { PatientOutcome } from '../../domain/escalation/trial-data.ts';
import type { Issue } from '../../domain/result.ts';
import type { Db } from '../db.ts';
import { orm } from '../orm.ts';
import { adverseEvent, dataQuery, visit } from '../schema-conduct.ts';
import { loadConductState } from './state.ts';
import { protocolInForce } from './study.ts';

/** A subject as the dashboard names it: the id (for links) and the screening number. */
export interface SubjectRef {
  readonly subjectId: string;
  readonly subject: string;
}

export interface Dashboard {
  readonly studyId: string;
  readonly protocolVersion: string;
  readonly asOf: string;
  readonly position: { readonly cohort: number; readonly level: number; readonly stopped: boolean };
  /** Planned participants spread over the dose levels (the protocol plans cohorts, not levels). */
  readonly doseLevels: readonly {
    readonly level: number;
    readonly label: string;
    readonly planned: number;
    readonly enrolled: number;
    readonly dosed: number;
    readonly dlts: number;
    readonly pending: number;
  }[];
  readonly cohorts: readonly {
    readonly cohort: number;
    readonly level: number;
    readonly size: number;
    readonly members: readonly (SubjectRef & { readonly firstDose: string | null; readonly dlt: PatientOutcome | null })[];
    readonly opensOn: string | null;
    readonly sentinelWaitUntil: string | null;
    readonly dltWindowsEnd: string | null;
    readonly decision: { readonly nextLevel: number | null; readonly decidedOn: string | null; readonly signed: boolean; readonly signedOn: string | null } | null;
  }[];
  readonly nextDecision: {
    readonly cohort: number;
    readonly level: number;
    /** The first day the committee may decide (after the last DLT window), null until the cohort is fully dosed. */
    readonly canBeTakenOn: string | null;
    readonly blockers: readonly Issue[];
  } | null;
  readonly overdueVisits: readonly (SubjectRef & { readonly visitId: string; readonly visitCode: string; readonly plannedDate: string; readonly windowEnd: string })[];
  readonly openQueries: readonly (SubjectRef & { readonly queryId: string; readonly status: string; readonly tableName: string; readonly field: string | null; readonly raisedAt: Date })[];
  /** Serious adverse events: reported to the sponsor within 24 hours of the site learning of them. */
  readonly seriousAdverseEvents: readonly (SubjectRef & {
    readonly eventId: string;
    readonly term: string;
    readonly grade: number;
    readonly onsetDate: string;
    readonly recordedAt: Date;
    readonly reportDueBy: Date;
  })[];
}

const dayMs = 24 * 60 * 60 * 1000;

export async function trialDashboard(db: Db, studyId: string, asOf: string): Promise<Dashboard> {
  return db.transaction(
    async (sql) => {
      const { row, protocol } = await protocolInForce(sql, studyId, asOf);
      const state = await loadConductState(sql, studyId, protocol);
      const position = trialPosition(state);
      const days = state.conduct.dltWindowDays;
      const label = new Map(state.subjects.map((s) => [s.id, s.label]));
      const ref = (id: string | null): SubjectRef => ({ subjectId: id ?? '', subject: id ? (label.get(id) ?? '') : '' });
      const planned = Math.ceil(protocol.identity.plannedParticipants / protocol.doseLevels.length);
      const doseLevels = protocol.doseLevels.map((d) => {
        const at = state.subjects.filter((s) => s.doseLevel === d.level);
        const dosed = at.filter((s) => s.firstDoseDate !== null);
        const outcomes = dosed.map((s) => dltOutcome(s, days, asOf));
        return {
          level: d.level,
          label: d.label,
          planned,
          enrolled: at.length,
          dosed: dosed.length,
          dlts: outcomes.filter((o) => o === 'dlt').length,
          pending: outcomes.filter((o) => o === 'pending').length,
        };
      });
      const cohortNumbers = [...new Set(state.subjects.map((s) => s.cohort).filter((c): c is number => c !== null)), position.cohort].sort((a, b) => a - b);
      const cohorts = [...new Set(cohortNumbers)].map((c) => {
        const members = state.subjects.filter((s) => s.cohort === c && (s.firstDoseDate !== null || s.status === 'enrolled'));
        const d = decisionFor(state, c);
        return {
          cohort: c,
          level: members[0]?.doseLevel ?? position.level,
          size: state.conduct.cohortSize,
          members: members.map((s) => ({ ...ref(s.id), firstDose: s.firstDoseDate, dlt: s.firstDoseDate ? dltOutcome(s, days, asOf) : null })),
          opensOn: cohortOpensOn(state, c),
          sentinelWaitUntil: sentinelWait(state, c)?.until ?? null,
          dltWindowsEnd: lastWindowEnd(state, c)?.end ?? null,
          decision: d ? { nextLevel: d.nextLevel, decidedOn: d.decidedOn ?? null, signed: d.signed, signedOn: d.signedOn ?? null } : null,
        };
      });
      const full = dosedMembers(state, position.cohort).length >= state.conduct.cohortSize;
      const last = lastWindowEnd(state, position.cohort);
      const nextDecision = position.stopped
        ? null
        : {
            cohort: position.cohort,
            level: position.level,
            canBeTakenOn: full && last ? addDays(last.end, 1) : null,
            blockers: openingBlockers(state, asOf),
          };
      const ids = state.subjects.map((s) => s.id);
      const o = orm(sql);
      const visits = ids.length ? await o.select().from(visit).where(and(inArray(visit.subjectId, ids), eq(visit.status, 'scheduled'))) : [];
      const overdueVisits = visits
        .filter((v) => visitStatus({ visitId: v.visitCode, day: v.studyDay, plannedDate: v.plannedDate, windowStart: v.windowStart, windowEnd: v.windowEnd }, v.actualDate, asOf) === 'overdue')
        .sort((a, b) => a.windowEnd.localeCompare(b.windowEnd))
        .map((v) => ({ ...ref(v.subjectId), visitId: v.id, visitCode: v.visitCode, plannedDate: v.plannedDate, windowEnd: v.windowEnd }));
      const queries = await o.select().from(dataQuery).where(and(eq(dataQuery.studyId, studyId), inArray(dataQuery.status, ['open', 'answered'])));
      const openQueries = queries
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
        .map((q) => ({ ...ref(q.subjectId), queryId: q.id, status: q.status, tableName: q.tableName, field: q.field, raisedAt: q.createdAt }));
      const events = ids.length ? await o.select().from(adverseEvent).where(and(inArray(adverseEvent.subjectId, ids), eq(adverseEvent.status, 'active'), eq(adverseEvent.serious, true))) : [];
      const seriousAdverseEvents = events
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
        .map((e) => ({
          ...ref(e.subjectId),
          eventId: e.id,
          term: e.term,
          grade: e.grade,
          onsetDate: e.onsetDate,
          recordedAt: e.createdAt,
          reportDueBy: new Date(e.createdAt.getTime() + dayMs),
        }));
      return { studyId, protocolVersion: row.label, asOf, position, doseLevels, cohorts, nextDecision, overdueVisits, openQueries, seriousAdverseEvents };
    },
    { snapshot: true, readOnly: true },
  );
}
