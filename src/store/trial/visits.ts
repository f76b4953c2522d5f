// Visits as they happen. A visit done outside its window is recorded (the date is a fact) and
// raises an automatic query for the site to explain (regulatory.md R-35: visit-window checks).
// Efficacy per visit: the visit's assessment against the baseline (the latest assessment parts
// observed on or before the first dose).
import { and, eq, inArray } from 'drizzle-orm';
import { type PlannedVisit, type VisitEfficacy, visitEfficacy, visitStatus, visitTiming } from '../../domain/conduct/index.ts';
import { issue } from '../../domain/result.ts';
import { type Actor, audited } from '../audit.ts';
import type { Db, Sql } from '../db.ts';
import { orm } from '../orm.ts';
import { dataQuery, doseAdministration, observation, type VisitRow, visit } from '../schema-conduct.ts';
import { siteDate } from './clock.ts';
import { assessmentOf } from './observations.ts';
import { ConductRefusal, orRefuse } from './refusal.ts';
import { subjectById } from './subjects.ts';

const planned = (v: VisitRow): PlannedVisit => ({ visitId: v.visitCode, day: v.studyDay, plannedDate: v.plannedDate, windowStart: v.windowStart, windowEnd: v.windowEnd });

export async function visitsOf(sql: Sql, subjectId: string, asOf: string) {
  const rows = await orm(sql).select().from(visit).where(eq(visit.subjectId, subjectId));
  return rows
    .sort((a, b) => a.studyDay - b.studyDay)
    .map((v) => ({ ...v, state: v.status === 'missed' || v.status === 'cancelled' ? v.status : visitStatus(planned(v), v.actualDate, asOf) }));
}

export async function recordVisit(db: Db, actor: Actor, visitId: string, actualDate: string, sourceRef?: string): Promise<VisitRow> {
  return audited(db, { user: actor.user, reason: actor.reason?.trim() || 'visit done' }, async (tx) => {
    const [v] = await tx.orm.select().from(visit).where(eq(visit.id, visitId));
    if (!v) throw new ConductRefusal(issue(['visitId'], 'visit_not_found', { visit: visitId }));
    if (v.status !== 'scheduled') throw new ConductRefusal(issue(['visitId'], 'visit_not_scheduled', { visit: v.visitCode, status: v.status }));
    const updated = await tx.update(visit, v.id, v.version, { actualDate, status: 'done', ...(sourceRef ? { sourceRef } : {}) });
    const timing = visitTiming(planned(v), actualDate);
    if (timing !== 'in-window') {
      const s = await subjectById(tx.sql, v.subjectId);
      await tx.insert(dataQuery, {
        studyId: s.studyId,
        subjectId: s.id,
        tableName: 'visit',
        rowId: v.id,
        field: 'actual_date',
        text: `Visit ${v.visitCode} on ${actualDate} is ${timing === 'early' ? 'before' : 'after'} its window ${v.windowStart}..${v.windowEnd}: please confirm the date or explain the deviation.`,
        raisedBy: actor.user,
        automatic: true,
      });
    }
    return updated;
  });
}

export async function visitEfficacyFor(sql: Sql, subjectId: string, visitCode: string): Promise<VisitEfficacy> {
  const o = orm(sql);
  const [v] = await o.select().from(visit).where(and(eq(visit.subjectId, subjectId), eq(visit.visitCode, visitCode)));
  if (!v) throw new ConductRefusal(issue(['visit'], 'visit_not_found', { visit: visitCode }));
  const doses = await o.select().from(doseAdministration).where(and(eq(doseAdministration.subjectId, subjectId), eq(doseAdministration.status, 'given')));
  const firstDose = doses.map((d) => siteDate(d.startedAt)).sort()[0];
  const kinds = ['sledai2k', 'pga', 'bilag', 'glucocorticoid', 'assessment-flags'] as const;
  const rows = await o.select().from(observation).where(and(eq(observation.subjectId, subjectId), inArray(observation.kind, [...kinds])));
  const atVisit = rows.filter((r) => r.visitId === v.id);
  const before = firstDose === undefined ? [] : rows.filter((r) => r.visitId === null && siteDate(r.observedAt) <= firstDose);
  const baseline = before.length > 0 ? assessmentOf(before) : null;
  return orRefuse(visitEfficacy({ baseline, visit: assessmentOf(atVisit) }));
}
