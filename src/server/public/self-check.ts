// The patient's self-check on the public study page: a few questions (age, sex, lupus diagnosis
// and how long ago, current and past medicines with the prednisone dose, pregnancy,
// breastfeeding, contraception) turned into a patient record and judged by the same eligibility
// engine the site screens with. Only a criterion the answers settle can rule a patient out; the
// rest (laboratory values, scores, the treatment history in detail) the site checks. So the
// answer is "you may be eligible: contact the site", or the criterion that rules the patient out.
import { z } from 'zod';
import { addMonths, evaluateProtocol, type PatientRecordInput, PatientRecord, type Rule } from '../../domain/eligibility/index.ts';
import type { Criterion, Protocol } from '../../domain/protocol/index.ts';
import { switchValue } from '../../domain/protocol/index.ts';
import { type Issue, issue } from '../../domain/result.ts';
import { defaultCodeTables } from '../../fhir/index.ts';

/** The medicines a patient can name: every agent the default code tables count for HN2301's history criteria. */
export function selfCheckMedicines(): { agent: string; class: string }[] {
  const seen = new Map<string, string>();
  for (const m of defaultCodeTables().medications.atc.values()) if (m.class === 'hydroxychloroquine' || m.class === 'immunosuppressant') seen.set(m.agent, m.class);
  return [...seen].map(([agent, cls]) => ({ agent, class: cls })).sort((a, b) => a.class.localeCompare(b.class) || a.agent.localeCompare(b.agent));
}

export const SelfCheckAnswers = z
  .object({
    age: z.int().min(0).max(120),
    sex: z.enum(['female', 'male']),
    sleDiagnosed: z.boolean().describe('diagnosed with systemic lupus erythematosus by a doctor'),
    sleDiagnosedMonthsAgo: z.int().min(0).max(1200).optional().describe('how many months ago'),
    prednisoneMgPerDay: z.number().min(0).max(1000).optional().describe('current oral prednisone (or equivalent) dose, mg per day; 0 for none'),
    currentMedicines: z.array(z.string()).max(30).describe('lupus medicines taken now (names from the study page)'),
    pastMedicines: z.array(z.string()).max(30).optional().describe('lupus medicines taken before and stopped'),
    pregnant: z.boolean().optional(),
    breastfeeding: z.boolean().optional(),
    contraceptionAgreed: z.boolean().optional().describe('willing to use contraception for 12 months after the infusion'),
  })
  .meta({ id: 'SelfCheckAnswers' });
export type SelfCheckAnswers = z.infer<typeof SelfCheckAnswers>;

const source = 'self-check';

/** Medicines named that the page does not offer: each an issue at its place in the answers. */
export function unknownMedicines(a: SelfCheckAnswers): Issue[] {
  const known = selfCheckMedicines().map((m) => m.agent);
  const check = (list: readonly string[], field: string) =>
    list.flatMap((agent, i) => (known.includes(agent) ? [] : [issue(['answers', field, i], 'invalid_choice', { value: agent, allowed: known })]));
  return [...check(a.currentMedicines, 'currentMedicines'), ...check(a.pastMedicines ?? [], 'pastMedicines')];
}

/** The answers as the engine's patient record, on the day of the check. */
export function recordFromAnswers(a: SelfCheckAnswers, asOf: string): PatientRecord {
  const classOf = new Map(selfCheckMedicines().map((m) => [m.agent, m.class as 'hydroxychloroquine' | 'immunosuppressant']));
  const longAgo = addMonths(asOf, -12);
  const record: PatientRecordInput = {
    // 1 January: the completed years on any later day of the year are exactly `age`.
    birthDate: `${Number(asOf.slice(0, 4)) - a.age}-01-01`,
    sex: a.sex,
    conditions: [
      ...(a.sleDiagnosed ? [{ kind: 'sle' as const, ...(a.sleDiagnosedMonthsAgo !== undefined ? { onset: addMonths(asOf, -a.sleDiagnosedMonthsAgo) } : {}), source }] : []),
      ...(a.pregnant ? [{ kind: 'pregnancy' as const, onset: asOf, source }] : []),
    ],
    medications: [
      ...(a.prednisoneMgPerDay ? [{ class: 'corticosteroid' as const, agent: 'prednisone', dose: { value: a.prednisoneMgPerDay, unit: 'mg' }, perDay: 1, start: longAgo, source }] : []),
      ...a.currentMedicines.map((agent) => ({ class: classOf.get(agent)!, agent, start: longAgo, source })),
      ...(a.pastMedicines ?? []).map((agent) => ({ class: classOf.get(agent)!, agent, start: addMonths(asOf, -24), end: longAgo, source })),
    ],
    answers: [
      ...(a.breastfeeding !== undefined ? [{ questionnaire: 'screening-attestations' as const, linkId: 'lactating', value: a.breastfeeding, date: asOf, source }] : []),
      ...(a.contraceptionAgreed !== undefined ? [{ questionnaire: 'screening-attestations' as const, linkId: 'contraception-agreed', value: a.contraceptionAgreed, date: asOf, source }] : []),
    ],
  };
  return PatientRecord.parse(record);
}

type Coverage = 'decided' | 'open' | 'blocking';

/**
 * How the answers cover one criterion's rule. A leaf the answers decide counts; one that is
 * unknown without data (a laboratory value) is harmless, since unknown never rules out; one that
 * would read an unasked question's absence as a fact (no treatment history means "too few
 * agents") blocks the criterion from the self-check, as does absence-as-fact under a `not`.
 */
function coverage(protocol: Protocol, rule: Rule, a: SelfCheckAnswers, negated = false): Coverage[] {
  switch (rule.type) {
    case 'all':
    case 'any':
    case 'each-measured':
      return rule.of.flatMap((r) => coverage(protocol, r, a, negated));
    case 'not':
      return coverage(protocol, rule.rule, a, !negated);
    case 'switch': {
      const chosen = rule.cases[switchValue(protocol, rule.name) ?? ''];
      return chosen ? coverage(protocol, chosen, a, negated) : ['blocking'];
    }
    case 'age':
    case 'sex':
      return ['decided'];
    case 'condition':
    case 'condition-since': {
      const asked = rule.condition === 'sle' || (rule.condition === 'pregnancy' && a.pregnant !== undefined);
      if (asked) return ['decided'];
      // Unasked: "present" reads as absent (not met); "absent" reads as met, which a `not` turns round.
      const presentWanted = rule.type === 'condition-since' || (rule.present ?? true);
      if (rule.type === 'condition-since') return ['open'];
      return presentWanted !== negated ? ['blocking'] : ['open'];
    }
    case 'glucocorticoid-dose':
      return [a.prednisoneMgPerDay !== undefined ? 'decided' : 'blocking'];
    case 'distinct-agents':
      return [a.pastMedicines !== undefined ? 'decided' : 'blocking'];
    case 'stable-regimen':
      return ['blocking'];
    case 'none-recent':
      return [negated ? 'blocking' : 'open'];
    case 'answer':
      return [rule.linkId === 'lactating' || rule.linkId === 'contraception-agreed' ? 'decided' : 'open'];
    default:
      return ['open'];
  }
}

/** Criteria that require a lupus diagnosis of record. */
function needsDiagnosis(rule: Rule): boolean {
  if (rule.type === 'all' || rule.type === 'any' || rule.type === 'each-measured') return rule.of.some(needsDiagnosis);
  if (rule.type === 'switch') return Object.values(rule.cases).some(needsDiagnosis);
  return (rule.type === 'condition-since' && rule.condition === 'sle') || (rule.type === 'condition' && rule.condition === 'sle' && rule.present !== false);
}

export interface SelfCheckResult {
  readonly outcome: 'may-be-eligible' | 'not-eligible';
  /** The criteria that rule the patient out, each with the engine's reason (code and parameters). */
  readonly reasons: readonly { readonly criterion: Criterion; readonly code: string; readonly params: Readonly<Record<string, unknown>> }[];
  /** Criteria the answers settled (met, or not). */
  readonly checked: readonly string[];
  /** Criteria left to the site: they need records or tests. */
  readonly forTheSite: readonly string[];
}

export function selfCheck(protocol: Protocol, answers: SelfCheckAnswers, asOf: string): SelfCheckResult {
  const result = evaluateProtocol(protocol, recordFromAnswers(answers, asOf), asOf);
  const reasons: SelfCheckResult['reasons'][number][] = [];
  const checked: string[] = [];
  const forTheSite: string[] = [];
  for (const criterion of protocol.criteria) {
    const cover = coverage(protocol, criterion.rule, answers, criterion.kind === 'exclusion');
    const r = result.criteria.find((c) => c.id === criterion.id)!;
    // "No lupus diagnosis" is an answer, not a missing record: the engine would wait for the record.
    if (!answers.sleDiagnosed && criterion.kind === 'inclusion' && needsDiagnosis(criterion.rule)) {
      checked.push(criterion.id);
      reasons.push({ criterion, code: 'no_sle_diagnosis', params: {} });
    } else if (cover.includes('blocking') || !cover.includes('decided') || r.status === 'unknown') forTheSite.push(criterion.id);
    else {
      checked.push(criterion.id);
      if (r.status === 'not-met') reasons.push({ criterion, code: r.reason.code, params: r.reason.params ?? {} });
    }
  }
  return { outcome: reasons.length > 0 ? 'not-eligible' : 'may-be-eligible', reasons, checked, forTheSite };
}
