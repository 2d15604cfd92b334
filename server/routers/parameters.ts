/**
 * Policy parameter sets (domain.md §3): every role reads them (overrides of its own regions);
 * administrators write new versions, each audited before → after.
 */
import { router, roleProcedure } from '../trpc/init.ts';
import type { Context } from '../trpc/context.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { PERMISSIONS } from '../auth/permissions.ts';
import { createParameterVersionInput, parameterSetInput, parametersInForceInput, setParameterOverrideInput } from '../schemas/parameters.ts';
import { getParameterSet, listParameterSets, parametersInForce } from '../services/parameter-sets.ts';
import { createParameterVersion, setRegionalOverride } from '../services/parameter-edits.ts';
import { visibleRegionIds } from '../services/region-scope.ts';
import type { Actor } from '../services/users.ts';

const readProcedure = roleProcedure(...PERMISSIONS.read);
const adminProcedure = roleProcedure(...PERMISSIONS.administer);
const actorOf = (ctx: Context & { user: SessionUser }): Actor => ({ id: ctx.user.id, username: ctx.user.username, ip: ctx.ip, nowMs: ctx.now() });

export const parametersRouter = router({
  list: readProcedure.query(async ({ ctx }) => listParameterSets(ctx.db, await visibleRegionIds(ctx.db, ctx.user))),
  get: readProcedure.input(parameterSetInput).query(async ({ ctx, input }) => getParameterSet(ctx.db, await visibleRegionIds(ctx.db, ctx.user), input.setId)),
  inForce: readProcedure.input(parametersInForceInput).query(async ({ ctx, input }) => parametersInForce(ctx.db, await visibleRegionIds(ctx.db, ctx.user), input)),
  createVersion: adminProcedure.input(createParameterVersionInput).mutation(({ ctx, input }) => createParameterVersion(ctx.db, actorOf(ctx), input)),
  setOverride: adminProcedure.input(setParameterOverrideInput).mutation(async ({ ctx, input }) =>
    setRegionalOverride(ctx.db, actorOf(ctx), await visibleRegionIds(ctx.db, ctx.user), input)),
});
