// Questionnaire answers (QuestionnaireResponse items): SLEDAI-2K and EULAR/ACR items by score code,
// and the screening attestations (dyspnoea grade, lactation, contraception). Answers dated after the
// screening date are not used. Point-in-time answers (SLEDAI-2K "screening period" score, the
// attestations) must be dated within the screening window when they carry a date; an undated
// answer is taken as given at screening, since QuestionnaireResponse.authored is optional.
import { MissingCode } from './codes.ts';
import { type EvalContext, missing, windowStart } from './context.ts';
import { datePart, dayNumber } from './dates.ts';
import type { Evidence } from './criterion-result.ts';
import { found, lacking, type Pick } from './observations.ts';
import type { AnswerFact, QuestionnaireId } from './patient-record.ts';

export function answersOf(ctx: EvalContext, questionnaire: QuestionnaireId): readonly AnswerFact[] {
  return ctx.index.answers(questionnaire);
}

/** True when `a` is picked over `best` by latestBy (by day, undated first; then the text; then later in the record). */
function laterOrSame(a: AnswerFact, best: AnswerFact): boolean {
  const day = a.date === undefined ? Number.NEGATIVE_INFINITY : dayNumber(a.date);
  const bestDay = best.date === undefined ? Number.NEGATIVE_INFINITY : dayNumber(best.date);
  return day > bestDay || (day === bestDay && (a.date ?? '') >= (best.date ?? ''));
}

/** The last answer to each item (by date; undated before dated; then record order), items in order of first answer. */
export function latestPerItem(answers: readonly AnswerFact[]): Map<string, AnswerFact> {
  const out = new Map<string, AnswerFact>();
  for (const a of answers) {
    const best = out.get(a.linkId);
    if (best === undefined || laterOrSame(a, best)) out.set(a.linkId, a);
  }
  return out;
}

const staleness = (ctx: EvalContext, item: string, date: string) => {
  const from = windowStart(ctx, ctx.windowDays);
  return dayNumber(date) < dayNumber(from) ? missing(item, MissingCode.resultTooOld, { date: datePart(date), windowDays: ctx.windowDays, from }) : undefined;
};

/**
 * The latest response of a point-in-time questionnaire: the answers of its most recent date (or the
 * undated ones when none is dated), if that date is within the screening window.
 */
export function screeningResponse(ctx: EvalContext, questionnaire: QuestionnaireId): Pick<AnswerFact[]> {
  const answers = answersOf(ctx, questionnaire);
  if (answers.length === 0) return lacking(missing(questionnaire, MissingCode.notAnswered, { questionnaire }));
  let latest = answers[0]!;
  for (let i = 1; i < answers.length; i++) if (laterOrSame(answers[i]!, latest)) latest = answers[i]!;
  if (latest.date === undefined) return found(undatedOf(answers));
  const stale = staleness(ctx, questionnaire, latest.date);
  if (stale) {
    const undated = undatedOf(answers);
    return undated.length > 0 ? found(undated) : lacking(stale);
  }
  const day = dayNumber(latest.date);
  const out: AnswerFact[] = [];
  for (const a of answers) if (a.date !== undefined && dayNumber(a.date) === day) out.push(a);
  return found(out);
}

function undatedOf(answers: readonly AnswerFact[]): AnswerFact[] {
  const out: AnswerFact[] = [];
  for (const a of answers) if (a.date === undefined) out.push(a);
  return out;
}

/** One attestation item: its latest answer, not older than the window when dated. */
export function screeningAnswer(ctx: EvalContext, questionnaire: QuestionnaireId, linkId: string): Pick<AnswerFact> {
  let latest: AnswerFact | undefined;
  for (const a of answersOf(ctx, questionnaire)) if (a.linkId === linkId && (latest === undefined || laterOrSame(a, latest))) latest = a;
  if (!latest) return lacking(missing(linkId, MissingCode.notAnswered, { questionnaire, linkId }));
  const stale = latest.date === undefined ? undefined : staleness(ctx, linkId, latest.date);
  return stale ? lacking(stale) : found(latest);
}

/** An answer as evidence: item, value, source, then date and compared when there are (in this order). */
export function answerEvidence(a: AnswerFact, compared?: string): Evidence {
  // Fields set one by one: cheaper than conditional spreads, for every answer a score shows.
  const out: { -readonly [K in keyof Evidence]: Evidence[K] } = { item: a.linkId, value: a.value, source: a.source };
  if (a.date !== undefined) out.date = datePart(a.date);
  if (compared !== undefined) out.compared = compared;
  return out;
}
