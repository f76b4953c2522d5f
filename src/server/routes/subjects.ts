// Subjects: the list a user may see, registration at a site, the whole record of one subject,
// and the steps of its course (screening, enrolment, dosing, status changes). Each step is the
// trial service's, behind its conduct gates; a refusal is a 409 naming the rule.
import { z } from 'zod';
import { SubjectStatusSchema } from '../../domain/conduct/index.ts';
import { evaluateProtocol } from '../../domain/eligibility/index.ts';
import { nestIssues } from '../../domain/result.ts';
import { bundleToRecord, defaultCodeTables } from '../../fhir/index.ts';
import {
  addSubject,
  administerDose,
  changeStatus,
  enrol,
  InvalidInput,
  orInvalid,
  protocolInForce,
  screenSubject,
  studyByCode,
  subjectRecord,
  visitsOf,
} from '../../store/trial/index.ts';
import type { ServerContext } from '../context.ts';
import { toJson } from '../json.ts';
import type { Access } from '../access/guard.ts';
import { AdverseEvent, answers, Dose, IdParams, Instant, IsoDate, Observation, OutInstant, Signature, StudyCode, Subject, Uuid, Visit, Text } from '../schemas.ts';
import { issueOut } from '../views/issues.ts';
import { readerKey, sendJson, serializerOf } from '../views/rendered.ts';
import { subjectOut, viewerOf } from '../views/viewer.ts';
import type { Api } from './api.ts';

/** A bundle as the file's text (its SHA-256 is kept with the result) or as parsed JSON. */
const Bundle = z.union([z.string().min(1), z.record(z.string(), z.unknown())]).describe('the FHIR R4 Bundle: the file\'s text, or the JSON object');
const bundleText = (b: z.infer<typeof Bundle>) => (typeof b === 'string' ? b : JSON.stringify(b));

/** What a subject's record shows (store/trial/subject-record.ts). */
const recordTables = ['subject', 'site', 'screening_result', 'protocol_version', 'dose_administration', 'visit', 'adverse_event', 'observation', 'signature'];

const ScreeningResult = z.record(z.string(), z.unknown()).describe('the eligibility checklist: {protocol, protocolVersion, asOf, eligible, criteria: [{id, kind, status, reason, evidence, missing}]}');

const Screening = z.object({
  id: Uuid,
  asOf: IsoDate,
  outcome: z.string(),
  protocolVersion: z.string(),
  evaluation: ScreeningResult.nullable().describe('null for a sponsor viewer: its evidence names hospital records'),
  sourceHash: z.string().nullable(),
  createdAt: OutInstant,
  version: z.int(),
});

const SubjectDetail = Subject.extend({
  screenings: z.array(Screening),
  doses: z.array(Dose),
  visits: z.array(Visit),
  adverseEvents: z.array(AdverseEvent),
  observations: z.array(Observation),
  efficacy: z.array(z.object({ visitId: Uuid, visitCode: z.string() }).catchall(z.unknown()).describe('the visit\'s efficacy (SLEDAI-2K, SRI-4, LLDAS, DORIS, …), or `refused` naming what is missing')),
  signatures: z.array(Signature),
}).meta({ id: 'SubjectDetail' });

export function subjectRoutes(api: Api, ctx: ServerContext): void {
  const tags = ['subjects'];
  const actor = (request: { access: { session: { username: string } | null } }, reason?: string) => ({ user: request.access.session!.username, ...(reason ? { reason } : {}) });

  api.get(
    '/api/subjects',
    { schema: { tags, querystring: z.object({ study: StudyCode.optional() }), response: answers({ 200: z.array(Subject) }) } },
    async (request) => {
      const a = request.access;
      const studies = a.scope?.studyId ? [a.scope.studyId] : [...new Set(a.grants.map((g) => g.studyId))];
      const subjects = (await Promise.all(studies.map((id) => ctx.subjects(id, request)))).flat();
      return subjects
        .filter((s) => viewerOf(a.grants, null).sees(s))
        .map((s) => subjectOut(viewerOf(a.grants, a.grants.find((g) => g.studyId === s.studyId && (g.siteId === null || g.siteId === s.siteId)) ?? null), s));
    },
  );

  api.post(
    '/api/subjects',
    { schema: { tags, body: z.object({ study: StudyCode, site: z.string().min(1), screeningNumber: Text(32) }), response: answers({ 201: Subject }) } },
    async (request, reply) => {
      const { studyId, siteId } = request.access.scope!;
      const s = await addSubject(ctx.db, actor(request), { studyId: studyId!, siteId: siteId!, screeningNumber: request.body.screeningNumber });
      const [listed] = (await ctx.subjects(studyId!, request)).filter((x) => x.id === s.id);
      return reply.code(201).send(subjectOut(viewerOf(request.access.grants, request.access.role), listed!));
    },
  );

  const detailJson = serializerOf(SubjectDetail, 'GET', '/api/subjects/:id');
  api.get('/api/subjects/:id', { schema: { tags, params: IdParams, querystring: z.object({ asOf: IsoDate.optional() }), response: answers({ 200: SubjectDetail }) } }, async (request, reply) => {
    const viewer = viewerOf(request.access.grants, request.access.role);
    const asOf = request.query.asOf ?? ctx.today();
    const { value: r } = await ctx.cache.get(`subject|${request.params.id}|${asOf}`, async () => {
      const record = await subjectRecord(ctx.db, request.params.id, asOf);
      const rows = [record.screenings, record.doses, record.visits, record.adverseEvents, record.observations].flatMap((list) => list.map((x) => x.id));
      return { value: record, rests: { tables: recordTables, subject: { id: record.subject.id, rowIds: rows } } };
    }, await ctx.head(request));
    const subjects = await ctx.subjects(r.subject.studyId, request);
    // The same kept record and subject list, for the same kind of reader, give the same text.
    const text = ctx.rendered.text([r, subjects, readerKey(request)], () => {
      const [listed] = subjects.filter((x) => x.id === r.subject.id);
      const hidden = viewer.pseudonymised;
      return detailJson(
        toJson({
          ...subjectOut(viewer, listed!),
          screenings: r.screenings.map((x) => ({ ...x, evaluation: hidden ? null : (x.evaluation as Record<string, unknown>) })),
          doses: r.doses,
          visits: r.visits.map((v) => ({ ...v, sourceRef: viewer.text(v.sourceRef) })),
          adverseEvents: r.adverseEvents.map((e) => ({
            ...e,
            gradeOverrideReason: viewer.text(e.gradeOverrideReason),
            action: viewer.text(e.action),
            outcome: viewer.text(e.outcome),
            gradingBasis: hidden ? null : e.gradingBasis,
          })),
          observations: r.observations.map((o) => ({ ...o, valueText: viewer.text(o.valueText), valueJson: hidden && o.kind !== 'sledai2k' && o.kind !== 'bilag' ? null : o.valueJson })),
          efficacy: r.efficacy.map((e) => ({ visitId: e.visitId, visitCode: e.visitCode, ...(e.result ?? {}), ...(e.refused ? { refused: issueOut(e.refused, request.language) } : {}) })),
          signatures: r.signatures,
        }),
      );
    });
    return sendJson(reply, text);
  });

  api.post(
    '/api/screening/preview',
    { schema: { tags, body: z.object({ study: StudyCode, bundle: Bundle, asOf: IsoDate.optional() }), response: answers({ 200: ScreeningResult }) } },
    async (request) => {
      const asOf = request.body.asOf ?? ctx.today();
      const study = await studyByCode(ctx.db, request.body.study);
      const { protocol } = await protocolInForce(ctx.db, study.id, asOf);
      let bundle: unknown = request.body.bundle;
      if (typeof bundle === 'string') bundle = parseBundle(bundle);
      const read = bundleToRecord(bundle, defaultCodeTables());
      const record = orInvalid(read.ok ? read : { ok: false, issues: nestIssues(['bundle'], read.issues) });
      return evaluateProtocol(protocol, record, asOf) as unknown as Record<string, unknown>;
    },
  );

  api.post(
    '/api/subjects/:id/screenings',
    {
      schema: {
        tags,
        params: IdParams,
        body: z.object({ bundle: Bundle, fileName: Text(255).optional(), asOf: IsoDate.optional() }),
        response: answers({ 201: z.object({ screeningResult: Uuid, outcome: z.string(), proposals: z.int(), result: ScreeningResult }) }),
      },
    },
    async (request, reply) => {
      const { bundle, fileName, asOf } = request.body;
      const r = await screenSubject(ctx.db, actor(request), { subjectId: request.params.id, bundleText: bundleText(bundle), fileName: fileName ?? 'bundle.json', asOf: asOf ?? ctx.today() });
      return reply.code(201).send({ screeningResult: r.row.id, outcome: r.row.outcome, proposals: r.proposals, result: r.result as unknown as Record<string, unknown> });
    },
  );

  api.post(
    '/api/subjects/:id/enrolment',
    { schema: { tags, params: IdParams, body: z.object({ asOf: IsoDate.optional() }), response: answers({ 200: Subject }) } },
    async (request) => {
      await enrol(ctx.db, actor(request), request.params.id, request.body.asOf ?? ctx.today());
      return listedSubject(ctx, request);
    },
  );

  api.post(
    '/api/subjects/:id/doses',
    {
      schema: {
        tags,
        params: IdParams,
        body: z.object({
          level: z.int().min(1),
          startedAt: Instant.optional().describe('when the infusion started; default now'),
          endedAt: Instant.optional(),
          amount: z.number().positive().optional(),
          unit: Text(32).optional(),
        }),
        response: answers({ 201: z.object({ dose: Dose, subject: Subject, visits: z.array(Visit) }) }),
      },
    },
    async (request, reply) => {
      const { level, startedAt, endedAt, amount, unit } = request.body;
      const d = await administerDose(ctx.db, actor(request), {
        subjectId: request.params.id,
        level,
        startedAt: startedAt ? new Date(startedAt) : ctx.clock(),
        ...(endedAt ? { endedAt: new Date(endedAt) } : {}),
        ...(amount !== undefined ? { amount } : {}),
        ...(unit ? { unit } : {}),
      });
      const visits = await visitsOf(ctx.db, request.params.id, ctx.today());
      return reply.code(201).send(toJson({ dose: d.dose, subject: await listedSubject(ctx, request), visits }));
    },
  );

  api.post(
    '/api/subjects/:id/status',
    { schema: { tags, params: IdParams, body: z.object({ status: SubjectStatusSchema, reason: Text(4000) }), response: answers({ 200: Subject }) } },
    async (request) => {
      await changeStatus(ctx.db, actor(request, request.body.reason), request.params.id, request.body.status);
      return listedSubject(ctx, request);
    },
  );
}

/** The subject of `:id` as the list shows it, after a change. */
async function listedSubject(ctx: ServerContext, request: { method: string; params: { id: string }; access: Access }) {
  const [listed] = (await ctx.subjects(request.access.scope!.studyId!, request)).filter((x) => x.id === request.params.id);
  return subjectOut(viewerOf(request.access.grants, request.access.role), listed!);
}

function parseBundle(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InvalidInput({ path: ['bundle'], code: 'invalid_json', params: { detail: (error as Error).message } });
  }
}
