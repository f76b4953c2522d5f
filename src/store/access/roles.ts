// Roles per site (issue 5 part 2): a user_role row gives a user one role in one study, at one
// site or, with site_id null, study-wide. A study-wide role covers every site of its study; a
// site role covers its site only, never a study-level record.
import { and, eq } from 'drizzle-orm';
import { type Actor, audited } from '../audit.ts';
import type { Db, Sql } from '../db.ts';
import { StoreError } from '../errors.ts';
import { orm } from '../orm.ts';
import { site, study } from '../schema.ts';
import { type AppUser, type Role, type UserRole, roles, userRole } from '../schema-conduct.ts';
import { findUser, requireUser } from './users.ts';

export interface RoleGrant {
  readonly username: string;
  readonly studyId: string;
  /** null: study-wide. */
  readonly siteId: string | null;
  readonly role: Role;
}

/** Where a record belongs; studyId null for records outside any study (app_user). */
export interface Scope {
  readonly studyId: string | null;
  readonly siteId: string | null;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An id that cannot be a uuid names no record (and would make PostgreSQL's uuid cast fail). */
export const isUuid = (id: string) => uuidPattern.test(id);

async function requireRow(sql: Sql, table: typeof study | typeof site, name: string, id: string, where = eq(table.id, id)) {
  const rows = isUuid(id) ? await orm(sql).select({ id: table.id }).from(table).where(where) : [];
  if (rows.length === 0) throw new StoreError('not_found', { table: name, id });
}

/**
 * Grants a role (an audited insert), or re-activates the same grant revoked earlier (an audited
 * update, so the database asks for the reason). `role_exists` if it is active already.
 */
export async function grantRole(db: Db, actor: Actor, grant: RoleGrant): Promise<UserRole> {
  if (!(roles as readonly string[]).includes(grant.role)) throw new StoreError('role_unknown', { role: grant.role });
  return audited(db, actor, async (tx) => {
    const user = await requireUser(tx.sql, grant.username);
    if (!user.active) throw new StoreError('account_inactive', { username: user.username });
    await requireRow(tx.sql, study, 'study', grant.studyId);
    if (grant.siteId !== null) await requireRow(tx.sql, site, 'site', grant.siteId, and(eq(site.id, grant.siteId), eq(site.studyId, grant.studyId)));
    const held = (await orm(tx.sql).select().from(userRole).where(and(eq(userRole.userId, user.id), eq(userRole.studyId, grant.studyId)))).find(
      (r) => r.siteId === grant.siteId && r.role === grant.role,
    );
    if (held?.active) throw new StoreError('role_exists', { username: user.username, role: grant.role });
    if (held) return tx.update(userRole, held.id, held.version, { active: true });
    return tx.insert(userRole, { userId: user.id, studyId: grant.studyId, siteId: grant.siteId, role: grant.role });
  });
}

/** Ends a grant (active=false; the row stays, with the actor's reason in the audit trail). */
export function revokeRole(db: Db, actor: Actor, revoke: { readonly roleId: string; readonly expectedVersion: number }): Promise<UserRole> {
  return audited(db, actor, async (tx) => {
    const [held] = isUuid(revoke.roleId) ? await tx.orm.select().from(userRole).where(eq(userRole.id, revoke.roleId)) : [];
    if (!held) throw new StoreError('not_found', { table: 'user_role', id: revoke.roleId });
    if (held.version !== revoke.expectedVersion) throw new StoreError('conflict', { table: 'user_role', id: held.id, expected: revoke.expectedVersion, actual: held.version });
    return held.active ? tx.update(userRole, held.id, held.version, { active: false }) : held;
  });
}

async function activeRolesOf(sql: Sql, user: AppUser | null): Promise<UserRole[]> {
  if (!user?.active) return [];
  const rows = await orm(sql).select().from(userRole).where(and(eq(userRole.userId, user.id), eq(userRole.active, true)));
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
}

/** The active roles of an active user; none for a deactivated one. */
export async function rolesOf(sql: Sql, username: string): Promise<UserRole[]> {
  return activeRolesOf(sql, await findUser(sql, username));
}

/** Whether the role's study and site cover a record of `scope`. */
export const covers = (role: UserRole, scope: Scope) => scope.studyId !== null && role.studyId === scope.studyId && (role.siteId === null || role.siteId === scope.siteId);

/**
 * The user's first active role among `allowed` (in that order, a site role before a study-wide
 * one) that covers `scope`, or null.
 */
export async function roleFor(sql: Sql, username: string, scope: Scope, allowed: readonly Role[]): Promise<UserRole | null> {
  return pickRole(await rolesOf(sql, username), scope, allowed);
}

export function pickRole(held: readonly UserRole[], scope: Scope, allowed: readonly Role[]): UserRole | null {
  const candidates = held.filter((r) => allowed.includes(r.role) && covers(r, scope));
  candidates.sort((a, b) => allowed.indexOf(a.role) - allowed.indexOf(b.role) || Number(a.siteId === null) - Number(b.siteId === null));
  return candidates[0] ?? null;
}
