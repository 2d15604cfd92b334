import { router } from '../trpc/init.ts';
import { authRouter } from './auth.ts';
import { regionRouter } from './region.ts';
import { fundRouter } from './fund.ts';
import { importerRouter } from './importer.ts';
import { forecastRouter } from './forecast.ts';

export const appRouter = router({
  auth: authRouter,
  region: regionRouter,
  fund: fundRouter,
  importer: importerRouter,
  forecast: forecastRouter,
});

export type AppRouter = typeof appRouter;
