// `--design <name>` plus its options to a Design, for every design the CLI and server offer.
import { crmDesign, type CrmDesignConfigInput } from '../domain/escalation/crm/index.ts';
import { type Design, type EscalationDesignRequest, escalationDesign } from '../domain/escalation/index.ts';
import { fail, issue, type Result } from '../domain/result.ts';

export type DesignRequest = EscalationDesignRequest | ({ readonly design: 'crm' } & CrmDesignConfigInput);

export const designNames = ['boin', '3+3', 'crm'] as const;

export function buildDesign(request: unknown): Result<Design> {
  const name = (request as { design?: unknown }).design;
  if (name === 'boin' || name === '3+3') return escalationDesign(request as EscalationDesignRequest);
  if (name === 'crm') {
    const { design: _, ...config } = request as { design: 'crm' } & CrmDesignConfigInput;
    return crmDesign(config);
  }
  return fail(issue(['design'], 'invalid_choice', { value: String(name), allowed: [...designNames] }));
}
