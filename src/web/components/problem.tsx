// A refusal or failure as the server phrased it (in the chosen language), each issue on its own
// line: a conduct refusal names the rule and what unblocks it, so the whole text is shown.
import { ApiError } from '../lib/api.ts';
import { useI18n } from '../lib/language.tsx';

export function ProblemView({ error }: { readonly error: unknown }) {
  const { t } = useI18n();
  if (error === undefined || error === null) return null;
  if (!(error instanceof ApiError))
    return (
      <div className="problem" role="alert">
        <p>{t('web.error.network')}</p>
      </div>
    );
  const { problem } = error;
  const issues = (problem.issues ?? []).map((i) => i.message ?? i.code);
  // The server titles its problems in the reader's language; these stand in for a bare status.
  const heading = problem.title ?? (problem.status === 403 ? t('web.error.forbidden') : problem.status === 404 ? t('web.error.notFound') : t('web.error.refused'));
  return (
    <div className="problem" role="alert">
      <p>
        <strong>{heading}</strong>
        {problem.detail && !issues.includes(problem.detail) ? ` ${problem.detail}` : ''}
      </p>
      {issues.length ? (
        <ul>
          {issues.map((text, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: issues are a fixed list from one answer
            <li key={i}>{text}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" aria-live="polite">
      {t('web.loading')}
    </p>
  );
}
