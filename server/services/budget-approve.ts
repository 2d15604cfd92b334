/**
 * Approval of an allocated plan (issue 6): it locks the plan and its quotas (migration
 * budget_plans_immutable refuses any later change; a new version is needed), and supersedes the
 * approved earlier version of the same year × scheme × region. Written durably (budget-durable.ts:
 * synchronous=FULL on SQLite) in one transaction with its audit row, which carries a SHA-256 over the
 * approved quotas so the published figures can be checked against the approval.
 */
import { createHash } from 'node:crypto';
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { budgetPlans, budgetQuotas } from '../db/schema.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { collectiveDecisionThresholdFen, formatFenAsYuan } from '../../models/index.ts';
import { appendAudit } from './audit.ts';
import { DomainError } from './errors.ts';
import { editablePlan, planInStatus, planLabel, planParams, planView, type PlanRow } from './budget-plans.ts';
import { allocationSummary } from './budget-summary.ts';
import { durableTransaction } from './budget-durable.ts';
import { groupedYuan } from './budget-views.ts';

/** SHA-256 over the plan's quotas in institution order: `<institutionId>:<quotaFen>:<unallocatedFen>` lines. */
export async function quotasHash(db: Db, planId: number): Promise<{ hash: string; count: number; sumFen: number }> {
  const rows = await db.select({ id: budgetQuotas.institutionId, q: budgetQuotas.quotaFen, u: budgetQuotas.unallocatedFen }).from(budgetQuotas)
    .where(eq(budgetQuotas.planId, planId)).orderBy(budgetQuotas.institutionId);
  const hash = createHash('sha256');
  let sumFen = 0;
  for (const r of rows) {
    hash.update(`${r.id}:${r.q}:${r.u}\n`);
    sumFen += r.q + r.u;
  }
  return { hash: hash.digest('hex'), count: rows.length, sumFen };
}

/**
 * Every check below runs in the durable transaction that approves, so the plan approved is the
 * plan checked.
 * @throws DomainError CONFLICT: locked (`lockedMessage`), not allocated, or blocked:
 *   `<plan> cannot be approved: institutions without payment history need a quota set by hand (<n>: <codes>)`,
 *   `… deductions of <threshold> yuan or more need a recorded decision (<n>: <codes>)` (the plan's
 *   collectiveDecisionThresholdYuan, e.g. `50,000`),
 *   `… <x> yuan of terminated institutions is unallocated: record a decision to hold or redistribute it`,
 *   `… its quotas and unallocated shares (<x> yuan) do not add up to the total (<y> yuan)`,
 *   `… version <v> of this plan is already settled`.
 */
export async function approvePlan(db: Db, user: SessionUser, scope: Set<number> | null, planId: number) {
  const at = new Date().toISOString();
  return durableTransaction(db, async (tx) => {
    await editablePlan(tx, scope, planId);
    const plan = await planInStatus(tx, scope, planId, ['allocated'], 'approval');
    const label = planLabel(plan);
    const summary = await allocationSummary(tx, plan.id);
    const refuse = (why: string) => new DomainError('CONFLICT', `${label} cannot be approved: ${why}`);
    if (summary.count.needsManual > 0) throw refuse(`institutions without payment history need a quota set by hand (${summary.count.needsManual}: ${summary.needsManualQuota.join(', ')})`);
    if (summary.pendingDecisionCount > 0) throw refuse(`deductions of ${groupedYuan(collectiveDecisionThresholdFen(planParams(plan)))} yuan or more need a recorded decision (${summary.pendingDecisionCount}: ${summary.pendingDecisions.map((p) => p.code).join(', ')})`);
    if (summary.unallocatedNeedsDecision) throw refuse(`${summary.unallocatedYuan.toFixed(2)} yuan of terminated institutions is unallocated: record a decision to hold or redistribute it`);
    const check = await quotasHash(tx, plan.id);
    if (check.sumFen !== plan.totalFen) throw refuse(`its quotas and unallocated shares (${formatFenAsYuan(check.sumFen)} yuan) do not add up to the total (${formatFenAsYuan(plan.totalFen ?? 0)} yuan)`);
    const siblings = await tx.select().from(budgetPlans).where(and(eq(budgetPlans.year, plan.year), eq(budgetPlans.scheme, plan.scheme), eq(budgetPlans.regionId, plan.regionId), ne(budgetPlans.id, plan.id)));
    const settled = siblings.find((p) => p.status === 'settled');
    if (settled) throw refuse(`version ${settled.version} of this plan is already settled`);
    const previous = siblings.filter((p) => p.status === 'approved');
    if (previous.length > 0) await tx.update(budgetPlans).set({ status: 'superseded', supersededById: plan.id }).where(inArray(budgetPlans.id, previous.map((p) => p.id)));
    const [approved] = await tx.update(budgetPlans).set({ status: 'approved', approvedBy: user.id, approvedAt: at }).where(eq(budgetPlans.id, plan.id)).returning() as [PlanRow];
    await appendAudit(tx, {
      userId: user.id, username: user.username, action: 'budget.approve', entity: 'budget_plan', entityId: plan.id,
      before: { status: plan.status }, after: { status: 'approved', totalFen: plan.totalFen, quotas: check.count, quotasSha256: check.hash, superseded: previous.map((p) => p.id) },
    });
    return planView(tx, approved);
  });
}
