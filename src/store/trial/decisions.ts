// Dose steps. The recommendation is computed from the live data (subjects still inside their DLT
// window are pending, and the engine answers `wait` while they could change it); the committee
// records its decision with the full input (regulatory.md R-55: replayable) and a departure from
// the recommendation needs a reason; the next cohort opens only once a committee member's
// signature on the decision is valid.
import { checkCommitteeDecision, checkSignDecision, type ConductState, escalationInput } from '../../domain/conduct/index.ts';
import { type Decision, decide, type TrialRecord } from '../../domain/escalation/index.ts';
import type { Protocol } from '../../domain/protocol/index.ts';
import { issue } from '../../domain/result.ts';
import { type Credentials, type SignatureRow, sign } from '../access/index.ts';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../audit.ts';
import type { Db } from '../db.ts';
import { orm } from '../orm.ts';
import { type DecisionRow, escalationDecision } from '../schema-conduct.ts';
import { siteDate } from './clock.ts';
import { conductAction } from './guard.ts';
import { protocolDesign } from './design.ts';
import { ConductRefusal, orRefuse } from './refusal.ts';
import { loadConductState } from './state.ts';
import { protocolInForce } from './study.ts';

export interface Recommendation {
  readonly asOf: string;
  readonly design: Protocol['escalation'];
  readonly input: TrialRecord;
  readonly decision: Decision;
}

export function recommendationFor(protocol: Protocol, state: ConductState, asOf: string): Recommendation {
  const input = escalationInput(state, asOf);
  return { asOf, design: protocol.escalation, input, decision: orRefuse(decide(protocolDesign(protocol), input)) };
}

/** The design's recommendation today, from the live record (nothing is written). */
export async function recommend(db: Db, studyId: string, asOf: string): Promise<Recommendation> {
  return db.transaction(async (sql) => {
    const { protocol } = await protocolInForce(sql, studyId, asOf);
    return recommendationFor(protocol, await loadConductState(sql, studyId, protocol), asOf);
  });
}

export interface DecisionInput {
  readonly studyId: string;
  readonly asOf: string;
  /** The next cohort's level; null stops the trial. */
  readonly nextLevel: number | null;
  /** Required when the decision departs from the recommendation. */
  readonly overrideReason?: string;
}

export async function recordDecision(db: Db, actor: Actor, input: DecisionInput): Promise<DecisionRow> {
  return conductAction(db, actor, 'decide', input.studyId, input.asOf, async ({ tx, state, protocol, protocolVersion }) => {
    const draft = orRefuse(checkCommitteeDecision(state, input.nextLevel, input.asOf));
    const rec = recommendationFor(protocol, state, input.asOf);
    const departs = rec.decision.decision === 'wait' || rec.decision.nextDose !== input.nextLevel;
    const overrideReason = input.overrideReason?.trim() || null;
    if (departs && !overrideReason)
      throw new ConductRefusal(
        issue(['overrideReason'], 'decision_override_reason_required', { recommended: rec.decision.nextDose ?? rec.decision.decision, decided: input.nextLevel ?? 'stop' }),
      );
    return tx.insert(escalationDecision, {
      studyId: input.studyId,
      protocolVersionId: protocolVersion.id,
      cohort: draft.cohort,
      level: draft.level,
      asOf: input.asOf,
      input: { protocolVersion: protocolVersion.label, design: rec.design, record: rec.input },
      recommendation: { decision: rec.decision.decision, nextDose: rec.decision.nextDose, reason: rec.decision.reason, mtd: rec.decision.mtd ?? null, needed: rec.decision.needed ?? [] },
      nextLevel: input.nextLevel,
      overrideReason: departs ? overrideReason : null,
    });
  });
}

/** A safety committee member signs the decision of a cohort (meaning escalation-approved). */
export async function signDecision(db: Db, credentials: Credentials, studyId: string, cohort: number, now = new Date()): Promise<SignatureRow> {
  const date = siteDate(now);
  const row = await db.transaction(async (sql) => {
    const { protocol } = await protocolInForce(sql, studyId, date);
    orRefuse(checkSignDecision(await loadConductState(sql, studyId, protocol), cohort, date));
    const [d] = await orm(sql).select().from(escalationDecision).where(and(eq(escalationDecision.studyId, studyId), eq(escalationDecision.cohort, cohort)));
    return d!;
  });
  return sign(db, credentials, { table: 'escalation_decision', rowId: row.id, meaning: 'escalation-approved' });
}
