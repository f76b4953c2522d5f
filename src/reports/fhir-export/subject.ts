// A trial subject as FHIR R4: a ResearchSubject (https://hl7.org/fhir/R4/researchsubject.html)
// and its pseudonymised Patient. The Patient carries the pseudonym as its only identifier, the
// sex and the year of birth; no name, address, contact or full birth date, and a
// PSEUDED security label (v3 ObservationValue) so that receivers know it was pseudonymised.
import type { SubjectStatus } from '../../store/schema.ts';
import type { DoseRow } from '../../store/schema-conduct.ts';
import type { SubjectData } from './export-data.ts';
import { fhirBase, pseudonym, type Resource, ref, System } from './fhir-base.ts';

/** ResearchSubjectStatus (R4, required binding) for each FirstDose subject status. */
export const researchSubjectStatus: Readonly<Record<SubjectStatus, string>> = {
  screening: 'screening',
  screen_failed: 'ineligible',
  enrolled: 'on-study',
  dosed: 'on-study-intervention',
  follow_up: 'follow-up',
  completed: 'off-study',
  withdrawn: 'withdrawn',
  died: 'off-study',
};

const subjectIdentifier = (studyCode: string, screeningNumber: string) => ({
  system: `${fhirBase}/sid/subject/${studyCode}`,
  value: pseudonym(studyCode, screeningNumber),
});

export function patient(studyCode: string, { subject, demographics }: SubjectData): Resource {
  return {
    resourceType: 'Patient',
    id: pseudonym(studyCode, subject.screeningNumber),
    meta: { security: [{ system: System.securityIntegrity, code: 'PSEUDED', display: 'pseudonymized' }] },
    identifier: [subjectIdentifier(studyCode, subject.screeningNumber)],
    ...(demographics.sex ? { gender: demographics.sex } : {}),
    ...(demographics.birthYear ? { birthDate: demographics.birthYear } : {}),
  };
}

export function researchSubject(studyCode: string, { subject }: SubjectData, doses: readonly DoseRow[], armLabel: (level: number) => string | undefined): Resource {
  const id = pseudonym(studyCode, subject.screeningNumber);
  const assigned = subject.doseLevel === null ? undefined : armLabel(subject.doseLevel);
  const given = doses.filter((d) => d.subjectId === subject.id).sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime())[0];
  const actual = given ? armLabel(given.doseLevel) : undefined;
  return {
    resourceType: 'ResearchSubject',
    id,
    identifier: [subjectIdentifier(studyCode, subject.screeningNumber)],
    status: researchSubjectStatus[subject.status],
    ...(subject.enrolledOn ? { period: { start: subject.enrolledOn } } : {}),
    study: ref('ResearchStudy', studyCode),
    individual: ref('Patient', id),
    ...(assigned ? { assignedArm: assigned } : {}),
    ...(actual ? { actualArm: actual } : {}),
  };
}
