// The compiled code tables: read-only indexes the resource mappers look codes up in.
import type { ConditionKind, MedicationClass, ObservationFeature } from '../domain/eligibility/patient-record.ts';
import type { Analyte } from '../domain/units/index.ts';
import type { CodeKind, CodeRole, CodeTableDocument } from './code-tables-schema.ts';

/** system → code → entry; two lookups and no string building per coding. */
export type CodeIndex<T> = ReadonlyMap<string, ReadonlyMap<string, T>>;

export function lookup<T>(index: CodeIndex<T>, system: unknown, code: unknown): T | undefined {
  if (typeof system !== 'string' || typeof code !== 'string') return undefined;
  return index.get(system)?.get(code);
}

export interface ObservationMapping {
  readonly feature: ObservationFeature;
  readonly system: string;
  readonly code: string;
  readonly kind: CodeKind;
  readonly role: CodeRole;
}

/** The units a feature accepts, whichever of its codes a result came under. */
export interface FeatureUnits {
  /** FirstDose unit dimensions (unit-table.ts) of the feature's codes. */
  readonly dimensions: ReadonlySet<string>;
  /** Units with no FirstDose dimension ([IU]/mL): normalised spelling → the table's spelling. */
  readonly arbitrary: ReadonlyMap<string, string>;
  /** Set when mass and molar concentrations of the feature convert (bilirubin, creatinine, haemoglobin). */
  readonly analyte?: Analyte;
}

export type CodedResult = 'positive' | 'negative' | 'indeterminate';

/** Inspired-oxygen components of an SpO2 observation: FiO2 (3150-0) or oxygen flow (3151-8). */
export type InspiredOxygenKind = 'concentration' | 'flow';

export interface ConditionMapping {
  readonly kind: ConditionKind;
  /** On an exclude list: a record with this code is not the condition, whatever else it is coded as. */
  readonly excluded: boolean;
}

export interface MedicationMapping {
  readonly class: MedicationClass;
  readonly agent: string;
  /** A systemic glucocorticoid without a prednisone equivalent in FirstDose's conversion table. */
  readonly noConversion?: boolean;
}

export interface MedicationTables {
  readonly atcSystem: string;
  readonly atc: ReadonlyMap<string, MedicationMapping>;
  /** ATC prefixes matched after exact codes (H02AB, L03AA, B03XA), longest first. */
  readonly prefixes: ReadonlyArray<{ readonly prefix: string; readonly class: MedicationClass }>;
  /** Codes whose inclusion is a protocol decision: never matched, even under a prefix. */
  readonly review: ReadonlySet<string>;
  /**
   * Drugs without an ATC code, matched by name as a whole word of the medication's text or a coding's
   * display, after normalising both (drugNameKey).
   */
  readonly names: ReadonlyArray<{ readonly name: string; readonly pattern: RegExp; readonly mapping: MedicationMapping }>;
  readonly localCodes: CodeIndex<MedicationMapping>;
}

export interface CodeTables {
  /** The merged document the indexes were built from (for display and audit). */
  readonly document: CodeTableDocument;
  readonly observations: CodeIndex<ObservationMapping>;
  readonly featureUnits: ReadonlyMap<ObservationFeature, FeatureUnits>;
  readonly results: CodeIndex<CodedResult>;
  readonly inspiredOxygen: CodeIndex<InspiredOxygenKind>;
  readonly roomAirAnswers: CodeIndex<true>;
  readonly pregnancyObservations: CodeIndex<true>;
  /** Pregnancy-status answers: true = pregnant, false = not pregnant. */
  readonly pregnancyValues: CodeIndex<boolean>;
  readonly conditions: CodeIndex<ConditionMapping>;
  readonly procedures: CodeIndex<'transfusion'>;
  readonly medications: MedicationTables;
}
