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
const ProjectionPage = lazy(() => import('../features/projection/projection-page.tsx').then((m) => ({ default: m.ProjectionPage })));
const ImportPage = lazy(() => import('../features/importer/import-page.tsx').then((m) => ({ default: m.ImportPage })));
const DashboardPage = lazy(() => import('../features/dashboard/dashboard-page.tsx').then((m) => ({ default: m.DashboardPage })));
const UsersPage = lazy(() => import('../features/admin/users-page.tsx').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('../features/admin/audit-page.tsx').then((m) => ({ default: m.AuditPage })));
const ParametersPage = lazy(() => import('../features/parameters/parameters-page.tsx').then((m) => ({ default: m.ParametersPage })));
const BudgetPlansPage = lazy(() => import('../features/budget/budget-plans-page.tsx').then((m) => ({ default: m.BudgetPlansPage })));
const BudgetPlanPage = lazy(() => import('../features/budget/budget-plan-page.tsx').then((m) => ({ default: m.BudgetPlanPage })));
const AccountPage = lazy(() => import('../features/auth/account-page.tsx').then((m) => ({ default: m.AccountPage })));

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
      { path: 'leadership', element: <Navigate to={PATHS.leadershipDashboard} replace /> },
      { path: 'actuarial', element: <Navigate to={PATHS.actuarialOverview} replace /> },
      { path: 'budget', element: <Navigate to={PATHS.budgetPlans} replace /> },
      { path: PATHS.budgetPlans, element: page(<BudgetPlansPage />) },
      { path: 'budget/plans/:planId', element: page(<BudgetPlanPage />) },
      { path: PATHS.leadershipDashboard, element: page(<DashboardPage />) },
      { path: PATHS.leadershipOverview, element: page(<OverviewPage key="leadership" workspace="leadership" />) },
      { path: PATHS.actuarialOverview, element: page(<OverviewPage key="actuarial" workspace="actuarial" />) },
      { path: PATHS.actuarialImport, element: page(<ImportPage key="fund" group="fund" />) },
      { path: PATHS.actuarialForecast, element: page(<ForecastPage />) },
      { path: PATHS.actuarialProjection, element: page(<ProjectionPage />) },
      { path: PATHS.budgetImport, element: page(<ImportPage key="institution" group="institution" />) },
      { path: 'funds/:fundId', element: page(<FundDetailPage />) },
      { path: 'admin', element: <Navigate to={PATHS.adminUsers} replace /> },
      { path: PATHS.adminUsers, element: page(<UsersPage />) },
      { path: PATHS.adminAudit, element: page(<AuditPage />) },
      { path: PATHS.adminParameters, element: page(<ParametersPage />) },
      { path: PATHS.account, element: page(<AccountPage />) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
