// Lupus Low Disease Activity State (Franklyn et al., Ann Rheum Dis 2016;75:1615–21; domain.md
// §4.2). Met when all five hold:
//   1. SLEDAI-2K ≤ 4 (serology may count towards the 4), with no activity in major organ systems
//      (renal, CNS, cardiopulmonary, vasculitis, fever) and no haemolytic anaemia or GI activity;
//   2. no new features of lupus activity since the previous assessment;
//   3. SELENA-SLEDAI PGA (0–3) ≤ 1;
//   4. prednisolone (or equivalent) ≤ 7.5 mg/day;
//   5. well-tolerated standard maintenance doses of immunosuppressants and approved biologics.
import { z } from 'zod';
import { type ExplanationParams, type ExplanationStep, step } from '../../explanation.ts';
import { ok, type Result } from '../../result.ts';
import { defineScore, type Scored } from '../score-definition.ts';
import { computeSledai2k, type Sledai2kItem, Sledai2kInput } from '../sledai2k.ts';
import { dailyPrednisoneMg, glucocorticoidDoseFields, refineDoseSource } from './glucocorticoid-dose.ts';
import { PgaSchema } from './pga.ts';

export const LLDAS_SLEDAI2K_MAX = 4;
export const LLDAS_PGA_MAX = 1;
export const LLDAS_PREDNISONE_MAX_MG = 7.5;

/**
 * SLEDAI-2K descriptors of the major organ systems named in criterion 1 (§4.2 mapping, [R]):
 * CNS, vasculitis, renal, cardiopulmonary (serositis) and fever. Any one of them fails LLDAS
 * even when the total is ≤ 4 (proteinuria alone scores exactly 4: case L3).
 */
export const lldasMajorOrganItems: readonly Sledai2kItem[] = [
  'seizure',
  'psychosis',
  'organic-brain-syndrome',
  'visual-disturbance',
  'cranial-nerve-disorder',
  'lupus-headache',
  'cva',
  'vasculitis',
  'urinary-casts',
  'hematuria',
  'proteinuria',
  'pyuria',
  'pleurisy',
  'pericarditis',
  'fever',
];

/**
 * The LLDAS input contract:
 * - `sledai2k`: `{ items: [SLEDAI-2K descriptor codes] }` present at this visit;
 * - `newFeatures`: any new feature of lupus activity since the previous assessment (criterion 2);
 * - `pga`: SELENA-SLEDAI PGA, 0–3;
 * - `prednisoneMgPerDay` (0–1000) or `glucocorticoids` (the day's systemic glucocorticoids, summed
 *   as prednisone-equivalent), not both; neither means no glucocorticoid;
 * - `immunosuppressantsStandardDose`: criterion 5 holds, i.e. any immunosuppressants and approved
 *   biologics are at well-tolerated standard maintenance doses and no investigational drug is
 *   taken for lupus. True for a patient on none;
 * - `hemolyticAnemia`, `gastrointestinalActivity`: investigator flags, default false (these are
 *   not SLEDAI-2K descriptors; BILAG-2004 haematological and GI domains are one source).
 */
export const LldasInput = z
  .strictObject({
    sledai2k: Sledai2kInput,
    newFeatures: z.boolean(),
    pga: PgaSchema,
    ...glucocorticoidDoseFields,
    immunosuppressantsStandardDose: z.boolean(),
    hemolyticAnemia: z.boolean().optional(),
    gastrointestinalActivity: z.boolean().optional(),
  })
  .superRefine(refineDoseSource);
export type LldasInput = z.infer<typeof LldasInput>;

/** Each criterion (key) and the code it puts in `failed` when not met, in the definition's order. */
export const LldasFailure = {
  sledai2k: 'sledai2k-above-4',
  'major-organ': 'major-organ-activity',
  'hemolytic-anemia': 'hemolytic-anemia',
  gastrointestinal: 'gastrointestinal-activity',
  'new-features': 'new-features',
  pga: 'pga-above-1',
  prednisone: 'prednisone-above-7.5',
  immunosuppressants: 'immunosuppressants-not-standard',
} as const;
export type LldasFailure = (typeof LldasFailure)[keyof typeof LldasFailure];
export type LldasCriterion = keyof typeof LldasFailure;
export const lldasCriteria = Object.keys(LldasFailure) as LldasCriterion[];

export interface LldasOutput {
  readonly met: boolean;
  readonly failed: LldasFailure[];
}

/** Every criterion explains itself as `lldas.<criterion>.met` or `.not-met`; then the verdict. */
export type LldasStep = `lldas.${LldasCriterion}.${'met' | 'not-met'}` | 'lldas.met' | 'lldas.not-met';

export function evaluateLldas(input: LldasInput): Result<Scored<LldasOutput>> {
  const dose = dailyPrednisoneMg(input);
  if (!dose.ok) return dose;
  const sledai = computeSledai2k(input.sledai2k.items);
  const majorItems = sledai.items.map((i) => i.code).filter((code) => lldasMajorOrganItems.includes(code));
  const prednisone = dose.value.mgPerDay;

  // Each: [criterion, met, the numbers compared]. Thresholds are exact binary numbers (4, 1, 7.5),
  // so comparing the given values directly is exact.
  const checks: ReadonlyArray<readonly [LldasCriterion, boolean, ExplanationParams]> = [
    ['sledai2k', sledai.total <= LLDAS_SLEDAI2K_MAX, { total: sledai.total, limit: LLDAS_SLEDAI2K_MAX }],
    ['major-organ', majorItems.length === 0, { items: majorItems }],
    ['hemolytic-anemia', input.hemolyticAnemia !== true, {}],
    ['gastrointestinal', input.gastrointestinalActivity !== true, {}],
    ['new-features', !input.newFeatures, {}],
    ['pga', input.pga <= LLDAS_PGA_MAX, { pga: input.pga, limit: LLDAS_PGA_MAX }],
    ['prednisone', prednisone <= LLDAS_PREDNISONE_MAX_MG, { mgPerDay: prednisone, limit: LLDAS_PREDNISONE_MAX_MG }],
    ['immunosuppressants', input.immunosuppressantsStandardDose, {}],
  ];
  const failed = checks.filter(([, met]) => !met).map(([criterion]) => LldasFailure[criterion]);
  // Typing each code as LldasStep keeps the emitted codes and the message catalogue in step.
  const code = (c: LldasStep): LldasStep => c;
  const explanation: ExplanationStep[] = [
    ...dose.value.explanation,
    ...checks.map(([criterion, met, params]) => step(code(`lldas.${criterion}.${met ? 'met' : 'not-met'}`), params)),
    step(code(failed.length === 0 ? 'lldas.met' : 'lldas.not-met'), { failed }),
  ];
  return ok({ output: { met: failed.length === 0, failed }, explanation });
}

/** `firstdose score lldas`. */
export const lldas = defineScore({ name: 'lldas', input: LldasInput, compute: evaluateLldas });
