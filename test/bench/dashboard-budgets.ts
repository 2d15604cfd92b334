/**
 * What the dashboard benchmark adds to the synthetic funds (loopback.ts) so the measured summary
 * carries the budget and stochastic parts: approved 2026 employee budget plans for the first
 * {@link BENCH_PLANS} cities, each with {@link INSTITUTIONS_PER_PLAN} institutions paid January–June
 * at paces from 0.7 to 1.4 of their quota (so every deviation band is filled), and a 1,000-path
 * Monte Carlo run of a scenario on the employee fund of the first {@link RUN_FUNDS} cities. Plans
 * and payments are written directly (the budget workflow is benchmarked in budget.ts); scenarios
 * and runs go through their services. Deterministic: no random numbers, fixed dates.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { closeDatabase, openDatabase, type Db } from '../../server/db/client.ts';
import { budgetActualPayments, budgetPlans, budgetQuotas, funds, institutions, projectionRuns, regions, users } from '../../server/db/schema.ts';
import { importTable } from '../../server/importer/import-table.ts';
import { parseCsvText } from '../../server/importer/read-table.ts';
import { loadSessionUser } from '../../server/auth/sessions.ts';
import { createScenario } from '../../server/services/scenario-store.ts';
import { startRun } from '../../server/services/projection-runs.ts';
import { insertRows } from '../../server/services/budget-bulk.ts';
import type { EmployeeScenario } from '../../models/index.ts';

export const BENCH_PLANS = 40;
export const INSTITUTIONS_PER_PLAN = 25;
export const RUN_FUNDS = 50;
const PACES = [0.7, 0.92, 1.0, 1.03, 1.07, 1.2, 1.4];
const MONTHS = 6;
const QUOTA_FEN = 1_200_000_00;
const FIXED_TIME = '2026-01-20T09:00:00.000Z';

const city = (r: number) => `B${String(r).padStart(5, '0')}`;

/** A scenario near the synthetic funds' scale: about a year of spending in reserve, drifting down. */
const scenario = (r: number): EmployeeScenario => ({
  name: `bench ${city(r)}`, scheme: 'employee', startYear: 2026, horizonYears: 10,
  opening: { balanceYuan: 1e7, activeMembers: 10_000, retirees: 3000, avgMonthlyWageYuan: 6000, costPerActiveYuan: 500, costPerRetireeYuan: 1500 },
  assumptions: { wageGrowth: 0.03, poolingRate: 0.012, collectionRate: 0.97, activeGrowth: 0, retireeGrowth: 0.03, medicalInflation: 0.03, utilisationGrowth: 0.01, interestRate: 0.015, subsidyYuan: 0 },
});

async function regionIds(db: Db): Promise<Map<string, number>> {
  return new Map((await db.select({ id: regions.id, code: regions.code }).from(regions)).map((r) => [r.code, r.id]));
}

export async function seedBudgetsAndRuns(path: string, username: string): Promise<{ plans: number; institutions: number; runs: number }> {
  const db = await openDatabase(path);
  try {
    const ids = await regionIds(db);
    const lines = ['institution_code,name,type,level,region_code,schemes'];
    for (let r = 0; r < BENCH_PLANS; r++) for (let i = 0; i < INSTITUTIONS_PER_PLAN; i++) lines.push(`${city(r)}-I${i},基准市${r}机构${i},hospital,2,${city(r)},employee`);
    const report = await importTable(db, parseCsvText(lines.join('\n'), 'institutions.csv', 'utf-8'), { kind: 'institutions', unit: 'yuan', dryRun: false, vintage: '2026-01-01' });
    if (!report.ok) throw new Error(JSON.stringify(report.errors.slice(0, 3)));
    const inst = new Map((await db.select({ id: institutions.id, code: institutions.code }).from(institutions)).map((x) => [x.code, x.id]));
    await db.transaction(async (tx) => {
      // one plan per city: the returned ids are matched by region, whatever order they come back in
      const plans = await tx.insert(budgetPlans).values(Array.from({ length: BENCH_PLANS }, (_, r) => ({ year: 2026, scheme: 'employee' as const, regionId: ids.get(city(r)) as number, version: 1, status: 'allocated' as const })))
        .returning({ id: budgetPlans.id, regionId: budgetPlans.regionId });
      const planOf = new Map(plans.map((p) => [p.regionId, p.id]));
      const quotas: (typeof budgetQuotas.$inferInsert)[] = [];
      const payments: (typeof budgetActualPayments.$inferInsert)[] = [];
      for (let r = 0; r < BENCH_PLANS; r++) {
        const planId = planOf.get(ids.get(city(r)) as number) as number;
        for (let i = 0; i < INSTITUTIONS_PER_PLAN; i++) {
          const institutionId = inst.get(`${city(r)}-I${i}`) as number;
          quotas.push({
            planId, institutionId, quotaFen: QUOTA_FEN, source: 'manual', agreementStatus: 'active',
            assessmentFactor: 1, creditFactor: 1, violationDeductionFen: 0, explanationJson: '{}',
          });
          const monthly = Math.round((QUOTA_FEN / 12) * (PACES[(r + i) % PACES.length] as number));
          for (let m = 1; m <= MONTHS; m++) payments.push({ institutionId, scheme: 'employee', period: `2026-0${m}`, amountFen: monthly, fileName: 'bench', importedAt: FIXED_TIME });
        }
      }
      await insertRows(tx, budgetQuotas, quotas);
      await insertRows(tx, budgetActualPayments, payments);
      await tx.update(budgetPlans).set({ status: 'approved', approvedAt: FIXED_TIME }).where(inArray(budgetPlans.id, plans.map((p) => p.id)));
    });

    const [row] = await db.select().from(users).where(eq(users.username, username)).limit(1);
    const user = await loadSessionUser(db, row as typeof users.$inferSelect);
    for (let r = 0; r < RUN_FUNDS; r++) {
      const regionId = ids.get(city(r)) as number;
      const fundId = (await db.select({ id: funds.id }).from(funds).where(and(eq(funds.regionId, regionId), eq(funds.scheme, 'employee'))).limit(1))[0]?.id as number;
      const saved = await createScenario(db, user, null, { scenario: scenario(r), regionId, fundId, dataVintage: '2026-01-01' });
      const run = await startRun(db, user, null, { scenarioId: saved.id, kind: 'stochastic', paths: 1000, seed: 20260101 + r });
      await db.update(projectionRuns).set({ finishedAt: FIXED_TIME }).where(eq(projectionRuns.id, run.id));
    }
    return { plans: BENCH_PLANS, institutions: BENCH_PLANS * INSTITUTIONS_PER_PLAN, runs: RUN_FUNDS };
  } finally {
    await closeDatabase(db);
  }
}
