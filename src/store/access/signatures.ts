// Reading signatures back with their status: `valid` while the record's content hash is still the
// one signed, `broken` once the record changed (or the signature was copied onto another record,
// whose hash differs by table and id). Nothing is stored about it: the status is recomputed at
// every read, so no write can hide a break.
import { and, asc, eq } from 'drizzle-orm';
import type { Sql } from '../db.ts';
import { StoreError } from '../errors.ts';
import { orm } from '../orm.ts';
import { type SignatureRow, signature } from '../schema-conduct.ts';
import { computeContentHash } from './content.ts';
import { isUuid } from './roles.ts';

export type SignatureStatus = 'valid' | 'broken';

export interface CheckedSignature extends SignatureRow {
  readonly status: SignatureStatus;
}

/** The current hash, or null when the record is gone or its table is not one that is signed. */
async function currentHash(sql: Sql, table: string, rowId: string): Promise<string | null> {
  try {
    return await computeContentHash(sql, table, rowId);
  } catch (error) {
    if (error instanceof StoreError && (error.code === 'not_found' || error.code === 'not_signable')) return null;
    throw error;
  }
}

const checked = (row: SignatureRow, hash: string | null): CheckedSignature => ({ ...row, status: hash !== null && hash === row.contentHash ? 'valid' : 'broken' });

/** Every signature of the record, oldest first, each with its status. */
export async function signaturesOf(sql: Sql, table: string, rowId: string): Promise<CheckedSignature[]> {
  const rows = await orm(sql)
    .select()
    .from(signature)
    .where(and(eq(signature.tableName, table), eq(signature.rowId, rowId.toLowerCase())))
    .orderBy(asc(signature.createdAt), asc(signature.id));
  if (rows.length === 0) return [];
  const hash = await currentHash(sql, table, rowId);
  return rows.map((r) => checked(r, hash));
}

export async function verifySignature(sql: Sql, signatureId: string): Promise<CheckedSignature> {
  const [row] = isUuid(signatureId) ? await orm(sql).select().from(signature).where(eq(signature.id, signatureId)) : [];
  if (!row) throw new StoreError('not_found', { table: 'signature', id: signatureId });
  return checked(row, await currentHash(sql, row.tableName, row.rowId));
}
