// One subject: where they stand, the next step (confirm eligibility, enrol, dose, record an
// adverse event), their course on a timeline, the SLEDAI-2K and B-cell charts, visits, adverse
// events with the DLT call, and screening results; every record links to its audit trail and
// can carry a query.
import { Badge } from '../components/badge.tsx';
import { Checklist } from '../components/checklist.tsx';
import { DltForm, DltSuggestion } from '../components/dlt-form.tsx';
import { EfficacyTable } from '../components/efficacy-table.tsx';
import { LineChart } from '../components/line-chart.tsx';
import { Link } from '../components/link.tsx';
import { Loading, ProblemView } from '../components/problem.tsx';
import { RecordTools } from '../components/record-tools.tsx';
import { ConfirmEligibility, DoseForm, EnrolForm, MeasurementForm, StatusForm } from '../components/subject-actions.tsx';
import { Timeline, TimelineList } from '../components/timeline.tsx';
import { VisitsTable } from '../components/visits-table.tsx';
import { get } from '../lib/api.ts';
import { daysBetween, siteDate, siteDateTime } from '../lib/dates.ts';
import { useI18n } from '../lib/language.tsx';
import { useCan } from '../lib/session.tsx';
import { href } from '../lib/router.ts';
import { anchorDate, firstDoseDate, givenDoses, screeningsOf, seriesOf, sledaiSeries, timeline } from '../lib/subject-view.ts';
import type { SubjectDetail } from '../lib/types.ts';
import { useStudy } from '../lib/study.tsx';
import { useLoad } from '../lib/use-load.ts';


export function SubjectScreen({ id }: { readonly id: string }) {
  const { t } = useI18n();
  const can = useCan();
  const { summary } = useStudy();
  const loaded = useLoad(() => get<SubjectDetail>(`/api/subjects/${encodeURIComponent(id)}`), [id]);
  const levels = summary?.doseLevels?.length ?? 3;
  if (loaded.error) return <ProblemView error={loaded.error} />;
  const s = loaded.data;
  if (!s) return <Loading />;
  const today = siteDate();
  const anchor = anchorDate(s, today);
  const dosed = firstDoseDate(s) !== null;
  const items = timeline(s, anchor, today);
  const screenings = [...screeningsOf(s)].sort((a, b) => (b.createdAt ?? b.asOf).localeCompare(a.createdAt ?? a.asOf));
  const latest = screenings[0];
  const reload = loaded.reload;
  const signatures = s.signatures ?? [];
  const { total: sledai, clinical } = sledaiSeries(s, anchor);
  const bcells = seriesOf(s, anchor, 'b-cells');
  const events = (s.adverseEvents ?? []).filter((e) => e.status !== 'entered-in-error');
  const dayLabel = dosed ? t('web.subject.studyDay') : t('web.subject.daysFromScreening');

  return (
    <section className="subject">
      <header className="subject-header">
        <h1>{t('web.subject.title', { number: s.screeningNumber })}</h1>
        <dl className="facts">
          <div>
            <dt>{t('web.subjects.status')}</dt>
            <dd>
              <Badge tone="info">{t(`conduct.status.${s.status}`)}</Badge>
            </dd>
          </div>
          <div>
            <dt>{t('web.subjects.level')}</dt>
            <dd>{s.doseLevel ?? '–'}</dd>
          </div>
          <div>
            <dt>{t('web.subjects.cohort')}</dt>
            <dd>{s.cohort ?? '–'}</dd>
          </div>
          <div>
            <dt>{t('web.subject.firstDose')}</dt>
            <dd>{firstDoseDate(s) ?? '–'}</dd>
          </div>
          {s.site ? (
            <div>
              <dt>{t('web.subjects.site')}</dt>
              <dd>{s.site}</dd>
            </div>
          ) : null}
        </dl>
        <RecordTools table="subject" rowId={s.id} subjectId={s.id} label={t('web.subject.title', { number: s.screeningNumber })} />
      </header>

      <section className="actions" aria-labelledby="next-steps">
        <h2 id="next-steps">{t('web.subject.nextSteps')}</h2>
        <div className="action-grid">
          {s.status === 'screening' && can('screen') ? (
            <p>
              <Link href={href({ name: 'screening', subjectId: s.id })}>{t('web.subject.screen')}</Link>
            </p>
          ) : null}
          {latest && latest.outcome === 'eligible' && !dosed && (can('confirmEligibility') || signatures.some((g) => g.rowId === latest.id)) ? (
            <ConfirmEligibility screening={latest} signatures={signatures} onDone={reload} />
          ) : null}
          {s.status === 'screening' && can('enrol') ? <EnrolForm subject={s} onDone={reload} /> : null}
          {(s.status === 'enrolled' || s.status === 'dosed') && can('dose') ? <DoseForm subject={s} levels={levels} onDone={reload} /> : null}
          {dosed && can('record') ? (
            <p>
              <Link className="button" href={href({ name: 'adverse-event', subjectId: s.id })}>
                {t('web.subject.addAe')}
              </Link>
            </p>
          ) : null}
          {dosed && can('record') ? <MeasurementForm subject={s} onDone={reload} /> : null}
          {can('changeStatus') ? (
            <details className="action-box">
              <summary>{t('web.subject.changeStatus')}</summary>
              <StatusForm subject={s} onDone={reload} />
            </details>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="course">
        <h2 id="course">{t('web.subject.timeline')}</h2>
        <Timeline items={items} today={daysBetween(anchor, today)} />
        <details>
          <summary>{t('web.timeline.list', { count: items.length })}</summary>
          <TimelineList items={items} />
        </details>
      </section>

      <section className="charts" aria-labelledby="charts">
        <h2 id="charts">{t('web.subject.charts')}</h2>
        <div className="grid-2">
          <LineChart
            title={t('web.chart.sledai')}
            xLabel={dayLabel}
            yLabel={t('web.chart.score')}
            series={[{ name: t('web.obs.sledai2k'), points: sledai }, ...(clinical.length ? [{ name: t('web.obs.sledai2k-clinical'), points: clinical }] : [])]}
            references={[{ y: 4, label: t('web.chart.lldasBound') }]}
          />
          <LineChart title={t('web.chart.bcells')} xLabel={dayLabel} yLabel={t('web.chart.cellsPerUl')} series={[{ name: t('web.obs.b-cells'), points: bcells }]} />
        </div>
        <h3>{t('web.efficacy.title')}</h3>
        <EfficacyTable subject={s} />
      </section>

      {givenDoses(s).length > 0 ? (
        <section aria-labelledby="doses">
          <h2 id="doses">{t('web.subject.doses')}</h2>
          <ul>
            {givenDoses(s).map((d) => (
              <li key={d.id}>
                {t('web.timeline.dose', { level: d.doseLevel, date: siteDateTime(d.startedAt) })}
                <RecordTools table="dose_administration" rowId={d.id} subjectId={s.id} label={t('web.timeline.dose', { level: d.doseLevel, date: siteDateTime(d.startedAt) })} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {(s.visits ?? []).length > 0 ? (
        <section aria-labelledby="visits">
          <h2 id="visits">{t('web.subject.visits')}</h2>
          <VisitsTable subject={s} onDone={reload} />
        </section>
      ) : null}

      <section aria-labelledby="aes">
        <h2 id="aes">{t('web.subject.adverseEvents')}</h2>
        {events.length === 0 ? (
          <p className="empty">{t('web.subject.noAes')}</p>
        ) : (
          <ul className="ae-list">
            {events.map((e) => (
              <li key={e.id} className="ae-item">
                <div className="ae-head">
                  <strong>{e.term}</strong> <Badge tone={e.grade >= 3 ? 'bad' : 'warn'}>{t('web.ae.gradeN', { grade: e.grade })}</Badge>
                  {e.gradeAuto !== null && e.gradeAuto !== e.grade ? <span className="hint"> {t('web.ae.autoWas', { grade: e.gradeAuto })}</span> : null}
                  {e.serious ? <Badge tone="bad">{t('web.ae.seriousShort')}</Badge> : null}{' '}
                  <span>
                    {e.onsetDate} – {e.resolvedDate ?? t('web.ae.ongoing')}
                  </span>{' '}
                  <span className="hint">{t(`conduct.relatedness.${e.relatedness}`)}</span>
                  <RecordTools table="adverse_event" rowId={e.id} subjectId={s.id} label={e.term} />
                </div>
                {e.dlt === null && e.dltSuggested !== null && can('adjudicate') ? (
                  <details>
                    <summary>{t('web.dlt.assess', { term: e.term })}</summary>
                    <DltForm event={e} onDone={reload} />
                  </details>
                ) : e.dlt !== null ? (
                  <p>
                    {t('web.dlt.called')} <Badge tone={e.dlt === 'yes' ? 'bad' : 'good'}>{e.dlt === 'yes' ? t('web.dlt.isDlt') : t('web.dlt.notDlt')}</Badge>
                  </p>
                ) : (
                  <DltSuggestion event={e} />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="screenings">
        <h2 id="screenings">{t('web.subject.screenings')}</h2>
        {screenings.length === 0 ? (
          <p className="empty">{t('web.subject.noScreenings')}</p>
        ) : (
          screenings.map((r) => (
            <details key={r.id}>
              <summary>
                {t('web.subject.screeningOf', { asOf: r.asOf, outcome: t(`web.outcome.${r.outcome}`) })}
                {r.createdAt ? ` · ${siteDateTime(r.createdAt)}` : ''}
              </summary>
              <RecordTools table="screening_result" rowId={r.id} subjectId={s.id} label={t('web.subject.screeningOf', { asOf: r.asOf, outcome: r.outcome })} />
              {signatures
                .filter((g) => g.rowId === r.id)
                .map((g) => (
                  <p key={g.id}>
                    {t('web.signature.line', { name: g.fullName, role: t(`access.role.${g.role}`), meaning: t(`access.meaning.${g.meaning}`), time: siteDateTime(g.createdAt) })}{' '}
                    {g.status === 'broken' ? <Badge tone="bad">{t('web.signature.broken')}</Badge> : null}
                  </p>
                ))}
              {r.evaluation ? <Checklist result={r.evaluation} /> : null}
            </details>
          ))
        )}
      </section>
    </section>
  );
}
