// Data queries: a monitor or data manager raises one on a record (from the record's screen), the
// site answers, the asker closes it (or it stays open). Filtered by status; each query links to
// the audit trail of the record it is about.
import { type FormEvent, useState } from 'react';
import { Badge } from '../components/badge.tsx';
import { SelectField, TextField } from '../components/field.tsx';
import { Link } from '../components/link.tsx';
import { Loading, ProblemView } from '../components/problem.tsx';
import { get, post, query } from '../lib/api.ts';
import { siteDateTime } from '../lib/dates.ts';
import { useI18n } from '../lib/language.tsx';
import { href } from '../lib/router.ts';
import { useCan } from '../lib/session.tsx';
import { useStudy } from '../lib/study.tsx';
import type { QueryRow } from '../lib/types.ts';
import { useLoad } from '../lib/use-load.ts';

const tone = { open: 'warn', answered: 'info', closed: 'neutral' } as const;

function QueryActions({ q, onDone }: { readonly q: QueryRow; readonly onDone: () => void }) {
  const { t } = useI18n();
  const can = useCan();
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<unknown>();
  const act = async (e: FormEvent | null, path: string, body: unknown) => {
    e?.preventDefault();
    setError(undefined);
    try {
      await post(path, body);
      setAnswer('');
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  if (q.status === 'closed') return null;
  return (
    <div className="query-actions">
      {q.status === 'open' && can('answerQuery') ? (
        <form className="inline-form" onSubmit={(e) => act(e, `/api/queries/${q.id}/answer`, { answer: answer.trim() })} aria-label={t('web.queries.answerOf', { text: q.text })}>
          <TextField label={t('web.queries.answer')} rows={2} required value={answer} onChange={(e) => setAnswer(e.target.value)} />
          <button type="submit" disabled={!answer.trim()}>
            {t('web.queries.send')}
          </button>
        </form>
      ) : null}
      {can('closeQuery') ? (
        <button type="button" onClick={() => act(null, `/api/queries/${q.id}/close`, {})}>
          {t('web.queries.close')}
        </button>
      ) : null}
      <ProblemView error={error} />
    </div>
  );
}

export function QueriesScreen() {
  const { t } = useI18n();
  const { study } = useStudy();
  const [status, setStatus] = useState('open');
  const queries = useLoad(() => (study ? get<QueryRow[]>(`/api/queries${query({ study, status: status === 'all' ? undefined : status })}`) : Promise.resolve([])), [study, status]);
  return (
    <section className="queries">
      <h1>{t('web.queries.title')}</h1>
      <SelectField label={t('web.queries.filter')} value={status} onChange={(e) => setStatus(e.target.value)}>
        {['open', 'answered', 'closed', 'all'].map((s) => (
          <option key={s} value={s}>
            {t(`web.queries.status.${s}`)}
          </option>
        ))}
      </SelectField>
      <p className="hint">{t('web.queries.howToRaise')}</p>
      <ProblemView error={queries.error} />
      {queries.loading && !queries.data ? <Loading /> : null}
      {queries.data && queries.data.length === 0 ? <p className="empty">{t('web.queries.none')}</p> : null}
      <ul className="query-list">
        {(queries.data ?? []).map((q) => (
          <li key={q.id} className="query">
            <p>
              <Badge tone={tone[q.status]}>{t(`web.queries.status.${q.status}`)}</Badge>{' '}
              {q.subjectId ? <Link href={href({ name: 'subject', id: q.subjectId })}>{t('web.subject.title', { number: q.subject ?? q.subjectId.slice(0, 8) })}</Link> : null}{' '}
              <Link href={href({ name: 'audit', table: q.tableName, id: q.rowId })}>
                {t(`web.table.${q.tableName}`)}
                {q.field ? ` · ${q.field}` : ''}
              </Link>
            </p>
            <blockquote>{q.text}</blockquote>
            <p className="hint">{t('web.queries.raisedBy', { user: q.raisedBy, time: siteDateTime(q.createdAt) })}</p>
            {q.answer ? <p className="answer">{t('web.queries.answered', { answer: q.answer })}</p> : null}
            <QueryActions q={q} onDone={queries.reload} />
          </li>
        ))}
      </ul>
    </section>
  );
}
