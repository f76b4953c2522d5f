// Evaluates a protocol's criteria for one patient on one screening date (pure: `asOf` is passed in).
// Each criterion's rule tree is evaluated three-valued; an exclusion's rule describes the excluding
// condition, so its status is the negation (met = the patient is clear of it; protocol/schema.ts).
// The screening result is `no` if any criterion is not met, else `undetermined` if any is unknown,
// else `yes`, and it records the protocol version used.
import type { Criterion, Protocol } from '../protocol/schema.ts';
import { switchValue } from '../protocol/schema.ts';
import { MissingCode } from './codes.ts';
import { combineAll, combineAny, combineEachMeasured, combineNot } from './combine.ts';
import { type EvalContext, makeContext, missing, unknown } from './context.ts';
import { type CriterionResult, Eligibility, type NodeResult, type ScreeningResult } from './criterion-result.ts';
import { evaluateAnswer } from './evaluate-answers.ts';
import { evaluateCrcl } from './evaluate-crcl.ts';
import { evaluateAge, evaluateSex } from './evaluate-demographics.ts';
import { evaluateCondition, evaluateConditionSince, evaluateNoneRecent } from './evaluate-history.ts';
import { evaluateLab, evaluateLabVsLimit, evaluateSpo2RoomAir } from './evaluate-labs.ts';
import { evaluateDistinctAgents, evaluateGlucocorticoidDose } from './evaluate-medications.ts';
import { evaluateNegative, evaluatePositive } from './evaluate-qualitative.ts';
import { evaluateStableRegimen } from './evaluate-regimen.ts';
import { evaluateEularAcr, evaluateSledai2k } from './evaluate-scores.ts';
import type { PatientRecord } from './patient-record.ts';
import type { Leaf, Rule } from './rules.ts';
import { Tri, triNot } from './tri.ts';

function evaluateLeaf(ctx: EvalContext, leaf: Leaf): NodeResult {
  switch (leaf.type) {
    case 'age':
      return evaluateAge(ctx, leaf);
    case 'sex':
      return evaluateSex(ctx, leaf);
    case 'lab':
      return evaluateLab(ctx, leaf);
    case 'lab-vs-limit':
      return evaluateLabVsLimit(ctx, leaf);
    case 'positive':
      return evaluatePositive(ctx, leaf);
    case 'negative':
      return evaluateNegative(ctx, leaf);
    case 'spo2-room-air':
      return evaluateSpo2RoomAir(ctx, leaf);
    case 'condition':
      return evaluateCondition(ctx, leaf);
    case 'condition-since':
      return evaluateConditionSince(ctx, leaf);
    case 'none-recent':
      return evaluateNoneRecent(ctx, leaf);
    case 'stable-regimen':
      return evaluateStableRegimen(ctx, leaf);
    case 'glucocorticoid-dose':
      return evaluateGlucocorticoidDose(ctx, leaf);
    case 'distinct-agents':
      return evaluateDistinctAgents(ctx, leaf);
    case 'sledai2k':
      return evaluateSledai2k(ctx, leaf);
    case 'eular-acr-2019':
      return evaluateEularAcr(ctx, leaf);
    case 'crcl':
      return evaluateCrcl(ctx, leaf);
    case 'answer':
      return evaluateAnswer(ctx, leaf);
  }
}

/**
 * A `switch` evaluates the case its protocol switch selects (the decided value, else the default),
 * and records that choice as evidence so the result shows which reading of the protocol was used.
 */
function evaluateSwitch(ctx: EvalContext, rule: Extract<Rule, { type: 'switch' }>): NodeResult {
  const value = switchValue(ctx.protocol, rule.name);
  const chosen = value === undefined ? undefined : rule.cases[value];
  // Protocol validation rejects this; a protocol built in code without it gets an unknown, not a throw.
  if (!chosen || value === undefined) return unknown([missing(rule.name, MissingCode.switchUnresolved, { switch: rule.name, value: value ?? null })]);
  const result = evaluateRule(ctx, chosen);
  if (!ctx.explain) return result;
  const evidence = result.evidence.slice();
  evidence.push({ item: `switch:${rule.name}`, value, source: `protocol ${ctx.protocol.id} ${ctx.protocol.version}` });
  return { status: result.status, reason: result.reason, evidence, missing: result.missing };
}

function evaluateParts(ctx: EvalContext, rules: readonly Rule[]): NodeResult[] {
  const out: NodeResult[] = new Array(rules.length);
  for (let i = 0; i < rules.length; i++) out[i] = evaluateRule(ctx, rules[i]!);
  return out;
}

export function evaluateRule(ctx: EvalContext, rule: Rule): NodeResult {
  switch (rule.type) {
    case 'all':
      return combineAll(evaluateParts(ctx, rule.of));
    case 'any':
      return combineAny(evaluateParts(ctx, rule.of));
    case 'not':
      return combineNot(evaluateRule(ctx, rule.rule));
    case 'each-measured':
      return combineEachMeasured(evaluateParts(ctx, rule.of), rule.minMeasured ?? 1);
    case 'switch':
      return evaluateSwitch(ctx, rule);
    default:
      return evaluateLeaf(ctx, rule);
  }
}

export function evaluateCriterion(ctx: EvalContext, criterion: Criterion): CriterionResult {
  const r = evaluateRule(ctx, criterion.rule);
  const status = criterion.kind === 'exclusion' ? triNot(r.status) : r.status;
  return { id: criterion.id, kind: criterion.kind, status, reason: r.reason, evidence: r.evidence, missing: r.missing };
}

/** `no` if any criterion is not met, else `undetermined` if any is unknown, else `yes`. */
export function eligibilityOf(criteria: readonly { readonly status: Tri }[]): Eligibility {
  return criteria.some((c) => c.status === Tri.notMet) ? Eligibility.no : criteria.some((c) => c.status === Tri.unknown) ? Eligibility.undetermined : Eligibility.yes;
}

/** Screens one patient against every criterion of the protocol on the screening date `asOf` (YYYY-MM-DD). */
export function evaluateProtocol(protocol: Protocol, record: PatientRecord, asOf: string): ScreeningResult {
  const ctx = makeContext(protocol, record, asOf);
  const criteria = protocol.criteria.map((c) => evaluateCriterion(ctx, c));
  const eligible = eligibilityOf(criteria);
  return { protocol: protocol.id, protocolVersion: protocol.version, asOf: ctx.asOf, eligible, criteria };
}
