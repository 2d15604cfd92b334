/**
 * Read views of one plan: the plan with its allocation table (one line per institution), the
 * explanation of one quota, and the publishable list of institution budgets (seed 000 第二十四条:
 * 定期向社会公开), which exists only for approved or settled plans.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { budgetPrepayments, budgetQuotas, budgetSettlements, institutionSchemeYears, institutions, regions } from '../db/schema.ts';
import { fenToYuan } from '../../models/index.ts';
import { DomainError } from './errors.ts';
import { loadPlan, planInStatus, planLabel, planView } from './budget-plans.ts';
import { allocationSummary } from './budget-summary.ts';
import { listAdjustments } from './budget-adjust.ts';
import { listDecisions } from './budget-decisions.ts';
import { explanationView, quotaLineView, type QuotaExplanation } from './budget-views.ts';

async function quotaRows(db: Db, planId: number) {
  return db.select({ q: budgetQuotas, code: institutions.code, name: institutions.name, type: institutions.type, level: institutions.level, regionName: regions.name })
    .from(budgetQuotas).innerJoin(institutions, eq(institutions.id, budgetQuotas.institutionId)).innerJoin(regions, eq(regions.id, institutions.regionId))
    .where(eq(budgetQuotas.planId, planId)).orderBy(institutions.code);
}

/** The plan, its allocation summary, every quota line, adjustments, decisions and how far the workflow got. */
export async function getPlanDetail(db: Db, scope: Set<number> | null, planId: number) {
  const plan = await loadPlan(db, scope, planId);
  // last year's payments of the plan's scheme only, like the base (budget-facts.ts)
  const lastPaid = new Map((await db.select({ id: institutionSchemeYears.institutionId, fen: institutionSchemeYears.paymentsFen }).from(institutionSchemeYears)
    .innerJoin(budgetQuotas, and(eq(budgetQuotas.institutionId, institutionSchemeYears.institutionId), eq(budgetQuotas.planId, plan.id)))
    .where(and(eq(institutionSchemeYears.year, plan.year - 1), eq(institutionSchemeYears.scheme, plan.scheme)))).map((r) => [r.id, r.fen]));
  const lines = (await quotaRows(db, plan.id)).map(({ q, ...inst }) => quotaLineView(q, inst, lastPaid.get(q.institutionId) ?? null));
  const [issued] = await db.select({ at: budgetPrepayments.createdAt }).from(budgetPrepayments).where(eq(budgetPrepayments.planId, plan.id)).limit(1);
  const [settled] = await db.select({ id: budgetSettlements.institutionId }).from(budgetSettlements).where(eq(budgetSettlements.planId, plan.id)).limit(1);
  return {
    plan: await planView(db, plan),
    summary: await allocationSummary(db, plan.id),
    lines,
    adjustments: await listAdjustments(db, plan.id),
    decisions: await listDecisions(db, plan.id),
    stages: { prepaymentsIssuedAt: issued?.at ?? null, settled: settled !== undefined },
  };
}

/**
 * The explanation drawer of one institution: base with years and weights, growth, each coefficient
 * and why, the deduction and its decision, scaling, agreement status, and its adjustments.
 * @throws DomainError NOT_FOUND `institution <id> is not in <plan>`.
 */
export async function explainQuota(db: Db, scope: Set<number> | null, input: { planId: number; institutionId: number }) {
  const plan = await loadPlan(db, scope, input.planId);
  const [row] = await db.select({ x: budgetQuotas.explanationJson, code: institutions.code, name: institutions.name, type: institutions.type, level: institutions.level })
    .from(budgetQuotas).innerJoin(institutions, eq(institutions.id, budgetQuotas.institutionId))
    .where(and(eq(budgetQuotas.planId, plan.id), eq(budgetQuotas.institutionId, input.institutionId))).limit(1);
  if (!row) throw new DomainError('NOT_FOUND', `institution ${input.institutionId} is not in ${planLabel(plan)}`);
  return {
    institutionId: input.institutionId, code: row.code, name: row.name, type: row.type, level: row.level, planYear: plan.year,
    ...explanationView(JSON.parse(row.x) as QuotaExplanation),
    adjustments: await listAdjustments(db, plan.id, input.institutionId),
  };
}

/** The list to publish: every institution with its approved budget, the plan's total and approval. */
export async function publishedList(db: Db, scope: Set<number> | null, planId: number) {
  const plan = await planInStatus(db, scope, planId, ['approved', 'settled', 'superseded'], 'the published list');
  const rows = await quotaRows(db, plan.id);
  return {
    plan: await planView(db, plan),
    rows: rows.map(({ q, code, name, type, level, regionName }) => ({
      institutionId: q.institutionId, code, name, type, level, regionName, status: q.agreementStatus, quotaYuan: fenToYuan(q.quotaFen),
    })),
  };
}
