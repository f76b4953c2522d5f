// The one-time statement that the user's electronic signature is the legally binding equivalent
// of their handwritten one (21 CFR 11.100(c)), signed with the password; no other signature is
// accepted before it (the server answers attestation_required).
import { type FormEvent, useState } from 'react';
import { post } from '../lib/api.ts';
import { useI18n } from '../lib/language.tsx';
import { Field } from './field.tsx';
import { ProblemView } from './problem.tsx';

export function Attestation({ onDone }: { readonly onDone?: () => void }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await post('/api/session/attestation', { password });
      setDone(true);
      onDone?.();
    } catch (err) {
      setError(err);
    } finally {
      setPassword('');
    }
  };
  if (done)
    return (
      <p className="notice" role="status">
        {t('web.account.attested')}
      </p>
    );
  return (
    <form onSubmit={submit} aria-label={t('web.account.attest')}>
      <p>{t('access.meaning.signature-attestation')}</p>
      <Field label={t('web.sign.password')} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      <button type="submit" disabled={!password}>
        {t('web.account.attestSubmit')}
      </button>
      <ProblemView error={error} />
    </form>
  );
}
