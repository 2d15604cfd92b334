/** Institution budgets (domain.md §5): plans, allocation, adjustments, approval, prepayment, monitoring, settlement. */
import { router, roleProcedure } from '../trpc/init.ts';
import { PERMISSIONS } from '../auth/permissions.ts';
import {
  actualsImportInput, adjustInput, adjustmentPreviewInput, agreementInput, decisionInput, deviationInput, planAllocateInput, planCreateInput,
  planIdInput, planInstitutionInput, planListInput, planTotalInput, prepaymentIssueInput,
} from '../schemas/budget.ts';
import { visibleRegionIds } from '../services/region-scope.ts';
import { createPlan, listPlans, newPlanVersion } from '../services/budget-plans.ts';
import { computePlanTotal } from '../services/budget-total.ts';
import { allocatePlan } from '../services/budget-allocate.ts';
import { adjustQuota, previewAdjustment } from '../services/budget-adjust.ts';
import { recordAgreement, recordDecision } from '../services/budget-decisions.ts';
import { approvePlan } from '../services/budget-approve.ts';
import { getPrepayments, issuePrepayments } from '../services/budget-prepayment.ts';
import { importActuals } from '../services/budget-actuals.ts';
import { planDeviation } from '../services/budget-deviation.ts';
import { getSettlement, settlePlan } from '../services/budget-settlement.ts';
import { explainQuota, getPlanDetail, publishedList } from '../services/budget-detail.ts';

const readProcedure = roleProcedure(...PERMISSIONS.read);
const budgetProcedure = roleProcedure(...PERMISSIONS.budget);

export const budgetRouter = router({
  plans: readProcedure.input(planListInput).query(async ({ ctx, input }) => listPlans(ctx.db, await visibleRegionIds(ctx.db, ctx.user), input)),
  plan: readProcedure.input(planIdInput).query(async ({ ctx, input }) => getPlanDetail(ctx.db, await visibleRegionIds(ctx.db, ctx.user), input.planId)),
  explain: readProcedure.input(planInstitutionInput).query(async ({ ctx, input }) => explainQuota(ctx.db, await visibleRegionIds(ctx.db, ctx.user), input)),
  create: budgetProcedure.input(planCreateInput).mutation(async ({ ctx, input }) => createPlan(ctx.db, ctx.user, await visibleRegionIds(ctx.db, ctx.user), input)),
  newVersion: budgetProcedure.input(planIdInput).mutation(async ({ ctx, input }) => newPlanVersion(ctx.db, ctx.user, await visibleRegionIds(ctx.db, ctx.user), input.planId)),
  computeTotal: budgetProcedure.input(planTotalInput).mutation(async ({ ctx, input }) => computePlanTotal(ctx.db, ctx.user, await visibleRegionIds(ctx.db, ctx.user), input)),
  allocate: budgetProcedure.input(planAllocateInput).mutation(async ({ ctx, input }) => allocatePlan(ctx.db, ctx.user, await visibleRegionIds(ctx.db, ctx.user), input)),
  decide: budgetProcedure.input(decisionInput).mutation(async ({ ctx, input }) => recordDecision(ctx.db, ctx.user, await visibleRegionIds(ctx.db, ctx.user), input)),
  previewAdjustment: budgetProcedure.input(adjustmentPreviewInput).query(async ({ ctx, input }) => previewAdjustment(ctx.db, await visibleRegionIds(ctx.db, ctx.user), input)),
  adjust: budgetProcedure.input(adjustInput).mutation(async ({ ctx, input }) => adjustQuota(ctx.db, ctx.user, await visibleRegionIds(ctx.db, ctx.user), input)),
  approve: budgetProcedure.input(planIdInput).mutation(async ({ ctx, input }) => approvePlan(ctx.db, ctx.user, await visibleRegionIds(ctx.db, ctx.user), input.planId)),
  issuePrepayments: budgetProcedure.input(prepaymentIssueInput).mutation(async ({ ctx, input }) => issuePrepayments(ctx.db, ctx.user, await visibleRegionIds(ctx.db, ctx.user), input)),
  prepayments: readProcedure.input(planIdInput).query(async ({ ctx, input }) => getPrepayments(ctx.db, await visibleRegionIds(ctx.db, ctx.user), input.planId)),
  importActuals: budgetProcedure.input(actualsImportInput).mutation(async ({ ctx, input }) => importActuals(ctx.db, ctx.user, await visibleRegionIds(ctx.db, ctx.user), input)),
  deviation: readProcedure.input(deviationInput).query(async ({ ctx, input }) => planDeviation(ctx.db, await visibleRegionIds(ctx.db, ctx.user), input)),
  settle: budgetProcedure.input(planIdInput).mutation(async ({ ctx, input }) => settlePlan(ctx.db, ctx.user, await visibleRegionIds(ctx.db, ctx.user), input.planId)),
  settlement: readProcedure.input(planIdInput).query(async ({ ctx, input }) => getSettlement(ctx.db, await visibleRegionIds(ctx.db, ctx.user), input.planId)),
  published: readProcedure.input(planIdInput).query(async ({ ctx, input }) => publishedList(ctx.db, await visibleRegionIds(ctx.db, ctx.user), input.planId)),
  recordAgreement: budgetProcedure.input(agreementInput).mutation(async ({ ctx, input }) => recordAgreement(ctx.db, ctx.user, await visibleRegionIds(ctx.db, ctx.user), input)),
});
