import { router, roleProcedure } from '../trpc/init.ts';
import { PERMISSIONS } from '../auth/permissions.ts';
import {
  projectionCompareInput, projectionRunInput, projectionSensitivityInput, projectionSolveInput, runIdInput, runListInput,
  scenarioCalibrateInput, scenarioCloneInput, scenarioGetInput, scenarioListInput, scenarioReviseInput, scenarioSaveInput,
} from '../schemas/projection.ts';
import { createScenario, getScenario, listScenarios, reviseScenario } from '../services/scenario-store.ts';
import { clonePreset } from '../services/scenario-presets.ts';
import { scenarioFromFund } from '../services/scenario-from-fund.ts';
import { cancelRun, getRun, listRuns, startRun } from '../services/projection-runs.ts';
import { compareScenarios, scenarioPresets, scenarioSensitivity, solveScenario } from '../services/projection-analysis.ts';
import { watchRunOrStored } from '../services/projection-watch.ts';
import { visibleRegionIds } from '../services/region-scope.ts';

const readProcedure = roleProcedure(...PERMISSIONS.read);
const projectProcedure = roleProcedure(...PERMISSIONS.project);

export const projectionRouter = router({
  scenarios: readProcedure.input(scenarioListInput).query(async ({ ctx, input }) => listScenarios(ctx.db, await visibleRegionIds(ctx.db, ctx.user), input.lineage)),
  scenario: readProcedure.input(scenarioGetInput).query(async ({ ctx, input }) => getScenario(ctx.db, await visibleRegionIds(ctx.db, ctx.user), input.id)),
  calibrate: readProcedure.input(scenarioCalibrateInput).query(async ({ ctx, input }) =>
    scenarioFromFund(ctx.db, await visibleRegionIds(ctx.db, ctx.user), input.fundId, input.startYear)),
  presets: readProcedure.input(scenarioGetInput).query(async ({ ctx, input }) => scenarioPresets(ctx.db, await visibleRegionIds(ctx.db, ctx.user), input.id)),
  createScenario: projectProcedure.input(scenarioSaveInput).mutation(async ({ ctx, input }) =>
    createScenario(ctx.db, ctx.user, await visibleRegionIds(ctx.db, ctx.user), input)),
  reviseScenario: projectProcedure.input(scenarioReviseInput).mutation(async ({ ctx, input }) =>
    reviseScenario(ctx.db, ctx.user, await visibleRegionIds(ctx.db, ctx.user), input.fromId, input)),
  cloneScenario: projectProcedure.input(scenarioCloneInput).mutation(async ({ ctx, input }) =>
    clonePreset(ctx.db, ctx.user, await visibleRegionIds(ctx.db, ctx.user), input)),
  run: projectProcedure.input(projectionRunInput).mutation(async ({ ctx, input }) => startRun(ctx.db, ctx.user, await visibleRegionIds(ctx.db, ctx.user), input)),
  runStatus: readProcedure.input(runIdInput).query(async ({ ctx, input }) => getRun(ctx.db, await visibleRegionIds(ctx.db, ctx.user), input.runId)),
  runs: readProcedure.input(runListInput).query(async ({ ctx, input }) => listRuns(ctx.db, await visibleRegionIds(ctx.db, ctx.user), input.scenarioId)),
  progress: readProcedure.input(runIdInput).subscription(async ({ ctx, input, signal }) =>
    watchRunOrStored(ctx.db, await visibleRegionIds(ctx.db, ctx.user), input.runId, signal)),
  cancel: projectProcedure.input(runIdInput).mutation(async ({ ctx, input }) => cancelRun(ctx.db, ctx.user, await visibleRegionIds(ctx.db, ctx.user), input.runId)),
  compare: readProcedure.input(projectionCompareInput).query(async ({ ctx, input }) => compareScenarios(ctx.db, await visibleRegionIds(ctx.db, ctx.user), input.scenarioIds)),
  sensitivity: readProcedure.input(projectionSensitivityInput).query(async ({ ctx, input }) =>
    scenarioSensitivity(ctx.db, await visibleRegionIds(ctx.db, ctx.user), input.scenarioId, input.years)),
  solve: readProcedure.input(projectionSolveInput).query(async ({ ctx, input }) =>
    solveScenario(ctx.db, await visibleRegionIds(ctx.db, ctx.user), input.scenarioId, input.targetMonths)),
});
