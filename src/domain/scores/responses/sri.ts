// SLE Responder Index, SRI-4 and SRI-n (domain.md §4.1; Furie et al., Arthritis Rheum 2009 and the
// belimumab BLISS trials). Responder at follow-up versus baseline when all three hold:
//   1. SLEDAI reduction ≥ n points (n = 4 for SRI-4; 5–8 for SRI-5…8);
//   2. BILAG-2004: no new A domain and at most one new B domain;
//   3. PGA: no worsening, i.e. an increase of less than 0.30 on the 0–3 scale.
// "No treatment failure", which some trials add as a fourth condition, is left to the trial layer.
import { z } from 'zod';
import { type ExplanationStep, step } from '../../explanation.ts';
import { ok } from '../../result.ts';
import { defineScore, type Scored } from '../score-definition.ts';
import { type BilagDomain, BilagInput, bilagVisit, newDomainsAt } from './bilag.ts';
import { PgaSchema, pgaHundredths } from './pga.ts';

export const SRI_DEFAULT_THRESHOLD = 4;
/** An increase of 0.30 or more is PGA worsening (§4.1), compared in hundredths. */
export const SRI_PGA_WORSENING_HUNDREDTHS = 30;
/** "No more than one new B" (§4.1). */
export const SRI_MAX_NEW_B = 1;

const SriVisit = z.strictObject({
  sledai2k: z.number().int().min(0).max(105),
  pga: PgaSchema,
  bilag: BilagInput,
});

/**
 * `{ baseline, followup, threshold? }`; each visit is `{ sledai2k, pga, bilag }` with sledai2k the
 * total (integer 0–105), pga 0–3 and bilag the BILAG-2004 grades by domain. `threshold` is n of
 * SRI-n, an integer 4–8, default 4.
 */
export const SriInput = z.strictObject({
  baseline: SriVisit,
  followup: SriVisit,
  threshold: z.number().int().min(4).max(8).optional(),
});
export type SriInput = z.infer<typeof SriInput>;

export interface SriOutput {
  readonly responder: boolean;
  readonly components: {
    readonly sledai: { baseline: number; followup: number; reduction: number; required: number; met: boolean };
    readonly bilag: { newA: BilagDomain[]; newB: BilagDomain[]; met: boolean };
    /** PGAs as compared, to two decimals; change = followup − baseline. */
    readonly pga: { baseline: number; followup: number; change: number; met: boolean };
  };
}

export const SriStep = {
  sledaiMet: 'sri.sledai-met',
  sledaiNotMet: 'sri.sledai-not-met',
  baselineBelowRequired: 'sri.baseline-below-required',
  bilagBaselineMissing: 'sri.bilag-baseline-missing-as-e',
  bilagFollowupMissing: 'sri.bilag-followup-missing-as-e',
  newA: 'sri.bilag-new-a',
  newB: 'sri.bilag-new-b',
  bilagMet: 'sri.bilag-met',
  bilagNotMet: 'sri.bilag-not-met',
  pgaMet: 'sri.pga-met',
  pgaNotMet: 'sri.pga-not-met',
  responder: 'sri.responder',
  notResponder: 'sri.not-responder',
} as const;
export type SriStep = (typeof SriStep)[keyof typeof SriStep];

export function evaluateSri(input: SriInput): Scored<SriOutput> {
  const required = input.threshold ?? SRI_DEFAULT_THRESHOLD;
  const explanation: ExplanationStep[] = [];

  const { baseline, followup } = input;
  const reduction = baseline.sledai2k - followup.sledai2k;
  const sledai = { baseline: baseline.sledai2k, followup: followup.sledai2k, reduction, required, met: reduction >= required };
  // SRI-5…8 analyses are usually restricted to baselines that allow the reduction (§4.1); we say
  // why such a patient cannot respond rather than exclude them, which is the analysis's choice.
  if (baseline.sledai2k < required) explanation.push(step(SriStep.baselineBelowRequired, { baseline: baseline.sledai2k, required }));
  explanation.push(step(sledai.met ? SriStep.sledaiMet : SriStep.sledaiNotMet, { baseline: sledai.baseline, followup: sledai.followup, reduction, required }));

  const before = bilagVisit(baseline.bilag);
  const after = bilagVisit(followup.bilag);
  if (before.missing.length > 0) explanation.push(step(SriStep.bilagBaselineMissing, { domains: before.missing }));
  if (after.missing.length > 0) explanation.push(step(SriStep.bilagFollowupMissing, { domains: after.missing }));
  const newA = newDomainsAt('A', before, after);
  const newB = newDomainsAt('B', before, after);
  for (const [code, domains] of [[SriStep.newA, newA], [SriStep.newB, newB]] as const)
    for (const domain of domains) explanation.push(step(code, { domain, baseline: before.grades[domain], followup: after.grades[domain] }));
  const bilag = { newA, newB, met: newA.length === 0 && newB.length <= SRI_MAX_NEW_B };
  explanation.push(step(bilag.met ? SriStep.bilagMet : SriStep.bilagNotMet, { newA: newA.length, newB: newB.length, maxNewB: SRI_MAX_NEW_B }));

  const from = pgaHundredths(baseline.pga);
  const to = pgaHundredths(followup.pga);
  // Integer hundredths divided by 100 give the same double as the decimal literal (29/100 === 0.29).
  const pga = { baseline: from / 100, followup: to / 100, change: (to - from) / 100, met: to - from < SRI_PGA_WORSENING_HUNDREDTHS };
  const pgaParams = { baseline: pga.baseline, followup: pga.followup, change: pga.change, limit: SRI_PGA_WORSENING_HUNDREDTHS / 100 };
  explanation.push(step(pga.met ? SriStep.pgaMet : SriStep.pgaNotMet, pgaParams));

  const responder = sledai.met && bilag.met && pga.met;
  explanation.push(step(responder ? SriStep.responder : SriStep.notResponder, { threshold: required }));
  return { output: { responder, components: { sledai, bilag, pga } }, explanation };
}

/** `firstdose score sri4`: SRI-4, or SRI-n with `threshold`. */
export const sri4 = defineScore({
  name: 'sri4',
  input: SriInput,
  compute: (input) => ok(evaluateSri(input)),
});
