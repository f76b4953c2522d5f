// The fields resourceFacts reads, by resource type. The bulk pre-screener's fast reader
// (src/prescreen/sparse-json.ts) builds only these from each NDJSON line instead of parsing the whole
// resource: a display text, a category or a meta block it skips costs a scan, not an object. A
// field a reader here starts to read must be listed, or the fast reader would hide it:
// resource-fields.test.ts watches every read resourceFacts makes and fails on one not listed.
import { isObject } from './fhir-read.ts';

/**
 * `true`: the whole value. An object: of an object value only these keys, each by its own fields;
 * of an array, each element so; a string, number, boolean or null as it is. Keys are never added,
 * so a reader sees the same types, lengths and absences as in the full resource.
 */
export type Fields = true | { readonly [key: string]: Fields };

const coding = { system: true, code: true } as const;
/** A CodeableConcept read by its codings' system and code (codingsOf, firstMapped, bestMapping). */
const coded = { coding } as const;
/** A status concept read by its codings' code only (conceptHasCode, isNormalRange). */
const statusCoded = { coding: { code: true } } as const;
/** A Quantity: value, comparator, and the unit by code or text (unitOf). */
const quantity = { value: true, comparator: true, unit: true, code: true } as const;
/** Fields read only for being there (`!== undefined`): any value keeps them there. */
const present = {} as const;
/** The drug of a MedicationStatement or a Medication (medication.ts matchConcept). */
const drug = { coding: { system: true, code: true, display: true }, text: true } as const;

/** Every resource: its type and id, and the patient (subjectOf, and looseSubject for the rest). */
const common = { resourceType: true, id: true, subject: { reference: true }, patient: { reference: true } } as const;

// QuestionnaireResponse items nest (groups).
const item: { [key: string]: Fields } = { linkId: true, answer: { valueBoolean: true, valueInteger: true } };
item['item'] = item;

const byType: Readonly<Record<string, Fields>> = {
  // resource-facts.ts patientFacts
  Patient: { ...common, birthDate: true, gender: true },
  // observation.ts, observation-value.ts, observation-range.ts, spo2-room-air.ts
  Observation: {
    ...common,
    status: true,
    code: coded,
    effectiveDateTime: true,
    effectivePeriod: { start: true },
    effectiveInstant: true,
    issued: true,
    valueQuantity: quantity,
    valueCodeableConcept: { coding, text: true },
    valueRatio: { numerator: { value: true }, denominator: { value: true } },
    valueString: true,
    valueInteger: present,
    valueBoolean: present,
    valueRange: present,
    valueSampledData: present,
    valueTime: present,
    valueDateTime: present,
    valuePeriod: present,
    dataAbsentReason: statusCoded,
    referenceRange: { type: statusCoded, low: quantity, high: quantity },
    component: { code: coded, valueCodeableConcept: coded, valueQuantity: quantity },
  },
  // condition.ts
  Condition: {
    ...common,
    verificationStatus: statusCoded,
    clinicalStatus: statusCoded,
    abatementDateTime: present,
    abatementAge: present,
    abatementPeriod: present,
    abatementRange: present,
    abatementString: present,
    code: coded,
    onsetDateTime: true,
    onsetPeriod: { start: true },
    recordedDate: true,
  },
  // medication.ts, medication-dosage.ts
  MedicationStatement: {
    ...common,
    status: true,
    medicationCodeableConcept: drug,
    medicationReference: { reference: true },
    contained: true,
    effectivePeriod: { start: true, end: true },
    effectiveDateTime: true,
    dosage: { doseAndRate: { doseQuantity: quantity }, timing: { repeat: { frequency: true, period: true, periodUnit: true } } },
  },
  // The target of a MedicationStatement's medicationReference (medication.ts medicationConcept).
  Medication: { ...common, code: drug },
  // procedure.ts
  Procedure: { ...common, status: true, code: coded, performedDateTime: true, performedPeriod: { start: true } },
  // questionnaire-response.ts
  QuestionnaireResponse: { ...common, status: true, questionnaire: true, authored: true, item },
};

/** The fields resourceFacts reads of a resource of this type (any other type: who it is about). */
export function resourceFields(type: string): Fields {
  return Object.hasOwn(byType, type) ? byType[type]! : common;
}

/** The value with only `fields` kept: what the fast reader must build from the value's JSON text. */
export function pruned(value: unknown, fields: Fields): unknown {
  if (fields === true) return value;
  if (Array.isArray(value)) return value.map((v) => pruned(v, fields));
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(fields)) if (Object.hasOwn(value, key)) out[key] = pruned(value[key], fields[key]!);
  return out;
}
