import { router, roleProcedure } from '../trpc/init.ts';
import { PERMISSIONS } from '../auth/permissions.ts';
import { warningCurrentInput, warningForwardInput, warningHistoryInput } from '../schemas/warning.ts';
import { warningCurrent, warningHistory } from '../services/warning-current.ts';
import { warningForward } from '../services/warning-forward.ts';
import { userScope } from '../services/warning-regions.ts';
import { warningDataStamp } from '../services/warning-cache.ts';

const readProcedure = roleProcedure(...PERMISSIONS.read);

export const warningRouter = router({
  current: readProcedure.input(warningCurrentInput).query(async ({ ctx, input }) =>
    warningCurrent(ctx.db, await userScope(ctx.db, ctx.user, await warningDataStamp(ctx.db)), input)),
  history: readProcedure.input(warningHistoryInput).query(async ({ ctx, input }) =>
    warningHistory(ctx.db, await userScope(ctx.db, ctx.user, await warningDataStamp(ctx.db)), input.fundId)),
  forward: readProcedure.input(warningForwardInput).query(async ({ ctx, input }) =>
    warningForward(ctx.db, await userScope(ctx.db, ctx.user, await warningDataStamp(ctx.db)), input)),
});
