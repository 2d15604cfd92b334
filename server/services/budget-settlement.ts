/**
 * Year-end settlement of an approved plan (年终清算, domain.md §5.4): per institution the model
 * (`settleInstitutions`) applies the retained-savings / shared-overspend rule of the plan's
 * parameters to its quota and its actual payments of the 12 months, then deducts the violation
 * recovery (confirmed violations dated in the plan year; at or above the plan's
 * `collectiveDecisionThresholdYuan`, default 50,000 元, only with a recorded decision, seed 001 第二十一条) and what was prepaid. Written once, durably, with the plan's move
 * to `settled` and the audit row in one transaction.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { budgetPlans, budgetPrepayments, budgetQuotas, budgetSettlements, institutions } from '../db/schema.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { collectiveDecisionThresholdFen, fenToYuan, needsCollectiveDecision, settleInstitutions, type SettlementInput } from '../../models/index.ts';
import { appendAudit } from './audit.ts';
import { DomainError } from './errors.ts';
import { loadPlan, planInStatus, planLabel, planParams, regionSubtree, type PlanRow } from './budget-plans.ts';
import { latestDecisions, violationsInYear } from './budget-facts.ts';
import { actualsOfYear } from './budget-actuals.ts';
import { durableTransaction } from './budget-durable.ts';
import { insertRows } from './budget-bulk.ts';
import { groupedYuan, type QuotaExplanation } from './budget-views.ts';

const LISTED = 10;

/** Institution id → confirmed violation amount (fen) dated in the plan year, at the plan's institutions. */
export async function recoveriesOf(db: Db, plan: PlanRow): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (const v of await violationsInYear(db, await regionSubtree(db, plan.regionId), plan.year)) {
    if (v.status === 'confirmed') out.set(v.institutionId, (out.get(v.institutionId) ?? 0) + v.amountFen);
  }
  return out;
}

/**
 * Settles the plan: its status, prepayments, actual payments, recoveries and decisions are read in
 * the durable transaction that writes the settlement.
 * @throws DomainError CONFLICT when not approved, when no prepayment schedule was issued
 *   (`issue the prepayment schedule of <plan> before settling it`), or when recoveries at or above
 *   the plan's threshold lack a decision (`… violation recoveries of 50,000 yuan or more need a recorded decision (<n>: <codes>)`); BAD_REQUEST `settlement of <year> needs actual payments for all 12 months; institutions lacking months (<n>): <code> (<periods>), …`.
 */
export async function settlePlan(db: Db, user: SessionUser, scope: Set<number> | null, planId: number) {
  const at = new Date().toISOString();
  await durableTransaction(db, async (tx) => {
    const plan = await planInStatus(tx, scope, planId, ['approved'], 'settlement');
    const label = planLabel(plan);
    const prepaid = new Map<number, number>();
    for (const p of await tx.select({ id: budgetPrepayments.institutionId, fen: budgetPrepayments.amountFen }).from(budgetPrepayments).where(eq(budgetPrepayments.planId, plan.id))) {
      prepaid.set(p.id, (prepaid.get(p.id) ?? 0) + p.fen);
    }
    if (prepaid.size === 0) throw new DomainError('CONFLICT', `issue the prepayment schedule of ${label} before settling it`);
    const actuals = await actualsOfYear(tx, plan.id, plan.scheme, plan.year);
    const quotas = (await tx.select({ id: budgetQuotas.institutionId, code: institutions.code, quotaFen: budgetQuotas.quotaFen, x: budgetQuotas.explanationJson })
      .from(budgetQuotas).innerJoin(institutions, eq(institutions.id, budgetQuotas.institutionId)).where(eq(budgetQuotas.planId, plan.id)).orderBy(institutions.code))
      .filter((q) => q.quotaFen > 0 || actuals.has(q.id));
    const lacking = quotas.map((q) => ({ code: q.code, missing: (actuals.get(q.id) ?? new Array(12).fill(undefined)).flatMap((m, i) => (m === undefined ? [`${plan.year}-${String(i + 1).padStart(2, '0')}`] : [])) }))
      .filter((l) => l.missing.length > 0);
    if (lacking.length > 0) {
      const listed = lacking.slice(0, LISTED).map((l) => `${l.code} (${l.missing.length > 3 ? `${l.missing.length} months` : l.missing.join(', ')})`).join(', ');
      throw new DomainError('BAD_REQUEST', `settlement of ${plan.year} needs actual payments for all 12 months; institutions lacking months (${lacking.length}): ${listed}${lacking.length > LISTED ? ', …' : ''}`);
    }
    const recoveries = await recoveriesOf(tx, plan);
    const decisions = await latestDecisions(tx, plan.id);
    const params = planParams(plan);
    const undecided = quotas.filter((q) => needsCollectiveDecision(recoveries.get(q.id) ?? 0, params) && !decisions.has(`recovery:${q.id}`));
    if (undecided.length > 0) throw new DomainError('CONFLICT', `${label} cannot be settled: violation recoveries of ${groupedYuan(collectiveDecisionThresholdFen(params))} yuan or more need a recorded decision (${undecided.length}: ${undecided.slice(0, LISTED).map((q) => q.code).join(', ')})`);
    const inputs: SettlementInput[] = quotas.map((q) => {
      const recovery = recoveries.get(q.id) ?? 0;
      const applied = !needsCollectiveDecision(recovery, params) || decisions.get(`recovery:${q.id}`)?.outcome === 'apply' ? recovery : 0;
      return {
        institutionId: String(q.id), quotaFen: q.quotaFen, actualFen: (actuals.get(q.id) ?? []).reduce((s: number, m) => s + (m ?? 0), 0),
        prepaidFen: prepaid.get(q.id) ?? 0, violationRecoveryFen: applied, assessmentScore: (JSON.parse(q.x) as QuotaExplanation).quota.assessmentScore,
      };
    });
    let settlements;
    try {
      settlements = settleInstitutions(inputs, params);
    } catch (err) {
      throw new DomainError('BAD_REQUEST', (err as Error).message);
    }
    const totals = { fundPaysFen: 0, finalFen: 0 };
    const rows = settlements.map((s) => {
      totals.fundPaysFen += s.fundPaysFen;
      totals.finalFen += s.finalFen;
      return {
        planId: plan.id, institutionId: Number(s.institutionId), quotaFen: s.quotaFen, actualFen: s.actualFen, prepaidFen: s.prepaidFen, violationRecoveryFen: s.violationRecoveryFen,
        band: s.band, fundPaysFen: s.fundPaysFen, institutionBearsFen: s.institutionBearsFen, rewardFen: s.rewardFen, finalFen: s.finalFen, detailJson: JSON.stringify(s),
      };
    });
    await insertRows(tx, budgetSettlements, rows);
    await tx.update(budgetPlans).set({ status: 'settled', settledBy: user.id, settledAt: at }).where(eq(budgetPlans.id, plan.id));
    await appendAudit(tx, { userId: user.id, username: user.username, action: 'budget.settle', entity: 'budget_plan', entityId: plan.id, before: { status: 'approved' }, after: { status: 'settled', institutions: rows.length, ...totals } });
  });
  return getSettlement(db, scope, planId);
}

/** The stored settlement with its summary; `settled: false` and no rows before settlement. */
export async function getSettlement(db: Db, scope: Set<number> | null, planId: number) {
  const plan = await loadPlan(db, scope, planId);
  const rows = await db.select({ s: budgetSettlements, code: institutions.code, name: institutions.name }).from(budgetSettlements)
    .innerJoin(institutions, eq(institutions.id, budgetSettlements.institutionId)).where(and(eq(budgetSettlements.planId, plan.id))).orderBy(institutions.code);
  const sum = { quota: 0, actual: 0, fundPays: 0, reward: 0, bears: 0, recovery: 0, prepaid: 0, owedToInstitutions: 0, repaidByInstitutions: 0 };
  const bands = { savings: 0, shared: 0, beyond: 0 };
  const out = rows.map(({ s, code, name }) => {
    sum.quota += s.quotaFen;
    sum.actual += s.actualFen;
    sum.fundPays += s.fundPaysFen;
    sum.reward += s.rewardFen;
    sum.bears += s.institutionBearsFen;
    sum.recovery += s.violationRecoveryFen;
    sum.prepaid += s.prepaidFen;
    if (s.finalFen > 0) sum.owedToInstitutions += s.finalFen;
    else sum.repaidByInstitutions -= s.finalFen;
    bands[s.band]++;
    return {
      institutionId: s.institutionId, code, name, band: s.band, quotaYuan: fenToYuan(s.quotaFen), actualYuan: fenToYuan(s.actualFen), fundPaysYuan: fenToYuan(s.fundPaysFen),
      rewardYuan: fenToYuan(s.rewardFen), institutionBearsYuan: fenToYuan(s.institutionBearsFen), violationRecoveryYuan: fenToYuan(s.violationRecoveryFen),
      prepaidYuan: fenToYuan(s.prepaidFen), finalYuan: fenToYuan(s.finalFen),
    };
  });
  return {
    planId: plan.id, year: plan.year, settled: rows.length > 0, settledAt: plan.settledAt, bands,
    summary: Object.fromEntries(Object.entries(sum).map(([k, v]) => [`${k}Yuan`, fenToYuan(v)])) as Record<`${keyof typeof sum}Yuan`, number>,
    rows: out,
  };
}
