// `answer`: one questionnaire item, e.g. the screening attestations of I12 and I15
// (`dyspnea-grade` 0–5 ≤ 1, `lactating` = false, `contraception-agreed` = true). The latest answer
// is used, dated within the screening window when dated (answers.ts). An answer of another type
// than the rule expects ("no" where a boolean is expected) is unknown, never silently "not met".
import { answerEvidence, screeningAnswer } from './answers.ts';
import { DecidedCode, MissingCode } from './codes.ts';
import { brief, type EvalContext, met, missing, notMet, unknown } from './context.ts';
import type { NodeResult } from './criterion-result.ts';
import type { LeafOf } from './limits.ts';
import { Tri } from './tri.ts';

export function evaluateAnswer(ctx: EvalContext, leaf: LeafOf<'answer'>): NodeResult {
  const pick = screeningAnswer(ctx, leaf.questionnaire, leaf.linkId);
  if (!pick.ok) return unknown([pick.missing]);
  const a = pick.value;
  const typeMismatch =
    (leaf.equals !== undefined && typeof a.value !== typeof leaf.equals) ||
    ((leaf.min !== undefined || leaf.max !== undefined) && typeof a.value !== 'number');
  const ok =
    !typeMismatch &&
    (leaf.equals === undefined || a.value === leaf.equals) &&
    (leaf.min === undefined || (a.value as number) >= leaf.min) &&
    (leaf.max === undefined || (a.value as number) <= leaf.max);
  if (!ctx.explain && !typeMismatch) return ok ? brief(Tri.met, DecidedCode.answerMatches) : brief(Tri.notMet, DecidedCode.answerDoesNotMatch);
  const expected = [
    leaf.equals === undefined ? null : `= ${leaf.equals}`,
    leaf.min === undefined ? null : `>= ${leaf.min}`,
    leaf.max === undefined ? null : `<= ${leaf.max}`,
  ].filter((x) => x !== null);
  const evidence = [answerEvidence(a, expected.join(' and '))];
  const params = {
    questionnaire: leaf.questionnaire,
    linkId: leaf.linkId,
    value: a.value,
    equals: leaf.equals ?? null,
    min: leaf.min ?? null,
    max: leaf.max ?? null,
  };
  if (typeMismatch) return unknown([missing(leaf.linkId, MissingCode.unexpectedAnswer, { questionnaire: leaf.questionnaire, value: a.value })], evidence);
  return ok ? met(DecidedCode.answerMatches, params, evidence) : notMet(DecidedCode.answerDoesNotMatch, params, evidence);
}
