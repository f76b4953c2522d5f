// Data queries: a monitor or data manager asks about a value, the site answers, the asker
// closes. Site staff see the queries of their own sites' subjects; study-level queries (about a
// decision, say) are for study-wide roles.
import { z } from 'zod';
import { answerQuery, closeQuery, queriesOf, raiseQuery, subjectOfRecord } from '../../store/trial/index.ts';
import type { ServerContext } from '../context.ts';
import { toJson } from '../json.ts';
import { HttpProblem } from '../problem.ts';
import { answers, DataQuery, IdParams, StudyCode, Uuid, Text } from '../schemas.ts';
import { viewerOf } from '../views/viewer.ts';
import type { Api } from './api.ts';

const statuses = ['open', 'answered', 'closed'] as const;

export function queryRoutes(api: Api, ctx: ServerContext): void {
  const tags = ['queries'];
  const user = (request: { access: { session: { username: string } | null } }) => request.access.session!.username;

  api.get(
    '/api/queries',
    {
      schema: {
        tags,
        querystring: z.object({ study: StudyCode.optional(), status: z.enum(statuses).optional().describe('default: every status') }),
        response: answers({ 200: z.array(DataQuery) }),
      },
    },
    async (request) => {
      const a = request.access;
      const studies = a.scope?.studyId ? [a.scope.studyId] : [...new Set(a.grants.map((g) => g.studyId))];
      const subjects = new Map((await Promise.all(studies.map((id) => ctx.subjects(id, request)))).flat().map((s) => [s.id, s]));
      const out = [];
      for (const studyId of studies) {
        const grants = a.grants.filter((g) => g.studyId === studyId);
        const studyWide = grants.some((g) => g.siteId === null);
        for (const q of await queriesOf(ctx.db, studyId, request.query.status ? [request.query.status] : undefined)) {
          if (!studyWide && (q.siteId === null || !grants.some((g) => g.siteId === q.siteId))) continue;
          const s = q.subjectId ? subjects.get(q.subjectId) : undefined;
          const { siteId: _, ...row } = q;
          out.push({ ...row, subject: s ? viewerOf(grants, grants[0] ?? null).label(s) : null });
        }
      }
      return toJson(out);
    },
  );

  api.post(
    '/api/queries',
    {
      schema: {
        tags,
        body: z.object({
          study: StudyCode,
          subjectId: Uuid.optional(),
          table: z.string().min(1),
          rowId: Uuid,
          field: Text(64).optional(),
          text: Text(4000),
        }),
        response: answers({ 201: DataQuery }),
      },
    },
    async (request, reply) => {
      const { study, subjectId, table, rowId, field, text } = request.body;
      const scope = request.access.scope!;
      // The record must be of the study named; its subject is the record's own, whatever the body says.
      if (request.access.role?.study !== study) throw new HttpProblem(400, 'invalid_input', [{ path: ['study'], code: 'record_not_in_study', params: { study, table, id: rowId } }]);
      const about = await subjectOfRecord(ctx.db, table, rowId);
      if (subjectId !== undefined && subjectId.toLowerCase() !== about)
        throw new HttpProblem(400, 'invalid_input', [{ path: ['subjectId'], code: 'record_not_of_subject', params: { table, id: rowId, subject: subjectId } }]);
      const q = await raiseQuery(ctx.db, { user: user(request) }, { studyId: scope.studyId!, tableName: table, rowId, text, ...(about ? { subjectId: about } : {}), ...(field ? { field } : {}) });
      const s = about ? (await ctx.subjects(scope.studyId!, request)).find((x) => x.id === about) : undefined;
      return reply.code(201).send(toJson({ ...q, subject: s?.screeningNumber ?? null }));
    },
  );

  api.post(
    '/api/queries/:id/answer',
    { schema: { tags, params: IdParams, body: z.object({ answer: Text(4000) }), response: answers({ 200: DataQuery }) } },
    async (request) => toJson(await answerQuery(ctx.db, { user: user(request) }, request.params.id, request.body.answer)),
  );

  api.post('/api/queries/:id/close', { schema: { tags, params: IdParams, response: answers({ 200: DataQuery }) } }, async (request) =>
    toJson(await closeQuery(ctx.db, { user: user(request) }, request.params.id)),
  );
}
