// Adverse event entry: the term, the grading system and what the grade rests on (a laboratory
// value, a recorded observation, or the CRS/ICANS findings), with the computed grade shown as it
// is typed; the investigator may enter another grade with a reason. Once saved, the protocol's
// DLT suggestion and the investigator's signed DLT call follow on the same screen.
import { type FormEvent, useMemo, useState } from 'react';
import { ctcaeTerms } from '../../domain/safety/ctcae-terms.ts';
import { Badge } from '../components/badge.tsx';
import { DltForm, DltSuggestion } from '../components/dlt-form.tsx';
import { Field, SelectField, TextField } from '../components/field.tsx';
import { Link } from '../components/link.tsx';
import { Loading, ProblemView } from '../components/problem.tsx';
import { type AeFormState, aeBody, initialAe, previewGrade } from '../lib/ae-input.ts';
import { get, post } from '../lib/api.ts';
import { siteDate } from '../lib/dates.ts';
import { phrase } from '../lib/i18n.ts';
import { useI18n } from '../lib/language.tsx';
import { href } from '../lib/router.ts';
import type { AdverseEventRow, SubjectDetail } from '../lib/types.ts';
import { useLoad } from '../lib/use-load.ts';

const relatedness = ['not-related', 'unlikely', 'possible', 'probable', 'definite'] as const;
const labUnits: Record<string, string[]> = {
  'neutrophil-count-decreased': ['10*9/L', '10*3/uL', 'cells/uL'],
  'lymphocyte-count-decreased': ['10*9/L', '10*3/uL', 'cells/uL'],
  'white-blood-cell-decreased': ['10*9/L', '10*3/uL'],
  'platelet-count-decreased': ['10*9/L', '10*3/uL'],
  anemia: ['g/L', 'g/dL'],
  hypoalbuminemia: ['g/L', 'g/dL'],
  'blood-bilirubin-increased': ['umol/L', 'mg/dL'],
  'creatinine-increased': ['umol/L', 'mg/dL'],
  'activated-partial-thromboplastin-time-prolonged': ['s'],
  'inr-increased': ['{INR}'],
  fever: ['Cel', '[degF]'],
};
const unitsFor = (term: string) => labUnits[term] ?? ['U/L'];

export function AdverseEventScreen({ subjectId }: { readonly subjectId: string }) {
  const { t } = useI18n();
  const subject = useLoad(() => get<SubjectDetail>(`/api/subjects/${encodeURIComponent(subjectId)}`), [subjectId]);
  const [s, setS] = useState<AeFormState>(() => initialAe(siteDate()));
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState<{ event: AdverseEventRow; autoGrade: { grade: number } | null }>();
  const set = (patch: Partial<AeFormState>) => setS((prev) => ({ ...prev, ...patch }));
  const preview = useMemo(() => previewGrade(s), [s]);
  const labs = (subject.data?.observations ?? []).filter((o) => o.kind === 'lab' && o.status === 'final' && o.valueNum !== null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      setSaved(await post(`/api/subjects/${encodeURIComponent(subjectId)}/adverse-events`, aeBody(s)));
    } catch (err) {
      setError(err);
    }
  };

  if (subject.error) return <ProblemView error={subject.error} />;
  if (!subject.data) return <Loading />;
  const computed = preview?.ok ? preview.value.grade : null;
  const overriding = computed !== null && s.grade !== '' && Number(s.grade) !== computed;

  return (
    <section className="adverse-event">
      <p className="breadcrumb">
        <Link href={href({ name: 'subject', id: subjectId })}>{t('web.subject.title', { number: subject.data.screeningNumber })}</Link>
      </p>
      <h1>{t('web.ae.title', { number: subject.data.screeningNumber })}</h1>
      {saved ? (
        <div className="saved-event">
          <p className="notice" role="status">
            {t('web.ae.saved', { term: saved.event.term, grade: saved.event.grade })}
            {saved.autoGrade ? ` ${t('web.ae.autoWas', { grade: saved.autoGrade.grade })}` : ''}
          </p>
          <DltSuggestion event={saved.event} />
          <h2>{t('web.dlt.title')}</h2>
          <DltForm event={saved.event} onDone={(event) => setSaved({ ...saved, event })} />
          <p>
            <Link href={href({ name: 'subject', id: subjectId })}>{t('web.ae.backToSubject')}</Link>
          </p>
        </div>
      ) : (
        <form onSubmit={submit} aria-label={t('web.ae.form')}>
          <div className="grid-3">
            <Field label={t('web.ae.term')} required list="ae-terms" value={s.term} onChange={(e) => set({ term: e.target.value })} />
            <datalist id="ae-terms">
              <option value="Cytokine release syndrome" />
              <option value="Immune effector cell-associated neurotoxicity syndrome" />
              <option value="Neutrophil count decreased" />
              <option value="Platelet count decreased" />
              <option value="Fever" />
              <option value="Infusion related reaction" />
            </datalist>
            <SelectField
              label={t('web.ae.grading')}
              value={s.grading}
              onChange={(e) => {
                const grading = e.target.value as AeFormState['grading'];
                set({ grading, basis: grading === 'ctcae' ? 'lab' : 'findings' });
              }}
            >
              <option value="astct-crs">{t('conduct.system.astct-crs')}</option>
              <option value="astct-icans">{t('conduct.system.astct-icans')}</option>
              <option value="ctcae">{t('conduct.system.ctcae')}</option>
            </SelectField>
            <SelectField label={t('web.ae.basis')} value={s.basis} onChange={(e) => set({ basis: e.target.value as AeFormState['basis'] })}>
              {s.grading === 'ctcae' ? (
                <>
                  <option value="lab">{t('web.ae.basis.lab')}</option>
                  <option value="observation" disabled={labs.length === 0}>
                    {t('web.ae.basis.observation')}
                  </option>
                </>
              ) : (
                <option value="findings">{t('web.ae.basis.findings')}</option>
              )}
              <option value="none">{t('web.ae.basis.none')}</option>
            </SelectField>
            <Field label={t('web.ae.onset')} type="date" required value={s.onsetDate} onChange={(e) => set({ onsetDate: e.target.value })} />
            <Field label={t('web.ae.resolved')} type="date" value={s.resolvedDate} onChange={(e) => set({ resolvedDate: e.target.value })} />
            <SelectField label={t('web.ae.relatedness')} value={s.relatedness} onChange={(e) => set({ relatedness: e.target.value })}>
              {relatedness.map((r) => (
                <option key={r} value={r}>
                  {t(`conduct.relatedness.${r}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <Field label={t('web.ae.serious')} type="checkbox" checked={s.serious} onChange={(e) => set({ serious: e.target.checked })} hint={t('web.ae.seriousHint')} />

          {s.basis === 'findings' && s.grading === 'astct-crs' ? (
            <fieldset>
              <legend>{t('web.ae.crsFindings')}</legend>
              <div className="grid-3">
                <Field label={t('web.ae.feverC')} inputMode="decimal" value={s.feverC} onChange={(e) => set({ feverC: e.target.value })} />
                <SelectField label={t('web.ae.hypotension')} value={s.hypotension} onChange={(e) => set({ hypotension: e.target.value })}>
                  {['none', 'fluids', 'one-vasopressor', 'multiple-vasopressors'].map((v) => (
                    <option key={v} value={v}>
                      {t(`web.ae.hypotension.${v}`)}
                    </option>
                  ))}
                </SelectField>
                <SelectField label={t('web.ae.oxygen')} value={s.oxygen} onChange={(e) => set({ oxygen: e.target.value })}>
                  {['none', 'low-flow', 'high-flow', 'positive-pressure'].map((v) => (
                    <option key={v} value={v}>
                      {t(`web.ae.oxygen.${v}`)}
                    </option>
                  ))}
                </SelectField>
              </div>
              <Field label={t('web.ae.antiCytokine')} type="checkbox" checked={s.antiCytokineGiven} onChange={(e) => set({ antiCytokineGiven: e.target.checked })} />
            </fieldset>
          ) : null}

          {s.basis === 'findings' && s.grading === 'astct-icans' ? (
            <fieldset>
              <legend>{t('web.ae.icansFindings')}</legend>
              <div className="grid-3">
                <Field label={t('web.ae.ice')} inputMode="numeric" value={s.ice} onChange={(e) => set({ ice: e.target.value })} hint={t('web.ae.iceHint')} />
                <SelectField label={t('web.ae.consciousness')} value={s.consciousness} onChange={(e) => set({ consciousness: e.target.value })}>
                  {['awake', 'voice', 'tactile', 'unarousable'].map((v) => (
                    <option key={v} value={v}>
                      {t(`web.ae.consciousness.${v}`)}
                    </option>
                  ))}
                </SelectField>
                <SelectField label={t('web.ae.seizure')} value={s.seizure} onChange={(e) => set({ seizure: e.target.value })}>
                  {['none', 'rapid', 'prolonged'].map((v) => (
                    <option key={v} value={v}>
                      {t(`web.ae.seizure.${v}`)}
                    </option>
                  ))}
                </SelectField>
                <SelectField label={t('web.ae.edema')} value={s.edema} onChange={(e) => set({ edema: e.target.value })}>
                  {['none', 'focal', 'diffuse'].map((v) => (
                    <option key={v} value={v}>
                      {t(`web.ae.edema.${v}`)}
                    </option>
                  ))}
                </SelectField>
              </div>
              <Field label={t('web.ae.motorWeakness')} type="checkbox" checked={s.motorWeakness} onChange={(e) => set({ motorWeakness: e.target.checked })} />
            </fieldset>
          ) : null}

          {s.basis === 'lab' && s.grading === 'ctcae' ? (
            <fieldset>
              <legend>{t('web.ae.labReading')}</legend>
              <div className="grid-3">
                <SelectField label={t('web.ae.ctcaeTerm')} value={s.ctcae} onChange={(e) => set({ ctcae: e.target.value as AeFormState['ctcae'], unit: unitsFor(e.target.value)[0]! })}>
                  {ctcaeTerms.map((term) => (
                    <option key={term} value={term}>
                      {t(`web.ctcae.${term}`)}
                    </option>
                  ))}
                </SelectField>
                <Field label={t('web.enter.value')} inputMode="decimal" required value={s.value} onChange={(e) => set({ value: e.target.value })} />
                <SelectField label={t('web.enter.unit')} value={s.unit} onChange={(e) => set({ unit: e.target.value })}>
                  {unitsFor(s.ctcae).map((u) => (
                    <option key={u} value={u}>
                      {u}
                    </option>
                  ))}
                </SelectField>
                <Field label={t('web.enter.lln')} inputMode="decimal" value={s.lln} onChange={(e) => set({ lln: e.target.value })} />
                <Field label={t('web.enter.uln')} inputMode="decimal" value={s.uln} onChange={(e) => set({ uln: e.target.value })} />
                <Field label={t('web.ae.baseline')} inputMode="decimal" value={s.baseline} onChange={(e) => set({ baseline: e.target.value })} />
              </div>
            </fieldset>
          ) : null}

          {s.basis === 'observation' && s.grading === 'ctcae' ? (
            <SelectField label={t('web.ae.observation')} value={s.observationId} required onChange={(e) => set({ observationId: e.target.value })}>
              <option value="">{t('web.ae.chooseObservation')}</option>
              {labs.map((o) => (
                <option key={o.id} value={o.id}>
                  {`${o.code} ${o.valueNum} ${o.unit ?? ''} (${o.observedAt.slice(0, 10)})`}
                </option>
              ))}
            </SelectField>
          ) : null}

          <div className="auto-grade" aria-live="polite">
            {preview === null ? (
              <p className="hint">{s.basis === 'observation' ? t('web.ae.gradedOnSave') : t('web.ae.noAuto')}</p>
            ) : preview.ok ? (
              <>
                <p>
                  {t('web.ae.computed')} <Badge tone={preview.value.grade >= 3 ? 'bad' : preview.value.grade >= 1 ? 'warn' : 'good'}>{t('web.ae.gradeN', { grade: preview.value.grade })}</Badge>
                  {preview.value.rule ? <span className="hint"> ({preview.value.rule})</span> : null}
                </p>
                <ul className="explanation">
                  {preview.value.explanation.map((step, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: explanation steps are ordered
                    <li key={i}>{phrase(t, 'explain', step.code, step.params)}</li>
                  ))}
                </ul>
              </>
            ) : (
              <ul className="field-error">
                {preview.issues.map((i) => (
                  <li key={`${i.path.join('.')}-${i.code}`}>{phrase(t, 'issue', i.code, { ...i.params, field: i.path.join('.') })}</li>
                ))}
              </ul>
            )}
          </div>

          <div className="grid-2">
            <Field
              label={s.basis === 'none' ? t('web.ae.grade') : t('web.ae.overrideGrade')}
              type="number"
              min={1}
              max={5}
              required={s.basis === 'none'}
              value={s.grade}
              onChange={(e) => set({ grade: e.target.value })}
            />
            {overriding ? <TextField label={t('web.ae.overrideReason')} required rows={2} value={s.overrideReason} onChange={(e) => set({ overrideReason: e.target.value })} /> : null}
          </div>
          <div className="grid-2">
            <Field label={t('web.ae.action')} value={s.action} onChange={(e) => set({ action: e.target.value })} />
            <Field label={t('web.ae.outcome')} value={s.outcome} onChange={(e) => set({ outcome: e.target.value })} />
          </div>
          <button type="submit" className="primary">
            {t('web.ae.save')}
          </button>
          <ProblemView error={error} />
        </form>
      )}
    </section>
  );
}
