// The escalation board for the Safety Review Committee: where the trial stands (cohort, level,
// each subject's DLT window), the design's recommendation on the live data with its explanation
// and decision table, what still blocks the next cohort, then the committee's decision (a
// departure from the recommendation needs a reason) and its e-signature with the password.
import { type FormEvent, useState } from 'react';
import { Badge } from '../components/badge.tsx';
import { Field, SelectField, TextField } from '../components/field.tsx';
import { Link } from '../components/link.tsx';
import { Loading, ProblemView } from '../components/problem.tsx';
import { SignForm } from '../components/sign-form.tsx';
import { get, post, query } from '../lib/api.ts';
import { siteDate } from '../lib/dates.ts';
import { issueText, phrase } from '../lib/i18n.ts';
import { useI18n } from '../lib/language.tsx';
import { href } from '../lib/router.ts';
import { useCan } from '../lib/session.tsx';
import { useStudy } from '../lib/study.tsx';
import type { Dashboard, DecisionRow, Recommendation, TrialStatus } from '../lib/types.ts';
import { useLoad } from '../lib/use-load.ts';

const outcomeTone = { dlt: 'bad', 'no-dlt': 'good', pending: 'warn' } as const;

export function EscalationScreen() {
  const { t } = useI18n();
  const { study } = useStudy();
  const can = useCan();
  const [asOf, setAsOf] = useState(siteDate());
  const status = useLoad(() => (study ? get<TrialStatus>(`/api/studies/${study}/status${query({ asOf })}`) : Promise.resolve(undefined)), [study, asOf]);
  const rec = useLoad(() => (study ? get<Recommendation>(`/api/studies/${study}/recommendation${query({ asOf })}`) : Promise.resolve(undefined)), [study, asOf]);
  // The dashboard's next decision says what stands before it (also while the cohort fills) and when it can be taken.
  const dash = useLoad(() => (study ? get<Dashboard>(`/api/studies/${study}/dashboard${query({ asOf })}`) : Promise.resolve(undefined)), [study, asOf]);
  const reload = () => {
    status.reload();
    rec.reload();
    dash.reload();
  };
  const s = status.data;
  const next = dash.data?.nextDecision;
  const blockers = next?.blockers ?? s?.blockers ?? [];
  const unsigned = blockers.find((b) => b.code === 'decision_not_signed');
  // The committee decides only when the rules let it (the whole cohort past its DLT windows).
  const ready = blockers.some((b) => b.code === 'decision_required');
  // What the committee just did, said above the board (the forms it used are gone after it).
  const [notice, setNotice] = useState<string>();
  return (
    <section className="escalation">
      <h1>{t('web.escalation.title')}</h1>
      <Field className="narrow" label={t('web.escalation.asOf')} type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} hint={t('web.escalation.asOfHint')} />
      <ProblemView error={status.error} />
      {s ? (
        <div className="grid-2">
          <section className="card" aria-labelledby="standing">
            <h2 id="standing">{t('web.escalation.standing')}</h2>
            <p>
              {s.stopped ? <Badge tone="bad">{t('web.escalation.stopped')}</Badge> : t('web.escalation.position', { cohort: s.cohort, level: s.doseLevel })}
            </p>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('web.subjects.number')}</th>
                  <th scope="col">{t('web.subjects.level')}</th>
                  <th scope="col">{t('web.subjects.cohort')}</th>
                  <th scope="col">{t('web.subject.firstDose')}</th>
                  <th scope="col">{t('web.escalation.windowEnds')}</th>
                  <th scope="col">{t('web.escalation.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {s.subjects
                  .filter((x) => x.firstDose !== null)
                  .map((x) => (
                    <tr key={x.number}>
                      <th scope="row">{x.subjectId ? <Link href={href({ name: 'subject', id: x.subjectId })}>{x.number}</Link> : x.number}</th>
                      <td>{x.doseLevel ?? '–'}</td>
                      <td>{x.cohort ?? '–'}</td>
                      <td>{x.firstDose}</td>
                      <td>{x.dltWindowEnds ?? '–'}</td>
                      <td>{x.dlt ? <Badge tone={outcomeTone[x.dlt]}>{t(`web.outcomeDlt.${x.dlt}`)}</Badge> : '–'}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
            <h3>{t('web.escalation.blockers')}</h3>
            {next?.canBeTakenOn ? <p>{t('web.escalation.canBeTakenOn', { cohort: next.cohort, date: next.canBeTakenOn })}</p> : null}
            {blockers.length === 0 ? (
              <p>{t('web.escalation.noBlockers')}</p>
            ) : (
              <ul className="blockers">
                {blockers.map((b) => (
                  <li key={`${b.code}-${JSON.stringify(b.params)}`}>{issueText(t, b)}</li>
                ))}
              </ul>
            )}
          </section>
          <RecommendationCard rec={rec.data} error={rec.error} />
        </div>
      ) : status.loading ? (
        <Loading />
      ) : null}
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {s && study && can('decide') && (ready || unsigned) ? (
        <div className="grid-2">
          {ready ? (
            <DecisionForm
              key={s.cohort}
              study={study}
              status={s}
              rec={rec.data}
              asOf={asOf}
              onDone={(d) => {
                setNotice(t('web.escalation.recorded', { cohort: d.cohort }));
                reload();
              }}
            />
          ) : null}
          {unsigned ? (
            <section className="card" aria-labelledby="sign-decision">
              <h2 id="sign-decision">{t('web.escalation.sign', { cohort: Number(unsigned.params?.['cohort'] ?? s.cohort) })}</h2>
              <SignForm
                meaning="escalation-approved"
                onSign={async (password) => {
                  const cohort = Number(unsigned.params?.['cohort'] ?? s.cohort);
                  await post(`/api/studies/${study}/decisions/${cohort}/signature`, { password });
                  setNotice(t('web.escalation.signed', { cohort }));
                  reload();
                }}
              >
                <p>{issueText(t, unsigned)}</p>
              </SignForm>
            </section>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function RecommendationCard({ rec, error }: { readonly rec: Recommendation | undefined; readonly error: unknown }) {
  const { t } = useI18n();
  if (error) return <ProblemView error={error} />;
  if (!rec) return <Loading />;
  const d = rec.decision;
  return (
    <section className="card" aria-labelledby="recommendation">
      <h2 id="recommendation">{t('web.escalation.recommendation')}</h2>
      <p className="recommendation">
        <Badge tone={d.decision === 'escalate' ? 'good' : d.decision === 'wait' ? 'warn' : d.decision === 'stay' ? 'info' : 'bad'}>{phrase(t, 'escalation.decision', d.decision)}</Badge>{' '}
        {d.nextDose !== null ? t('web.escalation.nextDose', { level: d.nextDose }) : null}
        {d.mtd !== undefined && d.mtd !== null ? ` ${t('web.escalation.mtd', { level: d.mtd })}` : null}
      </p>
      <p>{phrase(t, 'reason', d.reason)}</p>
      {(d.neededSubjects ?? d.needed ?? []).length > 0 ? <p>{t('web.escalation.needed', { subjects: (d.neededSubjects ?? d.needed ?? []).join(', ') })}</p> : null}
      <p className="hint">{t('web.escalation.design', { design: String(rec.design.design ?? ''), variant: String(rec.design.variant ?? ''), size: String(rec.design.cohortSize ?? '') })}</p>
      <h3>{t('web.escalation.explanation')}</h3>
      <ol className="explanation">
        {d.explanation.map((step, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: explanation steps are ordered
          <li key={i}>{phrase(t, 'explain', step.code, step.params)}</li>
        ))}
      </ol>
      <h3>{t('web.escalation.data')}</h3>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t('web.subjects.level')}</th>
            <th scope="col">{t('web.escalation.treated')}</th>
            <th scope="col">{t('web.escalation.dlts')}</th>
            <th scope="col">{t('web.escalation.pending')}</th>
          </tr>
        </thead>
        <tbody>
          {rec.input.doses.map((dose, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: doses are indexed by level
            <tr key={i} aria-current={i + 1 === rec.input.current ? 'true' : undefined}>
              <th scope="row">{t('web.doseLevel', { level: i + 1 })}</th>
              <td>{dose.patients.length}</td>
              <td>{dose.patients.filter((p) => p.outcome === 'dlt').length}</td>
              <td>{dose.patients.filter((p) => p.outcome === 'pending').length}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {d.table.length > 0 ? (
        <>
          <h3>{t('web.escalation.table')}</h3>
          <table className="data decision-table">
            <thead>
              <tr>
                <th scope="col">{t('web.escalation.tableN')}</th>
                <th scope="col">{t('web.escalation.tableEscalate')}</th>
                <th scope="col">{t('web.escalation.tableDeescalate')}</th>
                <th scope="col">{t('web.escalation.tableEliminate')}</th>
              </tr>
            </thead>
            <tbody>
              {d.table.map((row) => (
                <tr key={row.n}>
                  <th scope="row">{row.n}</th>
                  <td>{row.escalate ?? '–'}</td>
                  <td>{row.deescalate ?? '–'}</td>
                  <td>{row.eliminate ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}

function DecisionForm({ study, status, rec, asOf, onDone }: { study: string; status: TrialStatus; rec: Recommendation | undefined; asOf: string; onDone: (d: DecisionRow) => void }) {
  const { t } = useI18n();
  const levels = rec?.input.doses.length ?? 3;
  const recommended = rec?.decision.nextDose ?? null;
  const [next, setNext] = useState<string>('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const chosen = next === '' ? (recommended === null ? 'stop' : String(recommended)) : next;
  const nextLevel = chosen === 'stop' ? null : Number(chosen);
  const departs = !rec || rec.decision.decision === 'wait' || recommended !== nextLevel;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      onDone(await post<DecisionRow>(`/api/studies/${study}/decisions`, { nextLevel, asOf, ...(departs && reason.trim() ? { overrideReason: reason.trim() } : {}) }));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="card" aria-labelledby="decide">
      <h2 id="decide">{t('web.escalation.decide', { cohort: status.cohort })}</h2>
      <form onSubmit={submit} aria-label={t('web.escalation.decide', { cohort: status.cohort })}>
        <SelectField label={t('web.escalation.nextLevel')} value={chosen} onChange={(e) => setNext(e.target.value)}>
          {Array.from({ length: levels }, (_, i) => i + 1).map((l) => (
            <option key={l} value={l}>
              {t('web.doseLevel', { level: l })}
              {l === recommended ? ` (${t('web.escalation.recommended')})` : ''}
            </option>
          ))}
          <option value="stop">{t('web.escalation.stopTrial')}</option>
        </SelectField>
        {departs ? <TextField label={t('web.escalation.overrideReason')} hint={t('web.escalation.overrideHint')} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} /> : null}
        <button type="submit" className="primary">
          {t('web.escalation.record')}
        </button>
        <ProblemView error={error} />
      </form>
    </section>
  );
}
