// packetData: everything the safety committee's packet shows, read from the record in one go
// (callers pass a read-only snapshot transaction, so every section sees the same data). The
// sections come from the same service functions the CLI and the web app use: the conduct state
// and its gates, the live recommendation, per-visit efficacy; this file only assembles them.
import { eq } from 'drizzle-orm';
import { trialPosition } from '../../domain/conduct/index.ts';
import type { Sql } from '../../store/db.ts';
import { orm } from '../../store/orm.ts';
import { study } from '../../store/schema.ts';
import { loadConductState, protocolDesign, protocolInForce } from '../../store/trial/index.ts';
import { aeByGrade } from './ae-summary.ts';
import { cohortsOf, recommendationOf } from './data-design.ts';
import { adverseEventsOf } from './data-safety.ts';
import { subjectsOf } from './data-subjects.ts';
import { consortFlow } from './flow.ts';
import { labSeries } from './lab-series.ts';
import type { PacketModel } from './model.ts';
import { defaultTarget, packetOc } from './oc-scenarios.ts';

/** Full names of the study's active safety committee members: the packet's signatories. */
async function committeeOf(sql: Sql, studyId: string): Promise<string[]> {
  const rows = await sql.query<{ full_name: string }>(
    `SELECT DISTINCT u.full_name FROM user_role r JOIN app_user u ON u.id = r.user_id
      WHERE r.study_id = $1 AND r.role = 'safety_committee' AND r.active AND u.active ORDER BY u.full_name`,
    [studyId],
  );
  return rows.map((r) => r.full_name);
}

export async function packetData(sql: Sql, studyId: string, asOf: string): Promise<PacketModel> {
  const { row, protocol } = await protocolInForce(sql, studyId, asOf);
  const [s] = await orm(sql).select().from(study).where(eq(study.id, studyId));
  const state = await loadConductState(sql, studyId, protocol);
  const position = trialPosition(state);
  const adverseEvents = await adverseEventsOf(sql, state, asOf);
  const { subjects, labs } = await subjectsOf(sql, state, protocol, adverseEvents, asOf);
  const e = protocol.escalation;
  const levels = protocol.doseLevels.length;
  // BOIN and CRM run at 0.3 when the protocol names no target (store/trial/design.ts); 3+3 has none.
  const target = e.design === '3+3' ? null : (e.target ?? defaultTarget);
  return {
    study: {
      code: s!.code,
      title: protocol.identity.title,
      shortTitle: protocol.identity.shortTitle ?? null,
      registryId: protocol.identity.registryId,
      sponsor: protocol.identity.sponsor,
      sites: protocol.identity.sites.map((x) => x.name),
    },
    protocolVersion: row.label,
    asOf,
    design: {
      design: e.design,
      variant: e.variant ?? null,
      cohortSize: e.cohortSize,
      target,
      dltWindowDays: protocol.dlt.windowDays,
      sentinel: protocol.sentinel,
      plannedParticipants: protocol.identity.plannedParticipants,
    },
    doseLevels: protocol.doseLevels.map((d) => ({
      level: d.level,
      label: d.label,
      amount: d.amount ? `${d.amount.value} ${d.amount.unit}` : null,
      description: d.description ?? null,
    })),
    position,
    subjects,
    cohorts: await cohortsOf(sql, studyId, state, subjects, position.cohort),
    adverseEvents,
    aeByGrade: aeByGrade(adverseEvents, subjects, levels),
    labs: labSeries(labs),
    recommendation: recommendationOf(protocol, state, asOf),
    oc: packetOc(protocolDesign(protocol), target),
    flow: consortFlow(subjects, levels),
    committee: await committeeOf(sql, studyId),
  };
}
