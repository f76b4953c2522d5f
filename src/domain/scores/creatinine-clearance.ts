// Cockcroft–Gault creatinine clearance (Cockcroft & Gault, Nephron 1976;16:31–41; domain.md §6.1):
// (140 − age) × weight / (72 × SCr mg/dL), × 0.85 for women, in mL/min, not normalised to body
// surface. Creatinine in µmol/L converts with the exact 88.4 factor: the rounded SI shortcuts can
// flip a result near the HN2301 threshold of 50 mL/min. Actual body weight is the default, as in
// the original equation; ideal (Devine) and adjusted weights are the protocol switches of §6.1.
import { z } from 'zod';
import { step } from '../explanation.ts';
import { ok, type Result } from '../result.ts';
import { QuantitySchema, tidy, valueIn } from '../units/index.ts';
import { customIssue } from '../validation.ts';
import { defineScore } from './score-definition.ts';

export const CrclWeight = { actual: 'actual', ideal: 'ideal', adjusted: 'adjusted' } as const;
export type CrclWeight = (typeof CrclWeight)[keyof typeof CrclWeight];

export const CrclInput = z
  .strictObject({
    // The equation is validated in adults; 120 is the oldest plausible age.
    age: z.number().min(18).max(120),
    sex: z.enum(['female', 'male']),
    weightKg: z.number().positive().max(500),
    creatinine: QuantitySchema.refine((q) => q.value > 0, { ...customIssue('must_be_positive'), path: ['value'] }),
    weight: z.enum(['actual', 'ideal', 'adjusted']).optional(),
    heightCm: z.number().min(50).max(272).optional(),
  })
  .refine((i) => (i.weight ?? 'actual') === 'actual' || i.heightCm !== undefined, {
    ...customIssue('required'),
    path: ['heightCm'],
  });
export type CrclInput = z.infer<typeof CrclInput>;

/** Devine ideal body weight: 50 kg (men) or 45.5 kg (women) + 2.3 kg per inch over 5 feet. */
export function idealBodyWeightKg(sex: 'female' | 'male', heightCm: number): number {
  return (sex === 'male' ? 50 : 45.5) + 2.3 * (heightCm / 2.54 - 60);
}

function weightFor(input: CrclInput): number {
  const kind = input.weight ?? 'actual';
  if (kind === 'actual' || input.heightCm === undefined) return input.weightKg;
  const ideal = idealBodyWeightKg(input.sex, input.heightCm);
  return kind === 'ideal' ? ideal : ideal + 0.4 * (input.weightKg - ideal);
}

export function cockcroftGault(input: CrclInput): Result<{ mlPerMin: number; creatinineMgPerDl: number; weightKg: number }> {
  const creatinine = valueIn(input.creatinine, 'mg/dL', { analyte: 'creatinine', path: ['creatinine'] });
  if (!creatinine.ok) return creatinine;
  const weightKg = weightFor(input);
  const male = ((140 - input.age) * weightKg) / (72 * creatinine.value);
  const mlPerMin = tidy(input.sex === 'female' ? male * 0.85 : male);
  return ok({ mlPerMin, creatinineMgPerDl: creatinine.value, weightKg: tidy(weightKg) });
}

export const crclScore = defineScore({
  name: 'crcl',
  input: CrclInput,
  compute(input) {
    const r = cockcroftGault(input);
    if (!r.ok) return r;
    return ok({
      output: { mlPerMin: r.value.mlPerMin },
      explanation: [
        step('crcl.formula', {
          age: input.age,
          weightKg: r.value.weightKg,
          weight: input.weight ?? 'actual',
          creatinineMgPerDl: tidy(r.value.creatinineMgPerDl),
          sexFactor: input.sex === 'female' ? 0.85 : 1,
          mlPerMin: r.value.mlPerMin,
        }),
      ],
    });
  },
});
