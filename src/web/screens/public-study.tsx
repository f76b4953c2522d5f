// The public study page (/study/hn2301, no login): the listing as patients see it, in either
// language, and a short self-check that answers "you may be eligible: contact the site" or names
// the criterion that rules the patient out. The answers stay in the browser (the check itself
// stores nothing on the server); only a contact request the patient sends with consent is kept.
import { type FormEvent, useState } from 'react';
import { Badge } from '../components/badge.tsx';
import { Field, SelectField } from '../components/field.tsx';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { Loading, ProblemView } from '../components/problem.tsx';
import { get, post } from '../lib/api.ts';
import { phrase } from '../lib/i18n.ts';
import { useI18n } from '../lib/language.tsx';
import { useLoad } from '../lib/use-load.ts';

type Localised = { readonly en: string; readonly 'zh-CN': string };

interface Listing {
  readonly id: string;
  readonly registryId: string;
  readonly title: Localised;
  readonly shortTitle: string | null;
  readonly sponsor: string;
  readonly phase: string;
  readonly indication: Localised;
  readonly plannedParticipants: number;
  readonly sites: ReadonlyArray<{ readonly code: string; readonly name: Localised; readonly city: string; readonly country: string; readonly status: string }>;
  readonly eligibility: ReadonlyArray<{ readonly id: string; readonly kind: string; readonly text: Localised }>;
  readonly contacts: ReadonlyArray<{ readonly name: string; readonly role?: string; readonly email?: string; readonly phone?: string }>;
  readonly selfCheck: { readonly medicines: ReadonlyArray<{ readonly agent: string; readonly class: string }> };
}

interface SelfCheckResult {
  readonly outcome: 'may-be-eligible' | 'not-eligible';
  readonly message: string;
  readonly reasons: ReadonlyArray<{ readonly criterion: string; readonly text: string; readonly reason: string }>;
  readonly checked: readonly string[];
  readonly forTheSite: readonly string[];
}

const statusTone = { recruiting: 'good', 'not-yet-recruiting': 'info', closed: 'neutral' } as const;

export function PublicStudyScreen({ study }: { readonly study: string }) {
  const { t, language } = useI18n();
  const listing = useLoad(() => get<Listing>(`/api/public/studies/${encodeURIComponent(study)}`), [study]);
  const l = listing.data;
  return (
    <main id="main" className="public-page">
      <div className="public-header">
        <p className="hint">{t('web.public.kicker')}</p>
        <LanguageSwitch />
      </div>
      <ProblemView error={listing.error} />
      {!l ? (
        listing.loading ? <Loading /> : null
      ) : (
        <>
          <h1>{l.title[language]}</h1>
          <p className="lead">{t('web.public.summary', { indication: l.indication[language], registry: l.registryId, sponsor: l.sponsor, n: l.plannedParticipants })}</p>
          <section aria-labelledby="sites">
            <h2 id="sites">{t('web.public.sites')}</h2>
            <ul>
              {l.sites.map((s) => (
                <li key={s.code}>
                  {s.name[language]}, {s.city} <Badge tone={statusTone[s.status as keyof typeof statusTone] ?? 'neutral'}>{t(`web.public.status.${s.status}`)}</Badge>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="who">
            <h2 id="who">{t('web.public.who')}</h2>
            <p>{t('web.public.whoLead')}</p>
            <ul className="criteria-plain">
              {l.eligibility
                .filter((c) => c.kind === 'inclusion')
                .map((c) => (
                  <li key={c.id}>{c.text[language]}</li>
                ))}
            </ul>
            {l.eligibility.some((c) => c.kind === 'exclusion') ? (
              <>
                <p>{t('web.public.whoNot')}</p>
                <ul className="criteria-plain">
                  {l.eligibility
                    .filter((c) => c.kind === 'exclusion')
                    .map((c) => (
                      <li key={c.id}>{c.text[language]}</li>
                    ))}
                </ul>
              </>
            ) : null}
          </section>
          <section aria-labelledby="contacts">
            <h2 id="contacts">{t('web.public.contacts')}</h2>
            {l.contacts.length > 0 ? (
              <ul>
                {l.contacts.map((c) => (
                  <li key={`${c.name}-${c.phone ?? c.email ?? ''}`}>
                    {c.name}
                    {c.role ? `, ${c.role}` : ''}
                    {c.phone ? (
                      <>
                        {' · '}
                        <a href={`tel:${c.phone}`}>{c.phone}</a>
                      </>
                    ) : null}
                    {c.email ? (
                      <>
                        {' · '}
                        <a href={`mailto:${c.email}`}>{c.email}</a>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('web.public.noContacts')}</p>
            )}
          </section>
          <SelfCheck study={study} listing={l} />
        </>
      )}
    </main>
  );
}

interface Answers {
  age: string;
  sex: '' | 'female' | 'male';
  sleDiagnosed: '' | 'yes' | 'no';
  months: string;
  prednisone: string;
  current: string[];
  past: string[];
  pregnant: '' | 'yes' | 'no';
  breastfeeding: '' | 'yes' | 'no';
  contraception: '' | 'yes' | 'no';
}

const blank: Answers = { age: '', sex: '', sleDiagnosed: '', months: '', prednisone: '', current: [], past: [], pregnant: '', breastfeeding: '', contraception: '' };
const yesNo = (v: '' | 'yes' | 'no') => (v === '' ? undefined : v === 'yes');

/** The answers as the API takes them: questions left blank are left out, not guessed. */
function answersBody(a: Answers) {
  const opt = <T,>(key: string, v: T | undefined) => (v === undefined ? {} : { [key]: v });
  return {
    age: Number(a.age),
    sex: a.sex,
    sleDiagnosed: a.sleDiagnosed === 'yes',
    ...opt('sleDiagnosedMonthsAgo', a.months.trim() ? Number(a.months) : undefined),
    ...opt('prednisoneMgPerDay', a.prednisone.trim() ? Number(a.prednisone) : undefined),
    currentMedicines: a.current,
    pastMedicines: a.past,
    ...opt('pregnant', a.sex === 'female' ? yesNo(a.pregnant) : undefined),
    ...opt('breastfeeding', a.sex === 'female' ? yesNo(a.breastfeeding) : undefined),
    ...opt('contraceptionAgreed', yesNo(a.contraception)),
  };
}

function YesNoField({ label, value, onChange }: { label: string; value: '' | 'yes' | 'no'; onChange: (v: '' | 'yes' | 'no') => void }) {
  const { t } = useI18n();
  return (
    <SelectField label={label} value={value} onChange={(e) => onChange(e.target.value as '' | 'yes' | 'no')}>
      <option value="">{t('web.public.preferNot')}</option>
      <option value="yes">{t('web.yes')}</option>
      <option value="no">{t('web.no')}</option>
    </SelectField>
  );
}

function SelfCheck({ study, listing }: { readonly study: string; readonly listing: Listing }) {
  const { t, language } = useI18n();
  const [a, setA] = useState<Answers>(blank);
  const [result, setResult] = useState<SelfCheckResult>();
  const [error, setError] = useState<unknown>();
  const set = (patch: Partial<Answers>) => setA((prev) => ({ ...prev, ...patch }));
  const toggle = (list: string[], agent: string, on: boolean) => (on ? [...list, agent] : list.filter((x) => x !== agent));
  const textOf = (id: string) => listing.eligibility.find((c) => c.id === id)?.text[language] ?? id;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      setResult(await post<SelfCheckResult>(`/api/public/studies/${encodeURIComponent(study)}/self-check`, { answers: answersBody(a) }));
    } catch (err) {
      setError(err);
    }
  };
  const medicine = (agent: string) => phrase(t, 'web.drug', agent);
  return (
    <section aria-labelledby="self-check" className="card">
      <h2 id="self-check">{t('web.public.selfCheck')}</h2>
      <p>{t('web.public.selfCheckLead')}</p>
      <form onSubmit={submit} aria-label={t('web.public.selfCheck')}>
        <div className="grid-3">
          <Field label={t('web.public.age')} type="number" min={0} max={120} required value={a.age} onChange={(e) => set({ age: e.target.value })} />
          <SelectField label={t('web.public.sex')} required value={a.sex} onChange={(e) => set({ sex: e.target.value as Answers['sex'] })}>
            <option value="">{t('web.public.choose')}</option>
            <option value="female">{t('web.enter.female')}</option>
            <option value="male">{t('web.enter.male')}</option>
          </SelectField>
          <SelectField label={t('web.public.diagnosed')} required value={a.sleDiagnosed} onChange={(e) => set({ sleDiagnosed: e.target.value as Answers['sleDiagnosed'] })}>
            <option value="">{t('web.public.choose')}</option>
            <option value="yes">{t('web.yes')}</option>
            <option value="no">{t('web.no')}</option>
          </SelectField>
          {a.sleDiagnosed === 'yes' ? <Field label={t('web.public.months')} type="number" min={0} value={a.months} onChange={(e) => set({ months: e.target.value })} /> : null}
          <Field label={t('web.public.prednisone')} hint={t('web.public.prednisoneHint')} type="number" min={0} step="any" value={a.prednisone} onChange={(e) => set({ prednisone: e.target.value })} />
        </div>
        <fieldset>
          <legend>{t('web.public.current')}</legend>
          <div className="checks">
            {listing.selfCheck.medicines.map((m) => (
              <Field key={m.agent} type="checkbox" label={medicine(m.agent)} checked={a.current.includes(m.agent)} onChange={(e) => set({ current: toggle(a.current, m.agent, e.target.checked) })} />
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('web.public.past')}</legend>
          <div className="checks">
            {listing.selfCheck.medicines.map((m) => (
              <Field key={m.agent} type="checkbox" label={medicine(m.agent)} checked={a.past.includes(m.agent)} onChange={(e) => set({ past: toggle(a.past, m.agent, e.target.checked) })} />
            ))}
          </div>
        </fieldset>
        <div className="grid-3">
          {a.sex === 'female' ? <YesNoField label={t('web.public.pregnant')} value={a.pregnant} onChange={(v) => set({ pregnant: v })} /> : null}
          {a.sex === 'female' ? <YesNoField label={t('web.public.breastfeeding')} value={a.breastfeeding} onChange={(v) => set({ breastfeeding: v })} /> : null}
          <YesNoField label={t('web.public.contraception')} value={a.contraception} onChange={(v) => set({ contraception: v })} />
        </div>
        <p className="hint">{t('web.public.nothingStored')}</p>
        <button type="submit" className="primary" disabled={!a.age || !a.sex || !a.sleDiagnosed}>
          {t('web.public.check')}
        </button>
      </form>
      <ProblemView error={error} />
      {result ? (
        <div className="self-check-result" role="status">
          <p>
            <Badge tone={result.outcome === 'may-be-eligible' ? 'good' : 'bad'}>{t(`web.public.outcome.${result.outcome}`)}</Badge> {result.message}
          </p>
          {result.reasons.length > 0 ? (
            <ul>
              {result.reasons.map((r) => (
                <li key={r.criterion}>
                  <strong>{r.text}</strong>: {r.reason}
                </li>
              ))}
            </ul>
          ) : null}
          {result.outcome === 'may-be-eligible' && result.forTheSite.length > 0 ? (
            <details>
              <summary>{t('web.public.siteChecks', { count: result.forTheSite.length })}</summary>
              <ul>
                {result.forTheSite.map((id) => (
                  <li key={id}>{textOf(id)}</li>
                ))}
              </ul>
            </details>
          ) : null}
          {result.outcome === 'may-be-eligible' ? <ContactRequest study={study} listing={listing} answers={answersBody(a)} /> : null}
        </div>
      ) : null}
    </section>
  );
}

function ContactRequest({ study, listing, answers }: { readonly study: string; readonly listing: Listing; readonly answers: unknown }) {
  const { t, language } = useI18n();
  const recruiting = listing.sites.filter((s) => s.status === 'recruiting');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [site, setSite] = useState(recruiting[0]?.code ?? '');
  const [share, setShare] = useState(true);
  const [consent, setConsent] = useState(false);
  const [error, setError] = useState<unknown>();
  const [sent, setSent] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await post(`/api/public/studies/${encodeURIComponent(study)}/contact-requests`, { name: name.trim(), phone: phone.trim(), ...(site ? { site } : {}), consent, ...(share ? { answers } : {}) });
      setSent(true);
    } catch (err) {
      setError(err);
    }
  };
  if (sent)
    return (
      <p className="notice" role="status">
        {t('web.public.contactSent')}
      </p>
    );
  return (
    <form onSubmit={submit} aria-label={t('web.public.contact')} className="contact-request">
      <h3>{t('web.public.contact')}</h3>
      <div className="grid-3">
        <Field label={t('web.public.name')} required autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
        <Field label={t('web.public.phone')} required type="tel" autoComplete="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
        {recruiting.length > 1 ? (
          <SelectField label={t('web.public.site')} value={site} onChange={(e) => setSite(e.target.value)}>
            {recruiting.map((s) => (
              <option key={s.code} value={s.code}>
                {s.name[language]}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>
      <Field type="checkbox" label={t('web.public.shareAnswers')} checked={share} onChange={(e) => setShare(e.target.checked)} />
      <Field type="checkbox" label={t('web.public.consent')} required checked={consent} onChange={(e) => setConsent(e.target.checked)} />
      <button type="submit" className="primary" disabled={!consent || !name.trim() || !phone.trim()}>
        {t('web.public.send')}
      </button>
      <ProblemView error={error} />
    </form>
  );
}
