// Everything recorded about one subject, in one consistent read: screening results (with the
// protocol version each used), doses, visits with their state, adverse events, observations,
// efficacy per visit and the signatures on all of these (each with its status). The web app's
// subject page shows it; nothing is computed here that the services do not compute already.
import { eq, inArray } from 'drizzle-orm';
import type { VisitEfficacy } from '../../domain/conduct/index.ts';
import type { Issue } from '../../domain/result.ts';
import { type CheckedSignature, signaturesOf } from '../access/index.ts';
import type { Db, Sql } from '../db.ts';
import { orm } from '../orm.ts';
import {
  type AdverseEventRow,
  adverseEvent,
  type DoseRow,
  doseAdministration,
  type ObservationRow,
  observation,
  protocolVersion,
  type ScreeningResultRow,
  screeningResult,
  signature,
} from '../schema-conduct.ts';
import type { Subject } from '../schema.ts';
import { ConductRefusal } from './refusal.ts';
import { subjectById } from './subjects.ts';
import { visitEfficacyFor, visitsOf } from './visits.ts';

type VisitWithState = Awaited<ReturnType<typeof visitsOf>>[number];

export interface SubjectRecord {
  readonly subject: Subject;
  readonly screenings: readonly (ScreeningResultRow & { readonly protocolVersion: string })[];
  readonly doses: readonly DoseRow[];
  readonly visits: readonly VisitWithState[];
  readonly adverseEvents: readonly AdverseEventRow[];
  readonly observations: readonly ObservationRow[];
  /** For each visit with an assessment: its efficacy, or the rule that keeps it from being computed. */
  readonly efficacy: readonly { readonly visitId: string; readonly visitCode: string; readonly result: VisitEfficacy | null; readonly refused: Issue | null }[];
  readonly signatures: readonly CheckedSignature[];
}

const assessmentKinds = new Set(['sledai2k', 'pga', 'bilag', 'glucocorticoid', 'assessment-flags']);

export async function subjectRecord(db: Db, subjectId: string, asOf: string): Promise<SubjectRecord> {
  return db.transaction(
    async (sql) => {
      const s = await subjectById(sql, subjectId);
      const o = orm(sql);
      const screenings = await o
        .select({ r: screeningResult, label: protocolVersion.label })
        .from(screeningResult)
        .innerJoin(protocolVersion, eq(protocolVersion.id, screeningResult.protocolVersionId))
        .where(eq(screeningResult.subjectId, s.id));
      const doses = await o.select().from(doseAdministration).where(eq(doseAdministration.subjectId, s.id));
      const visits = await visitsOf(sql, s.id, asOf);
      const events = await o.select().from(adverseEvent).where(eq(adverseEvent.subjectId, s.id));
      const observations = await o.select().from(observation).where(eq(observation.subjectId, s.id));
      const assessed = new Set(observations.filter((x) => x.visitId !== null && assessmentKinds.has(x.kind) && x.status === 'final').map((x) => x.visitId));
      const efficacy = [];
      for (const v of visits.filter((x) => assessed.has(x.id))) {
        try {
          efficacy.push({ visitId: v.id, visitCode: v.visitCode, result: await visitEfficacyFor(sql, s.id, v.visitCode), refused: null });
        } catch (error) {
          if (!(error instanceof ConductRefusal)) throw error;
          efficacy.push({ visitId: v.id, visitCode: v.visitCode, result: null, refused: error.issue });
        }
      }
      const signed: [string, string][] = [
        ['subject', s.id],
        ...screenings.map((x): [string, string] => ['screening_result', x.r.id]),
        ...doses.map((x): [string, string] => ['dose_administration', x.id]),
        ...events.map((x): [string, string] => ['adverse_event', x.id]),
      ];
      const signatures: CheckedSignature[] = [];
      const withSignatures = await signedRows(sql, signed.map(([, id]) => id));
      for (const [table, id] of signed) if (withSignatures.has(id)) signatures.push(...(await signaturesOf(sql, table, id)));
      const byTime = <T extends { createdAt: Date }>(a: T, b: T) => a.createdAt.getTime() - b.createdAt.getTime();
      return {
        subject: s,
        screenings: screenings.map((x) => ({ ...x.r, protocolVersion: x.label })).sort(byTime),
        doses: doses.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime()),
        visits,
        adverseEvents: events.sort((a, b) => a.onsetDate.localeCompare(b.onsetDate) || byTime(a, b)),
        observations: observations.sort((a, b) => a.observedAt.getTime() - b.observedAt.getTime() || byTime(a, b)),
        efficacy,
        signatures,
      };
    },
    { snapshot: true, readOnly: true },
  );
}

/** The ids among `rowIds` that carry at least one signature: checking a signature costs a content hash. */
async function signedRows(sql: Sql, rowIds: readonly string[]): Promise<Set<string>> {
  if (rowIds.length === 0) return new Set();
  const rows = await orm(sql).select({ rowId: signature.rowId }).from(signature).where(inArray(signature.rowId, [...rowIds]));
  return new Set(rows.map((r) => r.rowId));
}
