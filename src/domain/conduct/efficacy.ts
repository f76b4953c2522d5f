// Efficacy at one visit (issue 5): SLEDAI-2K and clinical SLEDAI-2K, SRI-4 against baseline,
// LLDAS, DORIS (and drug-free DORIS) and the prednisone-equivalent dose, each computed by the
// score modules (src/domain/scores), never re-implemented here. A visit rarely has everything: a
// measure whose inputs are missing is `null` and lists the missing inputs, so a report can say
// "LLDAS not assessable: visit.pga missing" rather than guess. A missing glucocorticoid record is
// missing, not zero: `glucocorticoids: []` records that none is taken.
import { z } from 'zod';
import { type ExplanationStep, step } from '../explanation.ts';
import { ok, type Result } from '../result.ts';
import {
  BilagInput,
  dailyPrednisoneMg,
  type DorisOutput,
  DorisPrednisoneBound,
  evaluateDoris,
  evaluateLldas,
  evaluateSri,
  type LldasOutput,
  PgaSchema,
  type SriOutput,
} from '../scores/responses/index.ts';
import { glucocorticoidDoseFields, refineDoseSource } from '../scores/responses/glucocorticoid-dose.ts';
import { computeSledai2k, Sledai2kInput } from '../scores/sledai2k.ts';
import { customIssue, parseInput } from '../validation.ts';

/** A SLEDAI-2K recorded only as totals; serology adds 0, 2 or 4 (low complement, anti-dsDNA). */
const SledaiTotals = z
  .strictObject({ total: z.int().min(0).max(105), clinical: z.int().min(0).max(105) })
  .refine((t) => [0, 2, 4].includes(t.total - t.clinical), { ...customIssue('invalid_value', { value: 'total − clinical' }), path: ['clinical'] });

export const EfficacyAssessment = z
  .strictObject({
    /** The descriptors present (`{ items }`), or the totals when only those were recorded. */
    sledai2k: z.union([Sledai2kInput, SledaiTotals]).optional(),
    pga: PgaSchema.optional(),
    bilag: BilagInput.optional(),
    ...glucocorticoidDoseFields,
    newFeatures: z.boolean().optional(),
    immunosuppressantsStandardDose: z.boolean().optional(),
    hemolyticAnemia: z.boolean().optional(),
    gastrointestinalActivity: z.boolean().optional(),
    immunosuppressantsStable: z.boolean().optional(),
    biologicsStable: z.boolean().optional(),
    onImmunosuppressants: z.boolean().optional(),
    onBiologics: z.boolean().optional(),
  })
  .superRefine(refineDoseSource);
export type EfficacyAssessment = z.input<typeof EfficacyAssessment>;

export const VisitEfficacyInput = z.strictObject({
  /** `null` at the baseline visit itself, or when baseline was not assessed. */
  baseline: EfficacyAssessment.nullable(),
  visit: EfficacyAssessment,
  sriThreshold: z.int().min(4).max(8).optional(),
  dorisPrednisoneBound: z.enum([DorisPrednisoneBound.atMost5, DorisPrednisoneBound.below5]).optional(),
});
export type VisitEfficacyInput = z.input<typeof VisitEfficacyInput>;

export const EfficacyMeasure = {
  sledai2k: 'sledai2k',
  clinicalSledai: 'clinicalSledai',
  sri4: 'sri4',
  lldas: 'lldas',
  doris: 'doris',
  dorisDrugFree: 'dorisDrugFree',
  prednisone: 'prednisoneEquivalentMgPerDay',
} as const;
export type EfficacyMeasure = (typeof EfficacyMeasure)[keyof typeof EfficacyMeasure];

export interface VisitEfficacy {
  readonly sledai2k: number | null;
  readonly clinicalSledai: number | null;
  readonly sri4: SriOutput | null;
  readonly lldas: LldasOutput | null;
  readonly doris: DorisOutput | null;
  readonly dorisDrugFree: DorisOutput | null;
  readonly prednisoneEquivalentMgPerDay: number | null;
  /** For each measure that is `null`, the inputs it needs and did not get (`visit.pga`). */
  readonly missing: Partial<Record<EfficacyMeasure, string[]>>;
  readonly explanation: readonly ExplanationStep[];
}

type Assessment = z.infer<typeof EfficacyAssessment>;

const sledaiOf = (a: Assessment | null) => {
  const s = a?.sledai2k;
  if (s === undefined) return null;
  if ('items' in s) {
    const r = computeSledai2k(s.items);
    return { total: r.total, clinical: r.clinical, items: s.items };
  }
  return { total: s.total, clinical: s.clinical, items: null };
};

export function visitEfficacy(input: VisitEfficacyInput): Result<VisitEfficacy> {
  const parsed = parseInput(VisitEfficacyInput, input);
  if (!parsed.ok) return parsed;
  const { baseline, visit, sriThreshold, dorisPrednisoneBound } = parsed.value;
  const explanation: ExplanationStep[] = [];
  const missing: Partial<Record<EfficacyMeasure, string[]>> = {};
  /** The names of the absent inputs; records them against the measure when there are any. */
  const need = (measure: EfficacyMeasure, inputs: Record<string, unknown>): boolean => {
    const absent = Object.entries(inputs).filter(([, v]) => v === undefined || v === null).map(([k]) => k);
    if (absent.length === 0) return true;
    missing[measure] = absent;
    explanation.push(step('conduct.efficacy.missing', { measure, inputs: absent }));
    return false;
  };

  let prednisone: number | null = null;
  const doseGiven = visit.prednisoneMgPerDay !== undefined || visit.glucocorticoids !== undefined;
  if (need(EfficacyMeasure.prednisone, { 'visit.glucocorticoids': doseGiven ? true : undefined })) {
    const dose = dailyPrednisoneMg(visit);
    if (!dose.ok) return { ok: false, issues: dose.issues.map((i) => ({ ...i, path: ['visit', ...i.path] })) };
    prednisone = dose.value.mgPerDay;
    explanation.push(...dose.value.explanation);
  }

  const now = sledaiOf(visit);
  const before = sledaiOf(baseline);
  need(EfficacyMeasure.sledai2k, { 'visit.sledai2k': now });
  need(EfficacyMeasure.clinicalSledai, { 'visit.sledai2k': now });

  let sri4: SriOutput | null = null;
  const sriInputs = {
    baseline: baseline ?? undefined,
    'baseline.sledai2k': baseline ? before : true,
    'baseline.pga': baseline ? baseline.pga : true,
    'baseline.bilag': baseline ? baseline.bilag : true,
    'visit.sledai2k': now,
    'visit.pga': visit.pga,
    'visit.bilag': visit.bilag,
  };
  if (need(EfficacyMeasure.sri4, sriInputs)) {
    const at = (s: { total: number }, a: Assessment) => ({ sledai2k: s.total, pga: a.pga!, bilag: a.bilag! });
    const scored = evaluateSri({ baseline: at(before!, baseline!), followup: at(now!, visit), ...(sriThreshold ? { threshold: sriThreshold } : {}) });
    sri4 = scored.output;
    explanation.push(...scored.explanation);
  }

  const items = now?.items ?? undefined;
  let lldas: LldasOutput | null = null;
  const lldasInputs = {
    'visit.sledai2k.items': items,
    'visit.newFeatures': visit.newFeatures,
    'visit.pga': visit.pga,
    'visit.glucocorticoids': prednisone,
    'visit.immunosuppressantsStandardDose': visit.immunosuppressantsStandardDose,
  };
  if (need(EfficacyMeasure.lldas, lldasInputs)) {
    const flags = { hemolyticAnemia: visit.hemolyticAnemia, gastrointestinalActivity: visit.gastrointestinalActivity };
    const scored = evaluateLldas({
      sledai2k: { items: items! },
      newFeatures: visit.newFeatures!,
      pga: visit.pga!,
      prednisoneMgPerDay: prednisone!,
      immunosuppressantsStandardDose: visit.immunosuppressantsStandardDose!,
      ...Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined)),
    });
    if (scored.ok) {
      lldas = scored.value.output;
      explanation.push(...scored.value.explanation);
    }
  }

  const dorisInputs = { 'visit.sledai2k.items': items, 'visit.pga': visit.pga, 'visit.glucocorticoids': prednisone };
  const dorisBase = () => ({
    sledai2k: { items: items! },
    pga: visit.pga!,
    prednisoneMgPerDay: prednisone!,
    ...(visit.immunosuppressantsStable !== undefined ? { immunosuppressantsStable: visit.immunosuppressantsStable } : {}),
    ...(visit.biologicsStable !== undefined ? { biologicsStable: visit.biologicsStable } : {}),
    ...(dorisPrednisoneBound ? { prednisoneBound: dorisPrednisoneBound } : {}),
  });
  let doris: DorisOutput | null = null;
  if (need(EfficacyMeasure.doris, dorisInputs)) {
    const scored = evaluateDoris(dorisBase());
    if (scored.ok) {
      doris = scored.value.output;
      explanation.push(...scored.value.explanation);
    }
  }
  let dorisDrugFree: DorisOutput | null = null;
  const drugFreeInputs = { ...dorisInputs, 'visit.onImmunosuppressants': visit.onImmunosuppressants, 'visit.onBiologics': visit.onBiologics };
  if (need(EfficacyMeasure.dorisDrugFree, drugFreeInputs)) {
    const scored = evaluateDoris({ ...dorisBase(), drugFree: true, onImmunosuppressants: visit.onImmunosuppressants!, onBiologics: visit.onBiologics! });
    if (scored.ok) dorisDrugFree = scored.value.output;
  }

  return ok({
    sledai2k: now?.total ?? null,
    clinicalSledai: now?.clinical ?? null,
    sri4,
    lldas,
    doris,
    dorisDrugFree,
    prednisoneEquivalentMgPerDay: prednisone,
    missing,
    explanation,
  });
}
