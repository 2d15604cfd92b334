import { router, roleProcedure } from '../trpc/init.ts';
import { PERMISSIONS } from '../auth/permissions.ts';
import { forecastRunInput, forecastBacktestInput, forecastSaveInput, forecastListInput } from '../schemas/forecast.ts';
import { runForecast, runBacktest, saveForecast, listSavedForecasts } from '../services/forecast-run.ts';
import { visibleRegionIds } from '../services/region-scope.ts';

const readProcedure = roleProcedure(...PERMISSIONS.read);
const forecastProcedure = roleProcedure(...PERMISSIONS.forecast);

export const forecastRouter = router({
  run: readProcedure.input(forecastRunInput).query(async ({ ctx, input }) => runForecast(ctx.db, await visibleRegionIds(ctx.db, ctx.user), input)),
  backtest: readProcedure.input(forecastBacktestInput).query(async ({ ctx, input }) => runBacktest(ctx.db, await visibleRegionIds(ctx.db, ctx.user), input)),
  save: forecastProcedure.input(forecastSaveInput).mutation(async ({ ctx, input }) => saveForecast(ctx.db, await visibleRegionIds(ctx.db, ctx.user), ctx.user, input)),
  saved: readProcedure.input(forecastListInput).query(async ({ ctx, input }) => listSavedForecasts(ctx.db, await visibleRegionIds(ctx.db, ctx.user), input.fundId)),
});
