// The protocol's escalation design as an engine Design, so the recommendation shown to the safety
// committee comes from the same engine the statistician's operating characteristics came from.
import { crmDesign } from '../../domain/escalation/crm/index.ts';
import { boinDesign, type Design, threePlusThreeDesign } from '../../domain/escalation/index.ts';
import type { Protocol } from '../../domain/protocol/index.ts';
import { orRefuse } from './refusal.ts';

export function protocolDesign(protocol: Protocol): Design {
  const e = protocol.escalation;
  const doses = protocol.doseLevels.length;
  const cohorts = e.maxCohorts ?? Math.ceil(protocol.identity.plannedParticipants / e.cohortSize);
  if (e.design === '3+3') return orRefuse(threePlusThreeDesign({ doses, ...(e.variant ? { variant: e.variant } : {}) }));
  if (e.design === 'boin') return orRefuse(boinDesign({ target: e.target ?? 0.3, doses, cohortSize: e.cohortSize, cohorts }));
  return orRefuse(crmDesign({ target: e.target ?? 0.3, skeleton: e.skeleton ?? [], doses, cohortSize: e.cohortSize, cohorts }));
}
