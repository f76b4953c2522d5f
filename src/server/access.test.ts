// every route of the access matrix called as every role (and without a session),
// with a well-formed request about a record of site A. A role the matrix does not allow gets 403;
// site staff of site B get 404 for site A's records; an allowed role is never refused for its
// role (no 401/403/404) and nothing answers 5xx. The matrix must name exactly the routes served.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { addDays } from '../domain/conduct/index.ts';
import { createUser, grantRole } from '../store/access/index.ts';
import { describeEachBackend } from '../store/test-support.ts';
import { enterObservation, raiseQuery, recordAdverseEvent, recordDecision, siteDate, visitsOf } from '../store/trial/index.ts';
import { cheapHashing, eligibleBundle } from '../store/trial/test-support.ts';
import { accessMatrix } from './access/matrix.ts';
import { apiTrial, type Login, password } from './test-support.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
interface Sample {
  readonly url: string;
  readonly payload?: unknown;
  /** The route is about site A's records: site B's staff must not find them. */
  readonly siteA?: boolean;
}

const principals = [null, 'admin', 'pi.zhang', 'crc.li', 'cra.wang', 'dm.chen', 'src.zhou', 'sponsor.liu', 'pi.sun', 'crc.wu'] as const;
const roleOf: Record<string, string> = {
  admin: 'administrator',
  'pi.zhang': 'investigator',
  'crc.li': 'coordinator',
  'cra.wang': 'monitor',
  'dm.chen': 'data_manager',
  'src.zhou': 'safety_committee',
  'sponsor.liu': 'sponsor_viewer',
  'pi.sun': 'investigator',
  'crc.wu': 'coordinator',
};
const siteB = new Set(['pi.sun', 'crc.wu']);

describeEachBackend('access matrix', (ctx) => {
  let x: Awaited<ReturnType<typeof apiTrial>>;
  let samples: (who: string | null) => Record<string, Sample>;
  const sessions = new Map<string, Login>();
  let pw: string[] = [];

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
    for (const name of ['temp.one', 'temp.two', 'temp.pw']) await createUser(db, { user: 'admin' }, { username: name, fullName: name, password }, cheapHashing);
    const role = await grantRole(db, { user: 'admin' }, { username: 'temp.one', studyId: x.study.id, siteId: null, role: 'monitor' });
    let created = 0;
    pw = [password, 'second passphrase 123'];
    samples = (who) => {
      const n = ++created;
      const sign = who === 'crc.li' || who === 'crc.wu' ? 'authored' : 'reviewed';
      return {
        'GET /api/health': { url: '/api/health' },
        'GET /api/openapi.json': { url: '/api/openapi.json' },
        'GET /api/public/studies/:id': { url: '/api/public/studies/hn2301' },
        'POST /api/public/studies/:id/self-check': {
          url: '/api/public/studies/hn2301/self-check',
          payload: { answers: { age: 40, sex: 'female', sleDiagnosed: true, sleDiagnosedMonthsAgo: 30, prednisoneMgPerDay: 10, currentMedicines: ['hydroxychloroquine'] } },
        },
        'POST /api/public/studies/:id/contact-requests': { url: '/api/public/studies/hn2301/contact-requests', payload: { name: 'Wang', phone: '+86 551 0000', consent: true } },
        'POST /api/session': { url: '/api/session', payload: { username: 'cra.wang', password } },
        'GET /api/session': { url: '/api/session' },
        'DELETE /api/session': { url: '/api/session' },
        // Each call changes the password: the next one gives it as the current one.
        'POST /api/session/password': { url: '/api/session/password', payload: { username: 'temp.pw', password: pw[0], newPassword: pw[1] } },
        'POST /api/session/attestation': { url: '/api/session/attestation', payload: { password } },
        'GET /api/users': { url: '/api/users' },
        'POST /api/users': { url: '/api/users', payload: { username: `made.${n}`, fullName: `Made ${n}`, password } },
        'POST /api/users/:username/identity': { url: '/api/users/temp.one/identity', payload: { reason: 'ID card seen' } },
        'POST /api/users/:username/roles': { url: '/api/users/temp.one/roles', payload: { study: 'hn2301', site: 'ustc-fah', role: 'coordinator' } },
        'POST /api/roles/:id/revoke': { url: `/api/roles/${role.id}/revoke`, payload: { reason: 'left the study', version: 1 } },
        'POST /api/users/:username/unlock': { url: '/api/users/temp.one/unlock', payload: { reason: 'asked by phone' } },
        'POST /api/users/:username/deactivate': { url: '/api/users/temp.two/deactivate', payload: { reason: 'left the hospital' } },
        'GET /api/studies': { url: '/api/studies' },
        'GET /api/studies/:study/status': { url: '/api/studies/hn2301/status' },
        'GET /api/studies/:study/dashboard': { url: '/api/studies/hn2301/dashboard' },
        'GET /api/studies/:study/recommendation': { url: '/api/studies/hn2301/recommendation' },
        'POST /api/studies/:study/decisions': { url: '/api/studies/hn2301/decisions', payload: { nextLevel: 2 } },
        'POST /api/studies/:study/decisions/:cohort/signature': { url: '/api/studies/hn2301/decisions/1/signature', payload: { password } },
        'GET /api/studies/:study/contact-requests': { url: '/api/studies/hn2301/contact-requests' },
        'GET /api/subjects': { url: '/api/subjects?study=hn2301' },
        'POST /api/subjects': { url: '/api/subjects', payload: { study: 'hn2301', site: 'ustc-fah', screeningNumber: `M${n}` }, siteA: true },
        'GET /api/subjects/:id': { url: `/api/subjects/${s1}`, siteA: true },
        'POST /api/screening/preview': { url: '/api/screening/preview', payload: { study: 'hn2301', bundle: eligibleBundle(today), asOf: today } },
        'POST /api/subjects/:id/screenings': { url: `/api/subjects/${screening.subject.id}/screenings`, payload: { bundle: eligibleBundle(today), asOf: today }, siteA: true },
        'POST /api/subjects/:id/enrolment': { url: `/api/subjects/${screening.subject.id}/enrolment`, payload: {}, siteA: true },
        'POST /api/subjects/:id/doses': { url: `/api/subjects/${s1}/doses`, payload: { level: 1 }, siteA: true },
        'POST /api/subjects/:id/status': { url: `/api/subjects/${screening.subject.id}/status`, payload: { status: 'withdrawn', reason: 'consent withdrawn' }, siteA: true },
        'POST /api/subjects/:id/observations': { url: `/api/subjects/${s1}/observations`, payload: { kind: 'vital', code: 'weight', valueNum: 60, unit: 'kg', observedAt: today }, siteA: true },
        'POST /api/subjects/:id/assessments': { url: `/api/subjects/${s1}/assessments`, payload: { assessment: { pga: 1.2 }, observedAt: today }, siteA: true },
        'POST /api/subjects/:id/adverse-events': {
          url: `/api/subjects/${s1}/adverse-events`,
          payload: { term: 'Nausea', grading: 'ctcae', onsetDate: today, grade: 1, relatedness: 'unlikely' },
          siteA: true,
        },
        'POST /api/observations/:id/review': { url: `/api/observations/${proposed!.id}/review`, payload: { decision: 'accept' }, siteA: true },
        'PATCH /api/observations/:id': { url: `/api/observations/${lab.id}`, payload: { version: 1, reason: 'typo', changes: { valueNum: 2.2 } }, siteA: true },
        'POST /api/visits/:id': { url: `/api/visits/${visit.id}`, payload: { actualDate: visit.plannedDate }, siteA: true },
        'POST /api/adverse-events/:id/dlt': { url: `/api/adverse-events/${ae.event.id}/dlt`, payload: { dlt: 'no', reason: 'grade 1', password }, siteA: true },
        'POST /api/signatures': { url: '/api/signatures', payload: { table: 'observation', rowId: lab.id, meaning: sign, password }, siteA: true },
        'GET /api/records/:table/:id/signatures': { url: `/api/records/observation/${lab.id}/signatures`, siteA: true },
        'GET /api/records/:table/:id/audit': { url: `/api/records/observation/${lab.id}/audit`, siteA: true },
        'GET /api/queries': { url: '/api/queries?study=hn2301' },
        'POST /api/queries': { url: '/api/queries', payload: { study: 'hn2301', table: 'observation', rowId: lab.id, text: 'unit?' }, siteA: true },
        'POST /api/queries/:id/answer': { url: `/api/queries/${query.id}/answer`, payload: { answer: 'checked' }, siteA: true },
        'POST /api/queries/:id/close': { url: `/api/queries/${query.id}/close`, siteA: true },
        'POST /api/designs/compare': { url: '/api/designs/compare', payload: { designs: [{ design: '3+3' }], truth: [0.1, 0.3] } },
      };
    };
    for (const who of principals) if (who) sessions.set(who, await x.login(who));
  });
  after(() => x.app.close());

  it('names exactly the routes the server serves, each with a sample request', () => {
    const keys = Object.keys(accessMatrix).sort();
    assert.deepEqual(Object.keys(samples(null)).sort(), keys);
    for (const key of keys) {
      const [method, url] = key.split(' ') as [Method, string];
      assert.ok(x.app.hasRoute({ method, url }), `${key} is in the matrix but not served`);
    }
  });

  it('answers every route as every role: 401 without a session, 403 for a role not allowed, 404 across sites, never 5xx', async () => {
    const failures: string[] = [];
    const timing = new Map<string, number>();
    for (const [key, access] of Object.entries(accessMatrix)) {
      const [method] = key.split(' ') as [Method, string];
      for (const who of principals) {
        const sample = samples(who)[key]!;
        // Logging out, and logging in (which ends the session the browser held), each use a session of their own.
        const login = who === null ? null : key === 'DELETE /api/session' || key === 'POST /api/session' ? await x.login(who) : sessions.get(who)!;
        const started = performance.now();
        const r = await x.call(login, method, sample.url, sample.payload);
        timing.set(key, (timing.get(key) ?? 0) + performance.now() - started);
        if (key === 'POST /api/session/password' && r.statusCode === 204) pw = [pw[1]!, pw[0]!];
        const role = who === null ? null : roleOf[who]!;
        const expected =
          access.allow === 'public'
            ? 'ok'
            : who === null
              ? 401
              : access.allow === 'session'
                ? 'ok'
                : !(access.allow as readonly string[]).includes(role!)
                  ? 403
                  : sample.siteA && siteB.has(who)
                    ? 404
                    : 'ok';
        const good = expected === 'ok' ? r.statusCode < 300 || r.statusCode === 409 : r.statusCode === expected;
        if (!good || r.statusCode >= 500) failures.push(`${key} as ${who ?? 'anonymous'}: ${r.statusCode} (expected ${expected}) ${r.body.slice(0, 200)}`);
        if (r.statusCode >= 400) assert.equal(r.headers['content-type'], 'application/problem+json; charset=utf-8', key);
      }
    }
    console.log([...timing].sort((a, b) => b[1] - a[1]).slice(0, 10));
    assert.deepEqual(failures, []);
  });
});
