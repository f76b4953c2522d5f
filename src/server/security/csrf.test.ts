// Cross-site request forgery, for every route of the access matrix that changes something: a
// logged-in request without the session's CSRF token, with another session's, or started by
// another site (Sec-Fetch-Site: cross-site, even carrying the right token) is refused with 403
// before anything runs, and the database is exactly as before (the audit trail, which every
// change and security event lands in, and the credentials, which are not audited). The routes
// without a session (log-in, password change, the public posts) refuse cross-site requests too.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../store/index.ts';
import { freshDb } from '../../store/test-support.ts';
import { accessMatrix } from '../access/matrix.ts';
import { apiTrial, password } from '../test-support.ts';

type Method = 'POST' | 'PATCH' | 'DELETE';
const changing = Object.entries(accessMatrix)
  .map(([key, access]) => ({ key, method: key.split(' ')[0] as Method | 'GET', url: key.split(' ')[1]!, access }))
  .filter((r): r is typeof r & { method: Method } => r.method !== 'GET');

/** A concrete URL for a route: any well-formed value will do, the refusal comes before the record is looked up. */
const urlOf = (pattern: string) =>
  pattern
    .replace(':study', 'hn2301')
    .replace(':username', 'crc.wu')
    .replace(':cohort', '1')
    .replace(':table', 'observation')
    .replace(/:id/g, '00000000-0000-4000-8000-000000000001');

describe('CSRF', () => {
  let db: Db;
  let x: Awaited<ReturnType<typeof apiTrial>>;
  before(async () => {
    db = await freshDb('pglite');
    x = await apiTrial(db);
  });
  after(async () => {
    await x.app.close();
    await db.close();
  });

  /** What any change would alter: the audit trail's length and last hash, and every credential. */
  const state = async () => ({
    audit: await db.query('SELECT count(*)::int AS n, max(seq) AS last FROM audit_log'),
    credentials: await db.query('SELECT user_id, password_hash, failed_attempts, locked_at, changed_at FROM user_credential ORDER BY user_id'),
    contacts: await db.query('SELECT count(*)::int AS n FROM contact_request'),
  });

  it('covers every changing route of the matrix', () => {
    assert.ok(changing.length >= 30, `${changing.length} changing routes`);
    assert.ok(changing.some((r) => r.method === 'PATCH') && changing.some((r) => r.method === 'DELETE'));
  });

  it('refuses a change without the token, with another session\'s token, or from another site, and changes nothing', async () => {
    // An administrator and a site investigator between them may call every changing route.
    const admin = await x.login('admin');
    const other = await x.login('admin');
    const pi = await x.login('pi.zhang');
    const before = await state();
    const failures: string[] = [];
    for (const r of changing.filter((c) => c.access.allow !== 'public')) {
      const who = (c: typeof r) => (Array.isArray(c.access.allow) && c.access.allow.includes('administrator') ? admin : pi);
      const session = who(r);
      const variants: [string, Record<string, string>][] = [
        ['no token', { cookie: session.cookie }],
        ["another session's token", { cookie: session.cookie, 'x-csrf-token': (session === admin ? other : admin).csrf }],
        ['a made-up token', { cookie: session.cookie, 'x-csrf-token': 'x'.repeat(session.csrf.length) }],
        ['from another site with the right token', { cookie: session.cookie, 'x-csrf-token': session.csrf, 'sec-fetch-site': 'cross-site' }],
      ];
      for (const [what, headers] of variants) {
        const res = await x.app.inject({ method: r.method, url: urlOf(r.url), headers, payload: { reason: 'csrf', password, text: 'csrf' } });
        if (res.statusCode !== 403 || res.json().code !== 'csrf_failed') failures.push(`${r.key} (${what}): ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    assert.deepEqual(failures, []);
    assert.deepEqual(await state(), before);
  });

  it('refuses cross-site posts to the routes without a session (log-in, password change, public forms), storing nothing', async () => {
    const before = await state();
    const payloads: Record<string, object> = {
      'POST /api/session': { username: 'crc.li', password },
      'POST /api/session/password': { username: 'crc.li', password, newPassword: 'cross site passphrase 1' },
      'POST /api/public/studies/:id/self-check': { answers: { age: 40, sex: 'female', sleDiagnosed: true, currentMedicines: [] } },
      'POST /api/public/studies/:id/contact-requests': { name: 'Forged', phone: '+86 551 0000', consent: true },
    };
    const pub = changing.filter((c) => c.access.allow === 'public');
    assert.deepEqual(pub.map((c) => c.key).sort(), Object.keys(payloads).sort());
    for (const r of pub) {
      for (const site of ['cross-site', 'same-site']) {
        const res = await x.app.inject({ method: r.method, url: r.url.replace(':id', 'hn2301'), payload: payloads[r.key]!, headers: { 'sec-fetch-site': site } });
        assert.equal(res.statusCode, 403, `${r.key} ${site}`);
        assert.equal(res.json().issues[0].code, 'cross_site_request');
        assert.equal(res.headers['set-cookie'], undefined, 'no session for a cross-site log-in');
      }
    }
    assert.deepEqual(await state(), before);
    // The same requests from the app's own pages go through.
    const same = await x.app.inject({ method: 'POST', url: '/api/session', payload: payloads['POST /api/session']!, headers: { 'sec-fetch-site': 'same-origin' } });
    assert.equal(same.statusCode, 200);
  });

  it('lets the same change through with the session\'s own token from the app itself', async () => {
    const crc = await x.login('crc.li');
    const r = await x.call(crc, 'POST', '/api/subjects', { study: 'hn2301', site: 'ustc-fah', screeningNumber: 'CSRF-OK' }, { 'sec-fetch-site': 'same-origin' });
    assert.equal(r.statusCode, 201);
  });
});
