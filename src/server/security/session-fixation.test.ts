// Session fixation and session end (OWASP Session Management Cheat Sheet): a log-in always
// issues a new token of the server's making (never one the browser offered), ends the session
// the browser held, and rotates the CSRF token; a logout ends the session on the server, so a
// copy of the cookie kept by someone (the browser did not clear it, it was copied) is worthless.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../store/index.ts';
import { freshDb } from '../../store/test-support.ts';
import { apiTrial, password } from '../test-support.ts';

describe('session fixation', () => {
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

  const tokenOf = (setCookie: unknown) => /^fd_session=([^;]*)/.exec(String(setCookie))![1]!;
  const logIn = (username: string, cookie?: string) =>
    x.app.inject({ method: 'POST', url: '/api/session', payload: { username, password }, headers: cookie ? { cookie } : {} });
  const me = (cookie: string) => x.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });

  it('issues a new session id at log-in and the session the browser held no longer works', async () => {
    const first = await logIn('crc.li');
    const old = `fd_session=${tokenOf(first.headers['set-cookie'])}`;
    assert.equal((await me(old)).statusCode, 200);
    const second = await logIn('crc.li', old);
    assert.equal(second.statusCode, 200);
    const renewed = `fd_session=${tokenOf(second.headers['set-cookie'])}`;
    assert.notEqual(renewed, old);
    assert.notEqual(second.json().csrfToken, first.json().csrfToken, 'the CSRF token is new too');
    assert.equal((await me(old)).statusCode, 401, 'the old cookie no longer works');
    assert.equal((await me(renewed)).statusCode, 200);
    const [ended] = await db.query<{ detail: { reason: string } }>(`SELECT detail FROM security_event WHERE username = 'crc.li' AND kind = 'logout' ORDER BY created_at DESC, id DESC LIMIT 1`);
    assert.equal(ended?.detail.reason, 'new_login', 'the replaced session ended on record');
  });

  it('never adopts a session id the browser offers: a planted cookie stays unknown after log-in', async () => {
    const planted = 'fd_session=AttackerChosenValueAttackerChosenValue0123';
    assert.equal((await me(planted)).statusCode, 401);
    const r = await logIn('pi.zhang', planted);
    assert.equal(r.statusCode, 200);
    assert.notEqual(tokenOf(r.headers['set-cookie']), 'AttackerChosenValueAttackerChosenValue0123');
    assert.match(tokenOf(r.headers['set-cookie']), /^[A-Za-z0-9_-]{43}$/, '32 random bytes');
    assert.equal((await me(planted)).statusCode, 401, 'the planted value is still no session');
  });

  it('ends the session on the server at logout: a kept copy of the cookie, and its CSRF token, are refused', async () => {
    const who = await x.login('cra.wang');
    const out = await x.call(who, 'DELETE', '/api/session');
    assert.equal(out.statusCode, 204);
    // The browser was told to forget the cookie; a copy replayed anyway is refused.
    assert.equal((await x.call(who, 'GET', '/api/subjects')).statusCode, 401);
    const replayed = await x.call(who, 'POST', '/api/queries', { study: 'hn2301', table: 'subject', rowId: '00000000-0000-4000-8000-000000000000', text: 'after logout' });
    assert.equal(replayed.statusCode, 401);
    assert.equal((await x.call(who, 'DELETE', '/api/session')).statusCode, 401, 'a second logout finds nothing to end');
  });

  it('gives every log-in its own session: logging in twice from two browsers yields two sessions, each ended on its own', async () => {
    const a = await x.login('dm.chen');
    const b = await x.login('dm.chen');
    assert.notEqual(a.cookie, b.cookie);
    assert.notEqual(a.csrf, b.csrf);
    assert.equal((await x.call(a, 'DELETE', '/api/session')).statusCode, 204);
    assert.equal((await x.call(a, 'GET', '/api/session')).statusCode, 401);
    assert.equal((await x.call(b, 'GET', '/api/session')).statusCode, 200);
  });
});
