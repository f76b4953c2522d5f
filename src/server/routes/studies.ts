// The trial as a whole: the studies a user works in, where the trial stands (status and
// dashboard), the design's live recommendation, and the safety committee's decision and its
// signature. Site staff see the subjects of their own sites only; a sponsor viewer sees
// pseudonyms.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { formatExplanation, translator } from '../../i18n/index.ts';
import {
  contactRequestsOf,
  protocolInForce,
  recommend,
  recordDecision,
  signDecision,
  type SubjectListing,
  studyByCode,
  trialDashboard,
  trialStatus,
  waitingWork,
} from '../../store/trial/index.ts';
import type { ServerContext } from '../context.ts';
import { toJson } from '../json.ts';
import { AsOfQuery, answers, Decision, IsoDate, Localised, OutInstant, Password, Signature, StudyParams, Uuid } from '../schemas.ts';
import { IssueOut, issueOut } from '../views/issues.ts';
import { readerKey, sendJson, serializerOf } from '../views/rendered.ts';
import { viewerOf } from '../views/viewer.ts';
import type { Api } from './api.ts';

/** What the trial's position, recommendation and blockers are computed from (store/trial/state.ts). */
const conductTables = ['study', 'site', 'subject', 'protocol_version', 'screening_result', 'signature', 'dose_administration', 'adverse_event', 'escalation_decision'];

/** What the counts of waiting work are read from (store/trial/changes.ts waitingWork). */
const waitingTables = ['data_query', 'observation', 'subject'];

const StudySummary = z
  .object({
    code: z.string(),
    title: Localised,
    registryId: z.string(),
    protocolVersion: z.string(),
    sites: z.array(z.object({ code: z.string(), name: Localised, status: z.string() })),
    doseLevels: z.array(z.object({ level: z.int(), label: z.string() })),
    roles: z.array(z.object({ role: z.string(), site: z.string().nullable() })),
  })
  .meta({ id: 'StudySummary' });

const Outcome = z.enum(['dlt', 'no-dlt', 'pending']).nullable();

const TrialStatusOut = z
  .object({
    study: z.string(),
    protocolVersion: z.string(),
    asOf: IsoDate,
    cohort: z.int(),
    doseLevel: z.int(),
    stopped: z.boolean(),
    subjects: z.array(
      z.object({
        subjectId: Uuid,
        number: z.string(),
        status: z.string(),
        doseLevel: z.int().nullable(),
        cohort: z.int().nullable(),
        firstDose: IsoDate.nullable(),
        dltWindowEnds: IsoDate.nullable(),
        dlt: Outcome,
      }),
    ),
    recommendation: z.union([
      z.object({ decision: z.string(), nextDose: z.int().nullable(), reason: z.string(), reasonText: z.string(), needed: z.array(z.string()) }),
      z.object({ refused: IssueOut }),
    ]),
    blockers: z.array(IssueOut),
    openQueries: z.int(),
    proposals: z.int(),
    adverseEvents: z.object({ total: z.int(), grade3OrMore: z.int(), dltSuggested: z.int(), dltUnadjudicated: z.int() }),
  })
  .meta({ id: 'TrialStatus' });

const SubjectRefOut = { subjectId: Uuid.nullable(), subject: z.string().nullable().describe('screening number; a pseudonym for a sponsor viewer; null for a subject of another site') };

const DashboardOut = z
  .object({
    study: z.string(),
    protocolVersion: z.string(),
    asOf: IsoDate,
    position: z.object({ cohort: z.int(), level: z.int(), stopped: z.boolean() }),
    doseLevels: z.array(z.object({ level: z.int(), label: z.string(), planned: z.int(), enrolled: z.int(), dosed: z.int(), dlts: z.int(), pending: z.int() })),
    cohorts: z.array(
      z.object({
        cohort: z.int(),
        level: z.int(),
        size: z.int(),
        members: z.array(z.object({ ...SubjectRefOut, firstDose: IsoDate.nullable(), dlt: Outcome })),
        opensOn: IsoDate.nullable(),
        sentinelWaitUntil: IsoDate.nullable(),
        dltWindowsEnd: IsoDate.nullable(),
        decision: z.object({ nextLevel: z.int().nullable(), decidedOn: IsoDate.nullable(), signed: z.boolean(), signedOn: IsoDate.nullable() }).nullable(),
      }),
    ),
    nextDecision: z.object({ cohort: z.int(), level: z.int(), canBeTakenOn: IsoDate.nullable(), blockers: z.array(IssueOut) }).nullable(),
    overdueVisits: z.array(z.object({ ...SubjectRefOut, visitId: Uuid, visitCode: z.string(), plannedDate: IsoDate, windowEnd: IsoDate })),
    openQueries: z.array(z.object({ ...SubjectRefOut, queryId: Uuid, status: z.string(), tableName: z.string(), field: z.string().nullable(), raisedAt: OutInstant })),
    seriousAdverseEvents: z.array(
      z.object({ ...SubjectRefOut, eventId: Uuid, term: z.string(), grade: z.int(), onsetDate: IsoDate, recordedAt: OutInstant, reportDueBy: OutInstant }),
    ),
  })
  .meta({ id: 'Dashboard' });

const RecommendationOut = z
  .object({
    asOf: IsoDate,
    design: z.record(z.string(), z.unknown()),
    input: z.record(z.string(), z.unknown()).describe('the live trial record the engine read (patients by subject id)'),
    decision: z.object({
      decision: z.string(),
      nextDose: z.int().nullable(),
      reason: z.string(),
      reasonText: z.string(),
      mtd: z.int().nullable().optional(),
      needed: z.array(z.string()).optional(),
      neededSubjects: z.array(z.string()).describe('the pending subjects whose results could change the answer, by screening number'),
      explanation: z.array(z.unknown()),
      explanationText: z.array(z.string()),
      table: z.array(z.object({ n: z.int(), escalate: z.int().nullable(), deescalate: z.int().nullable(), eliminate: z.int().nullable() })),
    }),
  })
  .meta({ id: 'Recommendation' });

const ContactRequestOut = z.object({
  id: Uuid,
  site: z.string().nullable(),
  name: z.string(),
  phone: z.string(),
  language: z.string(),
  answers: z.unknown(),
  status: z.string(),
  createdAt: OutInstant,
});

/** How this reader names the study's subjects (null: not theirs to see). */
function namesOf(request: FastifyRequest, subjects: readonly SubjectListing[]) {
  const viewer = viewerOf(request.access.grants, request.access.role);
  const byId = new Map(subjects.map((s) => [s.id, s]));
  const byNumber = new Map(subjects.map((s) => [s.screeningNumber, s]));
  const name = (id: string | null) => {
    const s = id ? byId.get(id) : undefined;
    return s && viewer.sees(s) ? { subjectId: s.id, subject: viewer.label(s) } : { subjectId: null, subject: null };
  };
  const rename = (label: string) => {
    const s = byNumber.get(label);
    return s && viewer.sees(s) ? viewer.label(s) : '–';
  };
  return { viewer, byId, byNumber, name, rename };
}

export function studyRoutes(api: Api, ctx: ServerContext): void {
  const tags = ['trial'];

  /** Subjects of the study by id, and how this reader names them (null: not theirs to see). */
  async function namesFor(request: FastifyRequest) {
    return namesOf(request, await ctx.subjects(request.access.scope!.studyId!, request));
  }

  api.get('/api/studies', { schema: { tags, response: answers({ 200: z.array(StudySummary) }) } }, async (request) => {
    const grants = request.access.grants;
    const out = [];
    for (const code of [...new Set(grants.map((g) => g.study))].sort()) {
      const study = await studyByCode(ctx.db, code);
      const { row, protocol } = await protocolInForce(ctx.db, study.id, ctx.today());
      out.push({
        code,
        title: protocol.identity.title,
        registryId: protocol.identity.registryId,
        protocolVersion: row.label,
        sites: protocol.identity.sites.map((s) => ({ code: s.id, name: s.name, status: s.status })),
        doseLevels: protocol.doseLevels.map((d) => ({ level: d.level, label: d.label })),
        roles: grants.filter((g) => g.study === code).map((g) => ({ role: g.role, site: g.site })),
      });
    }
    return out;
  });

  const statusJson = serializerOf(TrialStatusOut, 'GET', '/api/studies/:study/status');
  api.get('/api/studies/:study/status', { schema: { tags, params: StudyParams, querystring: AsOfQuery, response: answers({ 200: TrialStatusOut }) } }, async (request, reply) => {
    const studyId = request.access.scope!.studyId!;
    const asOf = request.query.asOf ?? ctx.today();
    const head = await ctx.head(request);
    const kept = await ctx.cache.get(`status|${studyId}|${asOf}`, async () => ({
      value: await trialStatus(ctx.db, studyId, asOf),
      rests: { tables: conductTables },
    }), head);
    // The counts of waiting work change with every query raised, so they are kept apart.
    const waiting = kept.kept
      ? (await ctx.cache.get(`waiting|${studyId}`, async () => ({ value: await waitingWork(ctx.db, studyId), rests: { tables: waitingTables } }), head)).value
      : null;
    const subjects = await ctx.subjects(studyId, request);
    const text = ctx.rendered.text([kept.value, waiting?.openQueries ?? -1, waiting?.proposals ?? -1, subjects, readerKey(request)], () => {
      const status = waiting ? { ...kept.value, ...waiting } : kept.value;
      const names = namesOf(request, subjects);
      const t = translator(request.language);
      const r = status.recommendation;
      return statusJson({
        ...status,
        subjects: status.subjects
          .map((s) => ({ ...s, subject: names.byNumber.get(s.number) }))
          .filter((s) => s.subject && names.viewer.sees(s.subject))
          .map(({ subject, ...s }) => ({ ...s, subjectId: subject!.id, number: names.viewer.label(subject!) })),
        recommendation:
          'refused' in r
            ? { refused: issueOut(r.refused, request.language, names.rename) }
            : { ...r, reasonText: t(`reason.${r.reason}`), needed: r.needed.map((id) => names.name(id).subject ?? '–') },
        blockers: status.blockers.map((b) => issueOut(b, request.language, names.rename)),
      });
    });
    return sendJson(reply, text);
  });

  api.get('/api/studies/:study/dashboard', { schema: { tags, params: StudyParams, querystring: AsOfQuery, response: answers({ 200: DashboardOut }) } }, async (request) => {
    const studyId = request.access.scope!.studyId!;
    const asOf = request.query.asOf ?? ctx.today();
    const { value: d } = await ctx.cache.get(`dashboard|${studyId}|${asOf}`, async () => ({
      value: await trialDashboard(ctx.db, studyId, asOf),
      rests: { tables: [...conductTables, 'visit', 'data_query'] },
    }), await ctx.head(request));
    const names = await namesFor(request);
    const mine = <T extends { subjectId: string }>(x: T) => names.name(x.subjectId).subjectId !== null;
    const renamed = <T extends { subjectId: string; subject: string }>(x: T) => ({ ...x, ...names.name(x.subjectId) });
    return toJson({
      ...d,
      study: request.params.study,
      cohorts: d.cohorts.map((c) => ({ ...c, members: c.members.map(renamed) })),
      nextDecision: d.nextDecision && { ...d.nextDecision, blockers: d.nextDecision.blockers.map((b) => issueOut(b, request.language, names.rename)) },
      overdueVisits: d.overdueVisits.filter(mine).map(renamed),
      openQueries: d.openQueries.filter(mine).map(renamed),
      seriousAdverseEvents: d.seriousAdverseEvents.filter(mine).map(renamed),
    });
  });

  api.get('/api/studies/:study/recommendation', { schema: { tags, params: StudyParams, querystring: AsOfQuery, response: answers({ 200: RecommendationOut }) } }, async (request) => {
    const studyId = request.access.scope!.studyId!;
    const asOf = request.query.asOf ?? ctx.today();
    const { value: r } = await ctx.cache.get(`recommendation|${studyId}|${asOf}`, async () => ({
      value: await recommend(ctx.db, studyId, asOf),
      rests: { tables: conductTables },
    }), await ctx.head(request));
    const names = await namesFor(request);
    const t = translator(request.language);
    return {
      asOf: r.asOf,
      design: r.design as unknown as Record<string, unknown>,
      input: r.input as unknown as Record<string, unknown>,
      decision: {
        ...r.decision,
        needed: [...(r.decision.needed ?? [])],
        explanation: [...r.decision.explanation],
        table: [...r.decision.table],
        reasonText: t(`reason.${r.decision.reason}`),
        neededSubjects: (r.decision.needed ?? []).map((id) => names.name(id).subject ?? '–'),
        explanationText: formatExplanation(r.decision.explanation, request.language),
      },
    };
  });

  api.post(
    '/api/studies/:study/decisions',
    {
      schema: {
        tags,
        params: StudyParams,
        body: z.object({
          nextLevel: z.int().min(1).nullable().describe('the next cohort\'s dose level; null stops the trial'),
          overrideReason: z.string().max(4000).optional().describe('required when the decision departs from the recommendation'),
          asOf: IsoDate.optional(),
        }),
        response: answers({ 201: Decision }),
      },
    },
    async (request, reply) => {
      const { nextLevel, overrideReason, asOf } = request.body;
      const d = await recordDecision(
        ctx.db,
        { user: request.access.session!.username },
        { studyId: request.access.scope!.studyId!, asOf: asOf ?? ctx.today(), nextLevel, ...(overrideReason ? { overrideReason } : {}) },
      );
      return reply.code(201).send(toJson(d));
    },
  );

  api.post(
    '/api/studies/:study/decisions/:cohort/signature',
    { schema: { tags, params: StudyParams.extend({ cohort: z.coerce.number().int().min(1) }), body: z.object({ password: Password }), response: answers({ 201: Signature }) } },
    async (request, reply) => {
      const credentials = { username: request.access.session!.username, password: request.body.password };
      const s = await signDecision(ctx.db, credentials, request.access.scope!.studyId!, request.params.cohort, ctx.clock());
      return reply.code(201).send(toJson({ ...s, status: 'valid' as const }));
    },
  );

  api.get('/api/studies/:study/contact-requests', { schema: { tags, params: StudyParams, response: answers({ 200: z.array(ContactRequestOut) }) } }, async (request) => {
    const studyId = request.access.scope!.studyId!;
    const sites = request.access.grants.filter((g) => g.studyId === studyId);
    const rows = await contactRequestsOf(ctx.db, studyId, sites.some((g) => g.siteId === null) ? 'all' : sites.map((g) => g.siteId!));
    const siteCode = new Map<string, string>();
    for (const s of sites) if (s.siteId && s.site) siteCode.set(s.siteId, s.site);
    // Names and telephone numbers are identifying: who looked is on record.
    await ctx.event(request.access.session!.username, 'view_identifying', { what: 'contact_request', study: request.params.study, count: rows.length });
    return rows.map((r) => toJson({ id: r.id, site: r.siteId ? (siteCode.get(r.siteId) ?? null) : null, name: r.name, phone: r.phone, language: r.language, answers: r.answers, status: r.status, createdAt: r.createdAt }));
  });
}
