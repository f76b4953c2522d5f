// The next steps for one subject, each behind the server's conduct gates: the investigator's
// signed eligibility confirmation, enrolment into the open level, a dose, a status change with
// its reason, and a measurement (B cells, a lab value). A refusal is shown as the server worded
// it: it names the rule and what unblocks it (e.g. the date the sentinel's wait ends).
import { type FormEvent, type ReactNode, useState } from 'react';
import { post } from '../lib/api.ts';
import { siteDate } from '../lib/dates.ts';
import { useI18n } from '../lib/language.tsx';
import type { ScreeningRow, SignatureInfo, SubjectDetail } from '../lib/types.ts';
import { Field, SelectField, TextField } from './field.tsx';
import { ProblemView } from './problem.tsx';
import { SignForm } from './sign-form.tsx';

function useAction(done: () => void) {
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [ok, setOk] = useState<string>();
  const run = async (e: FormEvent, action: () => Promise<unknown>, message: string) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setOk(undefined);
    try {
      await action();
      setOk(message);
      done();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, ok, run };
}

function ActionBox({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  return (
    <section className="action-box">
      <h3>{title}</h3>
      {children}
    </section>
  );
}

function Outcome({ error, ok }: { readonly error: unknown; readonly ok: string | undefined }) {
  return (
    <>
      <ProblemView error={error} />
      {ok ? (
        <p className="notice" role="status">
          {ok}
        </p>
      ) : null}
    </>
  );
}

export function ConfirmEligibility({ screening, signatures, onDone }: { readonly screening: ScreeningRow; readonly signatures: readonly SignatureInfo[]; readonly onDone: () => void }) {
  const { t } = useI18n();
  const signed = signatures.filter((s) => s.rowId === screening.id && s.meaning === 'eligibility-confirmed' && s.status !== 'broken');
  return (
    <ActionBox title={t('web.subject.confirmEligibility')}>
      {signed.length > 0 ? (
        <p>{t('web.subject.confirmedBy', { name: signed[0]!.fullName, time: signed[0]!.createdAt.slice(0, 10) })}</p>
      ) : (
        <SignForm meaning="eligibility-confirmed" onSign={async (password) => {
          await post('/api/signatures', { table: 'screening_result', rowId: screening.id, meaning: 'eligibility-confirmed', password });
          onDone();
        }}>
          <p>{t('web.subject.confirmText', { asOf: screening.asOf, outcome: t(`web.outcome.${screening.outcome}`) })}</p>
        </SignForm>
      )}
    </ActionBox>
  );
}

export function EnrolForm({ subject, onDone }: { readonly subject: SubjectDetail; readonly onDone: () => void }) {
  const { t } = useI18n();
  const [asOf, setAsOf] = useState(siteDate());
  const a = useAction(onDone);
  return (
    <ActionBox title={t('web.subject.enrol')}>
      <form onSubmit={(e) => a.run(e, () => post(`/api/subjects/${subject.id}/enrolment`, { asOf }), t('web.subject.enrolled'))} aria-label={t('web.subject.enrol')}>
        <Field label={t('web.subject.enrolDate')} type="date" required value={asOf} onChange={(e) => setAsOf(e.target.value)} />
        <button type="submit" className="primary" disabled={a.busy}>
          {t('web.subject.enrolSubmit')}
        </button>
        <Outcome error={a.error} ok={a.ok} />
      </form>
    </ActionBox>
  );
}

export function DoseForm({ subject, levels, onDone }: { readonly subject: SubjectDetail; readonly levels: number; readonly onDone: () => void }) {
  const { t } = useI18n();
  const [level, setLevel] = useState(String(subject.doseLevel ?? 1));
  const [date, setDate] = useState(siteDate());
  const [time, setTime] = useState('09:00');
  const a = useAction(onDone);
  // The time is the site's (Asia/Shanghai, UTC+8 all year): the dose date is the site's date.
  const startedAt = `${date}T${time}:00+08:00`;
  return (
    <ActionBox title={t('web.subject.dose')}>
      <form onSubmit={(e) => a.run(e, () => post(`/api/subjects/${subject.id}/doses`, { level: Number(level), startedAt }), t('web.subject.dosed'))} aria-label={t('web.subject.dose')}>
        <div className="grid-3">
          <SelectField label={t('web.subject.doseLevel')} value={level} onChange={(e) => setLevel(e.target.value)}>
            {Array.from({ length: levels }, (_, i) => i + 1).map((l) => (
              <option key={l} value={l}>
                {t('web.doseLevel', { level: l })}
              </option>
            ))}
          </SelectField>
          <Field label={t('web.subject.doseDate')} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
          <Field label={t('web.subject.doseTime')} type="time" required value={time} onChange={(e) => setTime(e.target.value)} hint={t('web.subject.siteTime')} />
        </div>
        <button type="submit" className="primary" disabled={a.busy}>
          {t('web.subject.doseSubmit')}
        </button>
        <Outcome error={a.error} ok={a.ok} />
      </form>
    </ActionBox>
  );
}

const statuses = ['screen_failed', 'withdrawn', 'follow_up', 'completed'] as const;

export function StatusForm({ subject, onDone }: { readonly subject: SubjectDetail; readonly onDone: () => void }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<string>(statuses[0]);
  const [reason, setReason] = useState('');
  const a = useAction(onDone);
  return (
    <ActionBox title={t('web.subject.changeStatus')}>
      <form onSubmit={(e) => a.run(e, () => post(`/api/subjects/${subject.id}/status`, { status, reason: reason.trim() }), t('web.subject.statusChanged'))} aria-label={t('web.subject.changeStatus')}>
        <SelectField label={t('web.subject.newStatus')} value={status} onChange={(e) => setStatus(e.target.value)}>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {t(`conduct.status.${s}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('web.reason')} required rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        <button type="submit" disabled={a.busy || !reason.trim()}>
          {t('web.subject.statusSubmit')}
        </button>
        <Outcome error={a.error} ok={a.ok} />
      </form>
    </ActionBox>
  );
}

/** Measurements the charts and grading read: B cells (CD19+), and the laboratory values CTCAE grades. */
const measurements = {
  'b-cells': { kind: 'b-cells', code: 'cd19-b-cells', unit: '/uL' },
  anc: { kind: 'lab', code: 'anc', unit: '10*9/L' },
  platelets: { kind: 'lab', code: 'platelets', unit: '10*9/L' },
  alt: { kind: 'lab', code: 'alt', unit: 'U/L' },
  creatinine: { kind: 'lab', code: 'creatinine', unit: 'umol/L' },
  temperature: { kind: 'vital', code: 'temperature', unit: 'Cel' },
} as const;

export function MeasurementForm({ subject, onDone }: { readonly subject: SubjectDetail; readonly onDone: () => void }) {
  const { t } = useI18n();
  const [which, setWhich] = useState<keyof typeof measurements>('b-cells');
  const [value, setValue] = useState('');
  const [low, setLow] = useState('');
  const [high, setHigh] = useState('');
  const [date, setDate] = useState(siteDate());
  const a = useAction(onDone);
  const m = measurements[which];
  const body = {
    kind: m.kind,
    code: m.code,
    valueNum: Number(value),
    unit: m.unit,
    ...(low.trim() ? { refLow: Number(low) } : {}),
    ...(high.trim() ? { refHigh: Number(high) } : {}),
    observedAt: `${date}T09:00:00+08:00`,
  };
  return (
    <ActionBox title={t('web.subject.measurement')}>
      <form onSubmit={(e) => a.run(e, () => post(`/api/subjects/${subject.id}/observations`, body), t('web.subject.measured'))} aria-label={t('web.subject.measurement')}>
        <div className="grid-2">
          <SelectField label={t('web.subject.measure')} value={which} onChange={(e) => setWhich(e.target.value as keyof typeof measurements)}>
            {Object.keys(measurements).map((k) => (
              <option key={k} value={k}>
                {t(`web.measure.${k}`)}
              </option>
            ))}
          </SelectField>
          <Field label={t('web.subject.measureValue', { unit: m.unit })} inputMode="decimal" required value={value} onChange={(e) => setValue(e.target.value)} />
          <Field label={t('web.subject.measureDate')} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
          <Field label={t('web.enter.lln')} inputMode="decimal" value={low} onChange={(e) => setLow(e.target.value)} />
          <Field label={t('web.enter.uln')} inputMode="decimal" value={high} onChange={(e) => setHigh(e.target.value)} />
        </div>
        <button type="submit" disabled={a.busy || value.trim() === '' || Number.isNaN(Number(value))}>
          {t('web.subject.measureSubmit')}
        </button>
        <Outcome error={a.error} ok={a.ok} />
      </form>
    </ActionBox>
  );
}
