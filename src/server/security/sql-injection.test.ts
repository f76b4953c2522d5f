// SQL injection, over the API (OWASP Testing Guide WSTG-INPV-05): every text input of every
// route, as the OpenAPI document lists them (body fields at any depth, path and query
// parameters), is sent an injection string in an otherwise well-formed request. Then: no answer
// is a 5xx; a text that was accepted is stored verbatim (found as the same JSON string in a row
// of a table that changed, the audit trail's reason included); a password is stored nowhere; and
// no table changed that the route does not write, besides the audit trail and the security
// events that record it (each table's rows digested before and after). The hash chain of the audit
// trail still verifies at the end. sql-static.test.ts checks the source for SQL built from input.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { addDays } from '../../domain/conduct/index.ts';
import { createUser, grantRole } from '../../store/access/index.ts';
import { verifyAudit } from '../../store/index.ts';
import { describeEachBackend } from '../../store/test-support.ts';
import { enterObservation, raiseQuery, recordAdverseEvent, recordDecision, siteDate, visitsOf } from '../../store/trial/index.ts';
import { cheapHashing, eligibleBundle } from '../../store/trial/test-support.ts';
import { accessMatrix } from '../access/matrix.ts';
import { apiTrial, type Login, password } from '../test-support.ts';

export const injections = [
  "'; DROP TABLE subject; --",
  "' OR '1'='1' --",
  '1); DELETE FROM audit_log; --',
  "\\'; UPDATE user_credential SET locked_at = NULL; --",
  "x' UNION SELECT password_hash FROM user_credential --",
  '$1 $$ $tag$; SELECT pg_sleep(2); --',
  '%\' AND 1=1 AND \'_%\' LIKE \'%',
  '"; COMMIT; ROLLBACK; --',
  "E'\\x27' || chr(39) || ''''",
  '\u02bc OR 1=1; -- ＇; SELECT 1',
] as const;

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

interface Sample {
  /** Who calls it (a role the matrix allows), or null for no session. */
  readonly as: string | null;
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
  readonly payload?: Readonly<Record<string, unknown>>;
  /** Tables a success may change, besides those that record it (`recording`). */
  readonly writes?: readonly string[];
  /** Body fields that are unions of objects: an input below one is sent without the sample's own branch. */
  readonly unions?: readonly string[];
}

interface Field {
  readonly route: string;
  /** `body.a.b`, `body.list[]`, `path:id` or `query:study`. */
  readonly path: string;
  readonly maxLength?: number;
}

/** Every string input of every route of the OpenAPI document. */
function stringFields(doc: { paths: Record<string, Record<string, Record<string, unknown>>>; components: { schemas: Record<string, unknown> } }): Field[] {
  type Schema = Record<string, unknown>;
  const resolve = (s: Schema | undefined): Schema | undefined => (s && typeof s.$ref === 'string' ? (doc.components.schemas[s.$ref.split('/').pop()!] as Schema) : s);
  const out: Field[] = [];
  const walk = (route: string, s0: Schema | undefined, path: string, seen: Set<Schema>) => {
    const s = resolve(s0);
    if (!s || seen.has(s)) return;
    const inner = new Set([...seen, s]);
    for (const k of ['anyOf', 'oneOf', 'allOf']) for (const x of (s[k] as Schema[] | undefined) ?? []) walk(route, x, path, inner);
    const types = [s.type].flat();
    if (types.includes('string') && !out.some((f) => f.route === route && f.path === path)) out.push({ route, path, ...(typeof s.maxLength === 'number' ? { maxLength: s.maxLength } : {}) });
    for (const [k, v] of Object.entries((s.properties as Record<string, Schema>) ?? {})) walk(route, v, `${path}.${k}`, inner);
    if (s.items) walk(route, s.items as Schema, `${path}[]`, inner);
  };
  for (const [url, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const route = `${method.toUpperCase()} ${url.replace(/\{(\w+)\}/g, ':$1')}`;
      for (const p of (op.parameters as { in: string; name: string; schema: Schema }[]) ?? []) walk(route, p.schema, `${p.in}:${p.name}`, new Set());
      const body = (op.requestBody as { content?: Record<string, { schema: Schema }> } | undefined)?.content?.['application/json']?.schema;
      if (body) walk(route, body, 'body', new Set());
    }
  }
  return out;
}

/** A copy of `payload` with the value at `path` (below `body`) set, creating what is missing on the way. */
function withValue(payload: Readonly<Record<string, unknown>>, path: string, value: string): Record<string, unknown> {
  const copy = structuredClone(payload) as Record<string, unknown>;
  const keys = path.split('.').slice(1);
  let at: Record<string, unknown> = copy;
  keys.forEach((raw, i) => {
    const list = raw.endsWith('[]');
    const key = list ? raw.slice(0, -2) : raw;
    const last = i === keys.length - 1;
    if (last) at[key] = list ? [value] : value;
    else if (list) {
      const first = Array.isArray(at[key]) && typeof (at[key] as unknown[])[0] === 'object' ? ((at[key] as Record<string, unknown>[])[0] as Record<string, unknown>) : {};
      at[key] = [first];
      at = first;
    } else {
      if (typeof at[key] !== 'object' || at[key] === null) at[key] = {};
      at = at[key] as Record<string, unknown>;
    }
  });
  return copy;
}

/** What records any action, or a refusal: the audit trail (and its head) and the security events. */
const recording = ['audit_log', 'audit_chain_head', 'security_event'];

/** Password checks: their failures are counted (user_credential). */
const checksPassword = (route: string, path: string) => /password/i.test(path) || route === 'POST /api/session' || route === 'POST /api/session/password';

describeEachBackend('SQL injection through every text input', (ctx) => {
  let x: Awaited<ReturnType<typeof apiTrial>>;
  let samples: Record<string, Sample>;
  const sessions = new Map<string, Login>();

  before(async () => {
    const db = ctx.db();
    x = await apiTrial(db);
    const today = siteDate(new Date());
    const d0 = addDays(today, -100);
    const first = await x.dosedSubject('001', d0);
    await x.dosedSubject('002', addDays(d0, 14));
    await x.dosedSubject('003', addDays(d0, 15));
    await recordDecision(db, { user: 'src.zhou' }, { studyId: x.study.id, asOf: addDays(d0, 44), nextLevel: 2 });
    const s1 = first.subject.id;
    const screening = await x.screened('010', today, false);
    const lab = await enterObservation(db, x.crc, { subjectId: s1, kind: 'lab', code: 'anc', valueNum: 2.1, unit: '10*9/L', refLow: 1.8, refHigh: 6.3, observedAt: new Date() });
    const [proposed] = await db.query<{ id: string }>(`SELECT id FROM observation WHERE subject_id = $1 AND status = 'proposed' LIMIT 1`, [s1]);
    const visit = (await visitsOf(db, s1, today)).find((v) => v.visitCode === 'm12')!;
    const ae = await recordAdverseEvent(db, { user: 'pi.zhang' }, { subjectId: s1, term: 'Headache', grading: 'ctcae', onsetDate: addDays(d0, 3), grade: 1, relatedness: 'possible' });
    const query = await raiseQuery(db, { user: 'cra.wang' }, { studyId: x.study.id, subjectId: s1, tableName: 'observation', rowId: lab.id, text: 'source?' });
    for (const name of ['temp.one', 'temp.pw']) await createUser(db, { user: 'admin' }, { username: name, fullName: name, password }, cheapHashing);
    const role = await grantRole(db, { user: 'admin' }, { username: 'temp.one', studyId: x.study.id, siteId: null, role: 'monitor' });
    const answers = { age: 40, sex: 'female', sleDiagnosed: true, sleDiagnosedMonthsAgo: 30, prednisoneMgPerDay: 10, currentMedicines: ['hydroxychloroquine'] };
    const reason = { reason: 'checked with the site' };
    samples = {
      'GET /api/public/studies/:id': { as: null, params: { id: 'hn2301' } },
      'POST /api/public/studies/:id/self-check': { as: null, params: { id: 'hn2301' }, payload: { answers } },
      'POST /api/public/studies/:id/contact-requests': { as: null, params: { id: 'hn2301' }, payload: { name: 'Wang', phone: '+86 551 0000', site: 'ustc-fah', consent: true, answers }, writes: ['contact_request'] },
      'POST /api/session': { as: null, payload: { username: 'cra.wang', password } },
      'POST /api/session/password': { as: null, payload: { username: 'temp.pw', password, newPassword: 'second passphrase 123' }, writes: ['user_credential'] },
      'POST /api/session/attestation': { as: 'pi.sun', payload: { password } },
      'POST /api/users': { as: 'admin', payload: { username: 'made.one', fullName: 'Made One', password }, writes: ['app_user', 'user_credential'] },
      'POST /api/users/:username/identity': { as: 'admin', params: { username: 'temp.one' }, payload: reason, writes: ['app_user'] },
      'POST /api/users/:username/roles': { as: 'admin', params: { username: 'temp.one' }, payload: { study: 'hn2301', site: 'ustc-fah', role: 'coordinator', ...reason }, writes: ['user_role'] },
      'POST /api/roles/:id/revoke': { as: 'admin', params: { id: role.id }, payload: { ...reason, version: 1 }, writes: ['user_role'] },
      'POST /api/users/:username/unlock': { as: 'admin', params: { username: 'temp.one' }, payload: reason, writes: ['user_credential'] },
      'POST /api/users/:username/deactivate': { as: 'admin', params: { username: 'temp.one' }, payload: reason, writes: ['app_user'] },
      'GET /api/studies/:study/status': { as: 'cra.wang', params: { study: 'hn2301' }, query: { asOf: today } },
      'GET /api/studies/:study/dashboard': { as: 'cra.wang', params: { study: 'hn2301' }, query: { asOf: today } },
      'GET /api/studies/:study/recommendation': { as: 'cra.wang', params: { study: 'hn2301' }, query: { asOf: today } },
      'POST /api/studies/:study/decisions': { as: 'src.zhou', params: { study: 'hn2301' }, payload: { nextLevel: 2, overrideReason: 'committee view', asOf: today }, writes: ['escalation_decision'] },
      'POST /api/studies/:study/decisions/:cohort/signature': { as: 'src.zhou', params: { study: 'hn2301', cohort: '1' }, payload: { password }, writes: ['signature'] },
      'GET /api/studies/:study/contact-requests': { as: 'crc.li', params: { study: 'hn2301' } },
      'GET /api/subjects': { as: 'cra.wang', query: { study: 'hn2301' } },
      'POST /api/subjects': { as: 'crc.li', payload: { study: 'hn2301', site: 'ustc-fah', screeningNumber: 'INJ-1' }, writes: ['subject'] },
      'GET /api/subjects/:id': { as: 'cra.wang', params: { id: s1 }, query: { asOf: today } },
      'POST /api/screening/preview': { as: 'crc.li', payload: { study: 'hn2301', bundle: eligibleBundle(today), asOf: today } },
      'POST /api/subjects/:id/screenings': { as: 'crc.li', params: { id: screening.subject.id }, payload: { bundle: eligibleBundle(today), fileName: 'patient.json', asOf: today }, writes: ['screening_result', 'import_batch', 'observation'] },
      'POST /api/subjects/:id/enrolment': { as: 'crc.li', params: { id: screening.subject.id }, payload: { asOf: today }, writes: ['subject', 'visit'] },
      'POST /api/subjects/:id/doses': { as: 'crc.li', params: { id: s1 }, payload: { level: 1, unit: 'mg', startedAt: `${today}T09:00:00+08:00`, endedAt: `${today}T10:00:00+08:00` }, writes: ['dose_administration', 'subject', 'visit'] },
      'POST /api/subjects/:id/status': { as: 'pi.zhang', params: { id: screening.subject.id }, payload: { status: 'withdrawn', reason: 'consent withdrawn' }, writes: ['subject'] },
      'POST /api/subjects/:id/observations': { as: 'crc.li', params: { id: s1 }, payload: { kind: 'vital', code: 'weight', valueNum: 60, unit: 'kg', observedAt: today, valueText: 'as measured', visitId: visit.id }, writes: ['observation'] },
      'POST /api/subjects/:id/assessments': { as: 'crc.li', params: { id: s1 }, payload: { assessment: { pga: 1.2 }, observedAt: today, visitId: visit.id }, writes: ['observation'] },
      'POST /api/observations/:id/review': { as: 'crc.li', params: { id: proposed!.id }, payload: { decision: 'reject', reason: 'not this patient' }, writes: ['observation'] },
      'PATCH /api/observations/:id': { as: 'crc.li', params: { id: lab.id }, payload: { version: 1, reason: 'typo', changes: { valueNum: 2.2, valueText: 'as measured', unit: '10*9/L' } }, writes: ['observation'] },
      'POST /api/visits/:id': { as: 'crc.li', params: { id: visit.id }, payload: { actualDate: visit.plannedDate, sourceRef: 'chart p. 3' }, writes: ['visit'] },
      'POST /api/subjects/:id/adverse-events': {
        as: 'pi.zhang',
        params: { id: s1 },
        // A grade that overrides the one FirstDose computes (platelets 40 × 10⁹/L: grade 3), so that overrideReason is kept.
        payload: {
          term: 'Platelet count decreased',
          grading: 'ctcae',
          onsetDate: today,
          basis: { ctcae: 'platelet-count-decreased', reading: { value: { value: 40, unit: '10*9/L' } } },
          grade: 2,
          overrideReason: 'clinical judgement',
          relatedness: 'unlikely',
          action: 'none',
          outcome: 'recovering',
        },
        writes: ['adverse_event'],
        unions: ['basis'],
      },
      'POST /api/adverse-events/:id/dlt': { as: 'pi.zhang', params: { id: ae.event.id }, payload: { dlt: 'no', reason: 'grade 1', password }, writes: ['adverse_event', 'signature'] },
      'POST /api/signatures': { as: 'crc.li', payload: { table: 'observation', rowId: lab.id, meaning: 'authored', password }, writes: ['signature'] },
      'GET /api/records/:table/:id/signatures': { as: 'cra.wang', params: { table: 'observation', id: lab.id } },
      'GET /api/records/:table/:id/audit': { as: 'cra.wang', params: { table: 'observation', id: lab.id } },
      'GET /api/queries': { as: 'cra.wang', query: { study: 'hn2301', status: 'open' } },
      'POST /api/queries': { as: 'cra.wang', payload: { study: 'hn2301', subjectId: s1, table: 'observation', rowId: lab.id, field: 'value_num', text: 'unit?' }, writes: ['data_query'] },
      'POST /api/queries/:id/answer': { as: 'crc.li', params: { id: query.id }, payload: { answer: 'checked' }, writes: ['data_query'] },
      'POST /api/queries/:id/close': { as: 'cra.wang', params: { id: query.id }, writes: ['data_query'] },
      'POST /api/designs/compare': { as: 'src.zhou', payload: { designs: [{ design: '3+3', label: 'three' }], truth: [0.1, 0.3] } },
    };
    for (const who of new Set(Object.values(samples).map((s) => s.as))) if (who) sessions.set(who, await x.login(who));
  });
  after(() => x.app.close());

  /** Each table's row count and a digest of its rows (the audit trail, which only grows: its count and last seq). */
  async function digest(): Promise<Map<string, string>> {
    const db = ctx.db();
    const tables = await db.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`);
    const out = new Map<string, string>();
    for (const { name } of tables) {
      const t = `"${name.replaceAll('"', '""')}"`;
      const [r] =
        name === 'audit_log'
          ? await db.query<{ d: string }>(`SELECT count(*)::text || ':' || coalesce(max(seq), 0)::text AS d FROM audit_log`)
          : await db.query<{ d: string }>(`SELECT count(*)::text || ':' || md5(coalesce(string_agg(row_to_json(t)::text, '|' ORDER BY row_to_json(t)::text), '')) AS d FROM ${t} t`);
      out.set(name, r!.d);
    }
    return out;
  }

  async function rowsHolding(tables: readonly string[], text: string): Promise<string[]> {
    const found: string[] = [];
    const needle = JSON.stringify(text).slice(1, -1);
    for (const name of tables) {
      const rows = await ctx.db().query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${name.replaceAll('"', '""')}" t`);
      for (const r of rows) if (r.row.includes(needle)) found.push(name);
    }
    return found;
  }

  it('covers every string input of the OpenAPI document with a route sample', async () => {
    const doc = (await x.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const fields = stringFields(doc);
    assert.ok(fields.length > 80, `${fields.length} string inputs`);
    const routes = [...new Set(fields.map((f) => f.route))];
    assert.deepEqual(
      routes.filter((r) => !samples[r]),
      [],
      'routes with text inputs and no sample here',
    );
    for (const r of routes) assert.ok(accessMatrix[r], `${r} is a route of the matrix`);
  });

  it('stores injection strings verbatim or refuses them, never answers 5xx, and changes nothing the route does not write', async () => {
    const doc = (await x.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const fields = stringFields(doc);
    const failures: string[] = [];
    let before = await digest();
    let accepted = 0;
    for (const [i, f] of fields.entries()) {
      const sample = samples[f.route]!;
      const [method, pattern] = f.route.split(' ') as [Method, string];
      // Numbered, so that each case's text is its own and is not found where an earlier one was stored.
      const value = `${i}:${injections[i % injections.length]}`.slice(0, f.maxLength ?? 4000);
      const params = { ...sample.params };
      const query = { ...sample.query };
      let payload = sample.payload;
      if (f.path.startsWith('path:')) params[f.path.slice(5)] = value;
      else if (f.path.startsWith('query:')) query[f.path.slice(6)] = value;
      else {
        const union = sample.unions?.find((u) => f.path.startsWith(`body.${u}.`));
        const base = { ...payload };
        if (union) delete base[union];
        payload = withValue(base, f.path, value);
      }
      const url = pattern.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name]!)) + (Object.keys(query).length ? `?${new URLSearchParams(query)}` : '');
      const who = sample.as ? sessions.get(sample.as)! : null;
      const r = await x.call(who, method as 'GET', url, method === 'GET' ? undefined : (payload ?? {}));
      const after = await digest();
      const changed = [...after.keys()].filter((t) => after.get(t) !== before.get(t));
      before = after;
      const what = `${f.route} ${f.path} = ${JSON.stringify(value)}: ${r.statusCode}`;
      if (r.statusCode >= 500) failures.push(`${what} ${r.body.slice(0, 160)}`);
      const allowed = new Set([...recording, ...(r.statusCode < 300 ? (sample.writes ?? []) : []), ...(checksPassword(f.route, f.path) ? ['user_credential'] : [])]);
      const stray = changed.filter((t) => !allowed.has(t));
      if (stray.length > 0) failures.push(`${what} changed ${stray.join(', ')}`);
      if (/password/i.test(f.path)) {
        const leaked = await rowsHolding([...after.keys()], value);
        if (leaked.length > 0) failures.push(`${what}: the password is stored in ${leaked.join(', ')}`);
      } else if (r.statusCode < 300 && (sample.writes ?? []).length > 0 && !f.path.startsWith('query:') && !f.path.startsWith('path:')) {
        accepted++;
        // A reason is kept by the audit trail (audit_log.reason), not in the row it explains.
        const holding = await rowsHolding(changed.filter((t) => t !== 'audit_chain_head'), value);
        if (holding.length === 0) failures.push(`${what}: accepted, but not stored verbatim in ${changed.join(', ') || 'any table'}`);
      }
    }
    assert.deepEqual(failures, []);
    // Not a test that cannot fail: free text was accepted, and checked as stored, many times.
    assert.ok(accepted >= 15, `${accepted} injections accepted and found stored verbatim`);
    const verified = await verifyAudit(ctx.db());
    assert.equal(verified.ok, true, 'the audit trail\'s hash chain still verifies');
    for (const table of ['subject', 'audit_log', 'user_credential']) assert.ok((await ctx.db().query(`SELECT 1 FROM ${table} LIMIT 1`)).length === 1, `${table} is still there, with its rows`);
  });
});
