// The two routes about the API itself: is it up (and its database), and what does it offer.
import { z } from 'zod';
import type { ServerContext } from '../context.ts';
import type { Api } from './api.ts';

const Health = <S extends 'ok' | 'unavailable'>(state: S) =>
  z.object({
    status: z.literal(state),
    database: z.literal(state).describe('whether a trivial query of the database succeeded just now'),
  });

export function metaRoutes(api: Api, ctx: ServerContext): void {
  // 503 while the database does not answer: a probe of this route sees what users would.
  api.get('/api/health', { schema: { tags: ['meta'], response: { 200: Health('ok'), 503: Health('unavailable') } } }, async (_request, reply) => {
    const state = await ctx.database.check();
    return state === 'ok' ? { status: 'ok' as const, database: 'ok' as const } : reply.code(503).send({ status: 'unavailable' as const, database: 'unavailable' as const });
  });
  api.get('/api/openapi.json', { schema: { hide: true } }, async () => api.swagger());
}
