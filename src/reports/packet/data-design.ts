// The dose-escalation side of the packet: each cohort with its committee decision and the
// signatures on it, and the design's recommendation today from the live record (the same
// recommendationFor that `firstdose decision recommend` and the committee's record use).
import { eq } from 'drizzle-orm';
import { type ConductState, dosedMembers, lastWindowEnd } from '../../domain/conduct/index.ts';
import type { DecisionKind } from '../../domain/escalation/index.ts';
import type { Protocol } from '../../domain/protocol/index.ts';
import { signaturesOf } from '../../store/access/index.ts';
import type { Sql } from '../../store/db.ts';
import { orm } from '../../store/orm.ts';
import { escalationDecision } from '../../store/schema-conduct.ts';
import { ConductRefusal, recommendationFor } from '../../store/trial/index.ts';
import type { CohortSummary, PacketModel, PacketSubject } from './model.ts';

export async function cohortsOf(sql: Sql, studyId: string, state: ConductState, subjects: readonly PacketSubject[], openCohort: number): Promise<CohortSummary[]> {
  const decisions = await orm(sql).select().from(escalationDecision).where(eq(escalationDecision.studyId, studyId));
  const cohorts: CohortSummary[] = [];
  for (let cohort = 1; cohort <= openCohort; cohort++) {
    const members = subjects.filter((s) => s.cohort === cohort && (s.firstDose !== null || s.status === 'enrolled'));
    const d = decisions.find((x) => x.cohort === cohort);
    const level = d?.level ?? members[0]?.doseLevel ?? null;
    if (level === null) continue;
    const recommended = d?.recommendation as { decision: DecisionKind; nextDose: number | null } | undefined;
    cohorts.push({
      cohort,
      level,
      subjects: members.map((s) => s.number),
      dosed: dosedMembers(state, cohort).length,
      dlts: members.filter((s) => s.dltWindow?.outcome === 'dlt').length,
      pending: members.filter((s) => s.dltWindow?.outcome === 'pending').length,
      windowsEnd: lastWindowEnd(state, cohort)?.end ?? null,
      decision: d
        ? {
            decidedOn: d.asOf,
            nextLevel: d.nextLevel,
            recommended: { decision: recommended?.decision ?? 'wait', nextDose: recommended?.nextDose ?? null },
            overrideReason: d.overrideReason,
            signatures: (await signaturesOf(sql, 'escalation_decision', d.id)).map((x) => ({ by: x.fullName, role: x.role, at: x.createdAt.toISOString(), valid: x.status === 'valid' })),
          }
        : null,
    });
  }
  return cohorts;
}

export function recommendationOf(protocol: Protocol, state: ConductState, asOf: string): PacketModel['recommendation'] {
  let r: ReturnType<typeof recommendationFor>;
  try {
    r = recommendationFor(protocol, state, asOf);
  } catch (error) {
    if (error instanceof ConductRefusal) return { refused: error.issue };
    throw error;
  }
  const label = new Map(state.subjects.map((s) => [s.id, s.label]));
  const d = r.decision;
  return {
    decision: d.decision,
    nextDose: d.nextDose,
    mtd: d.mtd ?? null,
    reason: d.reason,
    needed: (d.needed ?? []).map((id) => label.get(id) ?? id),
    explanation: d.explanation.map((step) => ({ ...step, params: relabel(step.params, label) })),
    table: d.table,
    doses: r.input.doses.map((dose, j) => ({
      level: j + 1,
      treated: dose.patients.length,
      dlts: dose.patients.filter((p) => p.outcome === 'dlt').length,
      pending: dose.patients.filter((p) => p.outcome === 'pending').length,
    })),
    current: r.input.current,
  };
}

/** The engine names pending patients by subject id (escalation-input.ts); people know them by screening number. */
function relabel<T extends Record<string, unknown>>(params: T, label: ReadonlyMap<string, string>): T {
  const swap = (v: unknown): unknown => (typeof v === 'string' ? (label.get(v) ?? v) : Array.isArray(v) ? v.map(swap) : v);
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, swap(v)])) as T;
}
