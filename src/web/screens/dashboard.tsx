// The day's overview of the trial: enrolment against plan per dose level, each cohort's state,
// the next escalation decision and the date it can be taken, and the work waiting (overdue
// visits, open queries, serious adverse events whose 24-hour report is due).
import { Badge } from '../components/badge.tsx';
import { Link } from '../components/link.tsx';
import { Loading, ProblemView } from '../components/problem.tsx';
import { get } from '../lib/api.ts';
import { siteDateTime } from '../lib/dates.ts';
import { issueText } from '../lib/i18n.ts';
import { useI18n } from '../lib/language.tsx';
import { href } from '../lib/router.ts';
import { useCan } from '../lib/session.tsx';
import { useStudy } from '../lib/study.tsx';
import type { Dashboard, SubjectRef } from '../lib/types.ts';
import { useLoad } from '../lib/use-load.ts';

/** The oldest first; the rest are on each subject's page. */
const overdueShown = 8;

function SubjectLink({ r }: { readonly r: SubjectRef }) {
  const { t } = useI18n();
  if (!r.subjectId || !r.subject) return <span>–</span>;
  return <Link href={href({ name: 'subject', id: r.subjectId })}>{t('web.subject.title', { number: r.subject })}</Link>;
}

function Meter({ value, max, label }: { readonly value: number; readonly max: number; readonly label: string }) {
  return <meter min={0} max={Math.max(max, value, 1)} value={value} aria-label={label} />;
}

export function DashboardScreen() {
  const { t } = useI18n();
  const { study, summary } = useStudy();
  const can = useCan();
  const reads = can('readTrial');
  const { data: d, error, loading } = useLoad(() => (study && reads ? get<Dashboard>(`/api/studies/${study}/dashboard`) : Promise.resolve(undefined)), [study, reads]);
  if (!reads)
    return (
      <section>
        <h1>{t('web.title.dashboard')}</h1>
        <p>{t('web.dashboard.administrator')}</p>
      </section>
    );
  if (error) return <ProblemView error={error} />;
  if (!d) return loading ? <Loading /> : <p>{t('web.dashboard.noStudy')}</p>;
  const next = d.nextDecision;
  const now = new Date().toISOString();
  return (
    <section className="dashboard">
      <h1>{t('web.dashboard.title', { study: (summary?.registryId ? `${d.study.toUpperCase()} (${summary.registryId})` : d.study.toUpperCase()) })}</h1>
      <p className="lead">
        {t('web.dashboard.asOf', { asOf: d.asOf, version: d.protocolVersion })}{' '}
        {d.position.stopped ? <Badge tone="bad">{t('web.escalation.stopped')}</Badge> : t('web.escalation.position', { cohort: d.position.cohort, level: d.position.level })}
      </p>
      <div className="dashboard-grid">
        <section className="card" aria-labelledby="enrolment">
          <h2 id="enrolment">{t('web.dashboard.enrolment')}</h2>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('web.subjects.level')}</th>
                <th scope="col">{t('web.dashboard.enrolledOfPlanned')}</th>
                <th scope="col">{t('web.dashboard.dosed')}</th>
                <th scope="col">{t('web.escalation.dlts')}</th>
                <th scope="col">{t('web.escalation.pending')}</th>
              </tr>
            </thead>
            <tbody>
              {d.doseLevels.map((l) => (
                <tr key={l.level} aria-current={l.level === d.position.level ? 'true' : undefined}>
                  <th scope="row">
                    {l.label} <span className="hint">{t('web.doseLevel', { level: l.level })}</span>
                  </th>
                  <td>
                    <Meter value={l.enrolled} max={l.planned} label={t('web.dashboard.enrolledOfPlannedAt', { level: l.level })} /> {l.enrolled} / {l.planned}
                  </td>
                  <td>{l.dosed}</td>
                  <td>{l.dlts}</td>
                  <td>{l.pending}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section className="card" aria-labelledby="next-decision">
          <h2 id="next-decision">{t('web.dashboard.nextDecision')}</h2>
          {next ? (
            <>
              <p>
                {t('web.dashboard.decisionOn', { cohort: next.cohort, level: next.level })}{' '}
                {next.canBeTakenOn ? <Badge tone="info">{t('web.dashboard.canBeTakenOn', { date: next.canBeTakenOn })}</Badge> : <Badge tone="warn">{t('web.dashboard.dateNotKnown')}</Badge>}
              </p>
              {next.blockers.length > 0 ? (
                <ul className="blockers">
                  {next.blockers.map((b) => (
                    <li key={`${b.code}-${JSON.stringify(b.params)}`}>{issueText(t, b)}</li>
                  ))}
                </ul>
              ) : null}
              <p>
                <Link href={href({ name: 'escalation' })}>{t('web.dashboard.toBoard')}</Link>
              </p>
            </>
          ) : (
            <p>{t('web.dashboard.noDecision')}</p>
          )}
        </section>

        <section className="card wide" aria-labelledby="cohorts">
          <h2 id="cohorts">{t('web.dashboard.cohorts')}</h2>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('web.subjects.cohort')}</th>
                <th scope="col">{t('web.subjects.level')}</th>
                <th scope="col">{t('web.dashboard.members')}</th>
                <th scope="col">{t('web.dashboard.state')}</th>
                <th scope="col">{t('web.dashboard.decision')}</th>
              </tr>
            </thead>
            <tbody>
              {d.cohorts.map((c) => (
                <tr key={c.cohort}>
                  <th scope="row">{c.cohort}</th>
                  <td>{c.level}</td>
                  <td>
                    <ul className="inline-list">
                      {c.members.map((m, i) => (
                        <li key={m.subjectId ?? i}>
                          <SubjectLink r={m} /> {m.dlt ? <Badge tone={m.dlt === 'dlt' ? 'bad' : m.dlt === 'pending' ? 'warn' : 'good'}>{t(`web.outcomeDlt.${m.dlt}`)}</Badge> : <Badge>{t('web.dashboard.notDosed')}</Badge>}
                        </li>
                      ))}
                    </ul>
                    {c.members.length < c.size ? <span className="hint">{t('web.dashboard.places', { free: c.size - c.members.length, size: c.size })}</span> : null}
                  </td>
                  <td>
                    {c.opensOn ? <div>{t('web.dashboard.opensOn', { date: c.opensOn })}</div> : null}
                    {c.sentinelWaitUntil ? <div>{t('web.dashboard.sentinelUntil', { date: c.sentinelWaitUntil })}</div> : null}
                    {c.dltWindowsEnd ? <div>{t('web.dashboard.windowsEnd', { date: c.dltWindowsEnd })}</div> : null}
                  </td>
                  <td>
                    {c.decision ? (
                      <>
                        {c.decision.nextLevel === null ? t('web.escalation.stopTrial') : t('web.dashboard.toLevel', { level: c.decision.nextLevel })}{' '}
                        <Badge tone={c.decision.signed ? 'good' : 'warn'}>{c.decision.signed ? t('web.dashboard.signedOn', { date: c.decision.signedOn ?? '' }) : t('web.dashboard.unsigned')}</Badge>
                      </>
                    ) : (
                      '–'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section className="card" aria-labelledby="overdue">
          <h2 id="overdue">
            {t('web.dashboard.overdue')} <Badge tone={d.overdueVisits.length ? 'bad' : 'good'}>{d.overdueVisits.length}</Badge>
          </h2>
          {d.overdueVisits.length === 0 ? (
            <p className="empty">{t('web.dashboard.none')}</p>
          ) : (
            <>
              <ul>
                {d.overdueVisits.slice(0, overdueShown).map((v) => (
                  <li key={v.visitId}>
                    <SubjectLink r={v} />: {t('web.dashboard.overdueVisit', { visit: v.visitCode, date: v.windowEnd })}
                  </li>
                ))}
              </ul>
              {d.overdueVisits.length > overdueShown ? <p className="hint">{t('web.dashboard.more', { count: d.overdueVisits.length - overdueShown })}</p> : null}
            </>
          )}
        </section>

        <section className="card" aria-labelledby="open-queries">
          <h2 id="open-queries">
            {t('web.dashboard.openQueries')} <Badge tone={d.openQueries.length ? 'warn' : 'good'}>{d.openQueries.length}</Badge>
          </h2>
          {d.openQueries.length === 0 ? (
            <p className="empty">{t('web.dashboard.none')}</p>
          ) : (
            <ul>
              {d.openQueries.map((q) => (
                <li key={q.queryId}>
                  <SubjectLink r={q} />: {t(`web.table.${q.tableName}`)}
                  {q.field ? ` · ${q.field}` : ''} <span className="hint">({t(`web.queries.status.${q.status}`)}, {siteDateTime(q.raisedAt)})</span>
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link href={href({ name: 'queries' })}>{t('web.dashboard.toQueries')}</Link>
          </p>
        </section>

        <section className="card" aria-labelledby="sae">
          <h2 id="sae">
            {t('web.dashboard.sae')} <Badge tone={d.seriousAdverseEvents.length ? 'bad' : 'good'}>{d.seriousAdverseEvents.length}</Badge>
          </h2>
          {d.seriousAdverseEvents.length === 0 ? (
            <p className="empty">{t('web.dashboard.none')}</p>
          ) : (
            <ul>
              {d.seriousAdverseEvents.map((e) => (
                <li key={e.eventId}>
                  <SubjectLink r={e} />: {e.term}, {t('web.ae.gradeN', { grade: e.grade })}{' '}
                  <Badge tone={e.reportDueBy < now ? 'bad' : 'warn'}>{t(e.reportDueBy < now ? 'web.dashboard.reportOverdue' : 'web.dashboard.reportDue', { time: siteDateTime(e.reportDueBy) })}</Badge>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </section>
  );
}
