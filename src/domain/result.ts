// Expected failures are values: a parse or a calculation returns every problem it found, each
// with the path of the offending field and a code with parameters. Wording is left to the
// adapters (CLI, web, reports), which phrase the code in the user's language.

export type IssuePath = ReadonlyArray<string | number>;

export type IssueParams = Readonly<Record<string, string | number | boolean | readonly (string | number)[] | null>>;

export interface Issue {
  readonly path: IssuePath;
  readonly code: string;
  readonly params: IssueParams;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly Issue[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = <T = never>(...issues: Issue[]): Result<T> => ({ ok: false, issues });

export const issue = (path: IssuePath, code: string, params: IssueParams = {}): Issue => ({ path, code, params });

/** Prefixes every issue's path, for results computed on a part of a larger input. */
export function nestIssues(prefix: IssuePath, issues: readonly Issue[]): Issue[] {
  return issues.map((i) => ({ ...i, path: [...prefix, ...i.path] }));
}

/** Renders a path the way a user writes it: `creatinine.value`, `items[2]`. */
export function formatPath(path: IssuePath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

/** For callers that have already validated their input: a failure here is a bug, so it throws. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  const first = result.issues[0];
  throw new Error(`unexpected invalid input at ${first ? formatPath(first.path) : '?'}: ${first?.code ?? 'unknown'}`);
}
