// Data queries: a monitor or data manager asks about a value, the site answers, the asker closes.
// Each step is an audited change with the actor's reason; a closed query stays on record.
import { eq } from 'drizzle-orm';
import { issue } from '../../domain/result.ts';
import { type Actor, audited } from '../audit.ts';
import type { Db } from '../db.ts';
import { type DataQueryRow, dataQuery, type QueryStatus } from '../schema-conduct.ts';
import { ConductRefusal, InvalidInput } from './refusal.ts';

export interface NewQuery {
  readonly studyId: string;
  readonly subjectId?: string;
  readonly tableName: string;
  readonly rowId: string;
  readonly field?: string;
  readonly text: string;
  readonly automatic?: boolean;
}

export function raiseQuery(db: Db, actor: Actor, q: NewQuery): Promise<DataQueryRow> {
  if (!q.text.trim()) throw new InvalidInput(issue(['text'], 'required'));
  return audited(db, actor, (tx) =>
    tx.insert(dataQuery, {
      studyId: q.studyId,
      subjectId: q.subjectId ?? null,
      tableName: q.tableName,
      rowId: q.rowId,
      field: q.field ?? null,
      text: q.text.trim(),
      raisedBy: actor.user,
      automatic: q.automatic ?? false,
    }),
  );
}

const next: Readonly<Record<QueryStatus, readonly QueryStatus[]>> = { open: ['answered', 'closed'], answered: ['closed', 'open'], closed: [] };

async function moveQuery(db: Db, actor: Actor, id: string, to: QueryStatus, answer?: string): Promise<DataQueryRow> {
  return audited(db, actor, async (tx) => {
    const [q] = await tx.orm.select().from(dataQuery).where(eq(dataQuery.id, id));
    if (!q) throw new ConductRefusal(issue(['queryId'], 'query_not_found', { query: id }));
    if (!next[q.status].includes(to)) throw new ConductRefusal(issue(['queryId'], 'transition_not_allowed', { from: q.status, to, allowed: next[q.status] }));
    return tx.update(dataQuery, q.id, q.version, { status: to, ...(answer !== undefined ? { answer } : {}) });
  });
}

export function answerQuery(db: Db, actor: Actor, id: string, answer: string): Promise<DataQueryRow> {
  if (!answer.trim()) throw new InvalidInput(issue(['answer'], 'required'));
  return moveQuery(db, { ...actor, reason: actor.reason ?? 'query answered' }, id, 'answered', answer.trim());
}

/** Closes a query (resolved), or re-opens an answered one when the answer does not settle it. */
export function closeQuery(db: Db, actor: Actor, id: string): Promise<DataQueryRow> {
  return moveQuery(db, { ...actor, reason: actor.reason ?? 'query closed' }, id, 'closed');
}

export function reopenQuery(db: Db, actor: Actor, id: string): Promise<DataQueryRow> {
  if (!actor.reason?.trim()) throw new InvalidInput(issue(['reason'], 'reason_required'));
  return moveQuery(db, actor, id, 'open');
}
