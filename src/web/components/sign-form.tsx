// An electronic signature: the meaning in words, the signer's full name, and the password typed
// again every time (21 CFR 11.200: both components at each signing). The password never stays in
// state after the attempt, successful or not.
import { type FormEvent, type ReactNode, useState } from 'react';
import { ApiError } from '../lib/api.ts';
import { useI18n } from '../lib/language.tsx';
import { useSession } from '../lib/session.tsx';
import { Attestation } from './attestation.tsx';
import { Field } from './field.tsx';
import { ProblemView } from './problem.tsx';

interface Props {
  /** The signature's meaning code (eligibility-confirmed, dlt-adjudicated, escalation-approved). */
  readonly meaning: string;
  readonly children?: ReactNode;
  readonly submitLabel?: string;
  readonly onSign: (password: string) => Promise<unknown>;
  readonly disabled?: boolean;
}

export function SignForm({ meaning, children, submitLabel, onSign, disabled }: Props) {
  const { t } = useI18n();
  const { session } = useSession();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await onSign(password);
    } catch (err) {
      setError(err);
    } finally {
      setPassword('');
      setBusy(false);
    }
  };
  return (
    <>
      <form className="sign-form" onSubmit={submit} aria-label={t('web.sign.form', { meaning: t(`access.meaning.${meaning}`) })}>
        {children}
        <p className="sign-statement">{t('web.sign.statement', { name: session?.user.fullName ?? '', meaning: t(`access.meaning.${meaning}`) })}</p>
        <Field
          label={t('web.sign.password')}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" className="primary" disabled={busy || disabled || password === ''}>
          {submitLabel ?? t('web.sign.submit')}
        </button>
        <ProblemView error={error} />
      </form>
      {error instanceof ApiError && error.problem.code === 'attestation_required' ? <Attestation onDone={() => setError(undefined)} /> : null}
    </>
  );
}
