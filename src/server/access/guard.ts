// The two hooks every route passes. Before the body is even parsed (onRequest): the route's
// entry in the matrix, the session (401), the CSRF token of a change (403) and whether any of
// the user's roles may call the route (403). After validation (preHandler): the record or study
// the call is about, which one of those roles must cover (else 404, R-11). The outcome is
// `request.access`, which the handlers read; they never check roles themselves.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { HeldRole } from '../../store/access/index.ts';
import { recordScope, type Scope, StoreError } from '../../store/index.ts';
import { siteByCode } from '../../store/trial/index.ts';
import type { ServerContext } from '../context.ts';
import { readCookie, sessionCookie } from '../cookies.ts';
import { acceptLanguage } from '../language.ts';
import { HttpProblem } from '../problem.ts';
import type { Session } from '../sessions.ts';
import { sameToken } from '../sessions.ts';
import { accessMatrix, type RouteAccess, routeKey, type ScopeKind } from './matrix.ts';

export interface Access {
  readonly session: Session | null;
  /** The user's roles that this route allows (all of them for `session` routes). */
  readonly grants: readonly HeldRole[];
  /** The role the call is made in: the first allowed one that covers its record or study. */
  role: HeldRole | null;
  /** The record's or study's place, once resolved. */
  scope: Scope | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    language: import('../../i18n/index.ts').Language;
    access: Access;
  }
}

const changes = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const entryOf = (request: FastifyRequest): RouteAccess | undefined => accessMatrix[routeKey(request.method, request.routeOptions.url ?? '')];

export function installGuard(app: FastifyInstance, ctx: ServerContext): void {
  app.decorateRequest('language', ctx.language);
  app.decorateRequest('access', null as unknown as Access);

  app.addHook('onRequest', async (request) => {
    request.language = acceptLanguage(request.headers['accept-language'], ctx.language);
    const entry = entryOf(request);
    request.access = { session: null, grants: [], role: null, scope: null };
    if (!entry || entry.allow === 'public') return;
    const found = ctx.sessions.use(readCookie(request.headers.cookie, sessionCookie));
    if (found === null) throw new HttpProblem(401, 'unauthenticated');
    if ('expired' in found) {
      await ctx.event(found.expired.username, 'logout', { reason: 'idle' });
      throw new HttpProblem(401, 'session_expired');
    }
    const session = found.session;
    if (changes.has(request.method) && !sameToken(session.csrfToken, headerOf(request, 'x-csrf-token'))) throw new HttpProblem(403, 'csrf_failed');
    const held = await ctx.grantsOf(session.username);
    const allow = entry.allow;
    const grants = allow === 'session' ? held : held.filter((g) => allow.includes(g.role));
    if (allow !== 'session' && grants.length === 0) throw new HttpProblem(403, 'forbidden', [{ path: [], code: 'role_not_allowed', params: { allowed: [...allow] } }]);
    request.access = { session, grants, role: null, scope: null };
  });

  app.addHook('preHandler', async (request) => {
    const entry = entryOf(request);
    if (!entry || entry.allow === 'public' || entry.allow === 'session') return;
    await resolve(ctx, request, entry.scope);
  });
}

function headerOf(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

const covers = (g: HeldRole, s: Scope) => s.studyId !== null && g.studyId === s.studyId && (g.siteId === null || g.siteId === s.siteId);

/** A site role first: it names where the user works. */
const bySite = (a: HeldRole, b: HeldRole) => Number(a.siteId === null) - Number(b.siteId === null);

async function resolve(ctx: ServerContext, request: FastifyRequest, kind: ScopeKind): Promise<void> {
  const a = request.access;
  const params = (request.params ?? {}) as Record<string, string>;
  const body = (request.body ?? {}) as Record<string, unknown>;
  const query = (request.query ?? {}) as Record<string, unknown>;
  const inStudy = async (code: string) => {
    const study = await ctx.study(code);
    const role = study ? [...a.grants].filter((g) => g.studyId === study.id).sort(bySite)[0] : undefined;
    if (!study || !role) throw new HttpProblem(404, 'not_found', [{ path: [], code: 'study_not_found', params: { study: code } }]);
    a.role = role;
    a.scope = { studyId: study.id, siteId: null };
  };
  const inRecord = async (scope: Scope, table: string, id: string) => {
    const role = [...a.grants].filter((g) => covers(g, scope)).sort(bySite)[0];
    if (!role) throw new HttpProblem(404, 'not_found', [{ path: [], code: 'record_not_found', params: { table, id } }]);
    a.role = role;
    a.scope = scope;
  };
  const record = async (table: string, id: string) => {
    if (!uuid.test(id)) throw new HttpProblem(404, 'not_found', [{ path: [], code: 'record_not_found', params: { table, id } }]);
    const scope = await recordScope(ctx.db, table, id).catch((error: unknown) => {
      // A table FirstDose does not show records of: as good as no such record.
      if (error instanceof StoreError && error.code === 'not_signable') return null;
      throw error;
    });
    if (!scope) throw new HttpProblem(404, 'not_found', [{ path: [], code: 'record_not_found', params: { table, id } }]);
    await inRecord(scope, table, id);
  };
  if (kind === 'none') a.role = a.grants[0] ?? null;
  else if (kind === 'study') await inStudy(params.study ?? '');
  else if (kind === 'body-study') await inStudy(String(body.study ?? ''));
  else if (kind === 'study-list') {
    if (typeof query.study === 'string') await inStudy(query.study);
  } else if (kind === 'body-site') {
    const study = await ctx.study(String(body.study));
    const site = study ? await siteByCode(ctx.db, study.id, String(body.site)).catch(() => null) : null;
    if (!study || !site) throw new HttpProblem(404, 'not_found', [{ path: [], code: study ? 'site_not_found' : 'study_not_found', params: { study: String(body.study), site: String(body.site) } }]);
    await inRecord({ studyId: study.id, siteId: site.id }, 'site', String(body.site));
  } else if (kind === 'subject') await record('subject', params.id ?? '');
  else if (kind === 'record-params') await record(params.table ?? '', params.id ?? '');
  else if (kind === 'record-body') await record(String(body.table ?? ''), String(body.rowId ?? ''));
  else await record(kind.table, params.id ?? '');
}
