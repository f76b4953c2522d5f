// Prednisone-equivalent daily dose (domain.md §6.2): dose × 5 mg ÷ the drug's equivalent dose.
// Keeping the equivalent doses (not rounded factors like 6.667) makes 1.5 mg dexamethasone exactly
// 10 mg prednisone. The table is configuration: sources differ for dexamethasone, betamethasone and
// deflazacort, so a protocol may override those.
import { z } from 'zod';
import { step } from '../explanation.ts';
import { ok, type Result } from '../result.ts';
import { QuantitySchema, tidy, valueIn } from '../units/index.ts';
import { customIssue } from '../validation.ts';
import { defineScore } from './score-definition.ts';

/** mg of each drug equivalent in anti-inflammatory potency to 5 mg prednisone. */
export const glucocorticoidEquivalentMg = {
  prednisone: 5,
  prednisolone: 5,
  methylprednisolone: 4,
  triamcinolone: 4,
  hydrocortisone: 20,
  cortisone: 25,
  dexamethasone: 0.75,
  betamethasone: 0.6,
  deflazacort: 6,
} as const;
export type Glucocorticoid = keyof typeof glucocorticoidEquivalentMg;
export const glucocorticoids = Object.keys(glucocorticoidEquivalentMg) as Glucocorticoid[];

export type GlucocorticoidTable = Readonly<Record<Glucocorticoid, number>>;

export const PrednisoneEquivalentInput = z.strictObject({
  drug: z.enum(glucocorticoids as [Glucocorticoid, ...Glucocorticoid[]]),
  dose: QuantitySchema.refine((q) => q.value >= 0, { ...customIssue('too_small', { minimum: 0, inclusive: true }), path: ['value'] }),
  timesPerDay: z.number().positive().max(24).optional(),
});
export type PrednisoneEquivalentInput = z.infer<typeof PrednisoneEquivalentInput>;

/** mg/day of prednisone equivalent to one drug's regimen; the dose must be in a mass unit. */
export function prednisoneEquivalentMgPerDay(
  input: PrednisoneEquivalentInput,
  table: GlucocorticoidTable = glucocorticoidEquivalentMg,
): Result<{ mgPerDay: number; doseMg: number; equivalentMg: number; timesPerDay: number }> {
  const doseMg = valueIn(input.dose, 'mg', { path: ['dose'] });
  if (!doseMg.ok) return doseMg;
  const drug = input.drug;
  const timesPerDay = input.timesPerDay ?? 1;
  const equivalentMg = table[drug];
  return ok({ mgPerDay: tidy((doseMg.value * timesPerDay * 5) / equivalentMg), doseMg: doseMg.value, equivalentMg, timesPerDay });
}

export const prednisoneEquivalentScore = defineScore({
  name: 'prednisone-equivalent',
  input: PrednisoneEquivalentInput,
  compute(input) {
    const r = prednisoneEquivalentMgPerDay(input);
    if (!r.ok) return r;
    const { mgPerDay, doseMg, equivalentMg, timesPerDay } = r.value;
    return ok({
      output: { mgPerDay },
      explanation: [step('prednisone-equivalent.formula', { drug: input.drug, doseMg, timesPerDay, equivalentMg, mgPerDay })],
    });
  },
});
