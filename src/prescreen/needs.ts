// What a protocol reads from a patient record, found by walking its rule trees (every case of every
// switch, so a changed switch value never needs a re-read). The reducer keeps only these facts, and
// of each only the ones evaluation can pick (src/domain/eligibility: observations.ts, answers.ts,
// medications.ts, evaluate-*.ts):
// - `latest`: a lab read as "the most recent value in the window" keeps the single latest result
//   dated on or before the screening date (latestBy: by day, then date-time text, then record order).
//   Whether it lies in the window, or is too old, is decided from that one result.
// - `all`: a lab read "at any date" (positive with anyDate, the EULAR/ACR ANA entry criterion) keeps
//   every result up to the screening date, since the evidence lists them all.
// - `roomAir`: SpO2 keeps the latest result of each room-air status (true, false, not documented).
// A leaf type this file does not know makes the reducer keep every fact: slower, never wrong.
import type { ConditionKind, MedicationClass, ObservationFeature, QuestionnaireId } from '../domain/eligibility/patient-record.ts';
import type { Leaf, Rule } from '../domain/eligibility/rules.ts';
import type { Protocol } from '../domain/protocol/schema.ts';
import { allKinds, kindBit } from './fact-codec.ts';

export const ObservationPolicy = { latest: 'latest', all: 'all', roomAir: 'roomAir' } as const;
export type ObservationPolicy = (typeof ObservationPolicy)[keyof typeof ObservationPolicy];

export interface Needs {
  /** A leaf type unknown here: keep everything. */
  keepAll: boolean;
  readonly observations: Map<ObservationFeature, ObservationPolicy>;
  readonly conditions: Set<ConditionKind>;
  readonly medicationClasses: Set<MedicationClass>;
  /** Longest look-back of a `none-recent` transfusion leaf; 0 when none reads transfusions. */
  transfusionDays: number;
  /** Questionnaires read whole (scores); null linkIds = every item. */
  readonly questionnaires: Map<QuestionnaireId, Set<string> | null>;
}

const rank: Record<ObservationPolicy, number> = { latest: 0, roomAir: 1, all: 2 };

function observe(needs: Needs, feature: ObservationFeature, policy: ObservationPolicy): void {
  const current = needs.observations.get(feature);
  // `all` keeps a superset of what `latest` and `roomAir` keep, and `roomAir` of what `latest` keeps.
  if (current === undefined || rank[policy] > rank[current]) needs.observations.set(feature, policy);
}

function askWhole(needs: Needs, questionnaire: QuestionnaireId): void {
  needs.questionnaires.set(questionnaire, null);
}

function askItem(needs: Needs, questionnaire: QuestionnaireId, linkId: string): void {
  const current = needs.questionnaires.get(questionnaire);
  if (current === null) return;
  if (current === undefined) needs.questionnaires.set(questionnaire, new Set([linkId]));
  else current.add(linkId);
}

function leaf(needs: Needs, l: Leaf): void {
  switch (l.type) {
    case 'age':
    case 'sex':
      return; // the Patient resource is always kept
    case 'lab':
    case 'lab-vs-limit':
    case 'negative':
      observe(needs, l.feature, ObservationPolicy.latest);
      return;
    case 'positive':
      observe(needs, l.feature, l.anyDate ? ObservationPolicy.all : ObservationPolicy.latest);
      return;
    case 'spo2-room-air':
      observe(needs, 'spo2', ObservationPolicy.roomAir);
      return;
    case 'condition':
    case 'condition-since':
      needs.conditions.add(l.condition);
      return;
    case 'none-recent':
      if (l.event === 'transfusion') needs.transfusionDays = Math.max(needs.transfusionDays, l.days);
      else needs.medicationClasses.add('growth-factor');
      return;
    case 'stable-regimen':
    case 'distinct-agents':
      for (const c of l.classes) needs.medicationClasses.add(c);
      return;
    case 'glucocorticoid-dose':
      needs.medicationClasses.add('corticosteroid');
      needs.medicationClasses.add('immunosuppressant');
      return;
    case 'sledai2k':
      askWhole(needs, 'sledai-2k');
      return;
    case 'eular-acr-2019':
      observe(needs, 'anaTiter', ObservationPolicy.all);
      askWhole(needs, 'eular-acr-2019');
      return;
    case 'crcl':
      observe(needs, 'weight', ObservationPolicy.latest);
      observe(needs, 'creatinine', ObservationPolicy.latest);
      return;
    case 'answer':
      askItem(needs, l.questionnaire, l.linkId);
      return;
    default:
      needs.keepAll = true;
  }
}

function walk(needs: Needs, rule: Rule): void {
  switch (rule.type) {
    case 'all':
    case 'any':
    case 'each-measured':
      for (const part of rule.of) walk(needs, part);
      return;
    case 'not':
      walk(needs, rule.rule);
      return;
    case 'switch':
      for (const part of Object.values(rule.cases)) walk(needs, part);
      return;
    default:
      leaf(needs, rule);
      return;
  }
}

/**
 * The kinds of fact a rule reads, as a kindBit mask (the patient's own fields always come): what a
 * criterion needs decoded before it is evaluated (lazy-record.ts). A leaf type this does not know
 * reads every kind.
 */
export function ruleKinds(rule: Rule): number {
  switch (rule.type) {
    case 'all':
    case 'any':
    case 'each-measured':
      return rule.of.reduce((k, part) => k | ruleKinds(part), 0);
    case 'not':
      return ruleKinds(rule.rule);
    case 'switch':
      return Object.values(rule.cases).reduce((k, part) => k | ruleKinds(part), 0);
    default:
      return leafKinds(rule);
  }
}

function leafKinds(l: Leaf): number {
  switch (l.type) {
    case 'age':
    case 'sex':
      return kindBit('patient');
    case 'lab':
    case 'lab-vs-limit':
    case 'positive':
    case 'negative':
    case 'spo2-room-air':
    case 'crcl':
      return kindBit('observation');
    case 'condition':
    case 'condition-since':
      return kindBit('condition');
    case 'none-recent':
      return l.event === 'transfusion' ? kindBit('procedure') : kindBit('medication');
    case 'stable-regimen':
    case 'distinct-agents':
    case 'glucocorticoid-dose':
      return kindBit('medication');
    case 'sledai2k':
    case 'answer':
      return kindBit('answer');
    case 'eular-acr-2019':
      return kindBit('answer') | kindBit('observation');
    default:
      return allKinds;
  }
}

export function protocolNeeds(protocol: Protocol): Needs {
  const needs: Needs = { keepAll: false, observations: new Map(), conditions: new Set(), medicationClasses: new Set(), transfusionDays: 0, questionnaires: new Map() };
  for (const criterion of protocol.criteria) walk(needs, criterion.rule);
  return needs;
}
