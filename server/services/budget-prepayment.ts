/**
 * Monthly prepayment of an approved plan (domain.md §5.3, §5.7): each quota less the withholding
 * rate of the plan's parameters is prepaid over the 12 months, flat or by the institution's own
 * seasonal profile (its imported monthly payments of the year before, when all 12 months are
 * there; otherwise flat), with nothing paid in suspended months. The model (`prepaymentSchedule`)
 * splits each quota exactly to the fen; the schedule is issued once, durably, with its audit row.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { budgetPrepayments, budgetQuotas, institutions } from '../db/schema.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { fenToYuan, prepaymentSchedule } from '../../models/index.ts';
import { appendAudit } from './audit.ts';
import { DomainError } from './errors.ts';
import { loadPlan, planInStatus, planLabel, planParams, type PlanRow } from './budget-plans.ts';
import { insertRows } from './budget-bulk.ts';
import { durableTransaction } from './budget-durable.ts';
import type { QuotaExplanation } from './budget-views.ts';
import { actualsOfYear } from './budget-actuals.ts';

const MONTHS = 12;

/** Institution id → its 12 monthly payments (fen) of `year` in the plan's scheme, when all 12 are imported and not all zero. */
export async function monthlyProfiles(db: Db, plan: PlanRow, year: number): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  for (const [id, months] of await actualsOfYear(db, plan.id, plan.scheme, year)) {
    if (months.every((m) => m !== undefined) && months.some((m) => (m as number) > 0)) out.set(id, months as number[]);
  }
  return out;
}

/**
 * Issues the schedule of an approved plan; the status and whether it was issued are read in the
 * durable transaction that writes it.
 * @throws DomainError CONFLICT `<plan> is <status>: issuing the prepayment schedule needs a plan that is approved`
 *   or `the prepayment schedule of <plan> was issued on <date>`.
 */
export async function issuePrepayments(db: Db, user: SessionUser, scope: Set<number> | null, input: { planId: number; profile: 'flat' | 'seasonal' }) {
  await durableTransaction(db, async (tx) => {
    const plan = await planInStatus(tx, scope, input.planId, ['approved'], 'issuing the prepayment schedule');
    const [issued] = await tx.select({ at: budgetPrepayments.createdAt }).from(budgetPrepayments).where(eq(budgetPrepayments.planId, plan.id)).limit(1);
    if (issued) throw new DomainError('CONFLICT', `the prepayment schedule of ${planLabel(plan)} was issued on ${issued.at.slice(0, 10)}`);
    const params = planParams(plan);
    const profiles = input.profile === 'seasonal' ? await monthlyProfiles(tx, plan, plan.year - 1) : new Map<number, number[]>();
    const quotas = (await tx.select({ id: budgetQuotas.institutionId, quotaFen: budgetQuotas.quotaFen, x: budgetQuotas.explanationJson }).from(budgetQuotas)
      .where(eq(budgetQuotas.planId, plan.id))).filter((q) => q.quotaFen > 0);
    const rows: (typeof budgetPrepayments.$inferInsert)[] = [];
    let prepaidFen = 0;
    let heldFen = 0;
    let seasonal = 0;
    for (const q of quotas) {
      const profile = profiles.get(q.id);
      const suspendedMonths = (JSON.parse(q.x) as QuotaExplanation).agreement.suspendedMonths;
      const s = prepaymentSchedule({ quotaFen: q.quotaFen, year: plan.year, withholdingRate: params.withholdingRate, suspendedMonths, ...(profile ? { seasonalProfile: profile } : {}) });
      if (profile) seasonal++;
      prepaidFen += s.prepaidFen;
      heldFen += s.heldForSuspensionFen;
      for (const m of s.months) {
        rows.push({ planId: plan.id, institutionId: q.id, month: m.month, amountFen: m.amountFen, scheduledFen: m.scheduledFen, suspended: m.suspended, withheldFen: s.withheldFen, profile: s.profile, createdBy: user.id });
      }
    }
    await insertRows(tx, budgetPrepayments, rows);
    await appendAudit(tx, {
      userId: user.id, username: user.username, action: 'budget.prepayments', entity: 'budget_plan', entityId: plan.id,
      after: { institutions: quotas.length, seasonal, flat: quotas.length - seasonal, withholdingRate: params.withholdingRate, prepaidFen, heldForSuspensionFen: heldFen },
    });
  });
  return getPrepayments(db, scope, input.planId);
}

/** The issued schedule: per institution the 12 months, withheld and held amounts; monthly totals. Empty when not issued. */
export async function getPrepayments(db: Db, scope: Set<number> | null, planId: number) {
  const plan = await loadPlan(db, scope, planId);
  const rows = await db.select({ p: budgetPrepayments, code: institutions.code, name: institutions.name, quotaFen: budgetQuotas.quotaFen }).from(budgetPrepayments)
    .innerJoin(institutions, eq(institutions.id, budgetPrepayments.institutionId))
    .innerJoin(budgetQuotas, and(eq(budgetQuotas.planId, budgetPrepayments.planId), eq(budgetQuotas.institutionId, budgetPrepayments.institutionId)))
    .where(eq(budgetPrepayments.planId, plan.id)).orderBy(institutions.code, budgetPrepayments.month);
  const byId = new Map<number, { institutionId: number; code: string; name: string; quotaFen: number; withheldFen: number; profile: string; months: number[]; suspended: number[]; prepaidFen: number; heldFen: number }>();
  const monthTotals = new Array<number>(MONTHS).fill(0);
  for (const { p, code, name, quotaFen } of rows) {
    let e = byId.get(p.institutionId);
    if (!e) byId.set(p.institutionId, e = { institutionId: p.institutionId, code, name, quotaFen, withheldFen: p.withheldFen, profile: p.profile, months: [], suspended: [], prepaidFen: 0, heldFen: 0 });
    e.months.push(p.amountFen);
    e.prepaidFen += p.amountFen;
    if (p.suspended) {
      e.suspended.push(p.month);
      e.heldFen += p.scheduledFen;
    }
    monthTotals[p.month - 1] = (monthTotals[p.month - 1] as number) + p.amountFen;
  }
  const institutionsOut = [...byId.values()].map((e) => ({
    institutionId: e.institutionId, code: e.code, name: e.name, quotaYuan: fenToYuan(e.quotaFen), withheldYuan: fenToYuan(e.withheldFen), profile: e.profile,
    monthsYuan: e.months.map(fenToYuan), suspendedMonths: e.suspended, prepaidYuan: fenToYuan(e.prepaidFen), heldForSuspensionYuan: fenToYuan(e.heldFen),
  }));
  return {
    planId: plan.id, year: plan.year, issued: rows.length > 0, issuedAt: rows[0]?.p.createdAt ?? null,
    monthTotalsYuan: monthTotals.map(fenToYuan), prepaidYuan: fenToYuan(monthTotals.reduce((s, m) => s + m, 0)), institutions: institutionsOut,
  };
}
