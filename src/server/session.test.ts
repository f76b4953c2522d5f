// Logging in and out: the cookie and its flags, the CSRF token on every
// change, the idle timeout on an injected clock, lock-out after repeated failures (423), and the
// security events each leaves.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { describeEachBackend } from '../store/test-support.ts';
import { apiTrial, password } from './test-support.ts';

describeEachBackend('server sessions', (ctx) => {
  let x: Awaited<ReturnType<typeof apiTrial>>;
  let now = new Date('2026-06-01T02:00:00Z').getTime();
  before(async () => {
    x = await apiTrial(ctx.db(), { clock: () => new Date(now), idleMinutes: 30 });
  });
  after(() => x.app.close());

  const events = async (username: string) =>
    (await ctx.db().query<{ kind: string; detail: Record<string, unknown> }>('SELECT kind, detail FROM security_event WHERE username = $1 ORDER BY created_at, id', [username])).map((e) => e.kind);

  it('logs in with an httpOnly SameSite=Strict cookie, tells who is logged in, and logs out with a cleared cookie', async () => {
    const r = await x.call(null, 'POST', '/api/session', { username: 'pi.zhang', password });
    assert.equal(r.statusCode, 200);
    const cookie = String(r.headers['set-cookie']);
    assert.match(cookie, /^fd_session=[A-Za-z0-9_-]{40,}; HttpOnly; SameSite=Strict; Path=\//);
    const body = r.json();
    assert.equal(body.user.username, 'pi.zhang');
    assert.deepEqual(body.user.roles, [{ role: 'investigator', study: 'hn2301', site: 'ustc-fah' }]);
    assert.equal(body.user.signatureAttested, true);
    assert.equal(body.idleMinutes, 30);
    const who = { cookie: cookie.split(';')[0]!, csrf: body.csrfToken };
    const me = await x.call(who, 'GET', '/api/session');
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().csrfToken, body.csrfToken);
    const out = await x.call(who, 'DELETE', '/api/session');
    assert.equal(out.statusCode, 204);
    assert.match(String(out.headers['set-cookie']), /^fd_session=; .*Max-Age=0/);
    assert.equal((await x.call(who, 'GET', '/api/session')).statusCode, 401);
    assert.deepEqual((await events('pi.zhang')).slice(-2), ['login', 'logout']);
  });

  it('answers 401 without a session, and for a made-up cookie', async () => {
    for (const headers of [{}, { cookie: 'fd_session=forged' }]) {
      const r = await x.app.inject({ method: 'GET', url: '/api/subjects', headers });
      assert.equal(r.statusCode, 401);
      assert.equal(r.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(r.json().code, 'unauthenticated');
    }
  });

  it('refuses a change without the CSRF token, or with another session\'s, and changes nothing', async () => {
    const a = await x.login('crc.li');
    const b = await x.login('crc.li');
    const before = await ctx.db().query('SELECT id FROM subject');
    for (const token of [undefined, b.csrf, 'x']) {
      const r = await x.app.inject({
        method: 'POST',
        url: '/api/subjects',
        headers: { cookie: a.cookie, ...(token ? { 'x-csrf-token': token } : {}) },
        payload: { study: 'hn2301', site: 'ustc-fah', screeningNumber: 'CSRF-1' },
      });
      assert.equal(r.statusCode, 403);
      assert.equal(r.json().code, 'csrf_failed');
    }
    assert.equal((await ctx.db().query('SELECT id FROM subject')).length, before.length);
    assert.equal((await x.call(a, 'POST', '/api/subjects', { study: 'hn2301', site: 'ustc-fah', screeningNumber: 'CSRF-1' })).statusCode, 201);
  });

  it('ends a session idle for longer than the limit (R-14), records it as a logout, and keeps a used one alive', async () => {
    const busy = await x.login('src.zhou');
    const idle = await x.login('cra.wang');
    for (let i = 0; i < 4; i++) {
      now += 20 * 60_000;
      assert.equal((await x.call(busy, 'GET', '/api/session')).statusCode, 200, 'used every 20 minutes: alive');
    }
    const r = await x.call(idle, 'GET', '/api/subjects');
    assert.equal(r.statusCode, 401);
    assert.equal(r.json().code, 'session_expired');
    assert.equal((await x.call(idle, 'GET', '/api/subjects')).json().code, 'unauthenticated', 'gone for good');
    const [last] = await ctx.db().query<{ detail: { reason: string } }>(`SELECT detail FROM security_event WHERE username = 'cra.wang' AND kind = 'logout' ORDER BY created_at DESC LIMIT 1`);
    assert.equal(last?.detail.reason, 'idle');
  });

  it('locks the account after repeated wrong passwords (423, R-13), with one message for an unknown user and a wrong password', async () => {
    const unknown = await x.call(null, 'POST', '/api/session', { username: 'nobody.here', password: 'whatever-it-is' });
    const wrong = await x.call(null, 'POST', '/api/session', { username: 'dm.chen', password: 'not the password' });
    assert.deepEqual([unknown.statusCode, wrong.statusCode], [401, 401]);
    assert.equal(unknown.json().detail, wrong.json().detail);
    for (let i = 0; i < 3; i++) assert.equal((await x.call(null, 'POST', '/api/session', { username: 'dm.chen', password: 'not the password' })).statusCode, 401);
    const locked = await x.call(null, 'POST', '/api/session', { username: 'dm.chen', password: 'not the password' }, { 'accept-language': 'zh-CN' });
    assert.equal(locked.statusCode, 423);
    assert.equal(locked.json().code, 'account_locked');
    assert.match(locked.json().detail, /锁定/);
    assert.equal((await x.call(null, 'POST', '/api/session', { username: 'dm.chen', password })).statusCode, 423, 'the right password does not unlock it');
    const kinds = await events('dm.chen');
    assert.ok(kinds.includes('account_locked'));
    assert.equal(kinds.filter((k) => k === 'login_failed').length, 6);
    // The administrator unlocks it, with a reason.
    const admin = await x.login('admin');
    const r = await x.call(admin, 'POST', '/api/users/dm.chen/unlock', { reason: 'called the user back' });
    assert.equal(r.statusCode, 200);
    assert.equal(r.json().locked, false);
    assert.equal((await x.call(null, 'POST', '/api/session', { username: 'dm.chen', password })).statusCode, 200);
  });

  it('changes one\'s own password with the current one, and the old one stops working', async () => {
    const r = await x.call(null, 'POST', '/api/session/password', { username: 'pi.sun', password, newPassword: 'a brand new passphrase 7' });
    assert.equal(r.statusCode, 204);
    assert.equal((await x.call(null, 'POST', '/api/session', { username: 'pi.sun', password })).statusCode, 401);
    assert.equal((await x.call(null, 'POST', '/api/session', { username: 'pi.sun', password: 'a brand new passphrase 7' })).statusCode, 200);
    const weak = await x.call(null, 'POST', '/api/session/password', { username: 'pi.sun', password: 'a brand new passphrase 7', newPassword: 'short' });
    assert.equal(weak.statusCode, 400);
    assert.equal(weak.json().code, 'password_policy');
    // The rule is about the new password, so the problem names that field, not `password`.
    assert.deepEqual(weak.json().issues.map((i: { path: string[]; code: string; params: { rule: string } }) => [i.path.join('.'), i.code, i.params.rule]), [['newPassword', 'password_policy', 'length']]);
    assert.match(weak.json().detail, /^newPassword: must be at least 12 characters/);
    const same = await x.call(null, 'POST', '/api/session/password', { username: 'pi.sun', password: 'a brand new passphrase 7', newPassword: 'a brand new passphrase 7' }, { 'accept-language': 'zh-CN' });
    assert.deepEqual([same.statusCode, same.json().code, same.json().issues[0].path, same.json().issues[0].params.rule], [400, 'password_policy', ['newPassword'], 'reused']);
    assert.match(same.json().detail, /^newPassword：必须与当前密码不同/);
    assert.equal((await x.call(null, 'POST', '/api/session', { username: 'pi.sun', password: 'a brand new passphrase 7' })).statusCode, 200, 'a refused change changes nothing');
  });

  it('ends the user\'s other sessions at a password change and keeps the one that made it (OWASP ASVS 3.3.3), on record', async () => {
    const [here, laptop, phone] = [await x.login('crc.wu'), await x.login('crc.wu'), await x.login('crc.wu')];
    const someoneElse = await x.login('crc.li');
    const alive = async (who: typeof here) => (await x.call(who, 'GET', '/api/session')).statusCode;
    const refused = await x.call(here, 'POST', '/api/session/password', { username: 'crc.wu', password: 'not the password', newPassword: 'another new passphrase 8' });
    assert.equal(refused.statusCode, 401);
    assert.deepEqual([await alive(here), await alive(laptop), await alive(phone)], [200, 200, 200], 'a refused change ends no session');
    const r = await x.call(here, 'POST', '/api/session/password', { username: 'crc.wu', password, newPassword: 'another new passphrase 8' });
    assert.equal(r.statusCode, 204);
    assert.deepEqual([await alive(here), await alive(laptop), await alive(phone), await alive(someoneElse)], [200, 401, 401, 200]);
    const logouts = await ctx.db().query<{ detail: { reason: string } }>(`SELECT detail FROM security_event WHERE username = 'crc.wu' AND kind = 'logout' ORDER BY created_at, id`);
    assert.deepEqual(logouts.map((e) => e.detail.reason), ['password_changed', 'password_changed']);
    // Changed from no session (the log-in page, with an expired password): every session ends.
    const again = await x.call(null, 'POST', '/api/session/password', { username: 'crc.wu', password: 'another new passphrase 8', newPassword: 'a third new passphrase 9' });
    assert.equal(again.statusCode, 204);
    assert.equal(await alive(here), 401);
  });

  it('answers bad input with 400 naming the field, in the language asked for', async () => {
    const r = await x.call(null, 'POST', '/api/session', { username: 'x' }, { 'accept-language': 'fr-FR, zh-CN;q=0.8, en;q=0.5' });
    assert.equal(r.statusCode, 400);
    assert.deepEqual(r.json().issues.map((i: { path: string[]; code: string }) => [i.path.join('.'), i.code]), [['password', 'required']]);
    assert.equal(r.json().detail, 'password：必填');
    const bad = await x.app.inject({ method: 'POST', url: '/api/session', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.headers['content-type'], 'application/problem+json; charset=utf-8');
  });
});
