// Security headers (docs/security.md): a strict Content-Security-Policy on the app's pages (no
// inline script, no eval, no framing), a data-only policy and no-store on every API answer
// (problems included), the usual headers on all, HSTS only behind HTTPS, and JSON answers whose
// text cannot form markup.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Db } from '../../store/index.ts';
import { freshDb } from '../../store/test-support.ts';
import { hn2301 } from '../../store/trial/test-support.ts';
import { buildServer } from '../app.ts';
import { apiPolicy, appPolicy, escapeJsonText, hstsValue } from './index.ts';

/** The directives of a policy, by name. */
const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

function assertCommon(r: LightMyRequestResponse, what: string): void {
  assert.equal(r.headers['x-content-type-options'], 'nosniff', what);
  assert.equal(r.headers['referrer-policy'], 'same-origin', what);
  assert.equal(r.headers['x-frame-options'], 'DENY', what);
  assert.equal(r.headers['cross-origin-opener-policy'], 'same-origin', what);
  assert.match(String(r.headers['content-security-policy']), /frame-ancestors 'none'/, what);
}

describe('security headers', () => {
  let db: Db;
  let app: FastifyInstance;
  let https: FastifyInstance;
  let root: string | undefined;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'fd-web-'));
    const web = join(root, 'web');
    mkdirSync(join(web, 'assets'), { recursive: true });
    // A file beside the web root, which no URL may reach.
    writeFileSync(join(web, '..', 'secret.txt'), 'SECRET-BESIDE-THE-ROOT');
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>FirstDose app</title><script type="module" src="/assets/app.js"></script>');
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
    db = await freshDb('pglite');
    app = await buildServer({ db, protocol: hn2301(), webRoot: web });
    https = await buildServer({ db, protocol: hn2301(), webRoot: web, secureCookies: true });
  });
  after(async () => {
    try {
      await app?.close();
      await https?.close();
      await db?.close();
    } finally {
      if (root) rmSync(root, { recursive: true, force: true });
    }
  });

  it('gives the app a strict Content-Security-Policy: scripts from the origin only, no inline script, no eval, no framing', async () => {
    const d = directives(appPolicy);
    assert.deepEqual(d.get('script-src'), ["'self'"]);
    assert.deepEqual(d.get('default-src'), ["'self'"]);
    assert.deepEqual(d.get('object-src'), ["'none'"]);
    assert.deepEqual(d.get('base-uri'), ["'none'"]);
    assert.deepEqual(d.get('frame-ancestors'), ["'none'"]);
    for (const [name, values] of d) {
      for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'", '*', 'http:', 'https:']) assert.ok(!values.includes(bad), `${name} allows ${bad}`);
    }
    for (const url of ['/', '/study/hn2301', '/assets/app.js']) {
      const r = await app.inject({ method: 'GET', url });
      assert.equal(r.statusCode, 200, url);
      assert.equal(r.headers['content-security-policy'], appPolicy, url);
      assertCommon(r, url);
      assert.equal(r.headers['strict-transport-security'], undefined, 'no HSTS over plain HTTP');
    }
  });

  it('marks every API answer, success or problem, as data not to be stored: no-store and a policy that allows nothing', async () => {
    for (const [url, status] of [
      ['/api/health', 200],
      ['/api/subjects', 401],
      ['/api/nothing-here', 404],
      ['/api/public/studies/no-such-study', 404],
    ] as const) {
      const r = await app.inject({ method: 'GET', url });
      assert.equal(r.statusCode, status, url);
      assert.equal(r.headers['cache-control'], 'no-store', url);
      assert.equal(r.headers['content-security-policy'], apiPolicy, url);
      assertCommon(r, url);
    }
    assert.deepEqual(directives(apiPolicy).get('default-src'), ["'none'"]);
  });

  it('serves no file outside the web root, however the path is spelled', async () => {
    for (const url of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/..%5c..%5csecret.txt', '//../secret.txt', '/./assets/./../../secret.txt']) {
      const r = await app.inject({ method: 'GET', url });
      assert.ok(!r.body.includes('SECRET-BESIDE-THE-ROOT'), `${url} reached the file: ${r.statusCode}`);
    }
    assert.equal((await app.inject({ method: 'GET', url: '/assets/app.js' })).body, 'console.log(1)', 'the root itself is served');
  });

  it('sends Strict-Transport-Security only when the server is behind HTTPS (secure cookies on)', async () => {
    for (const url of ['/', '/api/health']) {
      const r = await https.inject({ method: 'GET', url });
      assert.equal(r.headers['strict-transport-security'], hstsValue, url);
      assertCommon(r, url);
    }
    assert.match(hstsValue, /max-age=(\d{8,})/);
  });

  it('answers stored markup as JSON text that cannot form markup (\\u003c), the same value once parsed', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/public/studies/%3Cscript%3Ealert(1)%3C%2Fscript%3E' });
    assert.equal(r.statusCode, 404);
    assert.equal(r.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.ok(!/[<>]/.test(r.body), r.body);
    assert.match(r.body, /\\u003cscript\\u003e/);
    assert.equal(r.json().issues[0].params.study, '<script>alert(1)</script>');
  });
});

describe('JSON escaping', () => {
  it('keeps every JSON value the same while leaving no <, >, & or line separators in the text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: fc.constantFrom('<', '>', '&', '\u2028', '\u2029', 'a', '"', '\\', '/') }), (value, text) => {
        const json = JSON.stringify({ value, text });
        const escaped = escapeJsonText(json);
        assert.ok(!/[<>&\u2028\u2029]/.test(escaped));
        assert.deepEqual(JSON.parse(escaped), JSON.parse(json));
      }),
    );
  });
});
