// One record's audit trail, as a reader sees it: every field change with its old and new
// value, who made it, when (server UTC) and why, oldest first. The hash chain is left out; `audit
// verify` checks it.
import { and, asc, eq } from 'drizzle-orm';
import type { Sql } from '../db.ts';
import { orm } from '../orm.ts';
import { auditLog } from '../schema.ts';

export interface AuditEntry {
  readonly seq: number;
  readonly operation: 'INSERT' | 'UPDATE' | 'DELETE';
  readonly field: string | null;
  readonly oldValue: unknown;
  readonly newValue: unknown;
  readonly user: string;
  readonly recordedAt: Date;
  readonly reason: string | null;
}

export async function auditTrailOf(sql: Sql, table: string, rowId: string): Promise<AuditEntry[]> {
  const rows = await orm(sql)
    .select({
      seq: auditLog.seq,
      operation: auditLog.operation,
      field: auditLog.field,
      oldValue: auditLog.oldValue,
      newValue: auditLog.newValue,
      user: auditLog.userId,
      recordedAt: auditLog.recordedAt,
      reason: auditLog.reason,
    })
    .from(auditLog)
    .where(and(eq(auditLog.tableName, table), eq(auditLog.rowId, rowId.toLowerCase())))
    .orderBy(asc(auditLog.seq));
  return rows;
}
