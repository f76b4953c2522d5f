// The public study page (no login): the listing as patients see it, generated from the protocol
// in force (title, sites and their status, eligibility in plain words in both languages,
// contacts), the self-check, and a request to be contacted, stored only with consent.
import { z } from 'zod';
import type { Protocol } from '../../domain/protocol/index.ts';
import { reasonText } from '../../cli/commands/screen.ts';
import { translator } from '../../i18n/index.ts';
import { databaseFailure } from '../../store/index.ts';
import { addContactRequest, InvalidInput, protocolInForce, studyByCode } from '../../store/trial/index.ts';
import type { ServerContext } from '../context.ts';
import { HttpProblem, Problem } from '../problem.ts';
import { SelfCheckAnswers, selfCheck, selfCheckMedicines, unknownMedicines } from '../public/self-check.ts';
import { answers, Localised, Text } from '../schemas.ts';
import type { Api } from './api.ts';

const Contact = z.object({ name: z.string(), role: z.string().optional(), email: z.string().optional(), phone: z.string().optional() });

const Listing = z
  .object({
    id: z.string(),
    registryId: z.string(),
    protocolVersion: z.string(),
    title: Localised,
    shortTitle: z.string().nullable(),
    sponsor: z.string(),
    phase: z.string(),
    indication: Localised,
    plannedParticipants: z.int(),
    sites: z.array(z.object({ code: z.string(), name: Localised, city: z.string(), country: z.string(), status: z.enum(['recruiting', 'not-yet-recruiting', 'closed']) })),
    eligibility: z.array(z.object({ id: z.string(), kind: z.enum(['inclusion', 'exclusion']), text: Localised })),
    contacts: z.array(Contact).describe("the protocol's public contacts"),
    selfCheck: z.object({ medicines: z.array(z.object({ agent: z.string(), class: z.string() })) }),
  })
  .meta({ id: 'PublicListing' });

const SelfCheckOut = z
  .object({
    outcome: z.enum(['may-be-eligible', 'not-eligible']),
    message: z.string(),
    reasons: z.array(z.object({ criterion: z.string(), text: z.string(), reason: z.string(), code: z.string() })),
    checked: z.array(z.string()),
    forTheSite: z.array(z.string()).describe('criteria the site checks from records and tests'),
  })
  .meta({ id: 'SelfCheckResult' });

const Params = z.object({ id: z.string() });

/** Contacts, once the protocol schema carries them (identity.contacts); none until then. */
function contactsOf(protocol: Protocol): z.infer<typeof Contact>[] {
  const contacts = (protocol.identity as { contacts?: unknown }).contacts;
  return Array.isArray(contacts) ? contacts.filter((c): c is z.infer<typeof Contact> => Contact.safeParse(c).success) : [];
}

export function publicRoutes(api: Api, ctx: ServerContext): void {
  const tags = ['public'];
  // Both posts are rate limited per client address (security/rate-limits.ts): 429 with Retry-After.
  const limited = { 429: Problem };

  /** The protocol in force today of the study with this code. */
  async function protocolOf(id: string): Promise<{ protocol: Protocol; version: string }> {
    // An id that cannot be a study's code is no study; a database that cannot be reached is its own answer (503).
    const study = await studyByCode(ctx.db, id).catch((error: unknown) => {
      if (databaseFailure(error)) throw error;
      return null;
    });
    if (!study) throw new HttpProblem(404, 'not_found', [{ path: [], code: 'study_not_found', params: { study: id } }]);
    const { row, protocol } = await protocolInForce(ctx.db, study.id, ctx.today());
    return { protocol, version: row.label };
  }

  api.get('/api/public/studies/:id', { schema: { tags, params: Params, response: answers({ 200: Listing }) } }, async (request) => {
    const { protocol: p, version } = await protocolOf(request.params.id);
    return {
      id: p.id,
      registryId: p.identity.registryId,
      protocolVersion: version,
      title: p.identity.title,
      shortTitle: p.identity.shortTitle ?? null,
      sponsor: p.identity.sponsor,
      phase: p.identity.phase,
      indication: p.identity.indication,
      plannedParticipants: p.identity.plannedParticipants,
      sites: p.identity.sites.map((s) => ({ code: s.id, name: s.name, city: s.city, country: s.country, status: s.status })),
      eligibility: p.criteria.map((c) => ({ id: c.id, kind: c.kind, text: c.text })),
      contacts: contactsOf(p),
      selfCheck: { medicines: selfCheckMedicines() },
    };
  });

  api.post(
    '/api/public/studies/:id/self-check',
    { schema: { tags, params: Params, body: z.object({ answers: SelfCheckAnswers }), response: { ...answers({ 200: SelfCheckOut }), ...limited } } },
    async (request) => {
      const { protocol } = await protocolOf(request.params.id);
      const unknown = unknownMedicines(request.body.answers);
      if (unknown.length > 0) throw new InvalidInput(unknown[0]!, ...unknown.slice(1));
      const r = selfCheck(protocol, request.body.answers, ctx.today());
      const t = translator(request.language);
      return {
        outcome: r.outcome,
        message: t(`server.self_check.${r.outcome}`),
        reasons: r.reasons.map((x) => ({
          criterion: x.criterion.id,
          text: x.criterion.text[request.language],
          code: x.code,
          reason: x.code === 'no_sle_diagnosis' ? t('server.self_check.no_sle_diagnosis') : reasonText(t, { code: x.code, params: x.params as never }),
        })),
        checked: [...r.checked],
        forTheSite: [...r.forTheSite],
      };
    },
  );

  api.post(
    '/api/public/studies/:id/contact-requests',
    {
      schema: {
        tags,
        params: Params,
        body: z.object({
          name: Text(200),
          phone: z.string().trim().min(3).max(40),
          site: z.string().min(1).optional(),
          consent: z.boolean().describe('must be true: nothing is stored without it'),
          answers: SelfCheckAnswers.optional(),
        }),
        response: { ...answers({ 201: z.object({ status: z.literal('received') }) }), ...limited },
      },
    },
    async (request, reply) => {
      await protocolOf(request.params.id);
      const { name, phone, site, consent } = request.body;
      await addContactRequest(ctx.db, { study: request.params.id, name, phone, site, consent, language: request.language, answers: request.body.answers });
      return reply.code(201).send({ status: 'received' as const });
    },
  );
}
