// Disease scores from questionnaire answers (linkId = score code, boolean): SLEDAI-2K for I8 and the
// 2019 EULAR/ACR classification for I2, computed by src/domain/scores. A questionnaire that was
// answered at all is read as complete: items not answered `true` are absent, as on a paper form
// where only present descriptors are ticked. No questionnaire → unknown (`not_answered`).
import { classifyEularAcr2019, eularAcrClassificationThreshold, eularAcrCriterionCodes } from '../scores/eular-acr-2019.ts';
import { computeSledai2k, isSledai2kItem } from '../scores/sledai2k.ts';
import { answerEvidence, answersOf, latestPerItem, screeningResponse } from './answers.ts';
import { DecidedCode, MissingCode } from './codes.ts';
import { brief, decided, type EvalContext, met, missing, unknown } from './context.ts';
import type { Evidence, Missing, NodeResult } from './criterion-result.ts';
import { positiveEver } from './evaluate-qualitative.ts';
import type { LeafOf } from './limits.ts';
import type { AnswerFact } from './patient-record.ts';
import { Tri, triAnd } from './tri.ts';

/**
 * I8 (domain.md §2.4): total ≥ minTotal and, when low complement or increased DNA binding is
 * scored, clinical SLEDAI-2K (total − serology points) ≥ minClinicalIfSerology. Uses the latest
 * SLEDAI-2K response in the screening window.
 */
export function evaluateSledai2k(ctx: EvalContext, leaf: LeafOf<'sledai2k'>): NodeResult {
  const response = screeningResponse(ctx, 'sledai-2k');
  if (!response.ok) return unknown([response.missing]);
  const latest = [...latestPerItem(response.value).values()];
  const present = latest.filter((a) => a.value === true && isSledai2kItem(a.linkId));
  const score = computeSledai2k(present.map((a) => a.linkId));
  const serologyScored = score.serologic > 0;
  const code =
    score.total < leaf.minTotal
      ? DecidedCode.sledai2kTotalBelow
      : serologyScored && leaf.minClinicalIfSerology !== undefined && score.clinical < leaf.minClinicalIfSerology
        ? DecidedCode.sledai2kClinicalBelow
        : DecidedCode.sledai2kMet;
  const status = code === DecidedCode.sledai2kMet ? Tri.met : Tri.notMet;
  if (!ctx.explain) return brief(status, code);
  const date = present[0]?.date ?? latest[0]?.date ?? null;
  const evidence: Evidence[] = [
    ...present.map((a) => answerEvidence(a, `${score.items.find((i) => i.code === a.linkId)?.weight ?? 0} points`)),
    // Object.assign, not spreads between fields: the same objects without V8's slow path (combine.ts).
    Object.assign({ item: 'sledai-2k-total', value: score.total }, date ? { date } : {}, { compared: `>= ${leaf.minTotal}` }),
    Object.assign(
      { item: 'sledai-2k-clinical', value: score.clinical },
      date ? { date } : {},
      leaf.minClinicalIfSerology !== undefined && serologyScored ? { compared: `>= ${leaf.minClinicalIfSerology}` } : {},
    ),
  ];
  const params = { total: score.total, clinical: score.clinical, serologyScored, minTotal: leaf.minTotal, minClinical: leaf.minClinicalIfSerology ?? null };
  return decided(status, code, params, evidence);
}

/**
 * The ANA entry criterion ("ANA ≥ 1:80 on HEp-2 cells or an equivalent positive test, at least
 * once", domain.md §3.1): any anaTiter result up to the screening date at ≥ `minAnaDilution`, or
 * coded positive. An EULAR/ACR answer `ana` = true also counts, so that an investigator can record
 * a documented historical positive the lab feed lacks; an answer `false` settles nothing, because
 * "never positive" cannot be attested, only tested (a titre below 1:80 on record does settle it).
 */
function anaEntry(ctx: EvalContext, minAnaDilution: number, latest: ReadonlyMap<string, AnswerFact>): NodeResult {
  const fromLab = positiveEver(ctx, 'anaTiter', minAnaDilution);
  if (fromLab.status === Tri.met) return fromLab;
  const answer = latest.get('ana');
  if (answer && (answer.value === true || answer.value === 'positive'))
    return ctx.explain
      ? met(DecidedCode.resultPositive, { feature: 'anaTiter', date: answer.date ?? null }, [answerEvidence(answer, `ANA >= 1:${minAnaDilution} ever`)])
      : brief(Tri.met, DecidedCode.resultPositive);
  return fromLab;
}

const eularAcrCodes = new Set<string>(eularAcrCriterionCodes);

/** What an unknown classification lacks: the entry criterion's missing items, then the questionnaire. */
function eularAcrLacking(entry: NodeResult, criteriaTri: Tri): Missing[] {
  const out = entry.status === Tri.unknown ? [...entry.missing] : [];
  if (criteriaTri === Tri.unknown) out.push(missing('eular-acr-2019', MissingCode.notAnswered, { questionnaire: 'eular-acr-2019' }));
  return out;
}

/** I2: classified by the 2019 EULAR/ACR criteria (entry criterion, ≥ 10 points, ≥ 1 clinical criterion). */
export function evaluateEularAcr(ctx: EvalContext, leaf: LeafOf<'eular-acr-2019'>): NodeResult {
  const minAnaDilution = leaf.minAnaDilution ?? 80;
  const answers = answersOf(ctx, 'eular-acr-2019');
  const latestByItem = latestPerItem(answers);
  const entry = anaEntry(ctx, minAnaDilution, latestByItem);
  const latest = [...latestByItem.values()];
  const present = latest.filter((a) => a.value === true && eularAcrCodes.has(a.linkId));
  const r = classifyEularAcr2019('positive', present.map((a) => a.linkId));
  const entryTri = entry.status;
  const criteriaTri = answers.length === 0 ? Tri.unknown : r.points >= eularAcrClassificationThreshold && r.clinicalCriterion ? Tri.met : Tri.notMet;
  const status = triAnd([entryTri, criteriaTri]);
  const code =
    status === Tri.met
      ? DecidedCode.eularAcrClassified
      : status === Tri.unknown
        ? undefined
        : entryTri === Tri.notMet
          ? DecidedCode.eularAcrEntryNotMet
          : !r.clinicalCriterion
            ? DecidedCode.eularAcrNoClinicalCriterion
            : DecidedCode.eularAcrPointsBelow;
  if (!ctx.explain) return code === undefined || status === Tri.unknown ? unknown(eularAcrLacking(entry, criteriaTri)) : brief(status, code);
  const counted = new Map(r.domains.map((d) => [d.criterion as string, d.points]));
  const evidence: Evidence[] = [
    ...entry.evidence,
    ...present.map((a) => answerEvidence(a, counted.has(a.linkId) ? `${counted.get(a.linkId)} points` : 'superseded in its domain')),
  ];
  if (code === undefined || status === Tri.unknown) return unknown(eularAcrLacking(entry, criteriaTri), evidence);
  // The points are shown where they decided: classified, or too few.
  if (code === DecidedCode.eularAcrClassified || code === DecidedCode.eularAcrPointsBelow)
    evidence.push({ item: 'eular-acr-2019-points', value: r.points, compared: `>= ${eularAcrClassificationThreshold}` });
  const params = { points: r.points, threshold: eularAcrClassificationThreshold, clinicalCriterion: r.clinicalCriterion, minAnaDilution };
  return decided(status, code, params, evidence);
}
