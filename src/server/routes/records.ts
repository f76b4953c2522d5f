// The clinical record of a subject as the site enters it: observations and assessments, the
// review of imported values, corrections (with a reason, against the version they were based
// on), visits as they happen, adverse events graded from their basis, and the investigator's
// signed DLT call.
import { z } from 'zod';
import { Findings, Relatedness } from '../../domain/conduct/index.ts';
import { CtcaeInput, ctcaeTerms } from '../../domain/safety/index.ts';
import { customIssue } from '../../domain/validation.ts';
import { ObservationKind } from '../../store/schema-conduct.ts';
import {
  adjudicateDlt,
  correctObservation,
  decideProposal,
  enterObservation,
  InvalidInput,
  observationById,
  observationIssues,
  recordAdverseEvent,
  recordAssessment,
  recordVisit,
  siteNoon,
  visitsOf,
} from '../../store/trial/index.ts';
import type { ServerContext } from '../context.ts';
import { toJson } from '../json.ts';
import { AdverseEvent, answers, DateOrInstant, IdParams, IsoDate, Observation, Password, Signature, Uuid, Visit, Text } from '../schemas.ts';
import type { Api } from './api.ts';

/** A date alone is measured "that day": noon at the site keeps it that day in every zone. */
const instantOf = (value: string) => (value.length === 10 ? siteNoon(value) : new Date(value));

const GradingBasis = z.union([
  z.object({ observationId: Uuid.describe('a final laboratory observation of this subject') }),
  z.object({ ctcae: z.enum(ctcaeTerms), reading: CtcaeInput.omit({ term: true }) }),
  z.object({ findings: Findings }),
]);

/** Also what `firstdose ae add FILE` reads: one schema for both. */
export const AdverseEventBody = z.object({
  term: Text(500),
  grading: z.enum(['ctcae', 'astct-crs', 'astct-icans']),
  onsetDate: IsoDate,
  resolvedDate: IsoDate.optional(),
  basis: GradingBasis.optional().describe('what FirstDose grades from; without it, `grade` is required'),
  grade: z.int().min(0).max(5).optional().describe("the investigator's grade: required without a basis, an override (with overrideReason) with one"),
  overrideReason: z.string().max(4000).optional(),
  serious: z.boolean().optional(),
  relatedness: z.enum(Object.values(Relatedness) as [Relatedness, ...Relatedness[]]),
  action: z.string().max(4000).optional(),
  outcome: z.string().max(4000).optional(),
});

const Corrections = z
  .object({
    valueNum: z.number().nullable(),
    valueText: z.string().max(4000).nullable(),
    unit: z.string().max(32).nullable(),
    refLow: z.number().nullable(),
    refHigh: z.number().nullable(),
    observedAt: DateOrInstant,
    status: z.literal('entered-in-error'),
  })
  .partial()
  .strict()
  // Empty would be a correction that changes nothing: refused here (the document says so with
  // minProperties) rather than reaching the store, which refuses it too.
  .superRefine((changes, ctx) => {
    if (!Object.values(changes).some((v) => v !== undefined)) ctx.addIssue({ ...customIssue('nothing_to_change') });
  })
  .meta({ minProperties: 1, description: 'the fields to correct: at least one' });

/** A row's version is a PostgreSQL integer: a larger one is no version (the database refused it, a 500). */
const RowVersion = z.int().min(1).max(2_147_483_647);

export function recordRoutes(api: Api, ctx: ServerContext): void {
  const tags = ['records'];
  const user = (request: { access: { session: { username: string } | null } }) => request.access.session!.username;

  /** A visit named in a body must be one of this subject's. */
  async function checkVisit(subjectId: string, visitId: string | undefined): Promise<void> {
    if (visitId === undefined) return;
    const visits = await visitsOf(ctx.db, subjectId, ctx.today());
    if (!visits.some((v) => v.id === visitId)) throw new InvalidInput({ path: ['visitId'], code: 'visit_not_found', params: { visit: visitId } });
  }

  api.post(
    '/api/subjects/:id/observations',
    {
      schema: {
        tags,
        params: IdParams,
        body: z.object({
          kind: z.enum(ObservationKind),
          code: Text(64),
          valueNum: z.number().optional(),
          valueText: z.string().max(4000).optional(),
          valueJson: z.unknown().optional(),
          unit: z.string().max(32).optional(),
          refLow: z.number().optional(),
          refHigh: z.number().optional(),
          observedAt: DateOrInstant,
          visitId: Uuid.optional(),
        }),
        response: answers({ 201: Observation }),
      },
    },
    async (request, reply) => {
      const { observedAt, ...rest } = request.body;
      await checkVisit(request.params.id, rest.visitId);
      const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as typeof rest;
      const o = await enterObservation(ctx.db, { user: user(request) }, { ...defined, subjectId: request.params.id, observedAt: instantOf(observedAt) });
      return reply.code(201).send(toJson(o));
    },
  );

  api.post(
    '/api/subjects/:id/assessments',
    {
      schema: {
        tags,
        params: IdParams,
        body: z.object({
          assessment: z.record(z.string(), z.unknown()).describe('{sledai2k: {items}, pga, bilag, prednisoneMgPerDay | glucocorticoids, flags…} as `firstdose score lldas` reads it'),
          observedAt: DateOrInstant,
          visitId: Uuid.optional(),
        }),
        response: answers({ 201: z.array(Observation) }),
      },
    },
    async (request, reply) => {
      const { assessment, observedAt, visitId } = request.body;
      await checkVisit(request.params.id, visitId);
      const rows = await recordAssessment(ctx.db, { user: user(request) }, { subjectId: request.params.id, assessment, observedAt: instantOf(observedAt), ...(visitId ? { visitId } : {}) });
      return reply.code(201).send(toJson(rows));
    },
  );

  api.post(
    '/api/observations/:id/review',
    { schema: { tags, params: IdParams, body: z.object({ decision: z.enum(['accept', 'reject']), reason: z.string().max(4000).optional() }), response: answers({ 200: Observation }) } },
    async (request) => {
      const { decision, reason } = request.body;
      return toJson(await decideProposal(ctx.db, { user: user(request), ...(reason ? { reason } : {}) }, request.params.id, decision));
    },
  );

  api.patch(
    '/api/observations/:id',
    { schema: { tags, params: IdParams, body: z.object({ version: RowVersion, reason: Text(4000), changes: Corrections }), response: answers({ 200: Observation }) } },
    async (request) => {
      const { version, reason, changes } = request.body;
      const current = (await observationById(ctx.db, request.params.id))!;
      const { observedAt, ...values } = changes;
      // The corrected value must pass the checks a new entry passes (unit, range, kind).
      const merged = { ...current, ...values };
      const issues = changes.status === 'entered-in-error' ? [] : observationIssues({ ...merged, valueNum: merged.valueNum ?? undefined, valueText: merged.valueText ?? undefined, unit: merged.unit ?? undefined, refLow: merged.refLow ?? undefined, refHigh: merged.refHigh ?? undefined });
      if (issues.length > 0) throw new InvalidInput(issues[0]!, ...issues.slice(1));
      const row = await correctObservation(ctx.db, { user: user(request), reason }, request.params.id, version, { ...values, ...(observedAt ? { observedAt: instantOf(observedAt) } : {}) });
      return toJson(row);
    },
  );

  api.post(
    '/api/visits/:id',
    { schema: { tags, params: IdParams, body: z.object({ actualDate: IsoDate, sourceRef: z.string().max(200).optional() }), response: answers({ 200: Visit }) } },
    async (request) => toJson(await recordVisit(ctx.db, { user: user(request) }, request.params.id, request.body.actualDate, request.body.sourceRef)),
  );

  api.post(
    '/api/subjects/:id/adverse-events',
    { schema: { tags, params: IdParams, body: AdverseEventBody, response: answers({ 201: z.object({ event: AdverseEvent, autoGrade: z.record(z.string(), z.unknown()).nullable() }) }) } },
    async (request, reply) => {
      const defined = Object.fromEntries(Object.entries(request.body).filter(([, v]) => v !== undefined)) as z.infer<typeof AdverseEventBody>;
      const r = await recordAdverseEvent(ctx.db, { user: user(request) }, { ...defined, subjectId: request.params.id });
      return reply.code(201).send(toJson({ event: r.event, autoGrade: r.autoGrade as unknown as Record<string, unknown> | null }));
    },
  );

  api.post(
    '/api/adverse-events/:id/dlt',
    {
      schema: {
        tags,
        params: IdParams,
        body: z.object({ dlt: z.enum(['yes', 'no']), reason: Text(4000), password: Password }),
        response: answers({ 200: z.object({ event: AdverseEvent, signature: Signature }) }),
      },
    },
    async (request) => {
      const { dlt, reason, password } = request.body;
      const r = await adjudicateDlt(ctx.db, { username: user(request), password }, request.params.id, dlt, reason);
      return toJson({ event: r.event, signature: { ...r.signature, status: 'valid' as const } });
    },
  );
}
