import { router, roleProcedure } from '../trpc/init.ts';
import { PERMISSIONS } from '../auth/permissions.ts';
import { fundOverviewInput, fundDetailInput } from '../schemas/fund.ts';
import { fundOverview } from '../services/fund-overview.ts';
import { fundDetail } from '../services/fund-detail.ts';
import { visibleRegionIds } from '../services/region-scope.ts';

const readProcedure = roleProcedure(...PERMISSIONS.read);

export const fundRouter = router({
  overview: readProcedure.input(fundOverviewInput).query(({ ctx, input }) =>
    fundOverview(ctx.db, visibleRegionIds(ctx.db, ctx.user), input)),
  detail: readProcedure.input(fundDetailInput).query(({ ctx, input }) =>
    fundDetail(ctx.db, visibleRegionIds(ctx.db, ctx.user), input.fundId)),
});
