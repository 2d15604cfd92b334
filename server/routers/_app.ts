import { router } from '../trpc/init.ts';
import { authRouter } from './auth.ts';
import { regionRouter } from './region.ts';
import { fundRouter } from './fund.ts';
import { importerRouter } from './importer.ts';
import { forecastRouter } from './forecast.ts';
import { projectionRouter } from './projection.ts';
import { warningRouter } from './warning.ts';
import { dashboardRouter } from './dashboard.ts';
import { adminRouter } from './admin.ts';
import { budgetRouter } from './budget.ts';
import { parametersRouter } from './parameters.ts';

export const appRouter = router({
  auth: authRouter,
  region: regionRouter,
  fund: fundRouter,
  importer: importerRouter,
  forecast: forecastRouter,
  projection: projectionRouter,
  warning: warningRouter,
  dashboard: dashboardRouter,
  admin: adminRouter,
  budget: budgetRouter,
  parameters: parametersRouter,
});

export type AppRouter = typeof appRouter;
