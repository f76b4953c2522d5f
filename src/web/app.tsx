// Which screen the path shows. The public study page needs no session; every other screen waits
// for the session check and falls back to the login form without changing the path, so that
// logging in (or back in after an idle timeout) lands on the screen that was asked for.
import { lazy, Suspense, useEffect } from 'react';
import { Loading } from './components/problem.tsx';
import { Shell } from './components/shell.tsx';
import { useI18n } from './lib/language.tsx';
import { navigate, type Route, useRoute } from './lib/router.ts';
import { useSession } from './lib/session.tsx';
import { StudyProvider } from './lib/study.tsx';
import { DashboardScreen } from './screens/dashboard.tsx';
import { LoginScreen } from './screens/login.tsx';

// Screens load on first use: the grading, scoring and FHIR code they carry (and zod with it)
// stays out of the first page a coordinator or a patient opens.
const AdverseEventScreen = lazy(() => import('./screens/adverse-event.tsx').then((m) => ({ default: m.AdverseEventScreen })));
const AccountScreen = lazy(() => import('./screens/account.tsx').then((m) => ({ default: m.AccountScreen })));
const AuditScreen = lazy(() => import('./screens/audit.tsx').then((m) => ({ default: m.AuditScreen })));
const EscalationScreen = lazy(() => import('./screens/escalation.tsx').then((m) => ({ default: m.EscalationScreen })));
const PublicStudyScreen = lazy(() => import('./screens/public-study.tsx').then((m) => ({ default: m.PublicStudyScreen })));
const QueriesScreen = lazy(() => import('./screens/queries.tsx').then((m) => ({ default: m.QueriesScreen })));
const ScreeningScreen = lazy(() => import('./screens/screening.tsx').then((m) => ({ default: m.ScreeningScreen })));
const SubjectScreen = lazy(() => import('./screens/subject.tsx').then((m) => ({ default: m.SubjectScreen })));
const SubjectsScreen = lazy(() => import('./screens/subjects.tsx').then((m) => ({ default: m.SubjectsScreen })));
const WorkbenchScreen = lazy(() => import('./screens/workbench.tsx').then((m) => ({ default: m.WorkbenchScreen })));

function Screen({ route }: { readonly route: Route }) {
  const { t } = useI18n();
  switch (route.name) {
    case 'dashboard':
      return <DashboardScreen />;
    case 'screening':
      return <ScreeningScreen subjectId={route.subjectId} />;
    case 'subjects':
      return <SubjectsScreen />;
    case 'subject':
      return <SubjectScreen id={route.id} />;
    case 'adverse-event':
      return <AdverseEventScreen subjectId={route.subjectId} />;
    case 'escalation':
      return <EscalationScreen />;
    case 'designs':
      return <WorkbenchScreen />;
    case 'audit':
      return <AuditScreen table={route.table} id={route.id} />;
    case 'queries':
      return <QueriesScreen />;
    case 'account':
      return <AccountScreen />;
    default:
      return (
        <section>
          <h1>{t('web.notFound.title')}</h1>
          <p>{t('web.notFound.text')}</p>
        </section>
      );
  }
}

export function App() {
  const route = useRoute();
  const { session } = useSession();
  const { t } = useI18n();
  // After logging in on /login, go home; elsewhere the login form stood in for the screen.
  useEffect(() => {
    if (session && route.name === 'login') navigate('/', { replace: true });
  }, [session, route.name]);
  useEffect(() => {
    document.title = route.name === 'public-study' ? t('web.public.documentTitle') : `FirstDose · ${t(`web.title.${route.name}`)}`;
  }, [route.name, t]);
  if (route.name === 'public-study')
    return (
      <Suspense fallback={<Loading />}>
        <PublicStudyScreen study={route.study} />
      </Suspense>
    );
  if (session === undefined) return <Loading />;
  if (session === null) return <LoginScreen />;
  return (
    <StudyProvider>
      <Shell route={route}>
        <Suspense fallback={<Loading />}>
          <Screen route={route} />
        </Suspense>
      </Shell>
    </StudyProvider>
  );
}
