// Reads one study's rows for the SDTM export: every subject, and of the conduct records only what
// is in force (final observations, doses given, active adverse events).
import { and, asc, eq, inArray } from 'drizzle-orm';
import { Protocol } from '../../domain/protocol/index.ts';
import { auditLog, orm, type Sql, site, study, subject } from '../../store/index.ts';
import { adverseEvent, doseAdministration, observation, protocolVersion, screeningResult, visit } from '../../store/schema-conduct.ts';
import type { StatusChange, TrialSource } from './source.ts';

export async function loadTrialSource(sql: Sql, studyCode: string, asOf: string): Promise<TrialSource> {
  const o = orm(sql);
  const [s] = await o.select().from(study).where(eq(study.code, studyCode));
  if (!s) throw new Error(`study ${studyCode} not found`);
  const versions = await o.select().from(protocolVersion).where(eq(protocolVersion.studyId, s.id)).orderBy(asc(protocolVersion.effectiveDate), asc(protocolVersion.createdAt));
  const sites = await o.select({ id: site.id, code: site.code }).from(site).where(eq(site.studyId, s.id));
  const subjects = await o.select().from(subject).where(eq(subject.studyId, s.id)).orderBy(asc(subject.screeningNumber));
  const ids = subjects.map((x) => x.id);
  const bySubject = <T>(rows: Promise<T[]>) => (ids.length === 0 ? Promise.resolve([] as T[]) : rows);
  const idList = ids.length === 0 ? [''] : ids;
  const [screenings, visits, observations, doses, adverseEvents, audit] = await Promise.all([
    bySubject(o.select().from(screeningResult).where(inArray(screeningResult.subjectId, idList)).orderBy(asc(screeningResult.createdAt))),
    bySubject(o.select().from(visit).where(inArray(visit.subjectId, idList))),
    bySubject(o.select().from(observation).where(and(inArray(observation.subjectId, idList), eq(observation.status, 'final')))),
    bySubject(o.select().from(doseAdministration).where(and(inArray(doseAdministration.subjectId, idList), eq(doseAdministration.status, 'given')))),
    bySubject(o.select().from(adverseEvent).where(and(inArray(adverseEvent.subjectId, idList), eq(adverseEvent.status, 'active')))),
    bySubject(
      o
        .select({ rowId: auditLog.rowId, newValue: auditLog.newValue, at: auditLog.recordedAt, reason: auditLog.reason })
        .from(auditLog)
        .where(and(eq(auditLog.tableName, 'subject'), eq(auditLog.field, 'status'), eq(auditLog.operation, 'UPDATE')))
        .orderBy(asc(auditLog.seq)),
    ),
  ]);
  const known = new Set(ids);
  const statusChanges: StatusChange[] = audit
    .filter((a) => known.has(a.rowId) && typeof a.newValue === 'string')
    .map((a) => ({ subjectId: a.rowId, status: a.newValue as string, at: a.at, reason: a.reason }));
  return {
    study: { code: s.code, title: s.title },
    protocols: versions.map((v) => ({ label: v.label, effectiveDate: v.effectiveDate, protocol: Protocol.parse(v.content) })),
    sites,
    subjects,
    screenings,
    visits,
    observations,
    doses,
    adverseEvents,
    statusChanges,
    asOf,
  };
}
