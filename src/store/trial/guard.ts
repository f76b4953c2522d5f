// Every conduct action runs the same way: one audited transaction that first locks the study row
// (so two coordinators cannot both pass the sentinel check and dose at once), builds the state
// the gates read, and writes only if the gates agree. A refusal changes nothing and is itself
// recorded, as a security_event in a transaction of its own (regulatory.md R-36).
import { eq } from 'drizzle-orm';
import type { ConductState } from '../../domain/conduct/index.ts';
import type { Protocol } from '../../domain/protocol/index.ts';
import { recordEvent } from '../access/index.ts';
import { type Actor, type AuditedTx, audited } from '../audit.ts';
import type { Db } from '../db.ts';
import { type Study, study } from '../schema.ts';
import type { ProtocolVersionRow } from '../schema-conduct.ts';
import { ConductRefusal } from './refusal.ts';
import { loadConductState } from './state.ts';
import { protocolInForce } from './study.ts';

export interface ConductContext {
  readonly tx: AuditedTx;
  readonly study: Study;
  readonly protocol: Protocol;
  readonly protocolVersion: ProtocolVersionRow;
  readonly state: ConductState;
}

/** The reason recorded for the changes a step makes when the person gave none: the step itself. */
const stepReasons: Readonly<Record<string, string>> = {
  enrol: 'enrolment',
  dose: 'dose administered',
  decide: 'safety committee decision',
  'adverse-event': 'adverse event recorded',
};

export async function conductAction<T>(db: Db, actor: Actor, action: string, studyId: string, asOf: string, fn: (ctx: ConductContext) => Promise<T>): Promise<T> {
  const reason = actor.reason?.trim() || stepReasons[action] || action;
  try {
    return await audited(db, { user: actor.user, reason }, async (tx) => {
      await tx.sql.query('SELECT id FROM study WHERE id = $1 FOR UPDATE', [studyId]);
      const [s] = await tx.orm.select().from(study).where(eq(study.id, studyId));
      const { row, protocol } = await protocolInForce(tx.sql, studyId, asOf);
      const state = await loadConductState(tx.sql, studyId, protocol);
      return fn({ tx, study: s!, protocol, protocolVersion: row, state });
    });
  } catch (error) {
    if (error instanceof ConductRefusal)
      await audited(db, { user: actor.user }, (tx) =>
        recordEvent(tx.sql, { kind: 'conduct_refused', username: actor.user, detail: { action, study: studyId, rule: error.issue.code, params: error.issue.params } }),
      );
    throw error;
  }
}
