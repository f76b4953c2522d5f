// The ConductState the domain's gates read (src/domain/conduct/state.ts), built from the
// records: subjects, their first doses, confirmed eligibility and DLT adjudications, and the
// committee's decisions. "Confirmed" and "signed" mean a signature that is still valid: a
// signature broken by a later change of the record no longer counts.
import { and, eq, inArray } from 'drizzle-orm';
import { type ConductState, conductFromProtocol, type SubjectStatus } from '../../domain/conduct/index.ts';
import type { Protocol } from '../../domain/protocol/index.ts';
import { signaturesOf } from '../access/index.ts';
import type { Sql } from '../db.ts';
import { orm } from '../orm.ts';
import { subject } from '../schema.ts';
import { adverseEvent, doseAdministration, escalationDecision, screeningResult } from '../schema-conduct.ts';
import { siteDate } from './clock.ts';

async function validlySigned(sql: Sql, table: string, rowId: string, meaning: string): Promise<Date | null> {
  const valid = (await signaturesOf(sql, table, rowId)).filter((s: { meaning: string; status: string }) => s.meaning === meaning && s.status === 'valid');
  return valid.length > 0 ? valid[0]!.createdAt : null;
}

/** Whether the subject's latest screening result is `eligible` and validly signed by an investigator. */
export async function eligibilityConfirmed(sql: Sql, subjectId: string): Promise<boolean> {
  const results = await orm(sql).select().from(screeningResult).where(eq(screeningResult.subjectId, subjectId));
  const latest = results.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  return latest?.outcome === 'eligible' && (await validlySigned(sql, 'screening_result', latest.id, 'eligibility-confirmed')) !== null;
}

export async function loadConductState(sql: Sql, studyId: string, protocol: Protocol): Promise<ConductState> {
  const o = orm(sql);
  const subjects = await o.select().from(subject).where(eq(subject.studyId, studyId));
  const ids = subjects.map((s) => s.id);
  const doses = ids.length ? await o.select().from(doseAdministration).where(and(inArray(doseAdministration.subjectId, ids), eq(doseAdministration.status, 'given'))) : [];
  const dlts = ids.length ? await o.select().from(adverseEvent).where(and(inArray(adverseEvent.subjectId, ids), eq(adverseEvent.status, 'active'), eq(adverseEvent.dlt, 'yes'))) : [];
  const firstDose = new Map<string, string>();
  for (const d of doses) {
    const day = siteDate(d.startedAt);
    const seen = firstDose.get(d.subjectId);
    if (seen === undefined || day < seen) firstDose.set(d.subjectId, day);
  }
  // A DLT counts once the investigator's adjudication is signed and the signature still holds.
  const withDlt = new Set<string>();
  for (const a of dlts) if ((await validlySigned(sql, 'adverse_event', a.id, 'dlt-adjudicated')) !== null) withDlt.add(a.subjectId);
  const decisions = await o.select().from(escalationDecision).where(eq(escalationDecision.studyId, studyId));
  const state: { conduct: ConductState['conduct']; subjects: ConductState['subjects'][number][]; decisions: ConductState['decisions'][number][] } = {
    conduct: conductFromProtocol(protocol),
    subjects: [],
    decisions: [],
  };
  for (const s of subjects)
    state.subjects.push({
      id: s.id,
      label: s.screeningNumber,
      status: s.status as SubjectStatus,
      eligibilityConfirmed: s.status === 'screening' || s.doseLevel !== null ? await eligibilityConfirmed(sql, s.id) : false,
      doseLevel: s.doseLevel,
      cohort: s.cohort,
      enrolledOn: s.enrolledOn,
      firstDoseDate: firstDose.get(s.id) ?? null,
      dlt: withDlt.has(s.id) ? 'yes' : null,
    });
  for (const d of decisions.sort((a, b) => a.cohort - b.cohort)) {
    const signedAt = await validlySigned(sql, 'escalation_decision', d.id, 'escalation-approved');
    state.decisions.push({ cohort: d.cohort, level: d.level, nextLevel: d.nextLevel, signed: signedAt !== null, signedOn: signedAt && siteDate(signedAt), decidedOn: d.asOf });
  }
  return state;
}
