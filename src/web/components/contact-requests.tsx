// Patients who asked, on the public study page, to be contacted (GET
// /api/studies/:study/contact-requests). Names and telephone numbers identify people, and the
// server records each look at them, so the list loads only when the coordinator asks for it.
import { useState } from 'react';
import { get } from '../lib/api.ts';
import { siteDateTime } from '../lib/dates.ts';
import { useI18n } from '../lib/language.tsx';
import { ProblemView } from './problem.tsx';

interface ContactRequest {
  readonly id: string;
  readonly site: string | null;
  readonly name: string;
  readonly phone: string;
  readonly language: string;
  readonly answers: unknown;
  readonly status: string;
  readonly createdAt: string;
}

function answersText(a: unknown): string {
  if (!a || typeof a !== 'object') return '–';
  const x = a as { age?: number; sex?: string; sleDiagnosedMonthsAgo?: number; currentMedicines?: string[] };
  return [x.age !== undefined ? `${x.age}` : null, x.sex ?? null, x.sleDiagnosedMonthsAgo !== undefined ? `SLE ${x.sleDiagnosedMonthsAgo} mo` : null, ...(x.currentMedicines ?? [])].filter(Boolean).join(', ');
}

export function ContactRequests({ study }: { readonly study: string }) {
  const { t } = useI18n();
  const [rows, setRows] = useState<ContactRequest[]>();
  const [error, setError] = useState<unknown>();
  const load = async () => {
    setError(undefined);
    try {
      setRows(await get<ContactRequest[]>(`/api/studies/${encodeURIComponent(study)}/contact-requests`));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="card" aria-labelledby="contact-requests">
      <h2 id="contact-requests">{t('web.contacts.title')}</h2>
      <p className="hint">{t('web.contacts.why')}</p>
      <button type="button" onClick={() => void load()}>
        {rows ? t('web.contacts.reload') : t('web.contacts.show')}
      </button>
      <ProblemView error={error} />
      {rows && rows.length === 0 ? <p className="empty">{t('web.contacts.none')}</p> : null}
      {rows && rows.length > 0 ? (
        <table className="data">
          <caption className="visually-hidden">{t('web.contacts.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('web.contacts.when')}</th>
              <th scope="col">{t('web.public.name')}</th>
              <th scope="col">{t('web.public.phone')}</th>
              <th scope="col">{t('web.screening.site')}</th>
              <th scope="col">{t('web.contacts.answers')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{siteDateTime(r.createdAt)}</td>
                <th scope="row">{r.name}</th>
                <td>
                  <a href={`tel:${r.phone}`}>{r.phone}</a>
                </td>
                <td>{r.site ?? '–'}</td>
                <td>{answersText(r.answers)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
