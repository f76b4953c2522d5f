import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BoinRule,
  BoinSelectReason,
  DecisionKind,
  PendingReason,
  ThreePlusThreeRule,
  ThreePlusThreeVariant,
} from '../../domain/escalation/index.ts';
import { formatExplanation, formatIssue, languages } from '../index.ts';
import { escalationMessages } from './escalation.ts';
import { fragments } from './index.ts';
import { issueMessages } from './issues.ts';

// The codes emitted under src/domain/escalation (excluding tests and testing/), with the params
// each passes, read from the source. src/domain/random emits no code: its only failures are
// RangeErrors thrown on programming errors.

const BOIN_RULE = ['dose', 'nextDose'];
const THREE_PLUS_THREE_GOES = ['dose', 'nextDose', 'mtd'];
// Stop rules are emitted by next() with { dose, nextDose: null, mtd } and by selectMtd() with
// { mtd } alone, so only mtd is safe to phrase.
const THREE_PLUS_THREE_STOPS = ['mtd'];

/** Explanation steps, `step(code, params)`, by code. */
const stepParams: Record<string, readonly string[]> = {
  // boin/design.ts next()
  'boin.counts': ['dose', 'n', 'y', 'total', 'maxPatients'],
  'boin.boundaries': ['lambdaE', 'lambdaD', 'n', 'escalateIfAtMost', 'deescalateIfAtLeast', 'eliminateIfAtLeast'],
  'boin.eliminated-from': ['dose', 'cutoffEli'],
  'boin.extrasafe-boundary': ['stopIfAtLeast', 'cutoff'],
  'boin.n-earlystop-reached': ['n', 'nEarlystop'],
  // boin/rules.ts BoinRule, emitted by boin/design.ts next() as step(rule, { dose, nextDose })
  'boin.start': BOIN_RULE,
  'boin.max-sample-size': BOIN_RULE,
  'boin.lowest-dose-eliminated': BOIN_RULE,
  'boin.extrasafe-stop': BOIN_RULE,
  'boin.n-earlystop': BOIN_RULE,
  'boin.escalate': BOIN_RULE,
  'boin.escalation-blocked': BOIN_RULE,
  'boin.stay-top-dose': BOIN_RULE,
  'boin.deescalate': BOIN_RULE,
  'boin.eliminate-and-deescalate': BOIN_RULE,
  'boin.stay-lowest-dose': BOIN_RULE,
  'boin.stay': BOIN_RULE,
  'boin.current-above-eliminated': BOIN_RULE,
  // boin/select-mtd.ts boinSelectMtd(); BoinSelectReason as step(reason, { mtd, target })
  'boin.mtd-elimination': ['firstEliminated', 'cutoffEli'],
  'boin.mtd-estimates': ['estimates'],
  'boin.mtd-selected': ['mtd', 'target'],
  'boin.mtd-none-lowest-eliminated': ['mtd', 'target'],
  'boin.mtd-none-untreated': ['mtd', 'target'],
  'boin.mtd-none-bound-mtd': ['mtd', 'target'],
  // three-plus-three/design.ts next() and selectMtd(); ThreePlusThreeRule from three-plus-three/rules.ts
  '3+3.counts': ['variant', 'dose', 'n', 'y'],
  '3+3.start': THREE_PLUS_THREE_GOES,
  '3+3.cohort-incomplete': THREE_PLUS_THREE_GOES,
  '3+3.expand': THREE_PLUS_THREE_GOES,
  '3+3.expand-top': THREE_PLUS_THREE_GOES,
  '3+3.escalate': THREE_PLUS_THREE_GOES,
  '3+3.dose-fails-deescalate': THREE_PLUS_THREE_GOES,
  '3+3.top-dose-passes': THREE_PLUS_THREE_STOPS,
  '3+3.next-dose-done': THREE_PLUS_THREE_STOPS,
  '3+3.dose-fails-stop': THREE_PLUS_THREE_STOPS,
  '3+3.lowest-dose-fails': THREE_PLUS_THREE_STOPS,
  '3+3.dose-fails-select': THREE_PLUS_THREE_STOPS,
  '3+3.trial-not-over': ['mtd'],
  // decide.ts PendingReason and the listing of a `wait`
  'pending-cannot-change': ['pending', 'outcomes'],
  'pending-could-change': ['pending', 'needed'],
  'pending-outcome': ['dlts', 'decision', 'nextDose'],
  // crm/crm-fit.ts fitCrmParsed()
  crm_model: ['model', 'method', 'priorVar', 'intercept', 'skeleton'],
  crm_data: ['n', 'dlt'],
  crm_estimate: ['method', 'estimate', 'postVar'],
  crm_variance_negative: ['postVar'],
  crm_ptox: ['ptox'],
  crm_mtd: ['rule', 'dose', 'target'],
  crm_overdose_probability: ['dose', 'target', 'probability'],
};

/** `reason` of a Decision (boin/design.ts, three-plus-three/design.ts, decide.ts) or an MtdSelection (boin/select-mtd.ts, three-plus-three/design.ts); no params. */
const reasonCodes: readonly string[] = [
  // boin/rules.ts BoinRule
  'boin.start',
  'boin.max-sample-size',
  'boin.lowest-dose-eliminated',
  'boin.extrasafe-stop',
  'boin.n-earlystop',
  'boin.escalate',
  'boin.escalation-blocked',
  'boin.stay-top-dose',
  'boin.deescalate',
  'boin.eliminate-and-deescalate',
  'boin.stay-lowest-dose',
  'boin.stay',
  'boin.current-above-eliminated',
  // boin/select-mtd.ts BoinSelectReason
  'boin.mtd-selected',
  'boin.mtd-none-lowest-eliminated',
  'boin.mtd-none-untreated',
  'boin.mtd-none-bound-mtd',
  // three-plus-three/rules.ts ThreePlusThreeRule, and three-plus-three/design.ts selectMtd()
  '3+3.start',
  '3+3.cohort-incomplete',
  '3+3.expand',
  '3+3.expand-top',
  '3+3.escalate',
  '3+3.top-dose-passes',
  '3+3.next-dose-done',
  '3+3.dose-fails-stop',
  '3+3.dose-fails-deescalate',
  '3+3.lowest-dose-fails',
  '3+3.dose-fails-select',
  '3+3.trial-not-over',
  // decide.ts: the reason of `wait` (pending-cannot-change is a step only; the decision keeps the rule's reason)
  'pending-could-change',
];

/** New issue codes, `issue(path, code, params)` / `customIssue(code, params)`, phrased by this fragment. */
const newIssueParams: Record<string, readonly string[]> = {
  // outcome-notation.ts
  invalid_outcome_token: ['token'],
  // trial-data.ts recordFromCounts(), decide.ts, oc/kernel-of.ts, boin/config.ts, crm/crm-data.ts
  length_mismatch: ['expected'],
  // trial-data.ts recordFromCounts()
  not_count: [],
  // oc/kernel-of.ts checkTruth()
  not_probability: [],
  // trial-data.ts TrialRecord
  duplicate_id: ['id'],
  unknown_patient: ['id'],
  // boin/config.ts
  boin_p_saf_too_close: ['target'],
  boin_p_tox_too_close: ['target'],
  // oc/exact.ts
  oc_no_termination: ['maxCohorts'],
  // design-contract.ts
  contract_start: ['decision'],
  contract_wait_on_complete_data: ['decision', 'nextDose', 'current'],
  contract_stop_with_dose: ['decision', 'nextDose', 'current'],
  contract_dose_out_of_range: ['decision', 'nextDose', 'current'],
  contract_skipped_dose: ['decision', 'nextDose', 'current'],
  contract_kind_mismatch: ['decision', 'nextDose', 'current'],
  contract_not_deterministic: [],
  contract_kernel_disagrees: ['kernel', 'live'],
  contract_selection_disagrees: ['kernel', 'live'],
  // crm/crm-spec.ts
  not_increasing: ['previous', 'value'],
  crm_intercept_too_small: ['intercept', 'maximum', 'value'],
  // crm/crm-fit.ts
  crm_mle_not_exist: ['patients', 'dlts'],
  crm_integration_failed: ['integral', 'status'],
};

/** Issue codes the engine emits that issues.ts already phrases (and this fragment must not repeat). */
const existingIssueCodes: readonly string[] = [
  'too_big', // outcome-notation.ts, trial-data.ts, decide.ts, boin/config.ts, crm/crm-data.ts
  'too_many', // three-plus-three/design.ts check()
  'too_small', // oc/simulate.ts simulateOC()
  'invalid_choice', // escalation-design.ts
  'out_of_range', // crm/crm-fast-fitter.ts
];

/** Params whose value is a code, phrased by nesting `$t(escalation.….{{param}})`; every value they take. */
const codeValues: Record<string, readonly string[]> = {
  decision: Object.values(DecisionKind), // decision.ts
  variant: Object.values(ThreePlusThreeVariant), // three-plus-three/rules.ts
  model: ['empiric', 'logistic'], // crm/crm-spec.ts CrmModel
  method: ['bayes', 'mle'], // crm/crm-spec.ts CrmMethod
  rule: ['closest', 'all_below_target', 'all_above_target'], // crm/crm-mtd.ts CrmMtdRule
  integral: ['normaliser', 'first_moment', 'second_moment'], // crm/crm-fit.ts
  status: ['ok', 'max_subdivisions', 'roundoff', 'bad_integrand', 'extrapolation_roundoff', 'divergent', 'invalid_input', 'non_finite_value'], // crm/numeric/r-integrate.ts
};

const placeholders = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);

/** Sample params: 1 for every plain param, and one set per value of each code-valued param. */
function samples(params: readonly string[]): Record<string, unknown>[] {
  const base = Object.fromEntries(params.map((p) => [p, codeValues[p]?.[0] ?? 1]));
  const out: Record<string, unknown>[] = [base];
  for (const p of params) for (const v of codeValues[p] ?? []) out.push({ ...base, [p]: v });
  return out;
}

describe('escalation messages', () => {
  it('phrase every explanation step, reason and new issue code in English and Simplified Chinese', () => {
    const keys = [
      ...Object.keys(stepParams).map((c) => `explain.${c}`),
      ...reasonCodes.map((c) => `reason.${c}`),
      ...Object.keys(newIssueParams).map((c) => `issue.${c}`),
    ];
    for (const language of languages)
      for (const key of keys) assert.ok((escalationMessages[language][key] ?? '').trim() !== '', `${language} ${key}`);
  });

  it('use only the params each code passes (reasons none; issues also {{field}}, first)', () => {
    for (const language of languages) {
      const m = escalationMessages[language];
      for (const [code, params] of Object.entries(stepParams))
        for (const p of placeholders(m[`explain.${code}`] ?? '')) assert.ok(params.includes(p), `${language} explain.${code}: {{${p}}}`);
      for (const code of reasonCodes) assert.deepEqual(placeholders(m[`reason.${code}`] ?? ''), [], `${language} reason.${code}`);
      for (const [code, params] of Object.entries(newIssueParams)) {
        const message = m[`issue.${code}`] ?? '';
        assert.match(message, language === 'en' ? /^\{\{field\}\}: / : /^\{\{field\}\}：/, `${language} issue.${code}`);
        for (const p of placeholders(message)) assert.ok(p === 'field' || params.includes(p), `${language} issue.${code}: {{${p}}}`);
      }
      // The nested phrases take no params of their own: the parent's params are all they get.
      for (const [key, message] of Object.entries(m))
        if (key.startsWith('escalation.')) assert.deepEqual(placeholders(message), [], `${language} ${key}`);
    }
  });

  it('cover every rule and reason constant of the engine, and hold no key outside the lists', () => {
    const steps = new Set(Object.keys(stepParams));
    const reasons = new Set(reasonCodes);
    for (const code of [...Object.values(BoinRule), ...Object.values(BoinSelectReason), ...Object.values(ThreePlusThreeRule)]) {
      assert.ok(steps.has(code), `step ${code}`);
      assert.ok(reasons.has(code), `reason ${code}`);
    }
    for (const code of Object.values(PendingReason)) assert.ok(steps.has(code), `step ${code}`);
    assert.ok(reasons.has(PendingReason.CouldChange));
    for (const key of Object.keys(escalationMessages.en)) {
      const [kind, ...rest] = key.split('.');
      const code = rest.join('.');
      if (kind === 'explain') assert.ok(steps.has(code), key);
      else if (kind === 'reason') assert.ok(reasons.has(code), key);
      else if (kind === 'issue') assert.ok(code in newIssueParams, key);
      else assert.equal(kind, 'escalation', key);
    }
  });

  it('do not repeat issues.ts or any other fragment, which already phrases the common issue codes', () => {
    for (const code of existingIssueCodes) {
      assert.ok(`issue.${code}` in issueMessages.en, code);
      assert.ok(!(`issue.${code}` in escalationMessages.en), code);
    }
    const others = fragments.filter((f) => f !== escalationMessages);
    for (const key of Object.keys(escalationMessages.en))
      for (const other of others) assert.ok(!(key in other.en), `${key} is also in another fragment`);
  });

  it('render through the catalogue with every code-valued param phrased, leaving no placeholder or key behind', () => {
    const leftovers = /\{\{|\$t\(|escalation\.|explain\.|reason\.|issue\./;
    for (const language of languages) {
      for (const [code, params] of Object.entries(stepParams))
        for (const sample of samples(params)) {
          const [line = ''] = formatExplanation([{ code, params: sample as never }], language);
          assert.doesNotMatch(line, leftovers, `${language} ${code}: ${line}`);
        }
      for (const [code, params] of Object.entries(newIssueParams))
        for (const sample of samples(params)) {
          const line = formatIssue({ path: ['data'], code, params: sample as never }, language);
          assert.doesNotMatch(line, leftovers, `${language} ${code}: ${line}`);
          assert.ok(line.startsWith('data'), line);
        }
    }
  });

  it('phrase a decision kind in Chinese without the English code word', () => {
    const [line] = formatExplanation([{ code: 'pending-outcome', params: { dlts: ['2:1/2'], decision: 'de-escalate', nextDose: 1 } }], 'zh-CN');
    assert.equal(line, '若待定结局为 2:1/2（剂量:DLT 例数/待定例数）：降级，下一剂量 1');
  });
});
