// Every subject the user may see (a coordinator: their site's; a sponsor viewer: pseudonymised).
import { Badge } from '../components/badge.tsx';
import { Link } from '../components/link.tsx';
import { Loading, ProblemView } from '../components/problem.tsx';
import { get, query } from '../lib/api.ts';
import { useI18n } from '../lib/language.tsx';
import { href } from '../lib/router.ts';
import { useStudy } from '../lib/study.tsx';
import type { Subject } from '../lib/types.ts';
import { useLoad } from '../lib/use-load.ts';

export function SubjectsScreen() {
  const { t } = useI18n();
  const { study } = useStudy();
  const subjects = useLoad(() => (study ? get<Subject[]>(`/api/subjects${query({ study })}`) : Promise.resolve([])), [study]);
  return (
    <section>
      <h1>{t('web.subjects.title')}</h1>
      <p>
        <Link href={href({ name: 'screening' })}>{t('web.subjects.screenNew')}</Link>
      </p>
      <ProblemView error={subjects.error} />
      {subjects.data ? (
        <table className="data">
          <caption className="visually-hidden">{t('web.subjects.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('web.subjects.number')}</th>
              <th scope="col">{t('web.subjects.site')}</th>
              <th scope="col">{t('web.subjects.status')}</th>
              <th scope="col">{t('web.subjects.level')}</th>
              <th scope="col">{t('web.subjects.cohort')}</th>
            </tr>
          </thead>
          <tbody>
            {subjects.data.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <Link href={href({ name: 'subject', id: s.id })}>{s.screeningNumber}</Link>
                </th>
                <td>{s.site ?? '–'}</td>
                <td>
                  <Badge>{t(`conduct.status.${s.status}`)}</Badge>
                </td>
                <td>{s.doseLevel ?? '–'}</td>
                <td>{s.cohort ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : subjects.loading ? (
        <Loading />
      ) : null}
    </section>
  );
}
