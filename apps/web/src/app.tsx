import { type ReactNode, useEffect } from 'react';
import { ApiProvider } from './api/use-api';
import { useOrgUnitName } from './api/use-org-units';
import { SessionProvider, useSession } from './auth/session';
import { ROLE_LABELS } from './format';
import { AuditPage } from './pages/audit-page';
import { AssessmentPage } from './pages/assessment-page';
import { NotificationBell } from './components/notification-bell';
import { HomePage } from './pages/home-page';
import { MunicipalReportsPage } from './pages/municipal-reports-page';
import { SupportRequestsPage } from './pages/support-requests-page';
import { CountyDashboardPage } from './pages/county-dashboard-page';
import { NationalPage } from './pages/national-page';
import { NotFoundPage } from './pages/not-found-page';
import { ReportBackPage } from './pages/report-back-page';
import { ReportPage } from './pages/report-page';
import { RisksPage } from './pages/risks-page';
import { SignInPage } from './pages/sign-in-page';
import { SupportCasePage } from './pages/support-case-page';
import { SupportCasesPage } from './pages/support-cases-page';
import { TemplatePage } from './pages/template-page';
import { WorkPage } from './pages/work-page';
import { navigationFor } from './roles';
import { Link, RouterProvider, matchPath, useRouter } from './router';
import { TimeMachineBanner, TimeMachineControl, TimeMachineProvider } from './time-machine';

type Params = Record<string, string>;

const ROUTES: Array<[string, (p: Params) => ReactNode]> = [
  ['/hem', () => <HomePage />],
  ['/lan/:county/stodbegaran', (p) => <SupportRequestsPage county={p.county!} />],
  ['/lan/:county/:period/rapporter', (p) => <MunicipalReportsPage county={p.county!} period={p.period!} />],
  ['/rapport/:org/:period', (p) => <ReportPage org={p.org!} period={p.period!} />],
  ['/lan/:county/risker', (p) => <RisksPage county={p.county!} />],
  ['/lan/:county/verksamhet', (p) => <WorkPage county={p.county!} />],
  ['/lan/:county/aterrapportering', (p) => <ReportBackPage county={p.county!} />],
  ['/lan/:county/:period/bedomning', (p) => <AssessmentPage county={p.county!} period={p.period!} />],
  ['/lan/:county/:period', (p) => <CountyDashboardPage county={p.county!} period={p.period!} />],
  ['/nationellt/:period', (p) => <NationalPage period={p.period!} />],
  ['/arenden/:id', (p) => <SupportCasePage id={p.id!} />],
  ['/arenden', () => <SupportCasesPage />],
  ['/granskning', () => <AuditPage />],
  ['/mall', () => <TemplatePage />],
];

export function App() {
  return (
    <RouterProvider>
      <SessionProvider>
        <TimeMachineProvider>
          <ApiProvider>
            <Shell />
          </ApiProvider>
        </TimeMachineProvider>
      </SessionProvider>
    </RouterProvider>
  );
}

function Shell() {
  const { session, signOut } = useSession();
  const { path, navigate } = useRouter();
  const orgName = useOrgUnitName(session?.user.org);
  if (!session || path.startsWith('/logga-in')) return <SignInPage />;
  const nav = navigationFor(session.user);
  const route = ROUTES.map(([pattern, render]) => [matchPath(pattern, path), render] as const).find(([params]) => params);
  const home = nav[0]?.to ?? '/mall';
  return (
    <>
      <a className="skip-link" href="#main">
        Hoppa till innehållet
      </a>
      <header className="top">
        <div className="brand">
          <Link to={home}>Lägesbild</Link>
        </div>
        <nav aria-label="Huvudmeny">
          <ul>
            {nav.map((item) => (
              <li key={item.to}>
                <Link to={item.to}>{item.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="user">
          <NotificationBell key={session.user.id} />
          <span>
            {session.user.name} · {session.user.roles.map((r) => ROLE_LABELS[r] ?? r).join(', ')}
            {orgName && ` · ${orgName}`}
          </span>
          <button
            type="button"
            onClick={() => {
              signOut();
              navigate('/logga-in');
            }}
          >
            Logga ut
          </button>
        </div>
      </header>
      <div className="time-bar">
        <TimeMachineControl />
      </div>
      <TimeMachineBanner />
      <main id="main">{route ? route[1](route[0]!) : path === '/' ? <Redirect to={home} /> : <NotFoundPage />}</main>
    </>
  );
}

function Redirect({ to }: { to: string }) {
  const { navigate } = useRouter();
  useEffect(() => navigate(to, { replace: true }), [navigate, to]);
  return null;
}
