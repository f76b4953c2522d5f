// FHIR R4 resource shapes as the FHIR mapping contract (src/fhir) reads them: Patient, Observation
// by LOINC with UCUM quantities and reference ranges, Condition and Procedure by SNOMED CT,
// MedicationStatement by ATC, QuestionnaireResponse by FirstDose questionnaire URL.
export type Resource = { readonly resourceType: string; readonly id: string } & Record<string, unknown>;

const loinc = 'http://loinc.org';
const snomed = 'http://snomed.info/sct';
const ucum = 'http://unitsofmeasure.org';
const atc = 'http://www.whocc.no/atc';
export const questionnaireBase = 'https://firstdose.dev/fhir/Questionnaire/';

const quantity = (value: number, unit: string) => ({ value, unit, system: ucum, code: unit });
const concept = (system: string, code: string, display: string) => ({ coding: [{ system, code, display }] });

export interface Range {
  readonly low?: number;
  readonly high?: number;
}

export type ObservationValue =
  | { readonly quantity: number; readonly unit: string }
  | { readonly ratio: number }
  | { readonly string: string }
  | { readonly coded: 'positive' | 'negative' };

/** Builds one patient's resources, numbering their ids so that every id in an export is unique. */
export class ResourceFactory {
  private next = 0;
  readonly subject: { reference: string };

  constructor(
    readonly patientId: string,
    private readonly idBase: number,
  ) {
    this.subject = { reference: `Patient/${patientId}` };
  }

  private id(): string {
    return String(this.idBase + this.next++);
  }

  patient(birthDate: string, gender: 'female' | 'male'): Resource {
    return { resourceType: 'Patient', id: this.patientId, active: true, gender, birthDate };
  }

  observation(code: string, display: string, effective: string, value: ObservationValue, range?: Range, component?: unknown[]): Resource {
    const unit = 'quantity' in value ? value.unit : undefined;
    const out: Record<string, unknown> = {
      resourceType: 'Observation',
      id: this.id(),
      status: 'final',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
      code: concept(loinc, code, display),
      subject: this.subject,
      effectiveDateTime: effective,
    };
    if ('quantity' in value) out.valueQuantity = quantity(value.quantity, value.unit);
    else if ('ratio' in value) out.valueRatio = { numerator: { value: 1 }, denominator: { value: value.ratio } };
    else if ('string' in value) out.valueString = value.string;
    else out.valueCodeableConcept = value.coded === 'positive' ? concept(snomed, '10828004', 'Positive') : concept(snomed, '260385009', 'Negative');
    if (range && unit !== undefined) {
      const r: Record<string, unknown> = {};
      if (range.low !== undefined) r.low = quantity(range.low, unit);
      if (range.high !== undefined) r.high = quantity(range.high, unit);
      out.referenceRange = [r];
    }
    if (component) out.component = component;
    return out as Resource;
  }

  condition(code: string, display: string, onset: string, active = true): Resource {
    return {
      resourceType: 'Condition',
      id: this.id(),
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: active ? 'active' : 'resolved' }] },
      code: concept(snomed, code, display),
      subject: this.subject,
      onsetDateTime: onset,
      recordedDate: onset,
    };
  }

  /** A regimen period: `perPeriod` doses of `dose` every `period` `periodUnit`; `end` absent while taken. */
  medication(code: string, display: string, dose: { value: number; unit: string }, timing: { frequency: number; period: number; periodUnit: string }, start: string, end?: string): Resource {
    return {
      resourceType: 'MedicationStatement',
      id: this.id(),
      status: end === undefined ? 'active' : 'completed',
      medicationCodeableConcept: concept(atc, code, display),
      subject: this.subject,
      effectivePeriod: end === undefined ? { start } : { start, end },
      dosage: [{ timing: { repeat: timing }, doseAndRate: [{ doseQuantity: quantity(dose.value, dose.unit) }] }],
    };
  }

  procedure(code: string, display: string, performed: string): Resource {
    return { resourceType: 'Procedure', id: this.id(), status: 'completed', code: concept(snomed, code, display), subject: this.subject, performedDateTime: performed };
  }

  questionnaireResponse(questionnaire: string, authored: string, answers: ReadonlyArray<readonly [string, boolean | number]>): Resource {
    return {
      resourceType: 'QuestionnaireResponse',
      id: this.id(),
      questionnaire: questionnaireBase + questionnaire,
      status: 'completed',
      subject: this.subject,
      authored,
      item: answers.map(([linkId, value]) => ({ linkId, answer: [typeof value === 'boolean' ? { valueBoolean: value } : { valueInteger: value }] })),
    };
  }
}
