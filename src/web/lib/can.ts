// Which actions to offer a user, by role: a mirror of the server's access matrix
// (src/server/access/matrix.ts) for what the screens show. The server still decides every call;
// this only keeps buttons a role cannot use off the screen.
export type Action =
  | 'screen'
  | 'enrol'
  | 'dose'
  | 'record'
  | 'changeStatus'
  | 'confirmEligibility'
  | 'adjudicate'
  | 'decide'
  | 'raiseQuery'
  | 'answerQuery'
  | 'closeQuery'
  | 'readQueries'
  | 'readTrial'
  | 'readAudit';

const site = ['investigator', 'coordinator'];
const queriers = ['monitor', 'data_manager'];

const allowed: Readonly<Record<Action, readonly string[]>> = {
  screen: site,
  enrol: site,
  dose: site,
  record: site,
  changeStatus: ['investigator'],
  // The store lets an investigator sign eligibility-confirmed (R-29 role × meaning).
  confirmEligibility: ['investigator'],
  adjudicate: ['investigator'],
  decide: ['safety_committee'],
  raiseQuery: queriers,
  answerQuery: site,
  closeQuery: queriers,
  readQueries: [...site, ...queriers],
  readTrial: [...site, ...queriers, 'safety_committee', 'sponsor_viewer'],
  readAudit: [...site, ...queriers, 'safety_committee'],
};

export function permits(roles: ReadonlySet<string>, action: Action): boolean {
  return allowed[action].some((r) => roles.has(r));
}
