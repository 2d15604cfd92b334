/**
 * The demo database with what the leadership dashboard links to beyond the fund records: the 2026
 * employee budget of 东川市 (DEMO01) drafted, totalled from the actuary's calibrated scenario,
 * allocated and approved through the budget services, with January–June 2026 payments running hot
 * or cold by institution; and a 1,000-path Monte Carlo run of a scenario calibrated on 石门市's
 * employee fund (DEMO07, orange now), whose finishing time is set to a fixed
 * date so the screenshots do not depend on the day the test runs.
 */
import { and, eq } from 'drizzle-orm';
import { closeDatabase, openDatabase, type Db } from '../../server/db/client.ts';
import { budgetQuotas, funds, institutions, projectionRuns, regions, users } from '../../server/db/schema.ts';
import { ensureNationalParameterSet } from '../../server/services/parameters.ts';
import { loadDemoData } from '../../server/services/load-demo.ts';
import { loadSessionUser } from '../../server/auth/sessions.ts';
import { scenarioFromFund } from '../../server/services/scenario-from-fund.ts';
import { createScenario } from '../../server/services/scenario-store.ts';
import { startRun } from '../../server/services/projection-runs.ts';
import { createPlan } from '../../server/services/budget-plans.ts';
import { computePlanTotal } from '../../server/services/budget-total.ts';
import { allocatePlan } from '../../server/services/budget-allocate.ts';
import { approvePlan } from '../../server/services/budget-approve.ts';
import { importActuals } from '../../server/services/budget-actuals.ts';

/** How each institution runs against its quota, by its position in code order: within band, a little over, far over, under. */
const PACE = [1.0, 1.06, 1.2, 1.38, 0.9, 0.7];
const MONTHS = 6;
export const RUN_FINISHED_AT = '2026-01-20T09:00:00.000Z';

async function regionId(db: Db, code: string): Promise<number> {
  const [row] = await db.select({ id: regions.id }).from(regions).where(eq(regions.code, code)).limit(1);
  return row?.id as number;
}

async function employeeFund(db: Db, code: string): Promise<number> {
  const [row] = await db.select({ id: funds.id }).from(funds)
    .where(and(eq(funds.regionId, await regionId(db, code)), eq(funds.scheme, 'employee'), eq(funds.account, 'pooling'))).limit(1);
  return row?.id as number;
}

/** Builds the database at `path`; returns the approved plan's id and the run's id. */
export async function seedDashboardDatabase(path: string): Promise<{ planId: number; runId: number }> {
  const db = await openDatabase(path);
  await ensureNationalParameterSet(db);
  await loadDemoData(db);
  const user = async (name: string) => {
    const [row] = await db.select().from(users).where(eq(users.username, name)).limit(1);
    return loadSessionUser(db, row as typeof users.$inferSelect);
  };
  const actuary = await user('actuary');
  const budget = await user('budget');

  const shimen = await scenarioFromFund(db, null, await employeeFund(db, 'DEMO07'), 2026);
  const shimenScenario = await createScenario(db, actuary, null, { scenario: { ...shimen.scenario, name: '石门市职工医保 2026 基准' }, regionId: shimen.regionId, fundId: shimen.fundId, dataVintage: shimen.dataVintage });
  const run = await startRun(db, actuary, null, { scenarioId: shimenScenario.id, kind: 'stochastic', paths: 1000, seed: 20260120 });
  if (run.status !== 'done') throw new Error(`the Monte Carlo run of 石门市 is ${run.status}: expected it to finish inline`);
  await db.update(projectionRuns).set({ finishedAt: RUN_FINISHED_AT }).where(eq(projectionRuns.id, run.id));

  const dongchuan = await scenarioFromFund(db, null, await employeeFund(db, 'DEMO01'), 2026);
  const scenario = await createScenario(db, actuary, null, { scenario: { ...dongchuan.scenario, name: '东川市职工医保 2026 基准' }, regionId: dongchuan.regionId, fundId: dongchuan.fundId, dataVintage: dongchuan.dataVintage });
  const plan = await createPlan(db, budget, null, { year: 2026, scheme: 'employee', regionId: await regionId(db, 'DEMO01') });
  await computePlanTotal(db, budget, null, { planId: plan.id, source: { kind: 'scenario', scenarioId: scenario.id }, earmarks: [] });
  await allocatePlan(db, budget, null, { planId: plan.id });
  await approvePlan(db, budget, null, plan.id);

  const quotas = await db.select({ code: institutions.code, quotaFen: budgetQuotas.quotaFen }).from(budgetQuotas)
    .innerJoin(institutions, eq(institutions.id, budgetQuotas.institutionId)).where(eq(budgetQuotas.planId, plan.id)).orderBy(institutions.code);
  const rows = ['institution_code,period,amount'];
  quotas.forEach((q, i) => {
    const monthly = (q.quotaFen / 100 / 12) * (PACE[i % PACE.length] as number);
    for (let m = 1; m <= MONTHS; m++) rows.push(`${q.code},2026-0${m},${monthly.toFixed(2)}`);
  });
  const report = await importActuals(db, budget, null, { planId: plan.id, fileName: 'actuals-2026h1.csv', contentBase64: Buffer.from(rows.join('\n')).toString('base64') });
  if (!report.ok) throw new Error(JSON.stringify(report.errors.slice(0, 3)));
  await closeDatabase(db);
  return { planId: plan.id, runId: run.id };
}
