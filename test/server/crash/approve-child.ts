/**
 * Child of the approval crash test: drafts, totals, allocates and approves budget plans one after
 * another, printing `ACK <planId>` only after each approval has committed. The parent SIGKILLs it.
 * Ten regions of 30 institutions paid every year, one scenario each (2026–2125): up to 1,000 plans, then it idles.
 */
import { openDatabase } from '../../../server/db/client.ts';
import { importTable } from '../../../server/importer/import-table.ts';
import { parseCsvText } from '../../../server/importer/read-table.ts';
import { ensureNationalParameterSet } from '../../../server/services/parameters.ts';
import { addUser } from '../../../server/services/users.ts';
import { loadSessionUser } from '../../../server/auth/sessions.ts';
import { asc } from 'drizzle-orm';
import { regions, users } from '../../../server/db/schema.ts';
import { createScenario } from '../../../server/services/scenario-store.ts';
import { createPlan } from '../../../server/services/budget-plans.ts';
import { computePlanTotal } from '../../../server/services/budget-total.ts';
import { allocatePlan } from '../../../server/services/budget-allocate.ts';
import { approvePlan } from '../../../server/services/budget-approve.ts';

export const REGIONS = 10;
export const INSTITUTIONS_PER_REGION = 30;
const HORIZON = 100;
const db = await openDatabase(process.argv[2] as string);
await ensureNationalParameterSet(db);
await addUser(db, { username: 'budget', password: 'crash-test-password', role: 'budget', skipPolicy: true }, null);
const user = await loadSessionUser(db, (await db.select().from(users).limit(1))[0] as typeof users.$inferSelect);
const load = async (text: string, kind: 'regions' | 'institutions' | 'institution_years') => {
  const report = await importTable(db, parseCsvText(text, `${kind}.csv`, 'utf-8'), { kind, unit: 'yuan', dryRun: false, vintage: '2026-01-01' });
  if (!report.ok) throw new Error(JSON.stringify(report.errors.slice(0, 2)));
  return report;
};
await load(['code,name,level', ...Array.from({ length: REGIONS }, (_, r) => `K${r},区${r},city`)].join('\n'), 'regions');
const insts = ['institution_code,name,type,level,region_code,schemes'];
const years = ['institution_code,year,payments,budget,assessment_score,credit_rating'];
for (let r = 0; r < REGIONS; r++) {
  for (let i = 0; i < INSTITUTIONS_PER_REGION; i++) {
    insts.push(`K${r}-${i},机构${r}-${i},hospital,2,K${r},employee`);
    for (let y = 2025; y < 2025 + HORIZON; y++) years.push(`K${r}-${i},${y},${100_000 + 1000 * i + r},,${60 + i},${'ABCD'[i % 4]}`);
  }
}
await load(insts.join('\n'), 'institutions');
await load(years.join('\n'), 'institution_years');
const regionIds = (await db.select({ id: regions.id }).from(regions).orderBy(asc(regions.code))).map((r) => r.id);
const scenarios: number[] = [];
for (const [r, regionId] of regionIds.entries()) {
  scenarios.push((await createScenario(db, user, null, {
    regionId, scenario: {
      name: `K${r}`, scheme: 'employee', startYear: 2026, horizonYears: HORIZON,
      opening: { balanceYuan: 600_000, activeMembers: 1000, retirees: 100, avgMonthlyWageYuan: 1000, costPerActiveYuan: 900, costPerRetireeYuan: 1000 },
      assumptions: { wageGrowth: 0, poolingRate: 0.1, collectionRate: 1, activeGrowth: 0, retireeGrowth: 0, medicalInflation: 0, utilisationGrowth: 0, interestRate: 0, subsidyYuan: 0 },
    },
  })).id);
}
process.stdout.write('READY\n');
for (let y = 0; y < HORIZON; y++) {
  for (let r = 0; r < REGIONS; r++) {
    const plan = await createPlan(db, user, null, { year: 2026 + y, scheme: 'employee', regionId: regionIds[r] as number });
    await computePlanTotal(db, user, null, { planId: plan.id, source: { kind: 'scenario', scenarioId: scenarios[r] as number }, earmarks: [] });
    await allocatePlan(db, user, null, { planId: plan.id });
    await approvePlan(db, user, null, plan.id);
    process.stdout.write(`ACK ${plan.id}\n`);
  }
}
setInterval(() => undefined, 1000);
