// DORIS 2021 remission in SLE (van Vollenhoven et al., Lupus Sci Med 2021;8:e000538; domain.md
// §4.3). Met when: clinical SLEDAI-2K = 0 (serology ignored); physician global assessment < 0.5
// (0–3); prednisolone-equivalent ≤ 5 mg/day; and any immunosuppressives and biologics are stable
// (antimalarials allowed). No duration is part of it: "sustained" remission is counted elsewhere.
import { z } from 'zod';
import { type ExplanationParams, type ExplanationStep, step } from '../../explanation.ts';
import { ok, type Result } from '../../result.ts';
import { customIssue } from '../../validation.ts';
import { defineScore, type Scored } from '../score-definition.ts';
import { computeSledai2k, Sledai2kInput, serologicSledai2kItems } from '../sledai2k.ts';
import { dailyPrednisoneMg, glucocorticoidDoseFields, refineDoseSource } from './glucocorticoid-dose.ts';
import { PgaSchema } from './pga.ts';

export const DORIS_PGA_BELOW = 0.5;
export const DORIS_PREDNISONE_LIMIT_MG = 5;

/**
 * [A] §4.3: the abstract and text say "5 mg/day or less", the final-recommendation table prints
 * "< 5 mg/day". Default `at-most-5`; a protocol may choose `below-5`.
 */
export const DorisPrednisoneBound = { atMost5: 'at-most-5', below5: 'below-5' } as const;
export type DorisPrednisoneBound = (typeof DorisPrednisoneBound)[keyof typeof DorisPrednisoneBound];

/**
 * The DORIS input contract:
 * - `sledai2k`: `{ items: [SLEDAI-2K descriptor codes] }`; low-complement and
 *   increased-dna-binding are ignored (clinical SLEDAI-2K);
 * - `pga`: physician global assessment, 0–3;
 * - `prednisoneMgPerDay` (0–1000) or `glucocorticoids` (summed as prednisone-equivalent), not
 *   both; neither means no glucocorticoid;
 * - `immunosuppressantsStable`, `biologicsStable`: default true (also true for a patient on none);
 * - `prednisoneBound`: `at-most-5` (default) or `below-5`;
 * - `drugFree` (default false): also require no glucocorticoid (0 mg/day) and no
 *   immunosuppressant or biologic (antimalarials allowed). Then `onImmunosuppressants` and
 *   `onBiologics` are required: an unrecorded drug must not make a patient drug-free.
 */
export const DorisInput = z
  .strictObject({
    sledai2k: Sledai2kInput,
    pga: PgaSchema,
    ...glucocorticoidDoseFields,
    immunosuppressantsStable: z.boolean().optional(),
    biologicsStable: z.boolean().optional(),
    prednisoneBound: z.enum([DorisPrednisoneBound.atMost5, DorisPrednisoneBound.below5]).optional(),
    drugFree: z.boolean().optional(),
    onImmunosuppressants: z.boolean().optional(),
    onBiologics: z.boolean().optional(),
  })
  .superRefine((input, ctx) => {
    refineDoseSource(input, ctx);
    if (input.drugFree !== true) return;
    for (const field of ['onImmunosuppressants', 'onBiologics'] as const)
      if (input[field] === undefined) ctx.addIssue({ ...customIssue('required'), path: [field] });
  });
export type DorisInput = z.infer<typeof DorisInput>;

/** Each criterion (key) and the code it puts in `failed`; the prednisone key follows the bound. */
export const DorisFailure = {
  'clinical-sledai2k': 'clinical-sledai2k-not-0',
  pga: 'pga-not-below-0.5',
  'prednisone-at-most-5': 'prednisone-above-5',
  'prednisone-below-5': 'prednisone-not-below-5',
  immunosuppressants: 'immunosuppressants-not-stable',
  biologics: 'biologics-not-stable',
  'drug-free': 'not-drug-free',
} as const;
export type DorisFailure = (typeof DorisFailure)[keyof typeof DorisFailure];
export type DorisCriterion = keyof typeof DorisFailure;

export interface DorisOutput {
  readonly met: boolean;
  readonly failed: DorisFailure[];
}

/** Per criterion `doris.<criterion>.met|not-met`; what ignores serology or breaks drug-freedom; the verdict. */
export type DorisStep =
  | `doris.${DorisCriterion}.${'met' | 'not-met'}`
  | 'doris.serology-ignored'
  | `doris.drug-free.${'glucocorticoid' | 'immunosuppressants' | 'biologics'}`
  | 'doris.met'
  | 'doris.not-met';
// Typing each code as DorisStep keeps the emitted codes and the message catalogue in step.
const code = (c: DorisStep): DorisStep => c;

export function evaluateDoris(input: DorisInput): Result<Scored<DorisOutput>> {
  const dose = dailyPrednisoneMg(input);
  if (!dose.ok) return dose;
  const prednisone = dose.value.mgPerDay;
  const sledai = computeSledai2k(input.sledai2k.items);
  const clinicalItems = sledai.items.filter((i) => !serologicSledai2kItems.includes(i.code)).map((i) => i.code);
  const serologicItems = sledai.items.filter((i) => serologicSledai2kItems.includes(i.code)).map((i) => i.code);
  const bound = input.prednisoneBound ?? DorisPrednisoneBound.atMost5;
  const explanation: ExplanationStep[] = [...dose.value.explanation];
  if (serologicItems.length > 0) explanation.push(step(code('doris.serology-ignored'), { items: serologicItems }));

  const checks: Array<readonly [DorisCriterion, boolean, ExplanationParams]> = [
    ['clinical-sledai2k', sledai.clinical === 0, { clinical: sledai.clinical, items: clinicalItems }],
    ['pga', input.pga < DORIS_PGA_BELOW, { pga: input.pga, limit: DORIS_PGA_BELOW }],
    bound === DorisPrednisoneBound.below5
      ? ['prednisone-below-5', prednisone < DORIS_PREDNISONE_LIMIT_MG, { mgPerDay: prednisone, limit: DORIS_PREDNISONE_LIMIT_MG }]
      : ['prednisone-at-most-5', prednisone <= DORIS_PREDNISONE_LIMIT_MG, { mgPerDay: prednisone, limit: DORIS_PREDNISONE_LIMIT_MG }],
    ['immunosuppressants', input.immunosuppressantsStable !== false, {}],
    ['biologics', input.biologicsStable !== false, {}],
  ];
  // Drug-free DORIS (CAR-T endpoints, §4.3, §4.8): 0 mg glucocorticoid and no immunosuppressant
  // or biologic. A missing flag (possible only when the schema was bypassed) counts as "on".
  const breaches: ExplanationStep[] = [];
  if (input.drugFree === true) {
    if (prednisone > 0) breaches.push(step(code('doris.drug-free.glucocorticoid'), { mgPerDay: prednisone }));
    if (input.onImmunosuppressants !== false) breaches.push(step(code('doris.drug-free.immunosuppressants')));
    if (input.onBiologics !== false) breaches.push(step(code('doris.drug-free.biologics')));
    checks.push(['drug-free', breaches.length === 0, {}]);
  }
  const failed = checks.filter(([, met]) => !met).map(([criterion]) => DorisFailure[criterion]);
  explanation.push(
    ...checks.flatMap(([criterion, met, params]) => [
      ...(criterion === 'drug-free' ? breaches : []),
      step(code(`doris.${criterion}.${met ? 'met' : 'not-met'}`), params),
    ]),
    step(code(failed.length === 0 ? 'doris.met' : 'doris.not-met'), { failed }),
  );
  return ok({ output: { met: failed.length === 0, failed }, explanation });
}

/** `firstdose score doris`. */
export const doris = defineScore({ name: 'doris', input: DorisInput, compute: evaluateDoris });
