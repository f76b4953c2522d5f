import { z } from 'zod';
import { QuantitySchema } from '../units/index.ts';
import { ctcaeTerms } from './ctcae-terms.ts';
import type { SafetyGrade } from './grade.ts';

/** LLN, ULN or baseline: a bare number in the value's unit, or a quantity in any compatible unit. */
export const CtcaeReference = z.union([z.number(), QuantitySchema]);
export type CtcaeReference = z.infer<typeof CtcaeReference>;

/** The `firstdose score ctcae` input. */
export const CtcaeInput = z.strictObject({
  term: z.enum(ctcaeTerms),
  value: QuantitySchema,
  lln: CtcaeReference.optional(),
  uln: CtcaeReference.optional(),
  baseline: CtcaeReference.optional(),
  /** Fever only: hours above 40.0 °C, which separates grade 3 (≤ 24 h) from grade 4 (> 24 h). */
  durationHours: z.number().min(0).optional(),
  /** INR only: CTCAE grades an anticoagulated patient's INR by multiples of baseline. */
  anticoagulated: z.boolean().optional(),
});
export type CtcaeInput = z.infer<typeof CtcaeInput>;

/** Exactly the contract's output: the grade and the CTCAE criterion text that fired. */
export interface CtcaeOutput {
  readonly grade: SafetyGrade;
  readonly rule: string;
}
