// What one FHIR resource contributes to a PatientRecord. The bundle adapter and the bulk
// pre-screener both collect these per patient.
import type {
  AnswerFact,
  ConditionFact,
  MedicationFact,
  ObservationFact,
  PatientRecord,
  ProcedureFact,
} from '../domain/eligibility/patient-record.ts';

export interface PatientFact {
  readonly kind: 'patient';
  /** Patient.id; absent only for a bundle-local Patient known by its urn:uuid fullUrl. */
  readonly id?: string;
  readonly birthDate?: string;
  readonly sex?: NonNullable<PatientRecord['sex']>;
}

export type Fact =
  | PatientFact
  | { readonly kind: 'observation'; readonly fact: ObservationFact }
  | { readonly kind: 'condition'; readonly fact: ConditionFact }
  | { readonly kind: 'medication'; readonly fact: MedicationFact }
  | { readonly kind: 'procedure'; readonly fact: ProcedureFact }
  | { readonly kind: 'answer'; readonly fact: AnswerFact };

export interface ResourceFacts {
  /** `Patient/<id>` (or a bundle-local `urn:uuid:`) the resource is about; null when it names none. */
  readonly subject: string | null;
  readonly facts: readonly Fact[];
}

/** Shared by every resource that yields nothing, so the common case allocates no array. */
export const noFacts: readonly Fact[] = Object.freeze([]);
