// Writing audited records. The database enforces the rules (migration 0001: a user for every
// write, a reason for every change after first entry, the version bump); these helpers give the
// database what it needs and turn its refusals into StoreErrors. Optimistic locking: an update
// or delete names the version it was based on, and a stale one changes nothing and throws
// `conflict` naming the record and both versions.
import { and, eq, getTableName, type InferInsertModel, type InferSelectModel } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { IssueParams } from '../domain/result.ts';
import type { Db, Sql } from './db.ts';
import { StoreError, fromDatabaseError } from './errors.ts';
import { type Orm, orm } from './orm.ts';

/** Who makes the change and why. The reason is required for every change after first entry. */
export interface Actor {
  readonly user: string;
  readonly reason?: string;
}

/** A table put under audit by firstdose_audit(): it has `id` and `version` (and usually created_at). */
export type AuditedTable = PgTable & { readonly id: AnyPgColumn; readonly version: AnyPgColumn };

/** The fields a change may set: id, version and created_at belong to the database. */
export type Changes<T extends AuditedTable> = Partial<Omit<InferInsertModel<T>, 'id' | 'version' | 'createdAt'>>;

export interface AuditedTx {
  readonly sql: Sql;
  readonly orm: Orm;
  insert<T extends AuditedTable>(table: T, values: Omit<InferInsertModel<T>, 'version' | 'createdAt'>): Promise<InferSelectModel<T>>;
  update<T extends AuditedTable>(table: T, id: string, expectedVersion: number, changes: Changes<T>): Promise<InferSelectModel<T>>;
  remove<T extends AuditedTable>(table: T, id: string, expectedVersion: number): Promise<void>;
}

function refusal(error: unknown, params: IssueParams): unknown {
  const mapped = fromDatabaseError(error);
  return mapped instanceof StoreError ? new StoreError(mapped.code, { ...params, ...mapped.params }) : mapped;
}

/** After an update or delete matched nothing: the record is gone, or its version moved on. */
async function staleOrMissing(o: Orm, table: AuditedTable, id: string, expectedVersion: number): Promise<never> {
  const rows = (await o.select({ version: table.version }).from(table).where(eq(table.id, id))) as { version: number }[];
  const name = getTableName(table);
  if (rows.length === 0) throw new StoreError('not_found', { table: name, id });
  throw new StoreError('conflict', { table: name, id, expected: expectedVersion, actual: rows[0]!.version });
}

function auditedTx(sql: Sql): AuditedTx {
  const o = orm(sql);
  return {
    sql,
    orm: o,
    async insert(table, values) {
      try {
        const rows = await o.insert(table).values(values as never).returning();
        return rows[0] as never;
      } catch (error) {
        throw refusal(error, { table: getTableName(table) });
      }
    },
    async update(table, id, expectedVersion, changes) {
      let rows: unknown[];
      try {
        rows = await o
          .update(table)
          .set(changes as never)
          .where(and(eq(table.id, id), eq(table.version, expectedVersion)))
          .returning();
      } catch (error) {
        throw refusal(error, { table: getTableName(table), id });
      }
      if (rows.length === 0) return staleOrMissing(o, table, id, expectedVersion);
      return rows[0] as never;
    },
    async remove(table, id, expectedVersion) {
      let rows: unknown[];
      try {
        rows = await o
          .delete(table)
          .where(and(eq(table.id, id), eq(table.version, expectedVersion)))
          .returning({ id: table.id });
      } catch (error) {
        throw refusal(error, { table: getTableName(table), id });
      }
      if (rows.length === 0) await staleOrMissing(o, table, id, expectedVersion);
    },
  };
}

/**
 * Runs `fn` in one transaction attributed to `actor`: every audited write inside is recorded
 * with this user and reason (transaction-local settings, so a pooled connection never carries
 * them over to the next user).
 */
export async function audited<T>(db: Db, actor: Actor, fn: (tx: AuditedTx) => Promise<T>): Promise<T> {
  const user = actor.user.trim();
  if (user === '') throw new StoreError('user_required', {});
  try {
    return await db.transaction(async (sql) => {
      await sql.query(`SELECT set_config('firstdose.user', $1, true), set_config('firstdose.reason', $2, true)`, [user, actor.reason?.trim() ?? '']);
      return fn(auditedTx(sql));
    });
  } catch (error) {
    throw fromDatabaseError(error);
  }
}

export function insertRow<T extends AuditedTable>(db: Db, table: T, values: Omit<InferInsertModel<T>, 'version' | 'createdAt'>, actor: Actor) {
  return audited(db, actor, (tx) => tx.insert(table, values));
}

export function updateRow<T extends AuditedTable>(db: Db, table: T, id: string, expectedVersion: number, changes: Changes<T>, actor: Actor) {
  return audited(db, actor, (tx) => tx.update(table, id, expectedVersion, changes));
}

export function deleteRow<T extends AuditedTable>(db: Db, table: T, id: string, expectedVersion: number, actor: Actor) {
  return audited(db, actor, (tx) => tx.remove(table, id, expectedVersion));
}
