import { router, roleProcedure } from '../trpc/init.ts';
import { PERMISSIONS } from '../auth/permissions.ts';
import { fundOverviewInput, fundDetailInput } from '../schemas/fund.ts';
import { fundOverview } from '../services/fund-overview.ts';
import { fundDetail } from '../services/fund-detail.ts';
import { visibleRegionIds } from '../services/region-scope.ts';

const readProcedure = roleProcedure(...PERMISSIONS.read);

export const fundRouter = router({
  overview: readProcedure.input(fundOverviewInput).query(async ({ ctx, input }) =>
    fundOverview(ctx.db, await visibleRegionIds(ctx.db, ctx.user), input)),
  detail: readProcedure.input(fundDetailInput).query(async ({ ctx, input }) =>
    fundDetail(ctx.db, await visibleRegionIds(ctx.db, ctx.user), input.fundId)),
});
