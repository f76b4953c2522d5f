// The list of accounts with their state and active roles, for administrators and the periodic
// review: who can do what, where. Never the password hash.
import type { Sql } from '../db.ts';
import type { Role } from '../schema-conduct.ts';

export interface UserListing {
  readonly id: string;
  readonly username: string;
  readonly fullName: string;
  readonly active: boolean;
  readonly identityVerifiedBy: string | null;
  readonly identityVerifiedAt: Date | null;
  readonly signatureAttestedAt: Date | null;
  readonly locked: boolean;
  readonly roles: readonly { readonly id: string; readonly role: Role; readonly study: string; readonly site: string | null; readonly version: number }[];
}

interface Row {
  id: string;
  username: string;
  full_name: string;
  active: boolean;
  identity_verified_by: string | null;
  identity_verified_at: Date | null;
  signature_attested_at: Date | null;
  locked: boolean;
  roles: { id: string; role: Role; study: string; site: string | null; version: number }[];
}

export async function listUsers(sql: Sql): Promise<UserListing[]> {
  const rows = await sql.query<Row>(
    `SELECT u.id, u.username, u.full_name, u.active, u.identity_verified_by, u.identity_verified_at, u.signature_attested_at,
            c.locked_at IS NOT NULL AS locked,
            coalesce((SELECT jsonb_agg(jsonb_build_object('id', r.id, 'role', r.role, 'study', s.code, 'site', st.code, 'version', r.version)
                                       ORDER BY s.code, st.code NULLS FIRST, r.role)
                      FROM user_role r JOIN study s ON s.id = r.study_id LEFT JOIN site st ON st.id = r.site_id
                      WHERE r.user_id = u.id AND r.active), '[]'::jsonb) AS roles
     FROM app_user u LEFT JOIN user_credential c ON c.user_id = u.id
     ORDER BY u.username`,
  );
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    fullName: r.full_name,
    active: r.active,
    identityVerifiedBy: r.identity_verified_by,
    identityVerifiedAt: r.identity_verified_at,
    signatureAttestedAt: r.signature_attested_at,
    locked: r.locked,
    roles: r.roles,
  }));
}
