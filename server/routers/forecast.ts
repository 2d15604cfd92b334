import { router, roleProcedure } from '../trpc/init.ts';
import { PERMISSIONS } from '../auth/permissions.ts';
import { forecastRunInput, forecastBacktestInput, forecastSaveInput, forecastListInput } from '../schemas/forecast.ts';
import { runForecast, runBacktest, saveForecast, listSavedForecasts } from '../services/forecast-run.ts';
import { visibleRegionIds } from '../services/region-scope.ts';

const readProcedure = roleProcedure(...PERMISSIONS.read);
const forecastProcedure = roleProcedure(...PERMISSIONS.forecast);

export const forecastRouter = router({
  run: readProcedure.input(forecastRunInput).query(({ ctx, input }) => runForecast(ctx.db, visibleRegionIds(ctx.db, ctx.user), input)),
  backtest: readProcedure.input(forecastBacktestInput).query(({ ctx, input }) => runBacktest(ctx.db, visibleRegionIds(ctx.db, ctx.user), input)),
  save: forecastProcedure.input(forecastSaveInput).mutation(({ ctx, input }) => saveForecast(ctx.db, visibleRegionIds(ctx.db, ctx.user), ctx.user, input)),
  saved: readProcedure.input(forecastListInput).query(({ ctx, input }) => listSavedForecasts(ctx.db, visibleRegionIds(ctx.db, ctx.user), input.fundId)),
});
