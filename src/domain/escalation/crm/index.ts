// One-parameter CRM (dfcrm 0.2-2.1): fits that reproduce crm() (fitCrm), skeleton calibration
// (crmGetPrior), a fast Bayesian fitter for simulations (createCrmFastFitter), the design rules
// (crmNextDose), the live recommendation (crmRecommend) and the design compiled for operating
// characteristics (createCrmStepper).
export { type CrmCurve, crmCurve, overdoseThreshold, toxAt } from './crm-curve.ts';
export { CrmCountData, CrmData, CrmPatientData } from './crm-data.ts';
export { type CrmDesign, CrmDesignConfig, type CrmDesignConfigInput, crmDesign } from './crm-design.ts';
export { type DfcrmEstimate, dfcrmEstimate } from './crm-dfcrm-estimate.ts';
export { type CrmFastFit, type CrmFastFitter, type CrmFastOptions, createCrmFastFitter } from './crm-fast-fitter.ts';
export { type CrmFit, fitCrm, fitCrmParsed } from './crm-fit.ts';
export { CrmFitInput, type CrmFitRequest, crmFitFields, refineCrmFit } from './crm-fit-input.ts';
export { CrmGetPriorInput, crmGetPrior } from './crm-getprior.ts';
export { patientTerms, type PatientTerms } from './crm-integrands.ts';
export { crmMtdIndex, CrmMtdRule, crmMtdRule } from './crm-mtd.ts';
export { CrmAction, type CrmRecommendation, CrmRecommendInput, crmRecommend } from './crm-recommend.ts';
export {
  CRM_SAFETY_THRESHOLD,
  type CrmDecisionInput,
  CrmDecisionStep,
  CrmNoSkipFrom,
  crmNextDose,
  CrmRules,
  type CrmRulesInput,
  DEFAULT_CRM_RULES,
} from './crm-rules.ts';
export { CRM_DEFAULTS, CrmMethod, CrmModel, CrmSpec, type CrmSpecInput, crmSpecFields, refineCrmSpec } from './crm-spec.ts';
export { type CrmStepper, type CrmStepperOptions, createCrmStepper } from './crm-stepper.ts';
export { type IntegrateOptions, type IntegrateResult, IntegrateStatus, rIntegrate } from './numeric/r-integrate.ts';
export { brentFmin, type OptimizeResult, rOptimize } from './numeric/r-optimize.ts';
export { rQnorm } from './numeric/r-qnorm.ts';
