import { router, roleProcedure } from '../trpc/init.ts';
import { PERMISSIONS } from '../auth/permissions.ts';
import { regionTree, visibleRegionIds } from '../services/region-scope.ts';

export const regionRouter = router({
  tree: roleProcedure(...PERMISSIONS.read).query(async ({ ctx }) => regionTree(ctx.db, await visibleRegionIds(ctx.db, ctx.user))),
});
