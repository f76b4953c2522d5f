// The store side of the FHIR export: every row the mappers need, read in one transaction with a
// consistent snapshot so that a change committed meanwhile cannot half-appear in the file.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Sql } from '../../store/db.ts';
import { orm } from '../../store/orm.ts';
import { site, subject } from '../../store/schema.ts';
import { adverseEvent, doseAdministration, observation, screeningResult } from '../../store/schema-conduct.ts';
import { protocolInForce, studyByCode } from '../../store/trial/index.ts';
import { demographicsOf } from './demographics.ts';
import type { ExportData } from './export-data.ts';

export async function loadExportData(sql: Sql, studyCode: string): Promise<ExportData> {
  const o = orm(sql);
  const study = await studyByCode(sql, studyCode);
  const { protocol } = await protocolInForce(sql, study.id);
  const sites = await o.select().from(site).where(eq(site.studyId, study.id)).orderBy(asc(site.code));
  const subjects = await o.select().from(subject).where(eq(subject.studyId, study.id)).orderBy(asc(subject.screeningNumber));
  const ids = subjects.map((s) => s.id);
  if (ids.length === 0) return { study, protocol, sites, subjects: [], observations: [], doses: [], adverseEvents: [] };
  // The latest screening snapshot per subject is the one whose evidence names sex and birth date.
  const screenings = await o.select().from(screeningResult).where(inArray(screeningResult.subjectId, ids)).orderBy(desc(screeningResult.asOf), desc(screeningResult.createdAt));
  const evaluationOf = new Map<string, unknown>();
  for (const r of screenings) if (!evaluationOf.has(r.subjectId)) evaluationOf.set(r.subjectId, r.evaluation);
  return {
    study,
    protocol,
    sites,
    subjects: subjects.map((s) => ({ subject: s, demographics: demographicsOf(evaluationOf.get(s.id)) })),
    observations: await o.select().from(observation).where(and(inArray(observation.subjectId, ids), eq(observation.status, 'final'))),
    doses: await o.select().from(doseAdministration).where(and(inArray(doseAdministration.subjectId, ids), eq(doseAdministration.status, 'given'))),
    adverseEvents: await o.select().from(adverseEvent).where(and(inArray(adverseEvent.subjectId, ids), eq(adverseEvent.status, 'active'))),
  };
}

