// The store side of the ODM export. Observations are carried when they are or were part of the
// record (final, or later marked entered in error, whose audit trail shows the change); proposals
// and rejected imports never were, and stay out as they do from every other export.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { signaturesOf } from '../../store/access/index.ts';
import type { Sql } from '../../store/db.ts';
import { orm } from '../../store/orm.ts';
import { type AuditRecord, auditLog, site, subject as subjectTable } from '../../store/schema.ts';
import { adverseEvent, appUser, dataQuery, doseAdministration, observation, screeningResult, signature, visit } from '../../store/schema-conduct.ts';
import { protocolInForce, studyByCode } from '../../store/trial/index.ts';
import type { ClinicalTable, OdmData, OdmRecord } from './odm-data.ts';

interface RowRef {
  readonly table: ClinicalTable;
  readonly rowId: string;
  readonly subjectId: string;
  readonly visitCode: string | null;
}

async function rowsOf(sql: Sql, subjectIds: string[]): Promise<RowRef[]> {
  const o = orm(sql);
  const visits = await o.select({ id: visit.id, subjectId: visit.subjectId, code: visit.visitCode }).from(visit).where(inArray(visit.subjectId, subjectIds));
  const visitCode = new Map(visits.map((v) => [v.id, v.code]));
  const simple = async (table: ClinicalTable, t: typeof screeningResult | typeof doseAdministration | typeof adverseEvent) =>
    (await o.select({ id: t.id, subjectId: t.subjectId }).from(t).where(inArray(t.subjectId, subjectIds))).map((r) => ({ table, rowId: r.id, subjectId: r.subjectId, visitCode: null }));
  const observations = await o
    .select({ id: observation.id, subjectId: observation.subjectId, visitId: observation.visitId })
    .from(observation)
    .where(and(inArray(observation.subjectId, subjectIds), inArray(observation.status, ['final', 'entered-in-error'])));
  const queries = await o.select({ id: dataQuery.id, subjectId: dataQuery.subjectId }).from(dataQuery).where(inArray(dataQuery.subjectId, subjectIds));
  return [
    ...subjectIds.map((id) => ({ table: 'subject' as const, rowId: id, subjectId: id, visitCode: null })),
    ...(await simple('screening_result', screeningResult)),
    ...visits.map((v) => ({ table: 'visit' as const, rowId: v.id, subjectId: v.subjectId, visitCode: v.code })),
    ...observations.map((r) => ({ table: 'observation' as const, rowId: r.id, subjectId: r.subjectId, visitCode: r.visitId ? (visitCode.get(r.visitId) ?? null) : null })),
    ...(await simple('dose_administration', doseAdministration)),
    ...(await simple('adverse_event', adverseEvent)),
    ...queries.map((r) => ({ table: 'data_query' as const, rowId: r.id, subjectId: r.subjectId!, visitCode: null })),
  ];
}

export async function loadOdmData(sql: Sql, studyCode: string): Promise<OdmData> {
  const o = orm(sql);
  const study = await studyByCode(sql, studyCode);
  const { row, protocol } = await protocolInForce(sql, study.id);
  const sites = await o.select().from(site).where(eq(site.studyId, study.id)).orderBy(asc(site.code));
  const subjects = await o.select().from(subjectTable).where(eq(subjectTable.studyId, study.id)).orderBy(asc(subjectTable.screeningNumber));
  const refs = subjects.length ? await rowsOf(sql, subjects.map((s) => s.id)) : [];
  const ids = refs.map((r) => r.rowId);
  const audit = ids.length ? await o.select().from(auditLog).where(inArray(auditLog.rowId, ids)).orderBy(asc(auditLog.seq)) : [];
  const auditOf = new Map<string, AuditRecord[]>();
  for (const a of audit) {
    const key = `${a.tableName}/${a.rowId}`;
    auditOf.set(key, [...(auditOf.get(key) ?? []), a]);
  }
  const signed = ids.length ? await o.selectDistinct({ table: signature.tableName, rowId: signature.rowId }).from(signature).where(inArray(signature.rowId, ids)) : [];
  const signaturesByRow = new Map<string, Awaited<ReturnType<typeof signaturesOf>>>();
  for (const s of signed) signaturesByRow.set(`${s.table}/${s.rowId}`, await signaturesOf(sql, s.table, s.rowId));
  const users = await o.select({ id: appUser.id, username: appUser.username, fullName: appUser.fullName }).from(appUser);
  // Signatures name their signer by account id; the audit trail by username.
  const byId = new Map(users.map((u) => [u.id, u.username]));
  const fullNames = new Map(users.map((u) => [u.username, u.fullName]));
  const siteCode = new Map(sites.map((s) => [s.id, s.code]));
  return {
    study,
    protocol,
    protocolVersion: { label: row.label, effectiveDate: row.effectiveDate },
    sites,
    fullNames,
    subjects: subjects.map((s) => ({
      subject: s,
      siteCode: siteCode.get(s.siteId) ?? s.siteId,
      records: refs
        .filter((r) => r.subjectId === s.id)
        .map(
          (r): OdmRecord => ({
            table: r.table,
            rowId: r.rowId,
            visitCode: r.visitCode,
            audit: (auditOf.get(`${r.table}/${r.rowId}`) ?? []).filter((a) => a.tableName === r.table),
            signatures: (signaturesByRow.get(`${r.table}/${r.rowId}`) ?? []).map((sig) => ({
              id: sig.id,
              username: byId.get(sig.userId) ?? sig.userId,
              fullName: sig.fullName,
              role: sig.role,
              meaning: sig.meaning,
              signedAt: sig.createdAt,
              contentHash: sig.contentHash,
              status: sig.status,
            })),
          }),
        ),
    })),
  };
}
