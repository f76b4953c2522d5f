// The server itself: health, the OpenAPI 3.1 document (every route of the matrix is in it, with
// its schemas), problems for unknown routes, the web app's files with index.html for the app's
// own paths, and the placeholder page until the app is built.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { describeEachBackend } from '../store/test-support.ts';
import { hn2301 } from '../store/trial/test-support.ts';
import { accessMatrix } from './access/matrix.ts';
import { buildServer } from './app.ts';
import { acceptLanguage } from './language.ts';

it('picks the language of an answer from Accept-Language by preference', () => {
  assert.equal(acceptLanguage(undefined), 'en');
  assert.equal(acceptLanguage('zh-CN'), 'zh-CN');
  assert.equal(acceptLanguage('zh-Hans-CN,zh;q=0.9'), 'zh-CN');
  assert.equal(acceptLanguage('fr, en;q=0.4, zh;q=0.6'), 'zh-CN');
  assert.equal(acceptLanguage('en-GB;q=0.9, zh;q=0'), 'en');
  assert.equal(acceptLanguage('de', 'zh-CN'), 'zh-CN');
});

describeEachBackend('server app', (ctx) => {
  let app: Awaited<ReturnType<typeof buildServer>>;
  let bare: Awaited<ReturnType<typeof buildServer>>;
  let web: string | undefined;
  before(async () => {
    web = mkdtempSync(join(tmpdir(), 'fd-web-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>FirstDose app</title>');
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
    app = await buildServer({ db: ctx.db(), protocol: hn2301(), webRoot: web });
    bare = await buildServer({ db: ctx.db(), protocol: hn2301() });
  });
  after(async () => {
    try {
      await app?.close();
      await bare?.close();
    } finally {
      if (web) rmSync(web, { recursive: true, force: true });
    }
  });

  it('is healthy', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/health' });
    assert.deepEqual([r.statusCode, r.json()], [200, { status: 'ok', database: 'ok' }]);
  });

  it('describes every route in OpenAPI 3.1, with the schemas that check the requests', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    assert.equal(doc.openapi, '3.1.0');
    for (const key of Object.keys(accessMatrix).filter((k) => k !== 'GET /api/openapi.json')) {
      const [method, url] = key.split(' ') as [string, string];
      const path = url.replace(/:(\w+)/g, '{$1}');
      assert.ok(doc.paths[path]?.[method.toLowerCase()], `${key} missing from the OpenAPI document`);
    }
    const login = doc.paths['/api/session'].post;
    assert.deepEqual(login.requestBody.content['application/json'].schema.required, ['username', 'password']);
    assert.ok(login.responses['423'], 'the lock-out answer is documented');
  });

  it('answers an unknown API route with a problem, and any other path with the app', async () => {
    const api = await app.inject({ method: 'GET', url: '/api/nothing-here', headers: { 'accept-language': 'zh-CN' } });
    assert.equal(api.statusCode, 404);
    assert.equal(api.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(api.json().issues[0].code, 'route_not_found');
    const asset = await app.inject({ method: 'GET', url: '/assets/app.js' });
    assert.equal(asset.statusCode, 200);
    assert.equal(asset.body, 'console.log(1)');
    for (const url of ['/', '/study/hn2301', '/subjects/abc?x=1']) {
      const page = await app.inject({ method: 'GET', url });
      assert.equal(page.statusCode, 200, url);
      assert.match(page.body, /FirstDose app/);
      assert.equal(page.headers['x-content-type-options'], 'nosniff');
    }
  });

  it('says how to build the app when there is none', async () => {
    const page = await bare.inject({ method: 'GET', url: '/study/hn2301' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /npm run build:web/);
  });
});
