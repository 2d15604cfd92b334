/**
 * Allocation of a plan's total to its institutions (domain.md §5.2, §5.7): load the facts, apply the
 * officer's overrides and recorded decisions, call the model (`allocateBudget`), store one quota
 * row per institution with its full explanation. Rules applied here, before the model:
 * - a confirmed-violation deduction at or above the plan's `collectiveDecisionThresholdYuan`
 *   (default 50,000 元) is applied only with a recorded decision (outcome apply; waive drops it);
 *   without one it is held as pending and blocks approval;
 * - terminated institutions keep their computed share unallocated unless a plan-wide decision
 *   redistributes it, in which case they leave the split (their explanation is still stored);
 * - a base year that holds only one payments total for all schemes (recorded before payments were
 *   kept per scheme, migration 0010) refuses the allocation: using it would count the other
 *   schemes' payments in this plan's base, dropping it would silently reweight the base.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { budgetPlans, budgetQuotas } from '../db/schema.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { allocateBudget, collectiveDecisionThresholdFen, needsCollectiveDecision, type AllocationResult, type BudgetParams, type BudgetParamsOverride, type CreditRating, type InstitutionBudgetInput, type InstitutionQuota } from '../../models/index.ts';
import { appendAudit } from './audit.ts';
import { DomainError } from './errors.ts';
import { checkedParamsJson, editablePlan, planLabel, planParams, type PlanRow } from './budget-plans.ts';
import { insertRows } from './budget-bulk.ts';
import { BASE_YEARS, latestDecisions, loadInstitutionFacts, type InstitutionFacts } from './budget-facts.ts';
import type { QuotaExplanation } from './budget-views.ts';
import { allocationSummary } from './budget-summary.ts';

const LISTED = 10;
type QuotaInsert = typeof budgetQuotas.$inferInsert;

export interface Overrides { quotaFen: number | null; score: number | null; credit: CreditRating | null }

export interface AllocationOutcome {
  result: AllocationResult;
  rows: QuotaInsert[];
}

/** The overrides stored on a plan's quota rows. */
export async function currentOverrides(db: Db, planId: number): Promise<Map<number, Overrides>> {
  const rows = await db.select({ id: budgetQuotas.institutionId, quotaFen: budgetQuotas.manualQuotaFen, score: budgetQuotas.scoreOverride, credit: budgetQuotas.creditOverride })
    .from(budgetQuotas).where(eq(budgetQuotas.planId, planId));
  return new Map(rows.filter((r) => r.quotaFen !== null || r.score !== null || r.credit !== null).map((r) => [r.id, { quotaFen: r.quotaFen, score: r.score, credit: r.credit }]));
}

/**
 * Runs the model on the plan's facts with the overrides and decisions.
 * @throws DomainError BAD_REQUEST with the model's message (e.g. a manual quota above the total);
 *   CONFLICT without a total, or `<plan> cannot be allocated: base years with one payments total for all
 *   schemes (recorded before payments were kept per scheme) cannot be split between plans (<n>: <code>
 *   (<years>), …); import institution_years for these years with a scheme column (one row per scheme)`.
 */
export async function computeAllocation(db: Db, plan: PlanRow, overrides: ReadonlyMap<number, Overrides>, params: BudgetParams): Promise<AllocationOutcome> {
  if (plan.totalFen === null) throw new DomainError('CONFLICT', `${planLabel(plan)} has no total yet: compute it from a projection first`);
  const facts = await loadInstitutionFacts(db, plan);
  const unsplit = facts.filter((f) => f.unsplitYears.length > 0);
  if (unsplit.length > 0) {
    const listed = unsplit.slice(0, LISTED).map((f) => `${f.code} (${f.unsplitYears.join(', ')})`).join(', ');
    throw new DomainError('CONFLICT', `${planLabel(plan)} cannot be allocated: base years with one payments total for all schemes (recorded before payments were kept per scheme) `
      + `cannot be split between plans (${unsplit.length}: ${listed}${unsplit.length > LISTED ? ', …' : ''}); import institution_years for these years with a scheme column (one row per scheme)`);
  }
  const decisions = await latestDecisions(db, plan.id);
  const redistribute = decisions.get('unallocated:')?.outcome === 'redistribute';
  const thresholdFen = collectiveDecisionThresholdFen(params);
  const byCode = new Map<string, { fact: InstitutionFacts; deduction: QuotaExplanation['deduction']; o: Overrides | undefined }>();
  const inputs: InstitutionBudgetInput[] = [];
  for (const fact of facts) {
    const o = overrides.get(fact.institutionId);
    const confirmedFen = fact.violations.confirmedFen;
    const needsDecision = needsCollectiveDecision(confirmedFen, params);
    const d = needsDecision ? decisions.get(`deduction:${fact.institutionId}`) : undefined;
    const appliedFen = !needsDecision || d?.outcome === 'apply' ? confirmedFen : 0;
    const deduction = {
      confirmedFen, appliedFen, pendingFen: needsDecision && !d ? confirmedFen : 0, thresholdFen,
      decision: d ? { outcome: d.outcome, decisionRef: d.decisionRef, at: d.at } : null,
    };
    byCode.set(fact.code, { fact, deduction, o });
    inputs.push({
      institutionId: fact.code, name: fact.name, paidFen: fact.paidFen, assessmentScore: o?.score ?? fact.score, creditRating: o?.credit ?? fact.credit,
      violationFen: appliedFen, status: fact.agreement.status, ...(o?.quotaFen === null || o?.quotaFen === undefined ? {} : { manualQuotaFen: o.quotaFen }),
    });
  }
  const run = (list: InstitutionBudgetInput[]) => {
    try {
      return allocateBudget(list, { totalFen: plan.totalFen as number, params });
    } catch (err) {
      throw new DomainError('BAD_REQUEST', (err as Error).message);
    }
  };
  const withTerminated = run(inputs);
  const hasTerminated = inputs.some((i) => i.status === 'terminated');
  const result = redistribute && hasTerminated ? run(inputs.filter((i) => i.status !== 'terminated')) : withTerminated;
  const final = new Map(result.quotas.map((q) => [q.institutionId, q]));
  const rows = withTerminated.quotas.map((modelQuota): QuotaInsert => {
    const entry = byCode.get(modelQuota.institutionId) as { fact: InstitutionFacts; deduction: QuotaExplanation['deduction']; o: Overrides | undefined };
    const redistributed = !final.has(modelQuota.institutionId);
    const q: InstitutionQuota = redistributed ? { ...modelQuota, unallocatedFen: 0, scalingFactor: null } : final.get(modelQuota.institutionId) as InstitutionQuota;
    const { fact, deduction, o } = entry;
    const explanation: QuotaExplanation = {
      quota: q, years: fact.paidFen.map((paidFen, j) => ({ year: plan.year - BASE_YEARS + j, paidFen })), scoreYear: plan.year - 1,
      data: { score: fact.score, credit: fact.credit }, overrides: { quotaFen: o?.quotaFen ?? null, score: o?.score ?? null, credit: o?.credit ?? null },
      violations: { year: plan.year - 1, ...fact.violations }, deduction, agreement: fact.agreement, redistributed,
    };
    return {
      planId: plan.id, institutionId: fact.institutionId, quotaFen: q.quotaFen, unallocatedFen: q.unallocatedFen, source: q.source, agreementStatus: q.status,
      baseFen: q.baseFen, rawFen: q.rawFen, assessmentScore: q.assessmentScore, assessmentFactor: q.assessmentFactor, creditRating: q.creditRating,
      creditFactor: q.creditFactor, violationDeductionFen: q.violationDeductionFen, pendingDeductionFen: deduction.pendingFen,
      manualQuotaFen: o?.quotaFen ?? null, scoreOverride: o?.score ?? null, creditOverride: o?.credit ?? null, explanationJson: JSON.stringify(explanation),
    };
  });
  return { result, rows };
}

/** Replaces the plan's quota rows and marks it allocated (`tx`: the caller's transaction). */
export async function storeAllocation(tx: Db, plan: PlanRow, outcome: AllocationOutcome): Promise<void> {
  await tx.delete(budgetQuotas).where(eq(budgetQuotas.planId, plan.id));
  await insertRows(tx, budgetQuotas, outcome.rows);
  await tx.update(budgetPlans).set({
    status: 'allocated', paramsJson: plan.paramsJson, allocatedFen: outcome.result.allocatedFen, unallocatedFen: outcome.result.unallocatedFen,
  }).where(eq(budgetPlans.id, plan.id));
}

/**
 * Allocates (or re-allocates) a plan, optionally with a new parameter override; overrides set by
 * hand are kept. Audited with the totals before and after. The plan is read, allocated and written
 * in one transaction, so a plan approved meanwhile is refused, not overwritten.
 * @throws DomainError CONFLICT when locked or without a total; BAD_REQUEST for bad parameters or the model's refusal.
 */
export async function allocatePlan(db: Db, user: SessionUser, scope: Set<number> | null, input: { planId: number; params?: BudgetParamsOverride | undefined }) {
  return db.transaction(async (tx) => {
    const plan = await editablePlan(tx, scope, input.planId);
    const updated: PlanRow = input.params === undefined ? plan : { ...plan, paramsJson: checkedParamsJson(input.params) };
    const outcome = await computeAllocation(tx, updated, await currentOverrides(tx, plan.id), planParams(updated));
    await storeAllocation(tx, updated, outcome);
    const summary = await allocationSummary(tx, plan.id);
    await appendAudit(tx, {
      userId: user.id, username: user.username, action: 'budget.allocate', entity: 'budget_plan', entityId: plan.id,
      before: { status: plan.status, allocatedFen: plan.allocatedFen, unallocatedFen: plan.unallocatedFen, params: JSON.parse(plan.paramsJson) },
      after: { status: 'allocated', totalFen: plan.totalFen, allocatedFen: outcome.result.allocatedFen, unallocatedFen: outcome.result.unallocatedFen, institutions: outcome.rows.length, params: JSON.parse(updated.paramsJson) },
    });
    return summary;
  });
}
