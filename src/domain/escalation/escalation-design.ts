// One entry point from `--design <name>` plus options to a Design, for the CLI and web adapters.
// CRM is registered by its own module (src/domain/escalation/crm/) and is not handled here.
import { fail, issue, type Result } from '../result.ts';
import { boinDesign } from './boin/api.ts';
import type { BoinConfigInput } from './boin/config.ts';
import type { Design } from './design.ts';
import type { ThreePlusThreeConfigInput } from './three-plus-three/design.ts';
import { threePlusThreeDesign } from './three-plus-three/design.ts';

export type EscalationDesignRequest =
  | ({ readonly design: 'boin' } & BoinConfigInput)
  | ({ readonly design: '3+3' } & ThreePlusThreeConfigInput);

export function escalationDesign(request: EscalationDesignRequest): Result<Design> {
  const { design, ...options } = request;
  if (design === 'boin') return boinDesign(options as BoinConfigInput);
  if (design === '3+3') return threePlusThreeDesign(options as ThreePlusThreeConfigInput);
  return fail(issue(['design'], 'invalid_choice', { value: String(design), allowed: ['boin', '3+3'] }));
}
