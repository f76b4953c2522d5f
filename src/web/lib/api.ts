// The one way the app talks to the server (docs/api.md): JSON in and out, the CSRF token on every
// change, the chosen language as Accept-Language, and RFC 9457 problems turned into ApiError so
// that screens can show the server's own wording of a refusal next to the field it names.
export interface ProblemIssue {
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

export interface Problem {
  readonly type?: string;
  readonly title?: string;
  readonly status: number;
  readonly detail?: string;
  readonly code?: string;
  readonly issues?: readonly ProblemIssue[];
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
  get status(): number {
    return this.problem.status;
  }
  /** The issues that name this field (first path segment), for messages beside an input. */
  forField(field: string): ProblemIssue[] {
    return (this.problem.issues ?? []).filter((i) => String(i.path[i.path[0] === 'body' ? 1 : 0]) === field);
  }
}

let csrfToken: string | null = null;
let language = 'en';
let onUnauthorized: (() => void) | null = null;

export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};
export const setApiLanguage = (l: string) => {
  language = l;
};
/** Called when a request meets 401 after login (idle timeout): the app returns to the login screen. */
export const setUnauthorizedHandler = (handler: (() => void) | null) => {
  onUnauthorized = handler;
};

const changes = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A problem from any answer: problem+json, else a bare status (a proxy's HTML error page, say). */
export async function problemOf(response: Response): Promise<Problem> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as Partial<Problem>;
    if (body && typeof body === 'object') return { ...body, status: response.status };
  } catch {
    // not JSON: fall through
  }
  return { status: response.status, title: response.statusText || `HTTP ${response.status}`, ...(text && text.length < 300 ? { detail: text } : {}) };
}

export async function api<T>(method: string, path: string, body?: unknown, fetcher: typeof fetch = fetch): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (changes.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetcher(path, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  if (!response.ok) {
    const problem = await problemOf(response);
    if (problem.status === 401 && path !== '/api/session') onUnauthorized?.();
    throw new ApiError(problem);
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

export const get = <T,>(path: string) => api<T>('GET', path);
export const post = <T,>(path: string, body: unknown = {}) => api<T>('POST', path, body);

/** `?a=1&b=x` from the defined entries only. */
export function query(params: Readonly<Record<string, string | number | undefined | null>>): string {
  const entries = Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== null && e[1] !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
}
