// The user's own account: who they are and in which roles, a new password, and the one-time
// attestation of their electronic signature.
import { Attestation } from '../components/attestation.tsx';
import { PasswordChange } from '../components/password-change.tsx';
import { useI18n } from '../lib/language.tsx';
import { useSession } from '../lib/session.tsx';

export function AccountScreen() {
  const { t } = useI18n();
  const { session } = useSession();
  if (!session) return null;
  const u = session.user;
  return (
    <section className="account">
      <h1>{t('web.account.title')}</h1>
      <p>
        {u.fullName} ({u.username})
      </p>
      <ul>
        {u.roles.map((r) => (
          <li key={`${r.role}-${r.study}-${r.site}`}>{t('web.account.role', { role: t(`access.role.${r.role}`), study: r.study ?? '–', site: r.site ?? t('web.account.allSites') })}</li>
        ))}
      </ul>
      <div className="grid-2">
        <section className="card" aria-labelledby="password">
          <h2 id="password">{t('web.account.changePassword')}</h2>
          <PasswordChange username={u.username} />
        </section>
        <section className="card" aria-labelledby="attest">
          <h2 id="attest">{t('web.account.attest')}</h2>
          <Attestation />
        </section>
      </div>
    </section>
  );
}
