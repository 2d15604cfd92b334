/**
 * The database the procedure fuzzer works on: every kind of entity exists once, so a mutated valid
 * input reaches the services' own checks instead of stopping at "not found". Built through the
 * importer and the procedures themselves (test/server/harness.ts users, one per role):
 * - regions P (province) → A (city) → A1 (county);
 * - A employee: 36 monthly records 2023-01 … 2025-12, balances rolling forward; A resident: 2025;
 * - A1 employee: three yearly records 2022–2024 with member counts (enough to calibrate a scenario);
 * - institutions H1, H2 (hospitals), P1 (pharmacy), N1 (no history) in A with yearly payments and
 *   violations; a viewer `fuzzuser` for the user-administration procedures;
 * - scenario "fuzz" (employee, A, 2026–2028), a deterministic and a small Monte Carlo run of it,
 *   a saved forecast, and a 2026 employee budget plan of A with its total computed and allocated;
 *   the national parameter set of makeTestDb.
 */
import { importTable } from '../../../server/importer/import-table.ts';
import { parseCsvText } from '../../../server/importer/read-table.ts';
import { addUser } from '../../../server/services/users.ts';
import { institutions, parameterSets } from '../../../server/db/schema.ts';
import { isNull } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.ts';
import type { EmployeeScenario } from '../../../models/index.ts';
import { callerFor, makeTestDb, TEST_PASSWORD } from '../harness.ts';

export const FUZZ_USER = 'fuzzuser';

/** The ids a valid input refers to. */
export interface WorldIds {
  regionA: number;
  monthlyFund: number;
  yearlyFund: number;
  institution: number;
  scenario: number;
  deterministicRun: number;
  stochasticRun: number;
  plan: number;
  nationalParameterSet: number;
}

export const FUZZ_SCENARIO: EmployeeScenario = {
  name: 'fuzz', scheme: 'employee', startYear: 2026, horizonYears: 3,
  opening: { balanceYuan: 600_000, activeMembers: 1000, retirees: 100, avgMonthlyWageYuan: 1000, costPerActiveYuan: 900, costPerRetireeYuan: 1000 },
  assumptions: {
    wageGrowth: 0.03, poolingRate: 0.1, collectionRate: 1, activeGrowth: 0, retireeGrowth: 0.02,
    medicalInflation: 0.02, utilisationGrowth: 0, interestRate: 0.01, subsidyYuan: 0,
  },
};

const REGIONS = 'code,name,level,parent_code\nP,模糊省,province,\nA,甲市,city,P\nA1,甲县,county,A';

const INSTITUTIONS = `institution_code,name,type,level,region_code,schemes
H1,甲市第一医院,hospital,3,A,"employee,resident"
H2,甲县医院,hospital,2,A1,employee
P1,甲市大药房,pharmacy,,A,employee
N1,甲市新医院,hospital,1,A,employee`;

const YEARS = `institution_code,year,scheme,payments,budget,assessment_score,credit_rating
H1,2023,employee,100000,,,
H1,2024,employee,200000,,,
H1,2025,employee,300000,,85,B
H1,2025,resident,60000,,85,B
H2,2024,,90000,,,
H2,2025,,180000,,85,B
P1,2025,,50000,,90,A`;

const VIOLATIONS = `institution_code,date,amount,count,nature,kind,status
H2,2025-05-01,10000,1,general,重复收费,confirmed
H1,2025-07-01,8000,1,general,串换项目,proposed`;

function monthlyRows(): string[] {
  const rows: string[] = [];
  let balance = 500_000;
  for (let t = 0; t < 36; t++) {
    const expenditure = 10_000 + 100 * t + ((t * 37) % 11) * 50;
    const income = 10_500 + 90 * t;
    balance += income - expenditure;
    rows.push(`A,employee,${2023 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')},${income},${expenditure},${balance}`);
  }
  return rows;
}

/** A resident fund of A, 2025, with a surplus (its warning carries the resident figures). */
function residentRows(): string[] {
  const rows: string[] = [];
  let balance = 300_000;
  for (let m = 1; m <= 12; m++) {
    balance += 9_000 - 8_000;
    rows.push(`A,resident,2025-${String(m).padStart(2, '0')},9000,8000,${balance}`);
  }
  return rows;
}

function yearlyRows(): string[] {
  const rows: string[] = [];
  let balance = 1_000_000;
  for (let i = 0; i < 3; i++) {
    const active = 1000 + 10 * i;
    const contribution = active * 1000 * 12 * 0.1;
    const expenditure = 1_150_000 + 20_000 * i;
    balance += contribution - expenditure;
    rows.push(`A1,employee,${2022 + i},${contribution},${expenditure},${balance},${contribution},${active},100,1000`);
  }
  return rows;
}

async function load(db: Db, text: string, kind: 'regions' | 'fund_records' | 'institutions' | 'institution_years' | 'violations'): Promise<void> {
  const report = await importTable(db, parseCsvText(text, `${kind}.csv`, 'utf-8'), { kind, unit: 'yuan', dryRun: false, vintage: '2026-01-15' });
  if (!report.ok) throw new Error(`fuzz world ${kind}: ${JSON.stringify(report.errors.slice(0, 3))}`);
}

/** Builds the world; every step goes through the importer or a procedure, so it is a state users can reach. */
export async function makeFuzzWorld(): Promise<{ db: Db; ids: WorldIds }> {
  const db = await makeTestDb();
  await load(db, REGIONS, 'regions');
  await load(db, ['region_code,scheme,period,income,expenditure,balance', ...monthlyRows(), ...residentRows()].join('\n'), 'fund_records');
  await load(db, ['region_code,scheme,period,income,expenditure,balance,income_employer,active_members,retirees,avg_contribution_base', ...yearlyRows()].join('\n'), 'fund_records');
  await load(db, INSTITUTIONS, 'institutions');
  await load(db, YEARS, 'institution_years');
  await load(db, VIOLATIONS, 'violations');
  await addUser(db, { username: FUZZ_USER, password: TEST_PASSWORD, role: 'viewer' }, null);

  const admin = await callerFor(db, 'admin');
  const { rows } = await admin.fund.overview({});
  const fundOf = (code: string) => rows.find((r: { regionCode: string; scheme: string }) => r.regionCode === code && r.scheme === 'employee') as { fundId: number; regionId: number };
  const regionA = fundOf('A').regionId;
  const institution = (await db.select({ id: institutions.id, code: institutions.code }).from(institutions)).find((r) => r.code === 'H1')?.id ?? 0;
  const scenario = (await admin.projection.createScenario({ scenario: FUZZ_SCENARIO, regionId: regionA })).id;
  const deterministicRun = (await admin.projection.run({ kind: 'deterministic', scenarioId: scenario })).id;
  const stochasticRun = (await admin.projection.run({ kind: 'stochastic', scenarioId: scenario, paths: 200, seed: 1 })).id;
  await admin.forecast.save({ target: { kind: 'fund', fundId: fundOf('A').fundId, measure: 'expenditure' }, method: 'naive', horizon: 3 });
  const plan = (await admin.budget.create({ year: 2026, scheme: 'employee', regionId: regionA })).id;
  await admin.budget.computeTotal({ planId: plan, source: { kind: 'scenario', scenarioId: scenario } });
  await admin.budget.allocate({ planId: plan });
  const nationalParameterSet = (await db.select({ id: parameterSets.id }).from(parameterSets).where(isNull(parameterSets.regionId)).limit(1))[0]?.id ?? 0;
  return {
    db,
    ids: { regionA, monthlyFund: fundOf('A').fundId, yearlyFund: fundOf('A1').fundId, institution, scenario, deterministicRun, stochasticRun, plan, nationalParameterSet },
  };
}
