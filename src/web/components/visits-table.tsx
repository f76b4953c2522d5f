// The subject's visits with their windows and state (due, overdue, done in or out of window); a
// scheduled visit can be recorded as done on a date (outside its window the server raises a query).
import { type FormEvent, useState } from 'react';
import { post } from '../lib/api.ts';
import { siteDate } from '../lib/dates.ts';
import { useI18n } from '../lib/language.tsx';
import type { SubjectDetail, VisitRow } from '../lib/types.ts';
import { visitName } from '../lib/visit-name.ts';
import { Badge } from './badge.tsx';
import { ProblemView } from './problem.tsx';
import { RecordTools } from './record-tools.tsx';
import { visitTone } from './timeline.tsx';

function RecordVisit({ visit, onDone }: { readonly visit: VisitRow; readonly onDone: () => void }) {
  const { t, language } = useI18n();
  const [date, setDate] = useState(siteDate() < visit.windowEnd ? siteDate() : visit.plannedDate);
  const [error, setError] = useState<unknown>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await post(`/api/visits/${visit.id}`, { actualDate: date });
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  const name = visitName(visit, language);
  return (
    <form className="inline-form" onSubmit={submit} aria-label={t('web.visits.record', { visit: name })}>
      <label>
        <span className="visually-hidden">{t('web.visits.dateOf', { visit: name })}</span>
        <input type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
      <button type="submit">{t('web.visits.done')}</button>
      <ProblemView error={error} />
    </form>
  );
}

export function VisitsTable({ subject, onDone }: { readonly subject: SubjectDetail; readonly onDone: () => void }) {
  const { t, language } = useI18n();
  const today = siteDate();
  return (
    <table className="data visits">
      <thead>
        <tr>
          <th scope="col">{t('web.visits.visit')}</th>
          <th scope="col">{t('web.visits.day')}</th>
          <th scope="col">{t('web.visits.window')}</th>
          <th scope="col">{t('web.visits.actual')}</th>
          <th scope="col">{t('web.visits.state')}</th>
          <th scope="col">{t('web.visits.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {(subject.visits ?? []).map((v) => (
          <tr key={v.id}>
            <th scope="row">{visitName(v, language)}</th>
            <td>{v.studyDay}</td>
            <td>
              {v.windowStart} – {v.windowEnd}
            </td>
            <td>{v.actualDate ?? '–'}</td>
            <td>
              <Badge tone={visitTone(v.state)}>{t(`web.visitState.${v.state ?? v.status}`)}</Badge>
            </td>
            <td>
              {v.status === 'scheduled' && v.windowStart <= today ? <RecordVisit visit={v} onDone={onDone} /> : null}
              <RecordTools table="visit" rowId={v.id} subjectId={subject.id} label={visitName(v, language)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
