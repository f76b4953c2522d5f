// The dose-escalation engine (src/domain/escalation: BOIN, 3+3, live decisions with pending
// patients, the design contract, operating characteristics, CRM fits): `explain.<code>` for every
// explanation step, `reason.<code>` for every Decision/MtdSelection reason, `issue.<code>` for the
// issue codes not already in issues.ts. Reasons carry no parameters; explanation steps use exactly
// the parameters the domain passes. The rule, reason and decision codes are typed by the domain's
// code unions, so a BOIN or 3+3 rule without a message does not compile.
//
// Parameters whose value is itself a code (decision kind, 3+3 variant, CRM model, method, MTD rule,
// integral and integration status) are phrased through i18next nesting, `$t(escalation.….{{param}})`,
// so that no English code word reaches a Chinese sentence; the `escalation.*` keys below are only
// those nested phrases.
import type {
  BoinRule,
  BoinSelectReason,
  DecisionKind,
  PendingReason,
  ThreePlusThreeRule,
  ThreePlusThreeVariant,
} from '../../domain/escalation/index.ts';
import type { MessageFragment } from './fragment.ts';

/** Steps that are not also a rule or reason code. */
type OtherStep =
  | 'boin.counts'
  | 'boin.boundaries'
  | 'boin.eliminated-from'
  | 'boin.extrasafe-boundary'
  | 'boin.n-earlystop-reached'
  | 'boin.mtd-elimination'
  | 'boin.mtd-estimates'
  | '3+3.counts'
  | '3+3.trial-not-over'
  | 'pending-outcome'
  | 'crm_model'
  | 'crm_data'
  | 'crm_estimate'
  | 'crm_variance_negative'
  | 'crm_ptox'
  | 'crm_mtd'
  | 'crm_overdose_probability';
type StepCode = BoinRule | BoinSelectReason | ThreePlusThreeRule | PendingReason | OtherStep;
type ReasonCode = BoinRule | BoinSelectReason | ThreePlusThreeRule | '3+3.trial-not-over' | typeof PendingReason.CouldChange;
type IssueCode =
  | 'invalid_outcome_token'
  | 'length_mismatch'
  | 'not_count'
  | 'not_probability'
  | 'duplicate_id'
  | 'unknown_patient'
  | 'boin_p_saf_too_close'
  | 'boin_p_tox_too_close'
  | 'oc_no_termination'
  | 'contract_start'
  | 'contract_wait_on_complete_data'
  | 'contract_stop_with_dose'
  | 'contract_dose_out_of_range'
  | 'contract_skipped_dose'
  | 'contract_kind_mismatch'
  | 'contract_not_deterministic'
  | 'contract_kernel_disagrees'
  | 'contract_selection_disagrees'
  | 'not_increasing'
  | 'crm_intercept_too_small'
  | 'crm_mle_not_exist'
  | 'crm_integration_failed';
// Values of the code-valued parameters (crm/crm-spec.ts CrmModel, CrmMethod; crm/crm-mtd.ts
// CrmMtdRule; crm/crm-fit.ts integral names; crm/numeric/r-integrate.ts IntegrateStatus).
type CrmModelCode = 'empiric' | 'logistic';
type CrmMethodCode = 'bayes' | 'mle';
type CrmMtdRuleCode = 'closest' | 'all_below_target' | 'all_above_target';
type CrmIntegralCode = 'normaliser' | 'first_moment' | 'second_moment';
type IntegrateStatusCode =
  | 'ok'
  | 'max_subdivisions'
  | 'roundoff'
  | 'bad_integrand'
  | 'extrapolation_roundoff'
  | 'divergent'
  | 'invalid_input'
  | 'non_finite_value';

interface EscalationMessages {
  readonly explain: Readonly<Record<StepCode, string>>;
  readonly reason: Readonly<Record<ReasonCode, string>>;
  readonly issue: Readonly<Record<IssueCode, string>>;
  readonly decision: Readonly<Record<DecisionKind, string>>;
  readonly variant: Readonly<Record<ThreePlusThreeVariant, string>>;
  readonly crmModel: Readonly<Record<CrmModelCode, string>>;
  readonly crmMethod: Readonly<Record<CrmMethodCode, string>>;
  readonly crmMtdRule: Readonly<Record<CrmMtdRuleCode, string>>;
  readonly crmIntegral: Readonly<Record<CrmIntegralCode, string>>;
  readonly integrateStatus: Readonly<Record<IntegrateStatusCode, string>>;
}

const prefixed = (prefix: string, m: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [`${prefix}${k}`, v]));

const flatten = (m: EscalationMessages): Record<string, string> => ({
  ...prefixed('explain.', m.explain),
  ...prefixed('reason.', m.reason),
  ...prefixed('issue.', m.issue),
  ...prefixed('escalation.decision.', m.decision),
  ...prefixed('escalation.three-plus-three.variant.', m.variant),
  ...prefixed('escalation.crm.model.', m.crmModel),
  ...prefixed('escalation.crm.method.', m.crmMethod),
  ...prefixed('escalation.crm.mtd-rule.', m.crmMtdRule),
  ...prefixed('escalation.crm.integral.', m.crmIntegral),
  ...prefixed('escalation.crm.integrate-status.', m.integrateStatus),
});

const en: EscalationMessages = {
  explain: {
    // boin/design.ts next()
    'boin.counts': 'dose {{dose}}: {{y}} DLT(s) in {{n}} patient(s); {{total}} patient(s) treated in the trial, at most {{maxPatients}}',
    'boin.boundaries':
      'BOIN boundaries λe = {{lambdaE}}, λd = {{lambdaD}}; with {{n}} patient(s) at the dose: escalate if DLTs ≤ {{escalateIfAtMost}}, de-escalate if DLTs ≥ {{deescalateIfAtLeast}}, eliminate the dose if DLTs ≥ {{eliminateIfAtLeast}}',
    'boin.eliminated-from':
      'dose {{dose}} and every higher dose are eliminated (posterior probability that the DLT rate exceeds the target > {{cutoffEli}}) and will not be given again',
    'boin.extrasafe-boundary':
      'extra-safe rule at the lowest dose: stop the trial if DLTs ≥ {{stopIfAtLeast}} (posterior probability that the DLT rate exceeds the target > {{cutoff}})',
    'boin.n-earlystop-reached': '{{n}} patients at this dose, at least n.earlystop = {{nEarlystop}}: the trial stops if the decision is to stay',
    // boin/rules.ts BoinRule, params { dose, nextDose } (nextDose null for the four stop rules)
    'boin.start': 'no patient treated yet at dose {{dose}}: treat the next cohort at dose {{nextDose}}',
    'boin.max-sample-size': 'the maximum sample size is reached: stop the trial and select the MTD',
    'boin.lowest-dose-eliminated': 'the lowest dose is eliminated as too toxic: stop the trial, no MTD selected',
    'boin.extrasafe-stop': 'extra-safe rule: the lowest dose is too toxic: stop the trial, no MTD selected',
    'boin.n-earlystop': 'n.earlystop is reached at dose {{dose}} and the decision is to stay: stop the trial and select the MTD',
    'boin.escalate': 'DLTs at dose {{dose}} are at or below the escalation boundary: escalate to dose {{nextDose}}',
    'boin.escalation-blocked': 'escalation is indicated but the next higher dose is eliminated: stay at dose {{nextDose}}',
    'boin.stay-top-dose': 'escalation is indicated but dose {{dose}} is the highest dose: stay at dose {{nextDose}}',
    'boin.deescalate': 'DLTs at dose {{dose}} are at or above the de-escalation boundary: de-escalate to dose {{nextDose}}',
    'boin.eliminate-and-deescalate':
      'dose {{dose}} is eliminated as too toxic (it and every higher dose will not be given again): de-escalate to dose {{nextDose}}',
    'boin.stay-lowest-dose': 'de-escalation is indicated but dose {{dose}} is the lowest dose: stay at dose {{nextDose}}',
    'boin.stay': 'DLTs at dose {{dose}} are between the escalation and de-escalation boundaries: stay at dose {{nextDose}}',
    'boin.current-above-eliminated':
      'dose {{dose}} is at or above an eliminated dose: de-escalate to dose {{nextDose}}, the highest dose not eliminated',
    // boin/select-mtd.ts boinSelectMtd()
    'boin.mtd-elimination':
      'MTD selection: a dose whose posterior probability of a DLT rate above the target exceeds {{cutoffEli}} is eliminated with every higher dose; first eliminated dose: {{firstEliminated}}',
    'boin.mtd-estimates': 'isotonic (PAVA) estimates of the DLT rate by dose: {{estimates}}',
    // boin/select-mtd.ts BoinSelectReason, params { mtd, target } (mtd null for the three "none" codes)
    'boin.mtd-selected': 'MTD: dose {{mtd}}, whose estimated DLT rate is closest to the target {{target}}',
    'boin.mtd-none-lowest-eliminated': 'no MTD selected: the lowest dose is eliminated as too toxic (target DLT rate {{target}})',
    'boin.mtd-none-untreated': 'no MTD selected: no patient has been treated at a dose that is not eliminated',
    'boin.mtd-none-bound-mtd':
      'no MTD selected: with bound-MTD the MTD must have an estimated DLT rate below the de-escalation boundary λd, and every dose is at or above it',
    // three-plus-three/design.ts next() and selectMtd()
    '3+3.counts': '3+3 ($t(escalation.three-plus-three.variant.{{variant}})), dose {{dose}}: {{y}} DLT(s) in {{n}} patient(s)',
    // three-plus-three/rules.ts ThreePlusThreeRule: continuing rules { dose, nextDose, mtd: null };
    // stop rules { dose, nextDose: null, mtd } from next() but only { mtd } from selectMtd(), so they use mtd alone
    '3+3.start': 'no patient treated yet at dose {{dose}}: treat a cohort of 3 at dose {{nextDose}}',
    '3+3.cohort-incomplete': 'the cohort at dose {{dose}} is not complete: complete it at dose {{nextDose}}',
    '3+3.expand': '1 DLT in 3 patients at dose {{dose}}: treat 3 more at dose {{nextDose}}',
    '3+3.expand-top': 'no DLT in 3 patients at the highest dose, dose {{dose}}: treat 3 more at dose {{nextDose}}',
    '3+3.escalate': 'dose {{dose}} is tolerated (0 of 3, or at most 1 of 6, with DLT): escalate to dose {{nextDose}}',
    '3+3.top-dose-passes': 'the highest dose is tolerated: stop the trial; MTD: dose {{mtd}}',
    '3+3.next-dose-done':
      'the dose is tolerated and the next higher dose has already failed or has 6 patients: stop the trial; MTD: dose {{mtd}}',
    '3+3.dose-fails-stop': 'the dose is not tolerated (2 or more patients with DLT): stop the trial; the MTD is the next lower dose, if any: {{mtd}}',
    '3+3.dose-fails-deescalate':
      'dose {{dose}} is not tolerated (2 or more patients with DLT) and the next lower dose has fewer than 6 patients: de-escalate and treat 3 more at dose {{nextDose}}',
    '3+3.lowest-dose-fails': 'the lowest dose is not tolerated (2 or more patients with DLT): stop the trial, no MTD',
    '3+3.dose-fails-select':
      'the dose is not tolerated and the next lower dose already has 6 patients: stop the trial; the MTD is the highest dose with at most 1 DLT in 6 patients: {{mtd}}',
    '3+3.trial-not-over': 'the 3+3 trial is not over: no MTD yet',
    // decide.ts PendingReason and the wait listing
    'pending-cannot-change':
      '{{pending}} patient(s) still in the DLT observation window: all {{outcomes}} possible outcomes lead to the same decision, no need to wait',
    'pending-could-change':
      '{{pending}} patient(s) still in the DLT observation window, whose outcomes could change the decision: wait for the results of {{needed}}',
    'pending-outcome':
      'if the pending outcomes are {{dlts}} (dose:DLTs/pending): $t(escalation.decision.{{decision}}), next dose {{nextDose}}',
    // crm/crm-fit.ts fitCrmParsed()
    crm_model:
      'CRM: $t(escalation.crm.model.{{model}}), $t(escalation.crm.method.{{method}}), prior variance {{priorVar}}, intercept {{intercept}} (logistic model only), skeleton {{skeleton}}',
    crm_data: 'patients per dose: {{n}}; DLTs per dose: {{dlt}}',
    crm_estimate: 'estimate of the model parameter a ($t(escalation.crm.method.{{method}})): {{estimate}}, posterior variance {{postVar}}',
    crm_variance_negative: 'the variance {{postVar}} is negative (possible with maximum likelihood): no interval for the DLT probabilities',
    crm_ptox: 'estimated DLT probability by dose: {{ptox}}',
    crm_mtd: 'recommended dose: dose {{dose}} ($t(escalation.crm.mtd-rule.{{rule}}); target DLT rate {{target}})',
    crm_overdose_probability: 'posterior probability that the DLT rate at dose {{dose}} exceeds the target {{target}}: {{probability}}',
  },
  reason: {
    'boin.start': 'BOIN: no patient has been treated at the current dose yet: treat the next cohort there',
    'boin.max-sample-size': 'BOIN: the maximum sample size is reached: stop the trial and select the MTD',
    'boin.lowest-dose-eliminated': 'BOIN: the lowest dose is eliminated as too toxic: stop the trial without selecting an MTD',
    'boin.extrasafe-stop': 'BOIN: the extra-safe rule finds the lowest dose too toxic: stop the trial without selecting an MTD',
    'boin.n-earlystop':
      'BOIN: the number of patients at the current dose has reached n.earlystop and the decision is to stay: stop the trial and select the MTD',
    'boin.escalate': 'BOIN: the DLT rate at the current dose is at or below the escalation boundary: escalate',
    'boin.escalation-blocked': 'BOIN: escalation is indicated but the next higher dose is eliminated: stay at the current dose',
    'boin.stay-top-dose': 'BOIN: escalation is indicated but the current dose is the highest dose: stay',
    'boin.deescalate': 'BOIN: the DLT rate at the current dose is at or above the de-escalation boundary: de-escalate',
    'boin.eliminate-and-deescalate': 'BOIN: the current dose is eliminated as too toxic, with every higher dose: de-escalate',
    'boin.stay-lowest-dose': 'BOIN: de-escalation is indicated but the current dose is the lowest dose: stay',
    'boin.stay': 'BOIN: the DLT rate at the current dose is between the escalation and de-escalation boundaries: stay',
    'boin.current-above-eliminated': 'BOIN: the current dose is at or above an eliminated dose: de-escalate to the highest dose not eliminated',
    'boin.mtd-selected': 'BOIN: the MTD is the dose whose isotonic estimate of the DLT rate is closest to the target',
    'boin.mtd-none-lowest-eliminated': 'BOIN: no MTD: the lowest dose is eliminated as too toxic',
    'boin.mtd-none-untreated': 'BOIN: no MTD: no patient has been treated at a dose that is not eliminated',
    'boin.mtd-none-bound-mtd': "BOIN: no MTD: with bound-MTD, every dose's estimated DLT rate is at or above the de-escalation boundary",
    '3+3.start': '3+3: no patient has been treated at the current dose yet: treat a cohort of 3 there',
    '3+3.cohort-incomplete': '3+3: the cohort at the current dose is not complete: complete it',
    '3+3.expand': '3+3: 1 DLT in 3 patients: treat 3 more at the same dose',
    '3+3.expand-top': '3+3: no DLT in 3 patients at the highest dose: treat 3 more there',
    '3+3.escalate': '3+3: the current dose is tolerated (0 of 3, or at most 1 of 6, with DLT): escalate',
    '3+3.top-dose-passes': '3+3: the highest dose is tolerated: stop the trial; it is the MTD',
    '3+3.next-dose-done':
      '3+3: the current dose is tolerated and the next higher dose has already failed or has 6 patients: stop the trial; the current dose is the MTD',
    '3+3.dose-fails-stop':
      '3+3: the current dose is not tolerated (2 or more patients with DLT): stop the trial; the MTD is the next lower dose (none below the lowest dose)',
    '3+3.dose-fails-deescalate':
      '3+3: the current dose is not tolerated and the next lower dose has fewer than 6 patients: de-escalate and treat 3 more there',
    '3+3.lowest-dose-fails': '3+3: the lowest dose is not tolerated: stop the trial without an MTD',
    '3+3.dose-fails-select':
      '3+3: the current dose is not tolerated and the next lower dose already has 6 patients: stop the trial; the MTD is the highest dose with at most 1 DLT in 6 patients',
    '3+3.trial-not-over': '3+3: the trial is not over, so there is no MTD yet',
    'pending-could-change': 'Patients still in the DLT observation window could change the decision: wait for their results',
  },
  issue: {
    // outcome-notation.ts
    invalid_outcome_token: "{{field}}: '{{token}}' is not a cohort such as 2NTN (the dose, then one letter per patient: N for no DLT, T for DLT)",
    // trial-data.ts, decide.ts, oc/kernel-of.ts, boin/config.ts, crm/crm-data.ts
    length_mismatch: '{{field}}: must have {{expected}} entries',
    not_count: '{{field}}: must be a whole number, 0 or more',
    not_probability: '{{field}}: must be a probability between 0 and 1',
    duplicate_id: "{{field}}: patient id '{{id}}' is used more than once",
    unknown_patient: "{{field}}: '{{id}}' is not a patient of this trial",
    // boin/config.ts
    boin_p_saf_too_close:
      '{{field}}: the highest DLT rate deemed sub-therapeutic (φ1) must be at most 0.9 × the target {{target}}',
    boin_p_tox_too_close: '{{field}}: the lowest DLT rate deemed overly toxic (φ2) must be at least 1.1 × the target {{target}}',
    // oc/exact.ts
    oc_no_termination: '{{field}}: the design does not end within {{maxCohorts}} cohorts, so exact operating characteristics cannot be computed',
    // design-contract.ts (checks of a design's implementation; doses 1-based unless stated)
    contract_start: '{{field}}: before anyone is treated the design must stay at the start dose, but it decides: $t(escalation.decision.{{decision}})',
    contract_wait_on_complete_data:
      '{{field}}: the design asks to wait although no outcome is pending (decision: $t(escalation.decision.{{decision}}), next dose {{nextDose}}, current dose {{current}})',
    contract_stop_with_dose:
      '{{field}}: the decision $t(escalation.decision.{{decision}}) must not name a next dose, but names dose {{nextDose}} (current dose {{current}})',
    contract_dose_out_of_range:
      '{{field}}: next dose {{nextDose}} is not a dose level of the design (decision: $t(escalation.decision.{{decision}}), current dose {{current}})',
    contract_skipped_dose:
      '{{field}}: next dose {{nextDose}} skips a dose above the current dose {{current}} (decision: $t(escalation.decision.{{decision}}))',
    contract_kind_mismatch:
      '{{field}}: the decision $t(escalation.decision.{{decision}}) does not match the move from dose {{current}} to dose {{nextDose}}',
    contract_not_deterministic: '{{field}}: the design gives different decisions on the same data',
    contract_kernel_disagrees:
      '{{field}}: the operating-characteristics kernel gives {{kernel}} but the live decision gives {{live}} (0-based dose; a negative value means stop)',
    contract_selection_disagrees: '{{field}}: the MTD chosen by the operating-characteristics kernel ({{kernel}}) differs from the design’s ({{live}})',
    // crm/crm-spec.ts
    not_increasing: '{{field}}: {{value}} must be greater than the previous value {{previous}} (the skeleton must increase with dose)',
    crm_intercept_too_small:
      '{{field}}: skeleton value {{value}} is not below {{maximum}}, the limit set by the logistic intercept {{intercept}}: raise the intercept or lower the skeleton',
    // crm/crm-fit.ts
    crm_mle_not_exist:
      '{{field}}: the maximum-likelihood estimate does not exist with {{dlts}} DLT(s) in {{patients}} patient(s) (at least one patient with and one without DLT are needed); use the Bayesian method',
    crm_integration_failed:
      '{{field}}: CRM fit failed: the numerical integration of the $t(escalation.crm.integral.{{integral}}) stopped ($t(escalation.crm.integrate-status.{{status}}))',
  },
  decision: { escalate: 'escalate', stay: 'stay', 'de-escalate': 'de-escalate', stop: 'stop the trial', wait: 'wait' },
  variant: {
    a: 'variant A, no de-escalation',
    b: 'variant B, with de-escalation',
    c: 'variant C, with de-escalation and expansion of the highest dose to 6 patients',
  },
  crmModel: { empiric: 'empiric (power) model', logistic: 'one-parameter logistic model' },
  crmMethod: { bayes: 'Bayesian estimation (posterior mean)', mle: 'maximum-likelihood estimation' },
  crmMtdRule: {
    closest: 'its estimated DLT probability is closest to the target',
    all_below_target: "every dose's estimated DLT probability is at or below the target: the highest dose",
    all_above_target: "every dose's estimated DLT probability is at or above the target: the lowest dose",
  },
  crmIntegral: { normaliser: 'normalising constant', first_moment: 'posterior mean', second_moment: 'second moment' },
  integrateStatus: {
    ok: 'no error',
    max_subdivisions: 'maximum number of subdivisions reached',
    roundoff: 'roundoff error was detected',
    bad_integrand: 'extremely bad integrand behaviour',
    extrapolation_roundoff: 'roundoff error in the extrapolation table',
    divergent: 'the integral is probably divergent',
    invalid_input: 'the input is invalid',
    non_finite_value: 'non-finite function value',
  },
};

const zh: EscalationMessages = {
  explain: {
    'boin.counts': '剂量 {{dose}}：{{n}} 例受试者中 {{y}} 例发生 DLT；试验已治疗 {{total}} 例（最大样本量 {{maxPatients}} 例）',
    'boin.boundaries':
      'BOIN 界值 λe = {{lambdaE}}，λd = {{lambdaD}}；该剂量有 {{n}} 例受试者时：DLT 例数 ≤ {{escalateIfAtMost}} 则升级，≥ {{deescalateIfAtLeast}} 则降级，≥ {{eliminateIfAtLeast}} 则淘汰该剂量',
    'boin.eliminated-from': '剂量 {{dose}} 及所有更高剂量已被淘汰（DLT 发生率超过目标值的后验概率 > {{cutoffEli}}），不再给药',
    'boin.extrasafe-boundary': '最低剂量的额外安全规则：DLT 例数 ≥ {{stopIfAtLeast}} 时停止试验（DLT 发生率超过目标值的后验概率 > {{cutoff}}）',
    'boin.n-earlystop-reached': '该剂量已有 {{n}} 例受试者，达到提前终止例数 n.earlystop = {{nEarlystop}}：若决定维持当前剂量，则停止试验',
    'boin.start': '剂量 {{dose}} 尚无受试者接受治疗：下一队列在剂量 {{nextDose}} 给药',
    'boin.max-sample-size': '已达到最大样本量：停止试验并选择 MTD',
    'boin.lowest-dose-eliminated': '最低剂量因毒性过大被淘汰：停止试验，不选择 MTD',
    'boin.extrasafe-stop': '额外安全规则：最低剂量毒性过大，停止试验，不选择 MTD',
    'boin.n-earlystop': '剂量 {{dose}} 已达到提前终止例数 n.earlystop 且决定为维持：停止试验并选择 MTD',
    'boin.escalate': '剂量 {{dose}} 的 DLT 例数不超过升级界值：升级至剂量 {{nextDose}}',
    'boin.escalation-blocked': '提示升级，但更高一级剂量已被淘汰：维持剂量 {{nextDose}}',
    'boin.stay-top-dose': '提示升级，但剂量 {{dose}} 已是最高剂量：维持剂量 {{nextDose}}',
    'boin.deescalate': '剂量 {{dose}} 的 DLT 例数达到或超过降级界值：降级至剂量 {{nextDose}}',
    'boin.eliminate-and-deescalate': '剂量 {{dose}} 因毒性过大被淘汰（该剂量及所有更高剂量不再给药）：降级至剂量 {{nextDose}}',
    'boin.stay-lowest-dose': '提示降级，但剂量 {{dose}} 已是最低剂量：维持剂量 {{nextDose}}',
    'boin.stay': '剂量 {{dose}} 的 DLT 例数介于升级界值与降级界值之间：维持剂量 {{nextDose}}',
    'boin.current-above-eliminated': '剂量 {{dose}} 等于或高于已淘汰的剂量：降级至剂量 {{nextDose}}，即未被淘汰的最高剂量',
    'boin.mtd-elimination': 'MTD 选择：DLT 发生率超过目标值的后验概率 > {{cutoffEli}} 的剂量连同所有更高剂量被淘汰；首个被淘汰的剂量：{{firstEliminated}}',
    'boin.mtd-estimates': '各剂量 DLT 发生率的保序回归（PAVA）估计值：{{estimates}}',
    'boin.mtd-selected': 'MTD 为剂量 {{mtd}}，其 DLT 发生率估计值最接近目标值 {{target}}',
    'boin.mtd-none-lowest-eliminated': '未选出 MTD：最低剂量因毒性过大被淘汰（目标 DLT 发生率 {{target}}）',
    'boin.mtd-none-untreated': '未选出 MTD：未被淘汰的剂量均无受试者接受治疗',
    'boin.mtd-none-bound-mtd': '未选出 MTD：启用 bound-MTD 时，MTD 的 DLT 发生率估计值须低于降级界值 λd，而所有剂量的估计值均不低于该界值',
    '3+3.counts': '3+3（$t(escalation.three-plus-three.variant.{{variant}})），剂量 {{dose}}：{{n}} 例受试者中 {{y}} 例发生 DLT',
    '3+3.start': '剂量 {{dose}} 尚无受试者接受治疗：在剂量 {{nextDose}} 入组 3 例受试者',
    '3+3.cohort-incomplete': '剂量 {{dose}} 的队列尚未入组完整：继续在剂量 {{nextDose}} 入组补足',
    '3+3.expand': '剂量 {{dose}} 的 3 例受试者中 1 例发生 DLT：在剂量 {{nextDose}} 再入组 3 例',
    '3+3.expand-top': '最高剂量（剂量 {{dose}}）的 3 例受试者均未发生 DLT：在剂量 {{nextDose}} 再入组 3 例',
    '3+3.escalate': '剂量 {{dose}} 可耐受（3 例中 0 例或 6 例中至多 1 例发生 DLT）：升级至剂量 {{nextDose}}',
    '3+3.top-dose-passes': '最高剂量可耐受：停止试验；MTD 为剂量 {{mtd}}',
    '3+3.next-dose-done': '该剂量可耐受，且更高一级剂量已判定不可耐受或已有 6 例受试者：停止试验；MTD 为剂量 {{mtd}}',
    '3+3.dose-fails-stop': '该剂量不可耐受（≥ 2 例发生 DLT）：停止试验；MTD 为下一较低剂量（如有）：{{mtd}}',
    '3+3.dose-fails-deescalate':
      '剂量 {{dose}} 不可耐受（≥ 2 例发生 DLT），且下一较低剂量不足 6 例：降级，在剂量 {{nextDose}} 再入组 3 例',
    '3+3.lowest-dose-fails': '最低剂量不可耐受（≥ 2 例发生 DLT）：停止试验，无 MTD',
    '3+3.dose-fails-select': '该剂量不可耐受，且下一较低剂量已有 6 例受试者：停止试验；MTD 为 6 例中至多 1 例发生 DLT 的最高剂量：{{mtd}}',
    '3+3.trial-not-over': '3+3 试验尚未结束：尚无 MTD',
    'pending-cannot-change': '{{pending}} 例受试者仍处于 DLT 观察期：全部 {{outcomes}} 种可能结局均导致相同决定，无需等待',
    'pending-could-change': '{{pending}} 例受试者仍处于 DLT 观察期，其结局可能改变决定：需等待以下受试者的结果：{{needed}}',
    'pending-outcome': '若待定结局为 {{dlts}}（剂量:DLT 例数/待定例数）：$t(escalation.decision.{{decision}})，下一剂量 {{nextDose}}',
    crm_model:
      'CRM：$t(escalation.crm.model.{{model}})，$t(escalation.crm.method.{{method}})，先验方差 {{priorVar}}，截距 {{intercept}}（仅用于 logistic 模型），骨架（skeleton）{{skeleton}}',
    crm_data: '各剂量受试者数：{{n}}；各剂量 DLT 例数：{{dlt}}',
    crm_estimate: '模型参数 a 的估计值（$t(escalation.crm.method.{{method}})）：{{estimate}}，后验方差 {{postVar}}',
    crm_variance_negative: '方差 {{postVar}} 为负（最大似然估计时可能出现）：不计算 DLT 概率的区间',
    crm_ptox: '各剂量 DLT 概率估计值：{{ptox}}',
    crm_mtd: '推荐剂量：剂量 {{dose}}（$t(escalation.crm.mtd-rule.{{rule}})；目标 DLT 发生率 {{target}}）',
    crm_overdose_probability: '剂量 {{dose}} 的 DLT 发生率超过目标值 {{target}} 的后验概率：{{probability}}',
  },
  reason: {
    'boin.start': 'BOIN：当前剂量尚无受试者接受治疗：下一队列在该剂量给药',
    'boin.max-sample-size': 'BOIN：已达到最大样本量：停止试验并选择 MTD',
    'boin.lowest-dose-eliminated': 'BOIN：最低剂量因毒性过大被淘汰：停止试验，不选择 MTD',
    'boin.extrasafe-stop': 'BOIN：额外安全规则判定最低剂量毒性过大：停止试验，不选择 MTD',
    'boin.n-earlystop': 'BOIN：当前剂量的受试者数已达到提前终止例数 n.earlystop，且决定为维持：停止试验并选择 MTD',
    'boin.escalate': 'BOIN：当前剂量的 DLT 发生率不超过升级界值：升级',
    'boin.escalation-blocked': 'BOIN：提示升级，但更高一级剂量已被淘汰：维持当前剂量',
    'boin.stay-top-dose': 'BOIN：提示升级，但当前剂量已是最高剂量：维持',
    'boin.deescalate': 'BOIN：当前剂量的 DLT 发生率达到或超过降级界值：降级',
    'boin.eliminate-and-deescalate': 'BOIN：当前剂量因毒性过大被淘汰（连同所有更高剂量）：降级',
    'boin.stay-lowest-dose': 'BOIN：提示降级，但当前剂量已是最低剂量：维持',
    'boin.stay': 'BOIN：当前剂量的 DLT 发生率介于升级界值与降级界值之间：维持',
    'boin.current-above-eliminated': 'BOIN：当前剂量等于或高于已淘汰的剂量：降级至未被淘汰的最高剂量',
    'boin.mtd-selected': 'BOIN：MTD 为 DLT 发生率保序估计值最接近目标值的剂量',
    'boin.mtd-none-lowest-eliminated': 'BOIN：无 MTD：最低剂量因毒性过大被淘汰',
    'boin.mtd-none-untreated': 'BOIN：无 MTD：未被淘汰的剂量均无受试者接受治疗',
    'boin.mtd-none-bound-mtd': 'BOIN：无 MTD：启用 bound-MTD 时，所有剂量的 DLT 发生率估计值均不低于降级界值',
    '3+3.start': '3+3：当前剂量尚无受试者接受治疗：在该剂量入组 3 例受试者',
    '3+3.cohort-incomplete': '3+3：当前剂量的队列尚未入组完整：继续入组补足',
    '3+3.expand': '3+3：3 例受试者中 1 例发生 DLT：在同一剂量再入组 3 例',
    '3+3.expand-top': '3+3：最高剂量的 3 例受试者均未发生 DLT：在该剂量再入组 3 例',
    '3+3.escalate': '3+3：当前剂量可耐受（3 例中 0 例或 6 例中至多 1 例发生 DLT）：升级',
    '3+3.top-dose-passes': '3+3：最高剂量可耐受：停止试验；该剂量即为 MTD',
    '3+3.next-dose-done': '3+3：当前剂量可耐受，且更高一级剂量已判定不可耐受或已有 6 例受试者：停止试验；当前剂量即为 MTD',
    '3+3.dose-fails-stop': '3+3：当前剂量不可耐受（≥ 2 例发生 DLT）：停止试验；MTD 为下一较低剂量（若当前为最低剂量则无 MTD）',
    '3+3.dose-fails-deescalate': '3+3：当前剂量不可耐受，且下一较低剂量不足 6 例：降级并在该剂量再入组 3 例',
    '3+3.lowest-dose-fails': '3+3：最低剂量不可耐受：停止试验，无 MTD',
    '3+3.dose-fails-select': '3+3：当前剂量不可耐受，且下一较低剂量已有 6 例受试者：停止试验；MTD 为 6 例中至多 1 例发生 DLT 的最高剂量',
    '3+3.trial-not-over': '3+3：试验尚未结束，尚无 MTD',
    'pending-could-change': '仍处于 DLT 观察期的受试者的结局可能改变决定：等待其结果',
  },
  issue: {
    invalid_outcome_token: "{{field}}：'{{token}}' 不是有效的队列记录，应形如 2NTN（先写剂量，再按受试者逐一写 N 表示无 DLT、T 表示发生 DLT）",
    length_mismatch: '{{field}}：应有 {{expected}} 项',
    not_count: '{{field}}：必须是大于或等于 0 的整数',
    not_probability: '{{field}}：必须是 0 到 1 之间的概率',
    duplicate_id: "{{field}}：受试者编号 '{{id}}' 重复使用",
    unknown_patient: "{{field}}：'{{id}}' 不是本试验的受试者",
    boin_p_saf_too_close: '{{field}}：视为剂量不足的最高 DLT 发生率（φ1）不得超过目标值 {{target}} 的 0.9 倍',
    boin_p_tox_too_close: '{{field}}：视为毒性过大的最低 DLT 发生率（φ2）不得低于目标值 {{target}} 的 1.1 倍',
    oc_no_termination: '{{field}}：该设计在 {{maxCohorts}} 个队列内未结束，无法精确计算操作特性',
    contract_start: '{{field}}：尚无受试者接受治疗时，设计应维持在起始剂量，但其决定为：$t(escalation.decision.{{decision}})',
    contract_wait_on_complete_data:
      '{{field}}：没有待定结局，设计却要求等待（决定：$t(escalation.decision.{{decision}})，下一剂量 {{nextDose}}，当前剂量 {{current}}）',
    contract_stop_with_dose:
      '{{field}}：决定“$t(escalation.decision.{{decision}})”不应给出下一剂量，却给出了剂量 {{nextDose}}（当前剂量 {{current}}）',
    contract_dose_out_of_range:
      '{{field}}：下一剂量 {{nextDose}} 不是该设计的剂量水平（决定：$t(escalation.decision.{{decision}})，当前剂量 {{current}}）',
    contract_skipped_dose:
      '{{field}}：下一剂量 {{nextDose}} 跳过了当前剂量 {{current}} 之上的剂量（决定：$t(escalation.decision.{{decision}})）',
    contract_kind_mismatch:
      '{{field}}：决定“$t(escalation.decision.{{decision}})”与从剂量 {{current}} 到剂量 {{nextDose}} 的变化不符',
    contract_not_deterministic: '{{field}}：设计对相同数据给出了不同的决定',
    contract_kernel_disagrees: '{{field}}：操作特性计算内核给出 {{kernel}}，实时决定给出 {{live}}（从 0 起算的剂量；负值表示停止）',
    contract_selection_disagrees: '{{field}}：操作特性计算内核选出的 MTD（{{kernel}}）与设计选出的（{{live}}）不一致',
    not_increasing: '{{field}}：{{value}} 必须大于前一个值 {{previous}}（骨架须随剂量严格递增）',
    crm_intercept_too_small:
      '{{field}}：骨架值 {{value}} 未低于 logistic 截距 {{intercept}} 所限定的上限 {{maximum}}：请增大截距或降低骨架值',
    crm_mle_not_exist:
      '{{field}}：{{patients}} 例受试者中 {{dlts}} 例发生 DLT，最大似然估计不存在（需至少 1 例发生 DLT 且至少 1 例未发生 DLT）；请改用贝叶斯方法',
    crm_integration_failed:
      '{{field}}：CRM 拟合失败：$t(escalation.crm.integral.{{integral}})的数值积分中止（$t(escalation.crm.integrate-status.{{status}})）',
  },
  decision: { escalate: '升级', stay: '维持', 'de-escalate': '降级', stop: '停止试验', wait: '等待' },
  variant: { a: 'A 型，不降级', b: 'B 型，可降级', c: 'C 型，可降级，最高剂量扩展至 6 例' },
  crmModel: { empiric: '经验（幂）模型', logistic: '单参数 logistic 模型' },
  crmMethod: { bayes: '贝叶斯估计（后验均值）', mle: '最大似然估计' },
  crmMtdRule: {
    closest: '其 DLT 概率估计值最接近目标值',
    all_below_target: '所有剂量的 DLT 概率估计值均不高于目标值：取最高剂量',
    all_above_target: '所有剂量的 DLT 概率估计值均不低于目标值：取最低剂量',
  },
  crmIntegral: { normaliser: '归一化常数', first_moment: '后验均值', second_moment: '二阶矩' },
  integrateStatus: {
    ok: '无错误',
    max_subdivisions: '达到最大细分次数',
    roundoff: '检测到舍入误差',
    bad_integrand: '被积函数性态极差',
    extrapolation_roundoff: '外推表中出现舍入误差',
    divergent: '积分可能发散',
    invalid_input: '输入无效',
    non_finite_value: '函数值非有限',
  },
};

export const escalationMessages: MessageFragment = { en: flatten(en), 'zh-CN': flatten(zh) };
