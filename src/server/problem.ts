// Every failure as an RFC 9457 problem (application/problem+json): the HTTP status, a code for
// programs, and the issues, each with its field path, rule code, parameters and a message in the
// request's language. One function maps every kind of failure the services raise (style.md §10);
// routes only throw.
import { z } from 'zod';
import type { Issue, IssueParams } from '../domain/result.ts';
import { formatIssue, type Language, translator } from '../i18n/index.ts';
import { databaseFailure, sqlState, StoreError, type StoreErrorCode } from '../store/index.ts';
import { ConductRefusal, InvalidInput } from '../store/trial/index.ts';
import { InputError } from './validation.ts';

export const ProblemIssue = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  code: z.string(),
  params: z.record(z.string(), z.unknown()),
  message: z.string(),
});

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    code: z.string(),
    issues: z.array(ProblemIssue),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;

/** A failure of the API itself (no session, a role not allowed, no such record), thrown by hooks and routes. */
export class HttpProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: readonly Issue[];
  constructor(status: number, code: string, issues: readonly Issue[] = [{ path: [], code, params: {} }]) {
    super(code);
    this.name = 'HttpProblem';
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

export const notFound = (what: string, id: string) => new HttpProblem(404, 'not_found', [{ path: [], code: 'record_not_found', params: { table: what, id } }]);

const storeStatus: Partial<Record<StoreErrorCode, number>> = {
  conflict: 409,
  not_found: 404,
  authentication_failed: 401,
  account_inactive: 401,
  account_locked: 423,
  password_expired: 403,
  identity_not_verified: 403,
  attestation_required: 403,
  meaning_not_allowed: 403,
  password_policy: 400,
  username_invalid: 400,
  full_name_required: 400,
  role_unknown: 400,
  not_signable: 400,
  reason_required: 400,
  username_taken: 409,
  role_exists: 409,
  delete_refused: 409,
  append_only: 409,
  id_immutable: 409,
  locked: 503,
  not_initialised: 503,
  database_unavailable: 503,
  disk_full: 507,
};

/** The field a store refusal of bad input is about, so that its problem names it like any other 400. */
const storeField: Partial<Record<StoreErrorCode, string>> = {
  password_policy: 'password',
  username_invalid: 'username',
  full_name_required: 'fullName',
  role_unknown: 'role',
  not_signable: 'table',
  reason_required: 'reason',
};

/** Database refusals that reach the API when a request names a record that cannot be used. */
const sqlStatus: Readonly<Record<string, { status: number; code: string }>> = {
  '23503': { status: 400, code: 'invalid_reference' },
  '23505': { status: 409, code: 'duplicate' },
  '23514': { status: 400, code: 'check_violation' },
  '22P02': { status: 400, code: 'invalid_value' },
  // A value the column cannot hold: a number out of range, a text too long, a date-time out of range.
  '22003': { status: 400, code: 'invalid_value' },
  '22001': { status: 400, code: 'invalid_value' },
  '22008': { status: 400, code: 'invalid_value' },
};

interface Failure {
  readonly status: number;
  readonly code: string;
  /** Issues phrased with `issue.<code>`; store errors are phrased with `store.error.<code>`. */
  readonly issues: readonly Issue[];
  readonly store?: StoreError;
}

function classify(error: unknown): Failure {
  if (error instanceof HttpProblem) return { status: error.status, code: error.code, issues: error.issues };
  if (error instanceof InputError || error instanceof InvalidInput) return { status: 400, code: 'invalid_input', issues: error.issues };
  if (error instanceof ConductRefusal) {
    const missing = error.issue.code.endsWith('_not_found');
    return { status: missing ? 404 : 409, code: missing ? 'not_found' : 'conduct_refused', issues: error.issues };
  }
  // The database gone or its disk full: the machine's trouble, not the request's. The answer says
  // so without the driver's text (hosts, ports and file names stay in the server's log).
  const lost = databaseFailure(error);
  if (lost) return { status: storeStatus[lost.code]!, code: lost.code, issues: [{ path: [], code: lost.code, params: {} }] };
  if (error instanceof StoreError) return { status: storeStatus[error.code] ?? 500, code: error.code, issues: [], store: error };
  const state = sqlState(error);
  const known = state ? sqlStatus[state] : undefined;
  if (known) return { status: known.status, code: known.code, issues: [{ path: [], code: known.code, params: {} }] };
  const e = error as { statusCode?: unknown; code?: unknown };
  // fastify's own refusals (malformed JSON, body too large, unsupported media type): 4xx with its code.
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    const code = e.statusCode === 413 ? 'body_too_large' : e.statusCode === 414 ? 'uri_too_long' : e.statusCode === 415 ? 'unsupported_media_type' : 'malformed_request';
    return { status: e.statusCode, code, issues: [{ path: [], code, params: {} }] };
  }
  return { status: 500, code: 'internal', issues: [{ path: [], code: 'internal', params: {} }] };
}

function storeText(language: Language, error: StoreError): string {
  return translator(language)(`store.error.${error.code}`, { table: '–', id: '–', ...(error.params as Record<string, unknown>) });
}

/** The problem for any thrown value, phrased in `language`. */
export function problemOf(error: unknown, language: Language): Problem {
  const f = classify(error);
  const t = translator(language);
  const issues = f.store
    ? [{ path: storeField[f.store.code] ? [storeField[f.store.code]!] : [], code: f.store.code, params: f.store.params as Record<string, unknown>, message: storeText(language, f.store) }]
    : f.issues.map((i) => ({ path: [...i.path], code: i.code, params: i.params as Record<string, unknown>, message: phrase(i, language) }));
  return {
    type: `https://firstdose.dev/problems/${f.code.replaceAll('_', '-')}`,
    title: t(`server.title.${f.status}`),
    status: f.status,
    detail: issues.map((i) => i.message).join('; '),
    code: f.code,
    issues,
  };
}

/** An issue in words; a code without a message of its own falls back to its name, never to nothing. */
function phrase(issue: Issue, language: Language): string {
  const text = formatIssue(issue, language);
  return text === `issue.${issue.code}` ? `${issue.path.join('.') || 'input'}: ${issue.code}` : text;
}

export const problemIssue = (code: string, params: IssueParams = {}, path: (string | number)[] = []): Issue => ({ path, code, params });
