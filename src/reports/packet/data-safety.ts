// The adverse events of the packet: every active event of the study's subjects with onset on or
// before the as-of date, with its DLT status, and the signature on the investigator's DLT call
// (a broken signature is shown as such: it no longer counts, state.ts).
import { and, eq, inArray } from 'drizzle-orm';
import { type ConductState, daysBetween } from '../../domain/conduct/index.ts';
import { signaturesOf } from '../../store/access/index.ts';
import type { Sql } from '../../store/db.ts';
import { orm } from '../../store/orm.ts';
import { adverseEvent } from '../../store/schema-conduct.ts';
import type { PacketAdverseEvent } from './model.ts';

export async function adverseEventsOf(sql: Sql, state: ConductState, asOf: string): Promise<PacketAdverseEvent[]> {
  const byId = new Map(state.subjects.map((s) => [s.id, s]));
  if (byId.size === 0) return [];
  const rows = await orm(sql)
    .select()
    .from(adverseEvent)
    .where(and(inArray(adverseEvent.subjectId, [...byId.keys()]), eq(adverseEvent.status, 'active')));
  const events: PacketAdverseEvent[] = [];
  for (const e of rows.filter((r) => r.onsetDate <= asOf)) {
    const s = byId.get(e.subjectId)!;
    const day = (date: string | null) => (date === null || s.firstDoseDate === null ? null : daysBetween(s.firstDoseDate, date));
    const call = e.dlt === null ? [] : (await signaturesOf(sql, 'adverse_event', e.id)).filter((x) => x.meaning === 'dlt-adjudicated');
    const last = call.at(-1);
    events.push({
      subject: s.label,
      doseLevel: s.firstDoseDate === null ? null : s.doseLevel,
      term: e.term,
      grading: e.grading,
      grade: e.grade,
      gradeAuto: e.gradeAuto !== null && e.gradeAuto !== e.grade ? e.gradeAuto : null,
      onsetDate: e.onsetDate,
      onsetDay: day(e.onsetDate),
      resolvedDate: e.resolvedDate !== null && e.resolvedDate <= asOf ? e.resolvedDate : null,
      resolvedDay: e.resolvedDate !== null && e.resolvedDate <= asOf ? day(e.resolvedDate) : null,
      serious: e.serious,
      relatedness: e.relatedness,
      outcome: e.outcome,
      action: e.action,
      dltSuggested: e.dltSuggested === true,
      dltRule: e.dltRule,
      dlt: e.dlt,
      adjudication: last ? { by: last.fullName, at: last.createdAt.toISOString(), valid: last.status === 'valid' } : null,
    });
  }
  return events.sort((a, b) => a.onsetDate.localeCompare(b.onsetDate) || a.subject.localeCompare(b.subject) || a.term.localeCompare(b.term));
}
