// HN2301 doses as FHIR R4 MedicationAdministrations
// (https://hl7.org/fhir/R4/medicationadministration.html). The product has no RxNorm or ATC
// code, so it is coded in FirstDose's own system; the dose level (the trial arm) is the dosage
// text, with the amount when the protocol has made it public.
import type { Protocol } from '../../domain/protocol/index.ts';
import type { DoseRow } from '../../store/schema-conduct.ts';
import { Extension, fhirId, iso, type Resource, ref, System } from './fhir-base.ts';
import { quantity } from './quantity.ts';

/** SNOMED CT 47625008 |Intravenous route|: HN2301 is given as an infusion. */
const intravenous = { coding: [{ system: System.snomed, code: '47625008', display: 'Intravenous route' }] };

export function medicationAdministration(dose: DoseRow, patientId: string, studyId: string, protocol: Protocol): Resource {
  const level = protocol.doseLevels.find((d) => d.level === dose.doseLevel);
  const product = protocol.identity.shortTitle ?? protocol.id.toUpperCase();
  const amount = dose.amount !== null ? quantity(dose.amount, dose.unit) : level?.amount ? quantity(level.amount.value, level.amount.unit) : undefined;
  return {
    resourceType: 'MedicationAdministration',
    id: fhirId(dose.id),
    extension: [{ url: Extension.researchStudy, valueReference: ref('ResearchStudy', studyId) }],
    status: dose.status === 'given' ? 'completed' : 'entered-in-error',
    medicationCodeableConcept: { coding: [{ system: System.product, code: protocol.id, display: product }], text: product },
    subject: ref('Patient', patientId),
    ...(dose.endedAt ? { effectivePeriod: { start: iso(dose.startedAt), end: iso(dose.endedAt) } } : { effectiveDateTime: iso(dose.startedAt) }),
    dosage: {
      text: `${level?.label ?? `DL${dose.doseLevel}`}${level?.description ? `: ${level.description.en}` : ''}`,
      route: intravenous,
      ...(amount ? { dose: amount } : {}),
    },
  };
}
