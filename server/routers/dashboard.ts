import { router, roleProcedure } from '../trpc/init.ts';
import { PERMISSIONS } from '../auth/permissions.ts';
import { dashboardSummaryInput } from '../schemas/dashboard.ts';
import { dashboardSummary } from '../services/dashboard-summary.ts';

const readProcedure = roleProcedure(...PERMISSIONS.read);

export const dashboardRouter = router({
  summary: readProcedure.input(dashboardSummaryInput).query(({ ctx, input }) => dashboardSummary(ctx.db, ctx.user, input)),
});
