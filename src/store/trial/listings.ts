// Read-only listings for the HTTP API and the web app: subjects with their study and site codes,
// and data queries. The caller filters by what the reader may see (roles per site, R-11); these
// return everything of the studies asked for.
import { and, eq, inArray } from 'drizzle-orm';
import type { Sql } from '../db.ts';
import { orm } from '../orm.ts';
import { subject } from '../schema.ts';
import { type DataQueryRow, dataQuery, type ObservationRow, observation, type QueryStatus } from '../schema-conduct.ts';

export interface SubjectListing {
  readonly id: string;
  readonly studyId: string;
  readonly study: string;
  readonly siteId: string;
  readonly site: string;
  readonly screeningNumber: string;
  readonly status: string;
  readonly doseLevel: number | null;
  readonly cohort: number | null;
  readonly enrolledOn: string | null;
  readonly version: number;
}

/** The subjects of the given studies, by study and screening number. Plain SQL: the web app asks for it on every page. */
export async function subjectsOf(sql: Sql, studyIds: readonly string[]): Promise<SubjectListing[]> {
  if (studyIds.length === 0) return [];
  const rows = await sql.query<{
    id: string;
    study_id: string;
    study: string;
    site_id: string;
    site: string;
    screening_number: string;
    status: string;
    dose_level: number | null;
    cohort: number | null;
    enrolled_on: string | null;
    version: number;
  }>(
    `SELECT s.id, s.study_id, st.code AS study, s.site_id, si.code AS site, s.screening_number, s.status, s.dose_level, s.cohort, s.enrolled_on, s.version
     FROM subject s JOIN study st ON st.id = s.study_id JOIN site si ON si.id = s.site_id
     WHERE s.study_id = ANY($1::uuid[])
     ORDER BY st.code COLLATE "C", s.screening_number COLLATE "C"`,
    [[...studyIds]],
  );
  return rows.map((r) => ({
    id: r.id,
    studyId: r.study_id,
    study: r.study,
    siteId: r.site_id,
    site: r.site,
    screeningNumber: r.screening_number,
    status: r.status,
    doseLevel: r.dose_level,
    cohort: r.cohort,
    enrolledOn: r.enrolled_on,
    version: r.version,
  }));
}

export interface QueryListing extends DataQueryRow {
  /** The site of the query's subject; null for a query about a study-level record. */
  readonly siteId: string | null;
}

/** The data queries of a study, oldest first, optionally of some statuses only. */
export async function queriesOf(sql: Sql, studyId: string, statuses?: readonly QueryStatus[]): Promise<QueryListing[]> {
  const where = statuses?.length ? and(eq(dataQuery.studyId, studyId), inArray(dataQuery.status, [...statuses])) : eq(dataQuery.studyId, studyId);
  const rows = await orm(sql).select({ q: dataQuery, siteId: subject.siteId }).from(dataQuery).leftJoin(subject, eq(subject.id, dataQuery.subjectId)).where(where);
  return rows.map(({ q, siteId }) => ({ ...q, siteId })).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
}

/** One observation, or null when there is none with this id. */
export async function observationById(sql: Sql, id: string): Promise<ObservationRow | null> {
  const [row] = await orm(sql).select().from(observation).where(eq(observation.id, id));
  return row ?? null;
}

/** Tables whose rows belong to one subject, and the column that names it (constants, never input). */
const subjectColumn: Readonly<Record<string, string>> = {
  subject: 'id',
  screening_result: 'subject_id',
  visit: 'subject_id',
  observation: 'subject_id',
  dose_administration: 'subject_id',
  adverse_event: 'subject_id',
  data_query: 'subject_id',
  import_batch: 'subject_id',
};

/** The subject a record is about, or null for a study-level record (or a table without subjects). */
export async function subjectOfRecord(sql: Sql, table: string, rowId: string): Promise<string | null> {
  const column = Object.hasOwn(subjectColumn, table) ? subjectColumn[table] : undefined;
  if (!column) return null;
  const rows = await sql.query<{ subject: string | null }>(`SELECT ${column}::text AS subject FROM ${table} WHERE id = $1::uuid`, [rowId]);
  return rows[0]?.subject ?? null;
}
