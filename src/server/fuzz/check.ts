// Sends one fuzzed request and says what is wrong with the answer, if anything: a 5xx; a refusal
// that is not an RFC 9457 problem naming the field, the rule and a message; a sender the matrix
// refuses that got further than the address check; or a refused request that changed the
// database (beyond its own record: ../../fuzz/digest.ts).
import { Problem } from '../problem.ts';
import { type Digest, digest, refusalChanges } from '../../fuzz/digest.ts';
import type { FuzzTrial } from './fixture.ts';
import type { FuzzRequest } from './requests.ts';

const passwordRefusals = new Set(['authentication_failed', 'account_inactive', 'account_locked', 'password_expired', 'too_many_requests']);
/** Refusals of the request as a whole (its transport), which have no field to name. */
const transportCodes = new Set(['malformed_request', 'body_too_large', 'unsupported_media_type']);

export interface Failure {
  /** What went wrong, with the status and problem code: one example of each kind is enough. */
  readonly kind: string;
  readonly message: string;
}

export interface Checker {
  /** Sends the request; the failures found (none: all is well). */
  send(request: FuzzRequest, refusedSender: boolean): Promise<Failure[]>;
}

export function checker(t: FuzzTrial): Checker {
  let last: Digest | null = null;
  return {
    async send(request, refusedSender) {
      const { 'x-fuzz-csrf': csrf, ...sent } = request.headers;
      const headers: Record<string, string> = { ...sent };
      let login = request.who === null ? null : t.sessions.get(request.who)!;
      if (login && request.ownSession) {
        // Ending a session: give it one of its own, so that the principal's stays open.
        login = await t.login(request.who!);
        last = null;
      }
      if (login) {
        headers.cookie = login.cookie;
        if (request.method !== 'GET' && csrf !== 'none') headers['x-csrf-token'] = csrf === 'wrong' ? `${login.csrf.slice(0, -1)}0` : login.csrf;
      }
      const before = last ?? (await digest(t.db));
      const r = await t.app.inject({ method: request.method, url: request.url, headers, ...(request.payload !== undefined ? { payload: request.payload } : {}) });
      const after = await digest(t.db);
      last = after;
      const failures: Failure[] = [];
      const say = (what: string) =>
        failures.push({
          kind: `${what} ${r.statusCode} ${/"code":"([^"]*)"/.exec(r.body)?.[1] ?? ''}`,
          message: `${request.method} ${request.url.slice(0, 200)} as ${request.who ?? 'nobody'} [${request.shape}]: ${what}: ${r.statusCode} ${r.body.slice(0, 400)}`,
        });
      if (r.statusCode >= 500) say('server error');
      if (r.statusCode < 400) return failures;
      if (r.headers['content-type'] !== 'application/problem+json; charset=utf-8') say(`content-type ${r.headers['content-type']}`);
      let problem: Problem | undefined;
      try {
        const parsed = Problem.safeParse(JSON.parse(r.body));
        if (parsed.success) problem = parsed.data;
        else say('not a problem document');
      } catch {
        say('not JSON');
      }
      // Before the session is looked at, only the address itself can be refused: not decodable (400) or too long (414).
      if (refusedSender && !([401, 403, 404, 414].includes(r.statusCode) || problem?.code === 'malformed_request')) say('a sender the matrix refuses was not refused');
      if (problem) {
        if (problem.status !== r.statusCode) say('problem status differs from the HTTP status');
        if (problem.issues.length === 0 || problem.issues.some((i) => !i.code || !i.message)) say('a problem without issues, codes or messages');
        if (r.statusCode === 400 && !transportCodes.has(problem.code) && problem.issues.some((i) => i.path.length === 0)) say('a 400 issue naming no field');
      }
      for (const change of await refusalChanges(t.db, before, after, problem !== undefined && passwordRefusals.has(problem.code))) say(`refused, yet ${change}`);
      return failures;
    },
  };
}
