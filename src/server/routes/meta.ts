// The two routes about the API itself: is it up, and what does it offer.
import { z } from 'zod';
import type { Api } from './api.ts';

export function metaRoutes(api: Api): void {
  api.get('/api/health', { schema: { tags: ['meta'], response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => ({ status: 'ok' as const }));
  api.get('/api/openapi.json', { schema: { hide: true } }, async () => api.swagger());
}
