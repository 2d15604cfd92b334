/**
 * The state of a plan's allocation at a glance, and what still blocks its approval (domain.md
 * §5.2, §5.7): institutions without payment history that need a quota set by hand, deductions at or
 * above the plan's collective-decision threshold (default 50,000 元) waiting for a decision, and terminated institutions' shares held back
 * without a decision. The check Σ quotas + Σ unallocated = total is recomputed from the stored rows.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { budgetPlans, budgetQuotas, institutions } from '../db/schema.ts';
import { fenToYuan } from '../../models/index.ts';
import { latestDecisions } from './budget-facts.ts';

const LISTED = 20;

export async function allocationSummary(db: Db, planId: number) {
  const [plan] = await db.select({ totalFen: budgetPlans.totalFen }).from(budgetPlans).where(eq(budgetPlans.id, planId)).limit(1);
  const rows = await db.select({
    code: institutions.code, quotaFen: budgetQuotas.quotaFen, unallocatedFen: budgetQuotas.unallocatedFen, source: budgetQuotas.source,
    status: budgetQuotas.agreementStatus, pendingFen: budgetQuotas.pendingDeductionFen, manual: budgetQuotas.manualQuotaFen,
    score: budgetQuotas.scoreOverride, credit: budgetQuotas.creditOverride,
  }).from(budgetQuotas).innerJoin(institutions, eq(institutions.id, budgetQuotas.institutionId)).where(eq(budgetQuotas.planId, planId)).orderBy(institutions.code);
  let quotaFen = 0;
  let unallocatedFen = 0;
  const count = { institutions: rows.length, computed: 0, manual: 0, needsManual: 0, terminated: 0, suspended: 0, adjusted: 0 };
  const needsManual: string[] = [];
  const pending: { code: string; amountYuan: number }[] = [];
  for (const r of rows) {
    quotaFen += r.quotaFen;
    unallocatedFen += r.unallocatedFen;
    if (r.source === 'computed') count.computed++;
    if (r.source === 'manual') count.manual++;
    if (r.source === 'needs_manual') {
      count.needsManual++;
      needsManual.push(r.code);
    }
    if (r.status === 'terminated') count.terminated++;
    if (r.status === 'suspended') count.suspended++;
    if (r.manual !== null || r.score !== null || r.credit !== null) count.adjusted++;
    if (r.pendingFen > 0) pending.push({ code: r.code, amountYuan: fenToYuan(r.pendingFen) });
  }
  const unallocatedDecision = (await latestDecisions(db, planId)).get('unallocated:') ?? null;
  const totalFen = plan?.totalFen ?? null;
  return {
    totalYuan: totalFen === null ? null : fenToYuan(totalFen),
    quotaSumYuan: fenToYuan(quotaFen),
    unallocatedYuan: fenToYuan(unallocatedFen),
    /** Σ quotas + Σ unallocated = total, to the fen. */
    balanced: totalFen !== null && rows.length > 0 && quotaFen + unallocatedFen === totalFen,
    count,
    needsManualQuota: needsManual.slice(0, LISTED),
    pendingDecisions: pending.slice(0, LISTED),
    pendingDecisionCount: pending.length,
    unallocatedDecision: unallocatedDecision ? { outcome: unallocatedDecision.outcome, decisionRef: unallocatedDecision.decisionRef } : null,
    /** Held-back shares need a decision to hold or redistribute before approval. */
    unallocatedNeedsDecision: unallocatedFen > 0 && unallocatedDecision?.outcome !== 'hold',
  };
}

export type AllocationSummary = Awaited<ReturnType<typeof allocationSummary>>;
