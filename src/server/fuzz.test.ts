// Hostile input on every route of the API (issue 8): for each route of the OpenAPI document (and
// of the access matrix, which also holds the hidden /api/openapi.json), fuzzed requests from a
// role that may use it and one that may not: valid-shaped bodies with fields mutated at any depth,
// wrong types, missing and extra fields, huge strings, deep JSON, unicode edge cases, impossible
// dates and overlong numbers, path parameters that are not uuids or name another site's records,
// repeated and malformed query strings, other content types and malformed JSON. Never a 5xx;
// every refusal a problem naming the field; nothing changed by a refused request; the server up.
// FIRSTDOSE_FUZZ_RUNS raises the requests per route (default 12), FIRSTDOSE_FUZZ_SEED replays a run.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import fc from 'fast-check';
import { describeEachBackend } from '../store/test-support.ts';
import { accessMatrix } from './access/matrix.ts';
import { checker } from './fuzz/check.ts';
import { digest } from '../fuzz/digest.ts';
import { type FuzzTrial, fuzzTrial } from './fuzz/fixture.ts';
import { type Operation, requestArbitrary, sendersOf } from './fuzz/requests.ts';
import { commonFields, routeGenerators } from './fuzz/routes.ts';
import type { JsonSchema, SchemaHints } from './fuzz/schema-arbitrary.ts';

const runs = Number(process.env.FIRSTDOSE_FUZZ_RUNS ?? 12);
const seed = Number(process.env.FIRSTDOSE_FUZZ_SEED ?? Date.now() % 1_000_000);

interface OpenApi {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components: { readonly schemas: Record<string, JsonSchema> };
}

/** `GET /api/x/:id` for every operation of the document. */
const operationsOf = (doc: OpenApi): Map<string, Operation> =>
  new Map(Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => [`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`, op] as const)));

describeEachBackend('HTTP API under hostile input', (ctx) => {
  let t: FuzzTrial;
  let doc: OpenApi;
  const crashes: unknown[] = [];
  const onCrash = (error: unknown) => crashes.push(error);

  before(async () => {
    process.on('unhandledRejection', onCrash);
    process.on('uncaughtExceptionMonitor', onCrash);
    t = await fuzzTrial(ctx.db());
    doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApi;
  });
  after(async () => {
    process.off('unhandledRejection', onCrash);
    process.off('uncaughtExceptionMonitor', onCrash);
    await t?.app.close();
  });

  const routeKeys = () => [...new Set([...operationsOf(doc).keys(), ...Object.keys(accessMatrix)])].sort();

  it('has a request generator for every route of the OpenAPI document and the access matrix, and none for a route that is gone', () => {
    const generators = routeGenerators(t);
    const keys = routeKeys();
    assert.deepEqual(keys.filter((k) => !generators[k]), [], 'routes without a generator');
    assert.deepEqual(Object.keys(generators).filter((k) => !keys.includes(k)), [], 'generators of routes that do not exist');
    assert.ok(operationsOf(doc).size >= 40, 'the OpenAPI document lists the routes');
  });

  it(`answers ${runs} fuzzed requests per route (seed ${seed}) without a 5xx, refusing with problems that name the field and change nothing`, async () => {
    const generators = routeGenerators(t);
    const hints: SchemaHints = {
      fields: commonFields(t),
      uuid: fc.constantFrom(...t.pools.subjectsA, ...t.pools.observationsA, ...t.pools.visitsA, ...t.pools.subjectsB, '00000000-0000-4000-8000-000000000000'),
      date: fc.constantFrom(t.pools.today, '2026-01-15', '2024-02-29', '2026-12-31', '1970-01-01'),
      instant: fc.constantFrom(new Date().toISOString(), '2026-01-10T08:00:00+08:00', '2026-01-10T08:00Z'),
    };
    const operations = operationsOf(doc);
    const send = checker(t);
    const failures = new Map<string, string>();
    for (const [i, key] of routeKeys().entries()) {
      const access = accessMatrix[key]!;
      const refused = new Set(sendersOf(access).refused);
      const arbitrary = requestArbitrary(key, operations.get(key), access, generators[key]!, doc.components.schemas, hints);
      for (const request of fc.sample(arbitrary, { numRuns: runs, seed: seed + i })) {
        for (const failure of await send.send(request, refused.has(request.who))) {
          // One example of each kind of failure of each route is enough to act on.
          if (!failures.has(`${key} ${failure.kind}`)) failures.set(`${key} ${failure.kind}`, failure.message);
        }
      }
    }
    assert.deepEqual([...failures.values()], []);
  });

  it('refuses a body over the limit on every route that takes one: 413, a problem, nothing changed', async () => {
    const over = Buffer.alloc(20 * 1024 * 1024 + 1, 0x20);
    const login = t.sessions.get('crc.li')!;
    const failures: string[] = [];
    for (const key of routeKeys()) {
      const [method, template] = key.split(' ') as ['POST' | 'PATCH', string];
      if (method !== 'POST' && method !== 'PATCH') continue;
      const before = await digest(t.db);
      const r = await t.app.inject({
        method,
        url: template.replace(/:\w+/g, t.pools.subjectsA[0]!),
        headers: { 'content-type': 'application/json', cookie: login.cookie, 'x-csrf-token': login.csrf },
        payload: over,
      });
      const changed = [...(await digest(t.db))].filter(([table, h]) => before.get(table) !== h);
      if (r.statusCode >= 500 || r.headers['content-type'] !== 'application/problem+json; charset=utf-8' || changed.length > 0)
        failures.push(`${key}: ${r.statusCode} ${r.headers['content-type']} ${r.body.slice(0, 200)} changed ${changed.map(([table]) => table)}`);
    }
    assert.deepEqual(failures, []);
  });

  it('is still up: no unhandled rejection or uncaught exception, and it answers', async () => {
    assert.deepEqual(crashes.map(String), []);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode, 200);
  });
});
