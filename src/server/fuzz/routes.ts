// What the HTTP fuzzer needs to know about each route beyond its OpenAPI schema: which records
// its path parameters name (site A's, site B's, none), good values for fields that must name
// something real, and whether a request ends the session it came with. A route of the OpenAPI
// document (or of the access matrix) without an entry here fails the fuzz test: a new route is
// fuzzed from the day it is added.
import fc from 'fast-check';
import { edgeStrings } from '../../fuzz/hostile.ts';
import { type FuzzTrial, password, spareUsers, strayUuid } from './fixture.ts';
import { hostileBundle } from '../../fuzz/bundles.ts';

export interface RouteGenerator {
  /** Each path parameter's values: real records of either site, strays and hostile segments. */
  readonly params?: Readonly<Record<string, fc.Arbitrary<string>>>;
  /** Good values for body or query fields of this route, used instead of the schema's. */
  readonly fields?: Readonly<Record<string, fc.Arbitrary<unknown>>>;
  /** The request ends its session: send it with a session of its own. */
  readonly endsSession?: boolean;
}

/** Path segments that are no id at all: encoded or not, malformed, traversing, overlong. */
export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('%', '%zz', '%E0%A4%A', '%C0%AF', '%00', '%FF%FE', '..', '.', '%2e%2e', '%2F', 'a%20b', ';x=1', '*', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '1'.repeat(36), 'x'.repeat(5000)),
  fc.constantFrom(...edgeStrings).map(encodeSegment),
  fc.string({ unit: 'binary', maxLength: 40 }).map(encodeSegment),
);

/** Percent-encodes every byte of the UTF-8 text (a lone surrogate becomes U+FFFD, as in any client). */
export function encodeSegment(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

const idOf = (own: readonly string[], other: readonly string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...own) },
    { weight: 2, arbitrary: other.length > 0 ? fc.constantFrom(...other) : fc.constant(strayUuid()) },
    { weight: 1, arbitrary: fc.constantFrom(strayUuid(), strayUuid().toUpperCase(), `{${strayUuid()}}`, strayUuid().replaceAll('-', '')) },
    { weight: 2, arbitrary: hostileSegment },
  );

/** The generators of every route, for one fuzz trial. */
export function routeGenerators(t: FuzzTrial): Readonly<Record<string, RouteGenerator>> {
  const p = t.pools;
  const study = fc.oneof({ weight: 8, arbitrary: fc.constant('hn2301') }, { weight: 1, arbitrary: fc.constantFrom('nope', 'HN2301') }, { weight: 1, arbitrary: hostileSegment });
  const username = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...spareUsers) }, { weight: 1, arbitrary: fc.constantFrom('nobody', 'SPARE.ONE', ' spare.two ') }, { weight: 2, arbitrary: hostileSegment });
  const subjects = idOf(p.subjectsA, p.subjectsB);
  const observations = idOf([...p.observationsA, ...p.proposedA], p.observationsB);
  const tables = fc.constantFrom('observation', 'subject', 'visit', 'adverse_event', 'screening_result', 'data_query', 'escalation_decision', 'dose_administration', 'app_user', 'user_credential', 'audit_log', 'pg_class', 'security_event');
  const anyRecord = idOf([...p.observationsA, ...p.subjectsA, ...p.visitsA, ...p.adverseEventsA, ...p.queriesA], [...p.observationsB, ...p.subjectsB, ...p.adverseEventsB]);
  const bundle = fc.oneof({ weight: 2, arbitrary: fc.constant(p.bundle) }, { weight: 1, arbitrary: fc.constant(JSON.parse(p.bundle)) }, { weight: 4, arbitrary: hostileBundle(p.bundle) });
  const secret = fc.oneof({ weight: 4, arbitrary: fc.constant(password) }, { weight: 1, arbitrary: fc.constantFrom('wrong password', '', 'x'.repeat(1025)) });
  const none: RouteGenerator = {};
  const onStudy: RouteGenerator = { params: { study } };
  const onSubject: RouteGenerator = { params: { id: subjects } };
  return {
    'GET /api/health': none,
    'GET /api/openapi.json': none,
    'GET /api/public/studies/:id': { params: { id: study } },
    'POST /api/public/studies/:id/self-check': { params: { id: study } },
    'POST /api/public/studies/:id/contact-requests': { params: { id: study }, fields: { site: fc.constantFrom('ustc-fah', 'ustc-fah-2', 'nowhere') } },
    // A log-in ends the session its request came with (against session fixation).
    'POST /api/session': { endsSession: true, fields: { username: fc.constantFrom(...spareUsers, 'pi.zhang', 'nobody'), password: secret } },
    'GET /api/session': none,
    'DELETE /api/session': { endsSession: true },
    'POST /api/session/password': { fields: { username, password: secret, newPassword: fc.constantFrom('another long passphrase 1', 'short', password) } },
    'POST /api/session/attestation': { fields: { password: secret } },
    'GET /api/users': none,
    'POST /api/users': none,
    'POST /api/users/:username/identity': { params: { username } },
    'POST /api/users/:username/roles': { params: { username }, fields: { site: fc.constantFrom('ustc-fah', 'ustc-fah-2', 'nowhere', null) } },
    'POST /api/roles/:id/revoke': { params: { id: idOf(p.spareRoles, []) }, fields: { version: fc.constantFrom(1, 2) } },
    'POST /api/users/:username/unlock': { params: { username } },
    'POST /api/users/:username/deactivate': { params: { username } },
    'GET /api/studies': none,
    'GET /api/studies/:study/status': onStudy,
    'GET /api/studies/:study/dashboard': onStudy,
    'GET /api/studies/:study/recommendation': onStudy,
    'POST /api/studies/:study/decisions': { params: { study }, fields: { nextLevel: fc.constantFrom(1, 2, 3, null, 99) } },
    'POST /api/studies/:study/decisions/:cohort/signature': {
      params: { study, cohort: fc.oneof(fc.constantFrom('1', '2', '0', '-1', '1e3', '1.5', '99999999999999999999', '0x1', ' 1'), hostileSegment) },
      fields: { password: secret },
    },
    'GET /api/studies/:study/contact-requests': onStudy,
    'GET /api/subjects': none,
    'POST /api/subjects': { fields: { site: fc.constantFrom('ustc-fah', 'ustc-fah-2', 'nowhere') } },
    'GET /api/subjects/:id': onSubject,
    'POST /api/screening/preview': { fields: { bundle: fc.oneof(bundle, hostileBundle(p.bundle, { huge: true })) } },
    'POST /api/subjects/:id/screenings': { params: { id: subjects }, fields: { bundle } },
    'POST /api/subjects/:id/enrolment': onSubject,
    'POST /api/subjects/:id/doses': { params: { id: subjects }, fields: { level: fc.constantFrom(1, 2, 3) } },
    'POST /api/subjects/:id/status': onSubject,
    'POST /api/subjects/:id/observations': {
      params: { id: subjects },
      fields: { code: fc.constantFrom('anc', 'weight', 'crp', 'alt'), unit: fc.constantFrom('10*9/L', 'kg', 'mg/L', 'U/L', 'mg%'), visitId: idOf(p.visitsA, p.visitsB) },
    },
    'POST /api/subjects/:id/assessments': {
      params: { id: subjects },
      fields: {
        assessment: fc.constantFrom<unknown>(
          { pga: 1.2 },
          { sledai2k: { items: ['arthritis', 'rash'] }, pga: 0.5 },
          { bilag: { renal: 'A', mucocutaneous: 'Z' } },
          { prednisoneMgPerDay: -1 },
          { glucocorticoids: [{ drug: 'prednisone', dose: { value: 5, unit: 'mg' } }] },
          { sledai2k: { items: 'arthritis' } },
        ),
        visitId: idOf(p.visitsA, p.visitsB),
      },
    },
    'POST /api/observations/:id/review': { params: { id: idOf(p.proposedA, p.observationsB) } },
    'PATCH /api/observations/:id': { params: { id: observations }, fields: { version: fc.constantFrom(1, 2) } },
    'POST /api/visits/:id': { params: { id: idOf(p.visitsA, p.visitsB) } },
    'POST /api/subjects/:id/adverse-events': { params: { id: subjects }, fields: { observationId: observations } },
    'POST /api/adverse-events/:id/dlt': { params: { id: idOf(p.adverseEventsA, p.adverseEventsB) }, fields: { password: secret } },
    'POST /api/signatures': { fields: { table: tables, rowId: anyRecord, password: secret } },
    'GET /api/records/:table/:id/signatures': { params: { table: tables, id: anyRecord } },
    'GET /api/records/:table/:id/audit': { params: { table: tables, id: anyRecord } },
    'GET /api/queries': none,
    'POST /api/queries': { fields: { table: tables, rowId: anyRecord, subjectId: subjects } },
    'POST /api/queries/:id/answer': { params: { id: idOf(p.queriesA, p.queriesB) } },
    'POST /api/queries/:id/close': { params: { id: idOf(p.queriesA, p.queriesB) } },
    // Bounded: a CRM comparison simulates, and its cost grows with trials and cohorts.
    'POST /api/designs/compare': { fields: { trials: fc.constantFrom(100, 150), cohorts: fc.integer({ min: 1, max: 12 }), seed: fc.nat(1000) } },
  };
}

/** Good values for a field wherever it appears, on every route. */
export function commonFields(t: FuzzTrial): Record<string, fc.Arbitrary<unknown>> {
  const p = t.pools;
  return {
    study: fc.constantFrom('hn2301', 'hn2301', 'nope'),
    site: fc.constantFrom('ustc-fah', 'ustc-fah-2'),
    password: fc.constant(password),
    asOf: fc.constantFrom(p.today, '2026-02-28', '2024-02-29', '1900-01-01', '2999-12-31'),
    observedAt: fc.constantFrom(p.today, `${p.today}T09:30:00+08:00`, '2026-02-30', `${p.today}T24:00:00Z`),
    level: fc.constantFrom(1, 2),
    status: fc.constantFrom('withdrawn', 'screen_failed', 'open', 'answered'),
    kind: fc.constantFrom('lab', 'vital'),
  };
}
