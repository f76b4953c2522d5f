// The frame of every signed-in screen: a skip link, the navigation (current page marked for
// screen readers), the study, the user, the language switch, and the screen in <main>.
import type { ReactNode } from 'react';
import { useI18n } from '../lib/language.tsx';
import { href, type Route } from '../lib/router.ts';
import type { Action } from '../lib/can.ts';
import { useCan, useSession } from '../lib/session.tsx';
import { useStudy } from '../lib/study.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { Link } from './link.tsx';

const sections: ReadonlyArray<{ route: Route; key: string; matches: readonly Route['name'][]; needs?: Action }> = [
  { route: { name: 'dashboard' }, key: 'web.nav.dashboard', matches: ['dashboard'] },
  { route: { name: 'screening' }, key: 'web.nav.screening', matches: ['screening'], needs: 'screen' },
  { route: { name: 'subjects' }, key: 'web.nav.subjects', matches: ['subjects', 'subject', 'adverse-event'], needs: 'readTrial' },
  { route: { name: 'escalation' }, key: 'web.nav.escalation', matches: ['escalation'], needs: 'readTrial' },
  { route: { name: 'designs' }, key: 'web.nav.designs', matches: ['designs'] },
  { route: { name: 'queries' }, key: 'web.nav.queries', matches: ['queries', 'audit'], needs: 'readQueries' },
];

export function Shell({ route, children }: { readonly route: Route; readonly children: ReactNode }) {
  const { t } = useI18n();
  const { session, logout } = useSession();
  const { studies, study, choose } = useStudy();
  const can = useCan();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('web.skip')}
      </a>
      <header className="app-header">
        <div className="brand">
          <Link href="/">FirstDose</Link>
          {studies.length > 1 ? (
            <label className="study-pick">
              <span className="visually-hidden">{t('web.study')}</span>
              <select value={study} onChange={(e) => choose(e.target.value)}>
                {studies.map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.code}
                  </option>
                ))}
              </select>
            </label>
          ) : study ? (
            <span className="study-code">{study.toUpperCase()}</span>
          ) : null}
        </div>
        <nav aria-label={t('web.nav.label')}>
          <ul>
            {sections
              .filter((s) => !s.needs || can(s.needs))
              .map((s) => (
                <li key={s.key}>
                  <Link href={href(s.route)} aria-current={s.matches.includes(route.name) ? 'page' : undefined}>
                    {t(s.key)}
                  </Link>
                </li>
              ))}
          </ul>
        </nav>
        <div className="header-end">
          <LanguageSwitch />
          {session ? (
            <Link className="user" href={href({ name: 'account' })} title={session.user.roles.map((r) => t(`access.role.${r.role}`)).join(', ')}>
              {session.user.fullName}
            </Link>
          ) : null}
          <button type="button" className="link-button" onClick={() => void logout()}>
            {t('web.logout')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
