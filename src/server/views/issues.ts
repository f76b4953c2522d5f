// Issues inside answers (blockers, refusals, missing data) carry a message in the reader's
// language beside their code, so the web app shows the server's own wording. For a sponsor
// viewer the subjects they name are pseudonymised like everywhere else.
import { z } from 'zod';
import type { Issue } from '../../domain/result.ts';
import { formatIssue, type Language } from '../../i18n/index.ts';

export const IssueOut = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  code: z.string(),
  params: z.record(z.string(), z.unknown()),
  message: z.string(),
});

/** Params that name a subject by screening number. */
const subjectParams = ['subject', 'sentinel'] as const;

export function issueOut(issue: Issue, language: Language, rename: (label: string) => string = (l) => l) {
  const params: Record<string, unknown> = { ...issue.params };
  for (const p of subjectParams) if (typeof params[p] === 'string') params[p] = rename(params[p] as string);
  const renamed = { ...issue, params: params as Issue['params'] };
  return { path: [...issue.path], code: issue.code, params, message: formatIssue(renamed, language) };
}
