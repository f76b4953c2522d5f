// The records that can be signed, and where each belongs: its study and site, which decide whose
// role covers it. Subject-bound records follow their subject; study-level records
// (decisions, protocol versions) have no site, so only a study-wide role covers them. A data
// query or an import about one subject belongs to that subject's site. An app_user row belongs
// to no study: only its owner signs it, for the attestation.
import type { Sql } from '../db.ts';
import { StoreError } from '../errors.ts';
import { isUuid, type Scope } from './roles.ts';

export const signableTables = [
  'subject',
  'screening_result',
  'visit',
  'observation',
  'dose_administration',
  'adverse_event',
  'data_query',
  'import_batch',
  'escalation_decision',
  'protocol_version',
  'app_user',
] as const;
export type SignableTable = (typeof signableTables)[number];

export const isSignable = (table: string): table is SignableTable => (signableTables as readonly string[]).includes(table);

export interface RecordScope extends Scope {
  /** For app_user, the account itself; null for trial records. */
  readonly accountId: string | null;
}

const viaSubject = (table: string) =>
  `SELECT s.study_id, s.site_id FROM ${table} r JOIN subject s ON s.id = r.subject_id WHERE r.id = $1::uuid`;
const optionalSubject = (table: string) =>
  `SELECT r.study_id, s.site_id FROM ${table} r LEFT JOIN subject s ON s.id = r.subject_id WHERE r.id = $1::uuid`;
const studyLevel = (table: string) => `SELECT r.study_id, NULL::uuid AS site_id FROM ${table} r WHERE r.id = $1::uuid`;

// Table names are constants here, never input: only these statements run.
const scopeQueries: Readonly<Record<Exclude<SignableTable, 'app_user'>, string>> = {
  subject: 'SELECT r.study_id, r.site_id FROM subject r WHERE r.id = $1::uuid',
  screening_result: viaSubject('screening_result'),
  visit: viaSubject('visit'),
  observation: viaSubject('observation'),
  dose_administration: viaSubject('dose_administration'),
  adverse_event: viaSubject('adverse_event'),
  data_query: optionalSubject('data_query'),
  import_batch: optionalSubject('import_batch'),
  escalation_decision: studyLevel('escalation_decision'),
  protocol_version: studyLevel('protocol_version'),
};

export function requireSignable(table: string): SignableTable {
  if (!isSignable(table)) throw new StoreError('not_signable', { table });
  return table;
}

/** The study and site of a record; `not_signable` for other tables, `not_found` for no such row. */
export async function recordScope(sql: Sql, table: string, rowId: string): Promise<RecordScope> {
  const t = requireSignable(table);
  // Made only when thrown: an error's stack costs more than the lookup (every request about a record asks).
  const missing = () => new StoreError('not_found', { table: t, id: rowId });
  if (!isUuid(rowId)) throw missing();
  if (t === 'app_user') {
    const rows = await sql.query<{ id: string }>('SELECT id FROM app_user WHERE id = $1::uuid', [rowId]);
    if (rows.length === 0) throw missing();
    return { studyId: null, siteId: null, accountId: rows[0]!.id };
  }
  const rows = await sql.query<{ study_id: string; site_id: string | null }>(scopeQueries[t], [rowId]);
  if (rows.length === 0) throw missing();
  return { studyId: rows[0]!.study_id, siteId: rows[0]!.site_id, accountId: null };
}
