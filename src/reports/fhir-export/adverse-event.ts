// Adverse events as FHIR R4 AdverseEvents (https://hl7.org/fhir/R4/adverseevent.html). R4 knows
// only mild/moderate/severe, so the grade itself travels in the ae-grade extension of HL7's
// Adverse Event Clinical Research R4 Backport IG, coded with the NCI Thesaurus grade concepts of
// THO's adverse-event-clinical-research-grades value set and named with its scale (CTCAE v5.0 or
// ASTCT 2019 for CRS/ICANS). Causality uses THO's adverse-event-causality-assess (WHO-UMC terms),
// which has no "not related": that one is carried as text only.
import type { AdverseEventRow, Relatedness } from '../../store/schema-conduct.ts';
import { Extension, fhirId, iso, type Resource, ref, System } from './fhir-base.ts';

/** NCI Thesaurus grade concepts (THO ValueSet adverse-event-clinical-research-grades). */
const nciGrade: Readonly<Record<number, { code: string; display: string }>> = {
  1: { code: 'C41338', display: 'Grade 1 Mild Adverse Event' },
  2: { code: 'C41339', display: 'Grade 2 Moderate Adverse Event' },
  3: { code: 'C41340', display: 'Grade 3 Severe Adverse Event' },
  4: { code: 'C41337', display: 'Grade 4 Life Threatening or Disabling Adverse Event' },
  5: { code: 'C48275', display: 'Grade 5 Death Related to Adverse Event' },
};

const scaleName = { ctcae: 'CTCAE v5.0', 'astct-crs': 'ASTCT CRS', 'astct-icans': 'ASTCT ICANS' } as const;

/** CTCAE's own reading of its grades as severity: 1 mild, 2 moderate, 3 and above severe. */
export const severityOf = (grade: number) => (grade <= 1 ? 'mild' : grade === 2 ? 'moderate' : 'severe');

const causality: Readonly<Record<Relatedness, { code: string; display: string } | null>> = {
  definite: { code: 'certain', display: 'Certain' },
  probable: { code: 'probably-likely', display: 'Probably/Likely' },
  possible: { code: 'possible', display: 'Possible' },
  unlikely: { code: 'unlikely', display: 'Unlikely' },
  'not-related': null,
};

/** adverse-event-outcome for the outcomes people write; anything else stays as text. */
export function outcomeCode(outcome: string): string | null {
  const o = outcome.trim().toLowerCase().replace(/[\s_]+/g, '-');
  if (o === 'recovered' || o === 'resolved' || o === 'recovered/resolved') return 'resolved';
  if (o === 'recovering' || o === 'resolving' || o === 'recovering/resolving') return 'recovering';
  if (o === 'not-recovered' || o === 'ongoing' || o === 'not-resolved') return 'ongoing';
  if (o === 'recovered-with-sequelae' || o === 'resolved-with-sequelae') return 'resolvedWithSequelae';
  if (o === 'fatal' || o === 'died' || o === 'death') return 'fatal';
  if (o === 'unknown') return 'unknown';
  return null;
}

export function adverseEvent(row: AdverseEventRow, patientId: string, studyId: string, firstDoseId: string | undefined): Resource {
  const grade = nciGrade[row.grade];
  const assessed = causality[row.relatedness];
  const outcome = row.outcome ? outcomeCode(row.outcome) : null;
  return {
    resourceType: 'AdverseEvent',
    id: fhirId(row.id),
    extension: [
      {
        url: Extension.aeGrade,
        valueCodeableConcept: {
          ...(grade ? { coding: [{ system: System.nciThesaurus, ...grade }] } : {}),
          text: `${scaleName[row.grading]} grade ${row.grade}`,
        },
      },
      ...(row.dlt ? [{ url: Extension.dlt, valueBoolean: row.dlt === 'yes' }] : []),
    ],
    actuality: 'actual',
    event: { text: row.term },
    subject: ref('Patient', patientId),
    date: row.onsetDate,
    recordedDate: iso(row.createdAt),
    seriousness: { coding: [{ system: System.aeSeriousness, code: row.serious ? 'serious' : 'non-serious', display: row.serious ? 'Serious' : 'Non-serious' }] },
    severity: { coding: [{ system: System.aeSeverity, code: severityOf(row.grade) }] },
    ...(row.outcome ? { outcome: outcome ? { coding: [{ system: System.aeOutcome, code: outcome }], text: row.outcome } : { text: row.outcome } } : {}),
    suspectEntity: [
      {
        instance: firstDoseId ? ref('MedicationAdministration', firstDoseId) : { display: 'HN2301' },
        causality: [
          {
            ...(assessed ? { assessment: { coding: [{ system: System.aeCausality, ...assessed }], text: row.relatedness } } : { assessment: { text: row.relatedness } }),
            productRelatedness: row.relatedness,
          },
        ],
      },
    ],
    study: [ref('ResearchStudy', studyId)],
  };
}
