// Who may call which route: the role × route matrix as data. A route missing here is not
// served (buildServer refuses to start), so no route can be added without deciding who may use
// it; access.test.ts calls every route as every role and checks the answer against this table.
//
// `allow` lists the roles that may call the route at all (others get 403). `scope` says which
// record or study the call is about: a role must also cover it (its study, and its site for a
// site role), or the answer is 404, as if the record did not exist.
import { Role } from '../../store/index.ts';

export type ScopeKind =
  /** No record: the role alone decides. */
  | 'none'
  /** The study named by the `:study` parameter (a study code). */
  | 'study'
  /** The study named by `study` in the query string (optional; lists are filtered by role). */
  | 'study-list'
  /** The study named by `study` in the body. */
  | 'body-study'
  /** The site `site` of the study `study` in the body. */
  | 'body-site'
  /** The subject `:id`. */
  | 'subject'
  /** A record by table and id: `:id` of the table the entry names, or `:table`/`:id`, or `table`/`rowId` in the body. */
  | { readonly table: string }
  | 'record-params'
  | 'record-body';

export interface RouteAccess {
  /** `public`: no session needed; `session`: any logged-in user; else the roles allowed. */
  readonly allow: 'public' | 'session' | readonly Role[];
  readonly scope: ScopeKind;
}

const site = [Role.investigator, Role.coordinator] as const;
const readers = [...site, Role.monitor, Role.dataManager, Role.safetyCommittee, Role.sponsorViewer] as const;
/** Readers of identifying detail (signatures' names, audit trails, query texts): not the sponsor. */
const insiders = [...site, Role.monitor, Role.dataManager, Role.safetyCommittee] as const;
const queriers = [Role.monitor, Role.dataManager] as const;
const everyone = [...readers, Role.administrator] as const;
const admin = [Role.administrator] as const;
const pub: RouteAccess = { allow: 'public', scope: 'none' };

export const accessMatrix: Readonly<Record<string, RouteAccess>> = {
  'GET /api/health': pub,
  'GET /api/openapi.json': pub,
  'GET /api/public/studies/:id': pub,
  'POST /api/public/studies/:id/self-check': pub,
  'POST /api/public/studies/:id/contact-requests': pub,

  'POST /api/session': pub,
  'GET /api/session': { allow: 'session', scope: 'none' },
  'DELETE /api/session': { allow: 'session', scope: 'none' },
  // The current password is the credential: an expired password cannot log in to change itself.
  'POST /api/session/password': pub,
  'POST /api/session/attestation': { allow: 'session', scope: 'none' },

  'GET /api/users': { allow: admin, scope: 'none' },
  'POST /api/users': { allow: admin, scope: 'none' },
  'POST /api/users/:username/identity': { allow: admin, scope: 'none' },
  'POST /api/users/:username/roles': { allow: admin, scope: 'body-study' },
  'POST /api/roles/:id/revoke': { allow: admin, scope: 'none' },
  'POST /api/users/:username/unlock': { allow: admin, scope: 'none' },
  'POST /api/users/:username/deactivate': { allow: admin, scope: 'none' },

  'GET /api/studies': { allow: 'session', scope: 'none' },
  'GET /api/studies/:study/status': { allow: readers, scope: 'study' },
  'GET /api/studies/:study/dashboard': { allow: readers, scope: 'study' },
  'GET /api/studies/:study/recommendation': { allow: readers, scope: 'study' },
  'POST /api/studies/:study/decisions': { allow: [Role.safetyCommittee], scope: 'study' },
  'POST /api/studies/:study/decisions/:cohort/signature': { allow: [Role.safetyCommittee], scope: 'study' },
  'GET /api/studies/:study/contact-requests': { allow: site, scope: 'study' },

  'GET /api/subjects': { allow: readers, scope: 'study-list' },
  'POST /api/subjects': { allow: site, scope: 'body-site' },
  'GET /api/subjects/:id': { allow: readers, scope: 'subject' },
  'POST /api/screening/preview': { allow: site, scope: 'body-study' },
  'POST /api/subjects/:id/screenings': { allow: site, scope: 'subject' },
  'POST /api/subjects/:id/enrolment': { allow: site, scope: 'subject' },
  'POST /api/subjects/:id/doses': { allow: site, scope: 'subject' },
  // Screen failure, withdrawal, completion, death: the investigator's call.
  'POST /api/subjects/:id/status': { allow: [Role.investigator], scope: 'subject' },
  'POST /api/subjects/:id/observations': { allow: site, scope: 'subject' },
  'POST /api/subjects/:id/assessments': { allow: site, scope: 'subject' },
  'POST /api/subjects/:id/adverse-events': { allow: site, scope: 'subject' },
  'POST /api/observations/:id/review': { allow: site, scope: { table: 'observation' } },
  'PATCH /api/observations/:id': { allow: site, scope: { table: 'observation' } },
  'POST /api/visits/:id': { allow: site, scope: { table: 'visit' } },
  'POST /api/adverse-events/:id/dlt': { allow: [Role.investigator], scope: { table: 'adverse_event' } },

  // The store checks the meaning against the signer's roles; this only keeps out those who sign nothing.
  'POST /api/signatures': { allow: [...site, Role.monitor, Role.dataManager, Role.safetyCommittee], scope: 'record-body' },
  'GET /api/records/:table/:id/signatures': { allow: insiders, scope: 'record-params' },
  'GET /api/records/:table/:id/audit': { allow: insiders, scope: 'record-params' },

  'GET /api/queries': { allow: [...site, ...queriers], scope: 'study-list' },
  'POST /api/queries': { allow: queriers, scope: 'record-body' },
  'POST /api/queries/:id/answer': { allow: site, scope: { table: 'data_query' } },
  'POST /api/queries/:id/close': { allow: queriers, scope: { table: 'data_query' } },

  // Operating characteristics are arithmetic on a design, no trial data: anyone with a role.
  'POST /api/designs/compare': { allow: everyone, scope: 'none' },
};

export const routeKey = (method: string, url: string) => `${method} ${url}`;
