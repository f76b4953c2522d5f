// The clinical facts eligibility is decided from, independent of where they came from (a FHIR
// bundle, a bulk export, the trial database). Each fact keeps its source so that every result can
// show its evidence. A value that arrived but cannot be used (an unknown unit, an unreadable titre)
// is kept with its problem rather than dropped: the criterion then says why it is unknown.
import { z } from 'zod';
import { QuantitySchema } from '../units/index.ts';

/** Calendar date (YYYY-MM-DD) or date-time (ISO 8601); comparisons use the date part. */
export const ClinicalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/, 'date');

export const ObservationFeature = {
  anc: 'anc',
  alc: 'alc',
  hemoglobin: 'hemoglobin',
  inr: 'inr',
  aptt: 'aptt',
  lvef: 'lvef',
  spo2: 'spo2',
  alt: 'alt',
  ast: 'ast',
  bilirubin: 'bilirubin',
  creatinine: 'creatinine',
  weight: 'weight',
  c3: 'c3',
  c4: 'c4',
  antiDsDna: 'antiDsDna',
  anaTiter: 'anaTiter',
  urineHcg: 'urineHcg',
} as const;
export type ObservationFeature = (typeof ObservationFeature)[keyof typeof ObservationFeature];
export const observationFeatures = Object.values(ObservationFeature) as [ObservationFeature, ...ObservationFeature[]];

/** Why a received value cannot be used; the criterion reports it among what is missing. */
export const ValueProblem = z.strictObject({
  code: z.enum(['unknown_unit', 'incompatible_unit', 'unreadable_value', 'no_value']),
  detail: z.string().optional(),
});
export type ValueProblem = z.infer<typeof ValueProblem>;

export const ObservationValue = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('quantity'), quantity: QuantitySchema }),
  /** A titre as its reciprocal dilution: 1:160 → 160. */
  z.strictObject({ kind: z.literal('titer'), dilution: z.number().positive() }),
  z.strictObject({ kind: z.literal('coded'), result: z.enum(['positive', 'negative', 'indeterminate']) }),
  z.strictObject({ kind: z.literal('unusable'), problem: ValueProblem }),
]);
export type ObservationValue = z.infer<typeof ObservationValue>;

export const ObservationFact = z.strictObject({
  feature: z.enum(observationFeatures),
  date: ClinicalDate,
  value: ObservationValue,
  /** Reference limits from the result itself, in the value's unit (FHIR referenceRange). */
  lln: z.number().optional(),
  uln: z.number().optional(),
  /** SpO2 only: measured on room air (no supplemental oxygen), when the record says. */
  onRoomAir: z.boolean().optional(),
  /** Where it came from: `Observation/123`, and the code that mapped it. */
  source: z.string(),
  code: z.string().optional(),
});
export type ObservationFact = z.infer<typeof ObservationFact>;

export const ConditionKind = { sle: 'sle', gilbert: 'gilbert', pregnancy: 'pregnancy' } as const;
export type ConditionKind = (typeof ConditionKind)[keyof typeof ConditionKind];

export const ConditionFact = z.strictObject({
  kind: z.enum(['sle', 'gilbert', 'pregnancy']),
  /** Onset (else the recorded date): for SLE, the date of diagnosis. */
  onset: ClinicalDate.optional(),
  recorded: ClinicalDate.optional(),
  /** False when the record says the condition is resolved or refuted. */
  active: z.boolean().default(true),
  source: z.string(),
  code: z.string().optional(),
});
export type ConditionFact = z.infer<typeof ConditionFact>;

export const MedicationClass = {
  corticosteroid: 'corticosteroid',
  hydroxychloroquine: 'hydroxychloroquine',
  immunosuppressant: 'immunosuppressant',
  growthFactor: 'growth-factor',
  other: 'other',
} as const;
export type MedicationClass = (typeof MedicationClass)[keyof typeof MedicationClass];

export const MedicationFact = z.strictObject({
  class: z.enum(['corticosteroid', 'hydroxychloroquine', 'immunosuppressant', 'growth-factor', 'other']),
  /** The agent, by FirstDose's name (prednisone, mycophenolate, rituximab …): what "distinct" counts. */
  agent: z.string(),
  atc: z.string().optional(),
  /** One administration's dose. */
  dose: QuantitySchema.optional(),
  /** Administrations per day (FHIR timing.repeat frequency / period in days). */
  perDay: z.number().positive().optional(),
  start: ClinicalDate,
  /** Absent while still taken. A dose change is a new fact starting that day. */
  end: ClinicalDate.optional(),
  problem: ValueProblem.optional(),
  source: z.string(),
});
export type MedicationFact = z.infer<typeof MedicationFact>;

export const ProcedureFact = z.strictObject({
  kind: z.literal('transfusion'),
  date: ClinicalDate,
  source: z.string(),
  code: z.string().optional(),
});
export type ProcedureFact = z.infer<typeof ProcedureFact>;

export const QuestionnaireId = { sledai2k: 'sledai-2k', eularAcr2019: 'eular-acr-2019', attestations: 'screening-attestations' } as const;
export type QuestionnaireId = (typeof QuestionnaireId)[keyof typeof QuestionnaireId];

export const AnswerFact = z.strictObject({
  questionnaire: z.enum(['sledai-2k', 'eular-acr-2019', 'screening-attestations']),
  linkId: z.string(),
  value: z.union([z.boolean(), z.number(), z.string()]),
  /** When it was answered (QuestionnaireResponse.authored). */
  date: ClinicalDate.optional(),
  source: z.string(),
});
export type AnswerFact = z.infer<typeof AnswerFact>;

export const PatientRecord = z.strictObject({
  id: z.string().optional(),
  birthDate: ClinicalDate.optional(),
  sex: z.enum(['female', 'male', 'other', 'unknown']).optional(),
  observations: z.array(ObservationFact).default([]),
  conditions: z.array(ConditionFact).default([]),
  medications: z.array(MedicationFact).default([]),
  procedures: z.array(ProcedureFact).default([]),
  answers: z.array(AnswerFact).default([]),
});
export type PatientRecord = z.infer<typeof PatientRecord>;
export type PatientRecordInput = z.input<typeof PatientRecord>;
