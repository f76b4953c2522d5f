// A user's active roles with the codes people use for their study and site, for the session the
// web app shows ("coordinator at ustc-fah in hn2301") and for checks by study code.
import type { Sql } from '../db.ts';
import type { Role } from '../schema-conduct.ts';
import { normaliseUsername } from './users.ts';

export interface HeldRole {
  readonly id: string;
  readonly role: Role;
  readonly studyId: string;
  readonly study: string;
  /** null: study-wide. */
  readonly siteId: string | null;
  readonly site: string | null;
  readonly version: number;
}

/** The active grants of an active account (none for a deactivated one), oldest first. */
export async function grantsOf(sql: Sql, username: string): Promise<HeldRole[]> {
  const rows = await sql.query<{ id: string; role: Role; study_id: string; study: string; site_id: string | null; site: string | null; version: number }>(
    `SELECT r.id, r.role, r.study_id, s.code AS study, r.site_id, st.code AS site, r.version
     FROM user_role r JOIN app_user u ON u.id = r.user_id JOIN study s ON s.id = r.study_id LEFT JOIN site st ON st.id = r.site_id
     WHERE u.username = $1 AND u.active AND r.active
     ORDER BY r.created_at, r.id`,
    [normaliseUsername(username)],
  );
  return rows.map((r) => ({ id: r.id, role: r.role, studyId: r.study_id, study: r.study, siteId: r.site_id, site: r.site, version: r.version }));
}

/** One grant by id, active or revoked, with its holder; null when there is none. */
export async function grantById(sql: Sql, id: string): Promise<(HeldRole & { readonly username: string; readonly active: boolean }) | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const rows = await sql.query<{ id: string; role: Role; study_id: string; study: string; site_id: string | null; site: string | null; version: number; username: string; active: boolean }>(
    `SELECT r.id, r.role, r.study_id, s.code AS study, r.site_id, st.code AS site, r.version, u.username, r.active
     FROM user_role r JOIN app_user u ON u.id = r.user_id JOIN study s ON s.id = r.study_id LEFT JOIN site st ON st.id = r.site_id
     WHERE r.id = $1::uuid`,
    [id],
  );
  const r = rows[0];
  return r ? { id: r.id, role: r.role, studyId: r.study_id, study: r.study, siteId: r.site_id, site: r.site, version: r.version, username: r.username, active: r.active } : null;
}
