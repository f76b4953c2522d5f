// Rate limits (docs/security.md): the sliding window itself, client addresses as counted (IPv6 by
// /64), and over the API: password checks limited per user name and per client address with 429
// and Retry-After, the lock-out still reached first and not undone by waiting, a success taking
// its try back, the public posts limited per address, and one `rate_limited` security event per
// blocked period.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { freshDb } from '../../store/test-support.ts';
import { cheapHashing, hn2301 } from '../../store/trial/test-support.ts';
import type { Db } from '../../store/index.ts';
import { buildServer } from '../app.ts';
import { apiTrial, password } from '../test-support.ts';
import { clientKey, trustProxyOf } from './client-address.ts';
import { RateLimiter } from './rate-limiter.ts';

describe('rate limiter', () => {
  it('allows max hits in any window, then says how long to wait, and forgets hits older than the window', () => {
    let now = 0;
    const l = new RateLimiter({ max: 3, windowMs: 1000 }, () => now);
    for (const t of [0, 100, 200]) {
      now = t;
      assert.equal(l.retryAfterMs('a'), 0);
      l.hit('a');
    }
    now = 300;
    assert.equal(l.retryAfterMs('a'), 700, 'the first hit leaves the window at 1000');
    assert.equal(l.retryAfterMs('b'), 0, 'keys are counted apart');
    now = 1000;
    assert.equal(l.retryAfterMs('a'), 0);
    l.hit('a');
    assert.equal(l.retryAfterMs('a'), 100, 'sliding: the hit at 100 is the oldest now');
  });

  it('takes back a refunded hit, and reports a blocked key once per blocked period', () => {
    let now = 0;
    const l = new RateLimiter({ max: 2, windowMs: 1000 }, () => now);
    l.hit('a');
    l.hit('a');
    l.refund('a');
    assert.equal(l.retryAfterMs('a'), 0);
    l.hit('a');
    assert.equal(l.firstRefusal('a'), true);
    assert.equal(l.firstRefusal('a'), false);
    now = 999;
    assert.equal(l.firstRefusal('a'), false);
    now = 1000;
    l.hit('a');
    l.hit('a');
    assert.equal(l.firstRefusal('a'), true, 'a new blocked period is reported again');
  });

  it('keeps at most maxKeys keys, forgetting the one used longest ago', () => {
    const l = new RateLimiter({ max: 1, windowMs: 1000 }, () => 0, 3);
    for (const k of ['a', 'b', 'c']) l.hit(k);
    l.hit('a');
    l.hit('d');
    assert.equal(l.size, 3);
    assert.equal(l.retryAfterMs('b'), 0, 'b was used longest ago');
    assert.ok(l.retryAfterMs('a') > 0 && l.retryAfterMs('c') > 0 && l.retryAfterMs('d') > 0);
  });

  it('refuses a limit that allows nothing', () => {
    assert.throws(() => new RateLimiter({ max: 0, windowMs: 1000 }, () => 0), /max must be/);
    assert.throws(() => new RateLimiter({ max: 1.5, windowMs: 1000 }, () => 0), /max must be/);
  });

  it('counts an IPv4 address as itself, IPv4-mapped IPv6 as the IPv4 address, and IPv6 by its /64', () => {
    assert.equal(clientKey('203.0.113.7'), '203.0.113.7');
    assert.equal(clientKey('::ffff:203.0.113.7'), '203.0.113.7');
    assert.equal(clientKey('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
    assert.equal(clientKey('2001:db8:1:2:ffff:ffff:ffff:ffff'), '2001:db8:1:2::/64');
    assert.equal(clientKey('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(clientKey('::1'), '0:0:0:0::/64');
    assert.equal(clientKey('fe80::1%eth0'), 'fe80:0:0:0::/64');
    assert.equal(clientKey(undefined), 'unknown');
  });

  it('reads FIRSTDOSE_TRUST_PROXY: nothing trusted by default, all proxies for 1, or the listed addresses', () => {
    for (const off of [undefined, '', ' ', '0', 'false']) assert.equal(trustProxyOf(off), false);
    assert.equal(trustProxyOf('1'), true);
    assert.equal(trustProxyOf('TRUE'), true);
    assert.deepEqual(trustProxyOf('127.0.0.1, 10.0.0.0/8,'), ['127.0.0.1', '10.0.0.0/8']);
  });

  it('counts the client behind a trusted proxy by X-Forwarded-For, and ignores the header from an untrusted peer', async () => {
    const db = await freshDb('pglite');
    const build = (trustProxy: boolean | string[]) =>
      buildServer({ db, protocol: hn2301(), rateLimits: { selfCheckPerAddress: { max: 1, windowMs: 60_000 } }, ...(trustProxy ? { trustProxy } : {}) });
    const behind = await build(['10.1.1.1']);
    const open = await build(false);
    try {
      const check = (app: typeof behind, forwardedFor: string) =>
        app.inject({ method: 'POST', url: '/api/public/studies/hn2301/self-check', payload: {}, remoteAddress: '10.1.1.1', headers: { 'x-forwarded-for': forwardedFor } });
      // A malformed request (400) counts all the same: the address is counted before the body is read.
      assert.deepEqual([(await check(behind, '198.51.100.1')).statusCode, (await check(behind, '198.51.100.2')).statusCode, (await check(behind, '198.51.100.1')).statusCode], [400, 400, 429]);
      assert.deepEqual([(await check(open, '198.51.100.1')).statusCode, (await check(open, '198.51.100.2')).statusCode], [400, 429], 'a forged header changes nothing');
    } finally {
      await behind.close();
      await open.close();
      await db.close();
    }
  });

  it('refuses a user-name limit at or under the lock-out count, which would keep the lock from happening', async () => {
    const db = await freshDb('pglite');
    try {
      await assert.rejects(
        buildServer({ db, protocol: hn2301(), policy: { ...cheapHashing, maxFailedAttempts: 5 }, rateLimits: { loginPerUsername: { max: 5, windowMs: 60_000 } } }),
        /must be above the lock-out/,
      );
    } finally {
      await db.close();
    }
  });
});

describe('rate limits over the API', () => {
  let db: Db;
  let x: Awaited<ReturnType<typeof apiTrial>>;
  let now = new Date('2026-06-01T02:00:00Z').getTime();
  const minute = 60_000;
  before(async () => {
    db = await freshDb('pglite');
    x = await apiTrial(db, {
      clock: () => new Date(now),
      rateLimits: {
        loginPerUsername: { max: 8, windowMs: 10 * minute },
        loginPerAddress: { max: 12, windowMs: 10 * minute },
        selfCheckPerAddress: { max: 4, windowMs: 10 * minute },
        contactPerAddress: { max: 2, windowMs: 60 * minute },
      },
    });
  });
  after(async () => {
    await x.app.close();
    await db.close();
  });

  const login = (username: string, pass: string, remoteAddress: string) =>
    x.app.inject({ method: 'POST', url: '/api/session', payload: { username, password: pass }, remoteAddress });
  const rateEvents = async () =>
    db.query<{ username: string | null; detail: { by: string; address: string; route: string } }>(`SELECT username, detail FROM security_event WHERE kind = 'rate_limited' ORDER BY created_at, id`);

  it('limits failed log-ins per user name with 429 and Retry-After, after the lock-out has happened, and waiting does not unlock', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await login('dm.chen', 'wrong password here', `198.51.100.${i + 1}`)).statusCode);
    // Five failures lock the account; the next three meet the lock; the ninth the limit.
    assert.deepEqual(statuses, [401, 401, 401, 401, 423, 423, 423, 423, 429]);
    const limited = await login('dm.chen', password, '198.51.100.50');
    assert.equal(limited.statusCode, 429, 'the right password is not even checked while limited');
    assert.equal(limited.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(limited.json().code, 'too_many_requests');
    const retry = Number(limited.headers['retry-after']);
    assert.ok(retry > 0 && retry <= 600, `Retry-After ${limited.headers['retry-after']}`);
    assert.equal((await x.call(null, 'POST', '/api/session', { username: 'dm.chen', password }, { 'accept-language': 'zh-CN' })).json().detail, `尝试次数过多；请在 ${retry} 秒后重试`);
    const [locked] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM security_event WHERE kind = 'account_locked' AND username = 'dm.chen'`);
    assert.equal(locked!.n, 1, 'the lock and its alert came first');
    now += retry * 1000;
    assert.equal((await login('dm.chen', password, '198.51.100.50')).statusCode, 423, 'after the wait the account is still locked: only an administrator unlocks it');
    const events = (await rateEvents()).filter((e) => e.username === 'dm.chen');
    assert.equal(events.length, 1, 'one event for the blocked period, not one per refused try');
    assert.deepEqual([events[0]!.detail.by, events[0]!.detail.route], ['username', '/api/session']);
  });

  it('limits failed password checks per client address across user names, while other addresses log in', async () => {
    const from = '203.0.113.9';
    const statuses: number[] = [];
    for (let i = 0; i < 13; i++) statuses.push((await login(`nobody.${i}`, 'guessed password 1', from)).statusCode);
    assert.deepEqual(statuses, [...new Array(12).fill(401), 429]);
    assert.equal((await login('crc.li', password, from)).statusCode, 429, 'the address is limited, whoever it names');
    const change = await x.app.inject({ method: 'POST', url: '/api/session/password', payload: { username: 'crc.li', password, newPassword: 'another passphrase 99' }, remoteAddress: from });
    assert.equal(change.statusCode, 429, 'changing a password checks one too');
    assert.equal((await login('crc.li', password, '203.0.113.10')).statusCode, 200);
    const mine = (await rateEvents()).filter((e) => e.detail.address === from);
    assert.deepEqual(
      mine.map((e) => [e.username, e.detail.by]),
      [[null, 'address']],
    );
  });

  it('takes back the try of a log-in that succeeds, so people who log in often are never limited', async () => {
    for (let i = 0; i < 20; i++) assert.equal((await login('src.zhou', password, '192.0.2.77')).statusCode, 200);
    assert.equal((await login('src.zhou', 'one wrong password', '192.0.2.77')).statusCode, 401);
    assert.equal((await login('src.zhou', password, '192.0.2.77')).statusCode, 200, 'and the success clears the failure count of the lock-out');
  });

  it('limits the public self-check and contact requests per client address, storing nothing when refused', async () => {
    const selfCheck = { answers: { age: 40, sex: 'female', sleDiagnosed: true, sleDiagnosedMonthsAgo: 30, currentMedicines: [] } };
    const post = (path: string, payload: object, remoteAddress: string) => x.app.inject({ method: 'POST', url: `/api/public/studies/hn2301/${path}`, payload, remoteAddress });
    const checks: number[] = [];
    for (let i = 0; i < 5; i++) checks.push((await post('self-check', selfCheck, '192.0.2.1')).statusCode);
    assert.deepEqual(checks, [200, 200, 200, 200, 429]);
    assert.equal((await post('self-check', selfCheck, '192.0.2.2')).statusCode, 200);

    const count = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM contact_request'))[0]!.n;
    const before = await count();
    const contact = { name: 'Wang', phone: '+86 551 0000', consent: true };
    const sent: number[] = [];
    for (let i = 0; i < 3; i++) sent.push((await post('contact-requests', contact, '2001:db8:5:6::1')).statusCode);
    // Another address of the same IPv6 /64 is the same client.
    sent.push((await post('contact-requests', contact, '2001:db8:5:6:abcd::2')).statusCode);
    assert.deepEqual(sent, [201, 201, 429, 429]);
    assert.equal(await count(), before + 2);
    const r = await post('contact-requests', contact, '2001:db8:5:6::1');
    assert.ok(Number(r.headers['retry-after']) > 0);
    now += 61 * minute;
    assert.equal((await post('contact-requests', contact, '2001:db8:5:6::1')).statusCode, 201, 'the window moved on');
  });
});
