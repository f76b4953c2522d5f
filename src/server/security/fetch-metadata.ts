// A second line against cross-site request forgery, before the session cookie (SameSite=Strict)
// and the CSRF token are even looked at: browsers label each request with Sec-Fetch-Site (W3C
// Fetch Metadata), and a change to the API that another site's page started (`cross-site`, or
// `same-site` from a sibling subdomain) is refused. This also covers the routes that need no
// session (log-in, the public contact request), which have no CSRF token to check. Requests
// without the header (curl, the CLI, older browsers) are left to the token.
import type { FastifyInstance } from 'fastify';
import { HttpProblem } from '../problem.ts';

const changes = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const foreign = new Set(['cross-site', 'same-site']);

export function installFetchMetadataCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (!changes.has(request.method) || !request.url.startsWith('/api/')) return;
    const site = request.headers['sec-fetch-site'];
    if (typeof site === 'string' && foreign.has(site.toLowerCase())) throw new HttpProblem(403, 'csrf_failed', [{ path: [], code: 'cross_site_request', params: { site } }]);
  });
}
