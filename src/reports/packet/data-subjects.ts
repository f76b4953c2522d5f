// Each subject as the packet shows them: place in the trial, doses and DLT window by study day,
// visits done with the efficacy the service computes for them (visitEfficacyFor: the same
// numbers `firstdose subject show` prints), baseline SLEDAI-2K, B-cell counts, and the criteria
// not met at the latest screening. Only what happened on or before the as-of date is shown.
import { and, eq, inArray } from 'drizzle-orm';
import { type ConductState, daysBetween, dltOutcome, dltWindow, visitEfficacy } from '../../domain/conduct/index.ts';
import type { Protocol } from '../../domain/protocol/index.ts';
import { convert } from '../../domain/units/index.ts';
import type { Sql } from '../../store/db.ts';
import { orm } from '../../store/orm.ts';
import { doseAdministration, type ObservationRow, observation, screeningResult, visit } from '../../store/schema-conduct.ts';
import { assessmentOf, siteDate, visitEfficacyFor } from '../../store/trial/index.ts';
import type { LabValue } from './lab-series.ts';
import type { PacketAdverseEvent, PacketSubject, PacketVisit } from './model.ts';

const assessmentKinds = ['sledai2k', 'pga', 'bilag', 'glucocorticoid', 'assessment-flags'] as const;
const isAssessment = (r: ObservationRow) => (assessmentKinds as readonly string[]).includes(r.kind);


export interface SubjectsRead {
  readonly subjects: PacketSubject[];
  readonly labs: LabValue[];
}

/** The SLEDAI-2K of the baseline assessment (the parts observed on or before the first dose, outside any visit: visits.ts). */
function baselineSledai(rows: readonly ObservationRow[], firstDose: string): number | null {
  const before = rows.filter((r) => isAssessment(r) && r.visitId === null && siteDate(r.observedAt) <= firstDose);
  if (before.length === 0) return null;
  const scored = visitEfficacy({ baseline: null, visit: assessmentOf(before) });
  return scored.ok ? scored.value.sledai2k : null;
}

function notMetAtScreening(results: { createdAt: Date; evaluation: unknown }[]): string[] {
  const latest = [...results].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  const criteria = (latest?.evaluation as { criteria?: { id: string; status: string }[] } | undefined)?.criteria ?? [];
  return criteria.filter((c) => c.status === 'not-met').map((c) => c.id);
}

export async function subjectsOf(sql: Sql, state: ConductState, protocol: Protocol, events: readonly PacketAdverseEvent[], asOf: string): Promise<SubjectsRead> {
  const ids = state.subjects.map((s) => s.id);
  if (ids.length === 0) return { subjects: [], labs: [] };
  const o = orm(sql);
  const doses = await o.select().from(doseAdministration).where(and(inArray(doseAdministration.subjectId, ids), eq(doseAdministration.status, 'given')));
  const visits = await o.select().from(visit).where(and(inArray(visit.subjectId, ids), eq(visit.status, 'done')));
  const observations = (await o.select().from(observation).where(and(inArray(observation.subjectId, ids), eq(observation.status, 'final')))).filter((r) => siteDate(r.observedAt) <= asOf);
  const screenings = await o.select().from(screeningResult).where(inArray(screeningResult.subjectId, ids));
  const visitNames = new Map(protocol.visits.map((v) => [v.id, v.name]));
  const subjects: PacketSubject[] = [];
  const labs: LabValue[] = [];

  for (const s of [...state.subjects].sort((a, b) => a.label.localeCompare(b.label))) {
    const first = s.firstDoseDate;
    const day = (date: string) => (first === null ? null : daysBetween(first, date));
    const mine = observations.filter((r) => r.subjectId === s.id);
    const given = doses
      .filter((d) => d.subjectId === s.id && siteDate(d.startedAt) <= asOf)
      .map((d) => ({ date: siteDate(d.startedAt), level: d.doseLevel }))
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((d) => ({ ...d, day: day(d.date)! }));
    const done: PacketVisit[] = [];
    for (const v of visits.filter((x) => x.subjectId === s.id && x.actualDate !== null && x.actualDate <= asOf).sort((a, b) => a.studyDay - b.studyDay)) {
      const assessed = mine.some((r) => r.visitId === v.id && isAssessment(r));
      const e = assessed ? await visitEfficacyFor(sql, s.id, v.visitCode) : null;
      done.push({
        code: v.visitCode,
        name: visitNames.get(v.visitCode) ?? null,
        day: day(v.actualDate!) ?? v.studyDay,
        date: v.actualDate!,
        efficacy: e && {
          sledai2k: e.sledai2k,
          clinicalSledai: e.clinicalSledai,
          sri4: e.sri4?.responder ?? null,
          lldas: e.lldas?.met ?? null,
          doris: e.doris?.met ?? null,
          prednisoneMgPerDay: e.prednisoneEquivalentMgPerDay,
        },
      });
    }
    if (first !== null)
      for (const r of mine) {
        if (r.valueNum === null || r.unit === null) continue;
        const d = day(siteDate(r.observedAt))!;
        if (r.kind === 'lab') labs.push({ subject: s.label, code: r.code, day: d, value: r.valueNum, unit: r.unit });
      }
    const bCells = first === null ? [] : mine.filter((r) => r.kind === 'b-cells' && r.valueNum !== null && r.unit !== null).flatMap((r) => {
      const c = convert({ value: r.valueNum!, unit: r.unit! }, '/uL');
      return c.ok ? [{ day: day(siteDate(r.observedAt))!, value: c.value.value }] : [];
    }).sort((a, b) => a.day - b.day);
    const window = dltWindow(s, state.conduct.dltWindowDays);
    const ongoing = first !== null && (s.status === 'dosed' || s.status === 'follow_up');
    const recorded = [
      ...given.map((d) => d.day),
      ...done.map((v) => v.day),
      ...bCells.map((b) => b.day),
      ...events.filter((e) => e.subject === s.label).flatMap((e) => [e.onsetDay ?? 0, e.resolvedDay ?? 0]),
    ];
    subjects.push({
      number: s.label,
      status: s.status,
      doseLevel: s.doseLevel,
      cohort: s.cohort,
      enrolledOn: s.enrolledOn,
      firstDose: first,
      doses: given,
      dltWindow: window && { end: window.end, endDay: state.conduct.dltWindowDays, outcome: dltOutcome(s, state.conduct.dltWindowDays, asOf) },
      lastDay: first === null ? null : ongoing ? daysBetween(first, asOf) : Math.max(0, ...recorded),
      ongoing,
      baselineSledai: first === null ? null : baselineSledai(mine, first),
      visits: done,
      bCells,
      notMet: notMetAtScreening(screenings.filter((r) => r.subjectId === s.id)),
    });
  }
  return { subjects, labs };
}
