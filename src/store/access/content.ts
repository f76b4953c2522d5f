// What a signature is bound to (R-26): the SHA-256 of a canonical JSON text of
// {table, id, version, row}. `row` is the whole row; the version makes any later update break
// the signature, even one that puts a value back; table and id keep it from being moved to
// another record. The text is RFC 8785 (JSON Canonicalization Scheme): keys sorted by UTF-16
// code units, numbers as JavaScript prints them, so numeric values count as IEEE doubles.
import { createHash } from 'node:crypto';
import type { Sql } from '../db.ts';
import { StoreError } from '../errors.ts';
import { recordedAtSql } from '../canonical.ts';
import { quoteIdent } from '../tables.ts';
import { isUuid } from './roles.ts';
import { requireSignable } from './scope.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value as Json) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * The row as JSON the same on every connection. to_jsonb prints a timestamptz in the session's
 * time zone, so those columns are replaced by their UTC text (as the audit trail's timestamps);
 * the other column types of these tables print without regard to session settings.
 */
async function rowJson(sql: Sql, table: string, rowId: string, lock: boolean): Promise<{ version: number; row: unknown } | null> {
  const zoned = await sql.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute
     WHERE attrelid = to_regclass($1) AND atttypid = 'timestamptz'::regtype AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
    [quoteIdent(table)],
  );
  // Column names from the catalogue, quoted as a literal and as an identifier.
  const pairs = zoned.map((c) => `'${c.name.replaceAll("'", "''")}', ${recordedAtSql(`t.${quoteIdent(c.name)}`)}`);
  const utc = pairs.length ? ` || jsonb_build_object(${pairs.join(', ')})` : '';
  const rows = await sql.query<{ version: number; row: unknown }>(
    `SELECT t.version, to_jsonb(t)${utc} AS row
     FROM ${quoteIdent(table)} t WHERE t.id = $1::uuid${lock ? ' FOR SHARE' : ''}`,
    [rowId],
  );
  return rows[0] ?? null;
}

export async function computeContentHash(sql: Sql, table: string, rowId: string, lock = false): Promise<string> {
  const t = requireSignable(table);
  const found = isUuid(rowId) ? await rowJson(sql, t, rowId, lock) : null;
  if (!found) throw new StoreError('not_found', { table: t, id: rowId });
  const text = canonicalJson({ table: t, id: rowId.toLowerCase(), version: found.version, row: found.row });
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The hex SHA-256 of the record's canonical content; `not_signable` or `not_found` otherwise. */
export function contentHash(sql: Sql, table: string, rowId: string): Promise<string> {
  return computeContentHash(sql, table, rowId);
}
