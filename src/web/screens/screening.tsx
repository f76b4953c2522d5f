// Screening: a FHIR bundle (the hospital's export) and/or typed data, screened live against the
// protocol (POST /api/screening/preview stores nothing); then the subject is registered (or an
// existing one chosen) and screened for the record (POST /api/subjects/:id/screenings), which
// keeps the snapshot and imports the values as proposals to review.
import { type ChangeEvent, type FormEvent, useEffect, useMemo, useState } from 'react';
import { Badge } from '../components/badge.tsx';
import { Checklist, eligibleTone } from '../components/checklist.tsx';
import { ContactRequests } from '../components/contact-requests.tsx';
import { EnteredDataForm } from '../components/entered-data-form.tsx';
import { Field, SelectField } from '../components/field.tsx';
import { Link } from '../components/link.tsx';
import { ProblemView } from '../components/problem.tsx';
import { get, post, query } from '../lib/api.ts';
import { siteDate } from '../lib/dates.ts';
import { type Bundle, emptyData, type EnteredData, isEmpty, withEnteredData } from '../lib/entered-bundle.ts';
import { useI18n } from '../lib/language.tsx';
import { href } from '../lib/router.ts';
import { useSession } from '../lib/session.tsx';
import { useStudy } from '../lib/study.tsx';
import type { ScreeningResult, Subject } from '../lib/types.ts';
import { useLoad } from '../lib/use-load.ts';

interface Screened {
  readonly outcome: string;
  readonly result?: ScreeningResult;
  readonly screeningResult?: string;
  readonly proposals?: number;
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

export function ScreeningScreen({ subjectId }: { readonly subjectId?: string | undefined }) {
  const { t } = useI18n();
  const { study } = useStudy();
  const { session } = useSession();
  const [asOf, setAsOf] = useState(siteDate());
  const [uploaded, setUploaded] = useState<{ name: string; bundle: Bundle } | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [entered, setEntered] = useState<EnteredData>(emptyData);
  const [preview, setPreview] = useState<ScreeningResult>();
  const [previewError, setPreviewError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const bundle = useMemo(() => (uploaded || !isEmpty(entered) ? withEnteredData(uploaded?.bundle ?? null, entered, asOf) : null), [uploaded, entered, asOf]);
  const debounced = useDebounced(bundle, 300);
  useEffect(() => {
    if (!debounced || !study || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return;
    let current = true;
    setBusy(true);
    post<ScreeningResult>('/api/screening/preview', { study, bundle: debounced, asOf }).then(
      (r) => {
        if (!current) return;
        setPreview(r);
        setPreviewError(undefined);
        setBusy(false);
      },
      (e: unknown) => {
        if (!current) return;
        setPreviewError(e);
        setBusy(false);
      },
    );
    return () => {
      current = false;
    };
  }, [debounced, study, asOf]);

  const readFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    setFileError(undefined);
    if (!file) return setUploaded(null);
    try {
      const parsed = JSON.parse(await file.text()) as Bundle;
      if (parsed?.resourceType !== 'Bundle' || !Array.isArray(parsed.entry)) throw new Error('not a bundle');
      setUploaded({ name: file.name, bundle: parsed });
    } catch {
      setUploaded(null);
      setFileError(t('web.screening.badFile', { file: file.name }));
    }
  };

  return (
    <section className="screening">
      <h1>{t('web.screening.title')}</h1>
      <div className="two-columns">
        <div>
          <form onSubmit={(e) => e.preventDefault()} aria-label={t('web.screening.inputs')}>
            <div className="grid-2">
              <Field label={t('web.screening.asOf')} type="date" required value={asOf} onChange={(e) => setAsOf(e.target.value)} hint={t('web.screening.asOfHint')} />
              <Field label={t('web.screening.file')} type="file" accept=".json,application/json,application/fhir+json" onChange={readFile} error={fileError} hint={uploaded ? t('web.screening.fileLoaded', { file: uploaded.name, count: uploaded.bundle.entry.length }) : t('web.screening.fileHint')} />
            </div>
            <details className="enter-data">
              <summary>{t('web.screening.enterData')}</summary>
              <EnteredDataForm data={entered} asOf={asOf} onChange={setEntered} />
            </details>
          </form>
          <RegisterForm study={study} bundle={bundle} fileName={uploaded?.name} asOf={asOf} subjectId={subjectId} userSites={session?.user.roles.flatMap((r) => (r.site ? [r.site] : [])) ?? []} />
          {study ? <ContactRequests study={study} /> : null}
        </div>
        <div className="checklist-column" aria-live="polite" aria-busy={busy}>
          <h2>{t('web.screening.checklist')}</h2>
          {busy ? <p className="updating">{t('web.screening.updating')}</p> : null}
          <ProblemView error={previewError} />
          {preview ? <Checklist result={preview} /> : <p className="empty">{t('web.screening.noData')}</p>}
        </div>
      </div>
    </section>
  );
}

interface RegisterProps {
  readonly study: string | undefined;
  readonly bundle: Bundle | null;
  readonly fileName: string | undefined;
  readonly asOf: string;
  readonly subjectId: string | undefined;
  readonly userSites: readonly string[];
}

function RegisterForm({ study, bundle, fileName, asOf, subjectId, userSites }: RegisterProps) {
  const { t } = useI18n();
  const subjects = useLoad(() => (study ? get<Subject[]>(`/api/subjects${query({ study })}`) : Promise.resolve([])), [study]);
  const screening = (subjects.data ?? []).filter((s) => s.status === 'screening');
  const [mode, setMode] = useState<'new' | 'existing'>(subjectId ? 'existing' : 'new');
  const [existing, setExisting] = useState(subjectId ?? '');
  const [number, setNumber] = useState('');
  const [site, setSite] = useState(userSites[0] ?? '');
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<{ subject: Subject | { id: string; screeningNumber: string }; screened: Screened }>();
  const [saving, setSaving] = useState(false);
  const chosen = existing || screening[0]?.id || '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!bundle || !study) return;
    setSaving(true);
    setError(undefined);
    try {
      const subject =
        mode === 'new'
          ? await post<Subject>('/api/subjects', { study, site, screeningNumber: number.trim() })
          : (screening.find((s) => s.id === chosen) ?? { id: chosen, screeningNumber: '' });
      const screened = await post<Screened>(`/api/subjects/${encodeURIComponent(subject.id)}/screenings`, { bundle, ...(fileName ? { fileName } : {}), asOf });
      setDone({ subject, screened });
      subjects.reload();
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="register" onSubmit={submit} aria-label={t('web.screening.register')}>
      <h2>{t('web.screening.register')}</h2>
      <fieldset>
        <legend>{t('web.screening.which')}</legend>
        <Field type="radio" name="mode" label={t('web.screening.newSubject')} checked={mode === 'new'} onChange={() => setMode('new')} />
        <Field type="radio" name="mode" label={t('web.screening.existingSubject')} checked={mode === 'existing'} onChange={() => setMode('existing')} disabled={screening.length === 0 && !subjectId} />
      </fieldset>
      {mode === 'new' ? (
        <div className="grid-2">
          <Field label={t('web.screening.number')} required value={number} onChange={(e) => setNumber(e.target.value)} hint={t('web.screening.numberHint')} />
          {userSites.length > 1 ? (
            <SelectField label={t('web.screening.site')} value={site} onChange={(e) => setSite(e.target.value)}>
              {userSites.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </SelectField>
          ) : (
            <Field label={t('web.screening.site')} required value={site} onChange={(e) => setSite(e.target.value)} />
          )}
        </div>
      ) : (
        <SelectField label={t('web.screening.subject')} value={chosen} onChange={(e) => setExisting(e.target.value)}>
          {screening.map((s) => (
            <option key={s.id} value={s.id}>
              {s.screeningNumber}
            </option>
          ))}
        </SelectField>
      )}
      <button type="submit" className="primary" disabled={!bundle || saving || (mode === 'new' && !number.trim())}>
        {t('web.screening.save')}
      </button>
      {!bundle ? <p className="hint">{t('web.screening.needData')}</p> : null}
      <ProblemView error={error} />
      {done ? (
        <div className="notice" role="status">
          <p>
            {t('web.screening.saved', { number: done.subject.screeningNumber })}{' '}
            <Badge tone={eligibleTone[(done.screened.result?.eligible ?? 'undetermined') as 'yes']}>{t(`web.outcome.${done.screened.outcome}`)}</Badge>
          </p>
          <p>
            <Link href={href({ name: 'subject', id: done.subject.id })}>{t('web.screening.openSubject', { number: done.subject.screeningNumber })}</Link>
          </p>
        </div>
      ) : null}
    </form>
  );
}
