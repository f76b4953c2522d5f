// A server over a registered HN2301 study with one person per role (and a coordinator of the
// second site), for the API tests: log in as anyone and call routes in-process (app.inject()).
// Passwords are hashed cheaply (their cost is a parameter; access/password.test.ts checks the
// default), so that logging in hundreds of times stays fast.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { attestSignature, createUser, grantRole, verifyIdentity } from '../store/access/index.ts';
import type { Db } from '../store/index.ts';
import type { Role } from '../store/schema-conduct.ts';
import { cheapHashing, hn2301, password, trialWithPeople } from '../store/trial/test-support.ts';
import { buildServer } from './app.ts';
import type { ServerOptions } from './context.ts';
import type { RateLimits, SecurityOptions } from './security/index.ts';

export { password };

/** Users besides trialWithPeople's pi.zhang, crc.li, src.zhou and cra.wang. */
const more: [string, Role, 'site' | 'site2' | 'wide'][] = [
  ['admin', 'administrator', 'wide'],
  ['dm.chen', 'data_manager', 'wide'],
  ['sponsor.liu', 'sponsor_viewer', 'wide'],
  ['crc.wu', 'coordinator', 'site2'],
  ['pi.sun', 'investigator', 'site2'],
];

/**
 * The API tests call the public routes far more often than people would, all from one address;
 * security/rate-limits.test.ts tests the limits themselves.
 */
const testRateLimits: Partial<RateLimits> = {
  loginPerAddress: { max: 10_000, windowMs: 60_000 },
  selfCheckPerAddress: { max: 10_000, windowMs: 60_000 },
  contactPerAddress: { max: 10_000, windowMs: 60_000 },
};

export async function apiTrial(db: Db, options: Partial<ServerOptions & SecurityOptions> = {}) {
  const t = await trialWithPeople(db);
  for (const [username, role, where] of more) {
    await createUser(db, { user: 'admin' }, { username, fullName: username.toUpperCase(), password }, cheapHashing);
    await verifyIdentity(db, { user: 'admin', reason: 'identity checked' }, username);
    await grantRole(db, { user: 'admin' }, { username, studyId: t.study.id, siteId: where === 'wide' ? null : where === 'site' ? t.sites[0]!.id : t.sites[1]!.id, role });
    await attestSignature(db, { username, password });
  }
  const app = await buildServer({ db, protocol: hn2301(), policy: cheapHashing, rateLimits: testRateLimits, ...options });
  return { ...t, app, ...clientOf(app) };
}

export interface Login {
  readonly cookie: string;
  readonly csrf: string;
}

export function clientOf(app: FastifyInstance) {
  async function login(username: string, pass = password): Promise<Login> {
    const r = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password: pass } });
    if (r.statusCode !== 200) throw new Error(`login ${username}: ${r.statusCode} ${r.body}`);
    const cookie = String(r.headers['set-cookie']).split(';')[0]!;
    return { cookie, csrf: r.json().csrfToken };
  }
  /** A request as `who` (null: no session), with the CSRF token on changes. */
  function call(who: Login | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return app.inject({
      method,
      url,
      headers: { ...(who ? { cookie: who.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': who.csrf }) } : {}), ...headers },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
  }
  return { login, call };
}
