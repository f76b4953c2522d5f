// Cytokine release syndrome, ASTCT 2019 consensus grading (Lee et al., Biol Blood Marrow Transplant
// 2019;25:625-638; shared/domain/domain.md §5.3): fever ≥ 38.0 °C with hypotension and/or hypoxia,
// graded by the more severe of the two. Fever is no longer required once antipyretic or
// anti-cytokine treatment (tocilizumab, steroids) was given. Vasopressin with one pressor counts as
// one vasopressor (case R4): the caller records that as `one-vasopressor`.
import { z } from 'zod';
import { type ExplanationStep, step } from '../explanation.ts';
import { defineScore, type Scored } from '../scores/score-definition.ts';
import { ok } from '../result.ts';
import { customIssue } from '../validation.ts';
import { possibleTemperatureC } from './body-temperature.ts';
import { SafetyGrade, worstGrade } from './grade.ts';

export const Hypotension = {
  none: 'none',
  fluids: 'fluids',
  oneVasopressor: 'one-vasopressor',
  multipleVasopressors: 'multiple-vasopressors',
} as const;
export type Hypotension = (typeof Hypotension)[keyof typeof Hypotension];

export const OxygenSupport = {
  none: 'none',
  lowFlow: 'low-flow',
  highFlow: 'high-flow',
  positivePressure: 'positive-pressure',
} as const;
export type OxygenSupport = (typeof OxygenSupport)[keyof typeof OxygenSupport];

/** ASTCT: fever is a temperature ≥ 38.0 °C. */
export const crsFeverThresholdC = 38.0;

const hypotensionGrade: Readonly<Record<Hypotension, SafetyGrade>> = {
  none: 0,
  fluids: 2, // not requiring vasopressors
  'one-vasopressor': 3, // with or without vasopressin
  'multiple-vasopressors': 4, // excluding vasopressin
};

const oxygenGrade: Readonly<Record<OxygenSupport, SafetyGrade>> = {
  none: 0,
  'low-flow': 2, // nasal cannula ≤ 6 L/min or blow-by
  'high-flow': 3, // nasal cannula > 6 L/min, facemask, non-rebreather or Venturi mask
  'positive-pressure': 4, // CPAP, BiPAP, intubation and mechanical ventilation
};

export const CrsInput = z
  .strictObject({
    feverC: z.number().optional(),
    /** Antipyretic or anti-cytokine treatment (tocilizumab, steroids) was given. */
    antiCytokineGiven: z.boolean().optional(),
    hypotension: z.enum(Object.values(Hypotension) as [Hypotension, ...Hypotension[]]),
    oxygen: z.enum(Object.values(OxygenSupport) as [OxygenSupport, ...OxygenSupport[]]),
  })
  .superRefine((input, ctx) => {
    const t = input.feverC;
    if (t !== undefined && (t < possibleTemperatureC.minimum || t > possibleTemperatureC.maximum))
      ctx.addIssue({ ...customIssue('out_of_range', { value: t, ...possibleTemperatureC }), path: ['feverC'] });
  });
export type CrsInput = z.infer<typeof CrsInput>;

export interface CrsOutput {
  readonly grade: SafetyGrade;
}

/** Grades CRS from input that passed `CrsInput`. */
export function gradeCrs(input: CrsInput): Scored<CrsOutput> {
  const steps: ExplanationStep[] = [];
  const treated = input.antiCytokineGiven === true;
  const febrile = input.feverC !== undefined && input.feverC >= crsFeverThresholdC;

  if (input.feverC === undefined) steps.push(step('crs.temperature-not-recorded'));
  else steps.push(step(febrile ? 'crs.fever' : 'crs.no-fever', { temperature: input.feverC, threshold: crsFeverThresholdC }));

  if (!febrile && !treated) {
    // Without fever, hypotension or hypoxia is not graded as CRS unless treatment masked the fever.
    steps.push(step('crs.no-fever-no-treatment'));
    return { output: { grade: SafetyGrade.none }, explanation: steps };
  }
  if (!febrile) steps.push(step('crs.fever-not-required-after-treatment'));

  const hypotension = hypotensionGrade[input.hypotension];
  const oxygen = oxygenGrade[input.oxygen];
  if (hypotension > 0) steps.push(step(`crs.hypotension-${input.hypotension}`, { grade: hypotension }));
  if (oxygen > 0) steps.push(step(`crs.oxygen-${input.oxygen}`, { grade: oxygen }));

  const grade = worstGrade(febrile ? SafetyGrade.mild : SafetyGrade.none, hypotension, oxygen);
  steps.push(step(grade === SafetyGrade.none ? 'crs.no-findings-after-treatment' : 'crs.most-severe', { grade }));
  return { output: { grade }, explanation: steps };
}

export const crsScore = defineScore({
  name: 'crs',
  input: CrsInput,
  compute: (input) => ok(gradeCrs(input)),
});
