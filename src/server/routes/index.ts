// Every route of the API (docs/api.md), by area.
import type { ServerContext } from '../context.ts';
import type { Api } from './api.ts';
import { designRoutes } from './designs.ts';
import { metaRoutes } from './meta.ts';
import { publicRoutes } from './public.ts';
import { queryRoutes } from './queries.ts';
import { recordRoutes } from './records.ts';
import { sessionRoutes } from './session.ts';
import { signatureRoutes } from './signatures.ts';
import { studyRoutes } from './studies.ts';
import { subjectRoutes } from './subjects.ts';
import { userRoutes } from './users.ts';

export function registerRoutes(api: Api, ctx: ServerContext): void {
  metaRoutes(api, ctx);
  publicRoutes(api, ctx);
  sessionRoutes(api, ctx);
  userRoutes(api, ctx);
  studyRoutes(api, ctx);
  subjectRoutes(api, ctx);
  recordRoutes(api, ctx);
  signatureRoutes(api, ctx);
  queryRoutes(api, ctx);
  designRoutes(api);
}
