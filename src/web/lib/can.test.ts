import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accessMatrix } from '../../server/access/matrix.ts';
import { type Action, permits } from './can.ts';

/** Each action of the screens and the route the server checks it on. */
const routes: Record<Action, string> = {
  screen: 'POST /api/subjects/:id/screenings',
  enrol: 'POST /api/subjects/:id/enrolment',
  dose: 'POST /api/subjects/:id/doses',
  record: 'POST /api/subjects/:id/adverse-events',
  changeStatus: 'POST /api/subjects/:id/status',
  confirmEligibility: 'POST /api/signatures',
  adjudicate: 'POST /api/adverse-events/:id/dlt',
  decide: 'POST /api/studies/:study/decisions',
  raiseQuery: 'POST /api/queries',
  answerQuery: 'POST /api/queries/:id/answer',
  closeQuery: 'POST /api/queries/:id/close',
  readQueries: 'GET /api/queries',
  readTrial: 'GET /api/studies/:study/dashboard',
  readAudit: 'GET /api/records/:table/:id/audit',
};

const roles = ['administrator', 'investigator', 'coordinator', 'monitor', 'data_manager', 'safety_committee', 'sponsor_viewer'];

describe('actions offered by role', () => {
  for (const [action, route] of Object.entries(routes) as [Action, string][])
    it(`offers ${action} only to roles the server lets call ${route}`, () => {
      const allow = accessMatrix[route]!.allow;
      for (const role of roles) if (permits(new Set([role]), action)) assert.ok(Array.isArray(allow) && allow.includes(role as never), `${role} may not call ${route}`);
    });
});
