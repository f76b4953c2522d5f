// Lupus response and remission definitions: SRI-4/SRI-n, LLDAS (2016) and DORIS (2021).
export { type BilagDomain, BilagGrade, BilagInput, bilagDomains } from './bilag.ts';
export {
  DORIS_PGA_BELOW,
  DORIS_PREDNISONE_LIMIT_MG,
  type DorisCriterion,
  DorisFailure,
  DorisInput,
  type DorisOutput,
  DorisPrednisoneBound,
  type DorisStep,
  doris,
  evaluateDoris,
} from './doris.ts';
export { type DailyPrednisone, DoseStep, dailyPrednisoneMg, type GlucocorticoidDoseInput } from './glucocorticoid-dose.ts';
export {
  evaluateLldas,
  LLDAS_PGA_MAX,
  LLDAS_PREDNISONE_MAX_MG,
  LLDAS_SLEDAI2K_MAX,
  type LldasCriterion,
  LldasFailure,
  LldasInput,
  type LldasOutput,
  type LldasStep,
  lldas,
  lldasCriteria,
  lldasMajorOrganItems,
} from './lldas.ts';
export { PgaSchema, pgaHundredths } from './pga.ts';
export {
  evaluateSri,
  SRI_DEFAULT_THRESHOLD,
  SRI_MAX_NEW_B,
  SRI_PGA_WORSENING_HUNDREDTHS,
  SriInput,
  type SriOutput,
  SriStep,
  sri4,
} from './sri.ts';
