// The bugs fuzz.test.ts found, each as a plain request: before their fixes each of these was a
// 5xx, a refusal that named no field, or an answer that was no problem document.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { addDays } from '../domain/conduct/index.ts';
import { digest } from '../fuzz/digest.ts';
import { describeEachBackend } from '../store/test-support.ts';
import { siteDate } from '../store/trial/index.ts';
import { apiTrial, type Login } from './test-support.ts';

describeEachBackend('server fuzz regressions', (ctx) => {
  let x: Awaited<ReturnType<typeof apiTrial>>;
  let crc: Login;
  let pi: Login;
  let admin: Login;
  let subjectId: string;
  let screeningId: string;
  const today = siteDate(new Date());

  before(async () => {
    x = await apiTrial(ctx.db());
    subjectId = (await x.dosedSubject('001', addDays(today, -40))).subject.id;
    screeningId = (await x.screened('002', today, false)).subject.id;
    [crc, pi, admin] = [await x.login('crc.li'), await x.login('pi.zhang'), await x.login('admin')];
  });
  after(() => x.app.close());

  /** The answer must be a problem naming `path` with `code`, and nothing may have changed. */
  async function refused(who: Login, method: 'POST' | 'GET', url: string, payload: unknown, status: number, code: string, path: (string | number)[]) {
    const before = await digest(ctx.db());
    // Text as it is (deep JSON overflows the test's own JSON.stringify), else JSON.
    const r = typeof payload === 'string' ? await x.call(who, method, url, payload, { 'content-type': 'application/json' }) : await x.call(who, method, url, payload);
    assert.equal(r.statusCode, status, r.body);
    assert.equal(r.headers['content-type'], 'application/problem+json; charset=utf-8');
    const problem = r.json();
    assert.deepEqual([problem.issues[0].path, problem.issues[0].code], [path, code], r.body);
    assert.deepEqual(await digest(ctx.db()), before);
    return problem;
  }

  it('answers a URL that does not decode with a problem, not fastify JSON', async () => {
    const r = await x.call(crc, 'GET', '/api/subjects/%E0%A4%A');
    assert.equal(r.statusCode, 400);
    assert.equal(r.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(r.json().code, 'malformed_request');
  });

  it('answers a path parameter over 100 characters with a titled 414 problem', async () => {
    const r = await x.call(crc, 'GET', `/api/subjects/${'x'.repeat(150)}`);
    assert.equal(r.statusCode, 414);
    assert.deepEqual([r.json().code, r.json().title], ['uri_too_long', 'Address too long']);
  });

  it('refuses NUL and half surrogate pairs anywhere in a request, naming the field (was a 500 from the database)', async () => {
    await refused(admin, 'POST', '/api/users/%00/deactivate', { reason: 'left' }, 400, 'invalid_character', ['username']);
    await refused(crc, 'POST', `/api/subjects/${subjectId}/observations`, { kind: 'vital', code: 'weight', valueNum: 60, unit: 'kg', observedAt: today, valueText: 'a\u0000b' }, 400, 'invalid_character', ['valueText']);
    await refused(crc, 'POST', `/api/subjects/${subjectId}/observations`, { kind: 'vital', code: 'weight', valueNum: 60, unit: 'kg', observedAt: today, valueJson: { 'x\uD800': 1 } }, 400, 'invalid_character', ['valueJson', 'x\uD800']);
  });

  it('refuses JSON nested past the limit, naming where (the database stored or choked on it)', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const body = `{"kind":"vital","code":"weight","valueNum":60,"unit":"kg","observedAt":"${today}","valueJson":${deep}}`;
    const problem = await refused(crc, 'POST', `/api/subjects/${subjectId}/observations`, body, 400, 'too_deep', [
      'valueJson',
      ...Array(63).fill(0),
    ]);
    assert.equal(problem.issues[0].params.maximum, 64);
  });

  it('names the field of a store refusal of bad input (was an issue at no path)', async () => {
    await refused(admin, 'POST', '/api/users', { username: '8&', fullName: 'X', password: 'a long enough passphrase 1' }, 400, 'username_invalid', ['username']);
  });

  it('refuses a dose that ends before it starts, naming endedAt (was a CHECK violation naming nothing)', async () => {
    const startedAt = new Date().toISOString();
    await refused(crc, 'POST', `/api/subjects/${subjectId}/doses`, { level: 1, startedAt, endedAt: '2000-01-01T00:00:00Z' }, 400, 'ends_before_start', ['endedAt']);
  });

  it('refuses an adverse event resolved before its onset, naming resolvedDate', async () => {
    await refused(pi, 'POST', `/api/subjects/${subjectId}/adverse-events`, { term: 'Nausea', grading: 'ctcae', onsetDate: today, resolvedDate: addDays(today, -3), grade: 1, relatedness: 'unlikely' }, 400, 'ends_before_start', ['resolvedDate']);
  });

  it('names the bundle when the bundle text is JSON but not a bundle, on screening and on preview', async () => {
    await refused(crc, 'POST', `/api/subjects/${screeningId}/screenings`, { bundle: '42' }, 400, 'invalid_type', ['bundle']);
    await refused(crc, 'POST', '/api/screening/preview', { study: 'hn2301', bundle: '[]' }, 400, 'invalid_type', ['bundle']);
    await refused(crc, 'POST', `/api/subjects/${screeningId}/screenings`, { bundle: '{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient","id":"a\\u0000"}}]}' }, 400, 'invalid_character', ['bundle', 'entry', 0, 'resource', 'id']);
  });
});
