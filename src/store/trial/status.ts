// Where the trial stands today, in one read: the open dose level and cohort, each subject's place
// and DLT window, what the design recommends from the live data, what blocks the next step, and
// the work waiting (open queries, proposals to review, DLT calls to make). The CLI's `status`
// and the web app's home screen show this.
import { and, eq, inArray } from 'drizzle-orm';
import { dltOutcome, dltWindow, openingBlockers, trialPosition } from '../../domain/conduct/index.ts';
import type { Issue } from '../../domain/result.ts';
import type { Db } from '../db.ts';
import { orm } from '../orm.ts';
import { adverseEvent, dataQuery, observation } from '../schema-conduct.ts';
import { recommendationFor } from './decisions.ts';
import { ConductRefusal } from './refusal.ts';
import { loadConductState } from './state.ts';
import { protocolInForce } from './study.ts';

export interface SubjectLine {
  readonly number: string;
  readonly status: string;
  readonly doseLevel: number | null;
  readonly cohort: number | null;
  readonly firstDose: string | null;
  readonly dltWindowEnds: string | null;
  readonly dlt: 'dlt' | 'no-dlt' | 'pending' | null;
}

export interface TrialStatus {
  readonly study: string;
  readonly protocolVersion: string;
  readonly asOf: string;
  readonly cohort: number;
  readonly doseLevel: number;
  readonly stopped: boolean;
  readonly subjects: readonly SubjectLine[];
  readonly recommendation: { decision: string; nextDose: number | null; reason: string; needed: readonly string[] } | { refused: Issue };
  /** What must happen before the next cohort can be dosed; empty while the current cohort fills. */
  readonly blockers: readonly Issue[];
  readonly openQueries: number;
  readonly proposals: number;
  readonly adverseEvents: { readonly total: number; readonly grade3OrMore: number; readonly dltSuggested: number; readonly dltUnadjudicated: number };
}

export async function trialStatus(db: Db, studyId: string, asOf: string): Promise<TrialStatus> {
  return db.transaction(
    async (sql) => {
      const { row, protocol } = await protocolInForce(sql, studyId, asOf);
      const state = await loadConductState(sql, studyId, protocol);
      const position = trialPosition(state);
      const days = state.conduct.dltWindowDays;
      const subjects = state.subjects
        .map((s) => ({
          number: s.label,
          status: s.status,
          doseLevel: s.doseLevel,
          cohort: s.cohort,
          firstDose: s.firstDoseDate,
          dltWindowEnds: dltWindow(s, days)?.end ?? null,
          dlt: s.firstDoseDate ? dltOutcome(s, days, asOf) : null,
        }))
        .sort((a, b) => a.number.localeCompare(b.number));
      let recommendation: TrialStatus['recommendation'];
      try {
        const r = recommendationFor(protocol, state, asOf).decision;
        recommendation = { decision: r.decision, nextDose: r.nextDose, reason: r.reason, needed: r.needed ?? [] };
      } catch (error) {
        if (!(error instanceof ConductRefusal)) throw error;
        recommendation = { refused: error.issue };
      }
      const full = state.subjects.filter((s) => s.cohort === position.cohort && (s.firstDoseDate !== null || s.status === 'enrolled')).length >= state.conduct.cohortSize;
      const ids = state.subjects.map((s) => s.id);
      const o = orm(sql);
      const queries = await o.select({ id: dataQuery.id }).from(dataQuery).where(and(eq(dataQuery.studyId, studyId), inArray(dataQuery.status, ['open', 'answered'])));
      const proposals = ids.length ? await o.select({ id: observation.id }).from(observation).where(and(inArray(observation.subjectId, ids), eq(observation.status, 'proposed'))) : [];
      const events = ids.length ? await o.select().from(adverseEvent).where(and(inArray(adverseEvent.subjectId, ids), eq(adverseEvent.status, 'active'))) : [];
      return {
        study: (await sql.query<{ code: string }>('SELECT code FROM study WHERE id = $1', [studyId]))[0]!.code,
        protocolVersion: row.label,
        asOf,
        cohort: position.cohort,
        doseLevel: position.level,
        stopped: position.stopped,
        subjects,
        recommendation,
        blockers: full || position.stopped ? openingBlockers(state, asOf) : [],
        openQueries: queries.length,
        proposals: proposals.length,
        adverseEvents: {
          total: events.length,
          grade3OrMore: events.filter((e) => e.grade >= 3).length,
          dltSuggested: events.filter((e) => e.dltSuggested).length,
          dltUnadjudicated: events.filter((e) => e.dltSuggested && e.dlt === null).length,
        },
      };
    },
    { snapshot: true, readOnly: true },
  );
}
