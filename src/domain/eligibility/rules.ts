// The criterion language: a small typed tree, stored as data in the protocol file, never free text
// and never eval'd. Leaves read the patient record; all / any / not combine three-valued results.
// Every leaf that reads a lab takes the most recent value within the screening window (the
// protocol's `screening.windowDays`, or the leaf's own `lookbackDays`).
import { z } from 'zod';
import { observationFeatures } from './patient-record.ts';

const Comparison = z.enum(['>=', '>', '<=', '<']);
export type Comparison = z.infer<typeof Comparison>;

const Feature = z.enum(observationFeatures);
const lookbackDays = z.int().min(1).max(3650).optional();

/** Leaves. `type` names the check; the comments give its exact reading. */
const leaves = [
  /** Completed years of age at the reference date, inclusive bounds. */
  z.strictObject({ type: z.literal('age'), min: z.int().min(0).optional(), max: z.int().max(130).optional() }),
  /** The patient's recorded sex. */
  z.strictObject({ type: z.literal('sex'), is: z.enum(['female', 'male']) }),
  /** Most recent value in the window, converted to `unit`, compared with `value`. */
  z.strictObject({ type: z.literal('lab'), feature: Feature, op: Comparison, value: z.number(), unit: z.string(), lookbackDays }),
  /**
   * Most recent value compared with `multiple` × its ULN or LLN: the result's own reference range,
   * else the protocol's site range for the feature, else unknown.
   */
  z.strictObject({ type: z.literal('lab-vs-limit'), feature: Feature, op: Comparison, multiple: z.number().positive(), limit: z.enum(['uln', 'lln']), lookbackDays }),
  /** A qualitative positive: coded positive, or above the ULN for a quantity, or a titre ≥ `minDilution`. */
  z.strictObject({ type: z.literal('positive'), feature: Feature, minDilution: z.number().positive().optional(), anyDate: z.boolean().default(false) }),
  /** A coded negative result (e.g. a urine hCG) in the window. */
  z.strictObject({ type: z.literal('negative'), feature: Feature, lookbackDays }),
  /** SpO2 measured on room air, most recent in the window, ≥ `min` percent. */
  z.strictObject({ type: z.literal('spo2-room-air'), min: z.number() }),
  /** An active condition on record (absence of a record counts as absent). */
  z.strictObject({ type: z.literal('condition'), condition: z.enum(['sle', 'gilbert', 'pregnancy']), present: z.boolean().default(true) }),
  /** The condition's onset (else its recorded date) at least `minMonths` calendar months before the reference date. */
  z.strictObject({ type: z.literal('condition-since'), condition: z.enum(['sle', 'gilbert', 'pregnancy']), minMonths: z.int().min(0) }),
  /** No transfusion / no growth factor in the `days` days before the reference date. */
  z.strictObject({ type: z.literal('none-recent'), event: z.enum(['transfusion', 'growth-factor']), days: z.int().min(1) }),
  /**
   * The current regimen of the given classes started ≥ `minRegimenWeeks` before the reference date,
   * and no dose changed in the last `minDoseStableWeeks` (a dose change is a new statement).
   */
  z.strictObject({
    type: z.literal('stable-regimen'),
    classes: z.array(z.enum(['corticosteroid', 'hydroxychloroquine', 'immunosuppressant'])).min(1),
    minRegimenWeeks: z.int().min(0),
    minDoseStableWeeks: z.int().min(0),
  }),
  /**
   * Current total prednisone-equivalent mg/day (no glucocorticoid = 0) ≤ `max`, and ≥ `min` unless
   * an immunosuppressant is also being taken when `noMinimumWithImmunosuppressant`.
   */
  z.strictObject({
    type: z.literal('glucocorticoid-dose'),
    max: z.number().min(0),
    min: z.number().min(0).default(0),
    noMinimumWithImmunosuppressant: z.boolean().default(true),
  }),
  /** Distinct agents of the classes ever used (before the reference date) ≥ `min`. */
  z.strictObject({ type: z.literal('distinct-agents'), classes: z.array(z.enum(['hydroxychloroquine', 'immunosuppressant'])).min(1), min: z.int().min(1) }),
  /** SLEDAI-2K from the questionnaire: total ≥ `minTotal`, and clinical ≥ `minClinicalIfSerology` when a serological item is scored. */
  z.strictObject({ type: z.literal('sledai2k'), minTotal: z.int().min(0), minClinicalIfSerology: z.int().min(0).optional() }),
  /** Classified by the 2019 EULAR/ACR criteria: questionnaire answers, with the ANA entry criterion from the record. */
  z.strictObject({ type: z.literal('eular-acr-2019'), minAnaDilution: z.number().positive().default(80) }),
  /** Cockcroft–Gault creatinine clearance from age, sex, the latest weight and creatinine ≥ `min` mL/min. */
  z.strictObject({ type: z.literal('crcl'), min: z.number().positive(), weight: z.enum(['actual']).default('actual') }),
  /** A screening attestation answer: equal to `equals`, or within `min`/`max` for numbers. */
  z.strictObject({
    type: z.literal('answer'),
    questionnaire: z.enum(['sledai-2k', 'eular-acr-2019', 'screening-attestations']),
    linkId: z.string(),
    equals: z.union([z.boolean(), z.number(), z.string()]).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
  }),
] as const;

export type Leaf = z.infer<(typeof leaves)[number]>;

export type Rule =
  | Leaf
  | { type: 'all'; of: Rule[] }
  | { type: 'any'; of: Rule[] }
  | { type: 'not'; rule: Rule }
  /** Every measured part must hold, and at least `minMeasured` parts must be measured (unknown parts are skipped). */
  | { type: 'each-measured'; of: Rule[]; minMeasured: number }
  /** A protocol ambiguity: the rule of the case the protocol's switch selects. */
  | { type: 'switch'; name: string; cases: Record<string, Rule> };

export const Rule: z.ZodType<Rule> = z.lazy(() =>
  z.union([
    ...leaves,
    z.strictObject({ type: z.literal('all'), of: z.array(Rule).min(1) }),
    z.strictObject({ type: z.literal('any'), of: z.array(Rule).min(1) }),
    z.strictObject({ type: z.literal('not'), rule: Rule }),
    z.strictObject({ type: z.literal('each-measured'), of: z.array(Rule).min(1), minMeasured: z.int().min(1).default(1) }),
    z.strictObject({ type: z.literal('switch'), name: z.string().min(1), cases: z.record(z.string(), Rule) }),
  ]),
) as z.ZodType<Rule>;
