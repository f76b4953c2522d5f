// The whole export as resources, grouped by type in a stable order (study, people, then events
// by time, ties by id), so that two exports of the same data list the same resources alike.
import { adverseEvent } from './adverse-event.ts';
import type { ExportData } from './export-data.ts';
import { fhirId, pseudonym, type Resource } from './fhir-base.ts';
import { medicationAdministration } from './medication-administration.ts';
import { type ObservationCodeTable, observation } from './observation.ts';
import { researchStudy } from './research-study.ts';
import { patient, researchSubject } from './subject.ts';

export const resourceTypes = ['ResearchStudy', 'Patient', 'ResearchSubject', 'MedicationAdministration', 'Observation', 'AdverseEvent'] as const;
export type ExportedType = (typeof resourceTypes)[number];

export type ResourcesByType = Readonly<Record<ExportedType, readonly Resource[]>>;

const byTimeThenId = <T extends { id: string }>(time: (x: T) => number) => (a: T, b: T) => time(a) - time(b) || a.id.localeCompare(b.id);

export function buildResources(data: ExportData, table: ObservationCodeTable): ResourcesByType {
  const studyId = fhirId(data.study.code);
  const subjects = [...data.subjects].sort((a, b) => a.subject.screeningNumber.localeCompare(b.subject.screeningNumber));
  const patientOf = new Map(subjects.map((s) => [s.subject.id, pseudonym(data.study.code, s.subject.screeningNumber)]));
  const armLabel = (level: number) => data.protocol.doseLevels.find((d) => d.level === level)?.label;
  const doses = [...data.doses].sort(byTimeThenId((d) => d.startedAt.getTime()));
  const firstDose = new Map<string, string>();
  for (const d of doses) if (!firstDose.has(d.subjectId)) firstDose.set(d.subjectId, fhirId(d.id));
  const known = <T extends { subjectId: string }>(rows: readonly T[]) => rows.filter((r) => patientOf.has(r.subjectId));
  return {
    ResearchStudy: [researchStudy(data.study, data.protocol, data.sites)],
    Patient: subjects.map((s) => patient(data.study.code, s)),
    ResearchSubject: subjects.map((s) => researchSubject(data.study.code, s, data.doses, armLabel)),
    MedicationAdministration: known(doses).map((d) => medicationAdministration(d, patientOf.get(d.subjectId)!, studyId, data.protocol)),
    Observation: known([...data.observations].sort(byTimeThenId((o) => o.observedAt.getTime())))
      .map((o) => observation(o, patientOf.get(o.subjectId)!, studyId, table))
      .filter((r): r is Resource => r !== null),
    AdverseEvent: known([...data.adverseEvents].sort(byTimeThenId((a) => Date.parse(a.onsetDate))))
      .map((a) => adverseEvent(a, patientOf.get(a.subjectId)!, studyId, firstDose.get(a.subjectId))),
  };
}
