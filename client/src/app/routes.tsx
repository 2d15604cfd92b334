/**
 * Routes. Every page is its own chunk (`React.lazy`): antd and recharts are large, and the
 * login page should not wait for the charts.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { RequireAuth } from './require-auth.tsx';
import { AppShell } from './shell/app-shell.tsx';
import { HomeRedirect } from './shell/home-redirect.tsx';
import { NotFoundPage } from './shell/not-found-page.tsx';
import { PageSpin } from '../components/ui/page-spin.tsx';
import { PATHS } from './workspaces.ts';

const LoginPage = lazy(() => import('../features/auth/login-page.tsx').then((m) => ({ default: m.LoginPage })));
const OverviewPage = lazy(() => import('../features/overview/overview-page.tsx').then((m) => ({ default: m.OverviewPage })));
const FundDetailPage = lazy(() => import('../features/fund-detail/fund-detail-page.tsx').then((m) => ({ default: m.FundDetailPage })));
const ForecastPage = lazy(() => import('../features/forecast/forecast-page.tsx').then((m) => ({ default: m.ForecastPage })));
const ImportPage = lazy(() => import('../features/importer/import-page.tsx').then((m) => ({ default: m.ImportPage })));

const page = (node: ReactNode) => <Suspense fallback={<PageSpin />}>{node}</Suspense>;

export const router = createBrowserRouter([
  { path: PATHS.login, element: page(<LoginPage />) },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppShell />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'leadership', element: <Navigate to={PATHS.leadershipOverview} replace /> },
      { path: 'actuarial', element: <Navigate to={PATHS.actuarialOverview} replace /> },
      { path: 'budget', element: <Navigate to={PATHS.budgetImport} replace /> },
      { path: PATHS.leadershipOverview, element: page(<OverviewPage key="leadership" workspace="leadership" />) },
      { path: PATHS.actuarialOverview, element: page(<OverviewPage key="actuarial" workspace="actuarial" />) },
      { path: PATHS.actuarialImport, element: page(<ImportPage key="fund" group="fund" />) },
      { path: PATHS.actuarialForecast, element: page(<ForecastPage />) },
      { path: PATHS.budgetImport, element: page(<ImportPage key="institution" group="institution" />) },
      { path: 'funds/:fundId', element: page(<FundDetailPage />) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
