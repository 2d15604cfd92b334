/**
 * A starting scenario calibrated on a stored fund (domain.md §6.2): the opening position is the
 * last complete calendar year of its records and the growth assumptions are the geometric mean
 * growth of up to the last five years. The actuary reviews and edits it before saving.
 *
 * Calibration choices (each an `assumption`, shown to the user in `notes`):
 * - employee: the year's income less interest and subsidy is matched exactly by
 *   `active × base × 12 × poolingRate × collectionRate` with `collectionRate = 1`, so `poolingRate`
 *   is the effective rate actually collected; the expenditure is split between actives and
 *   retirees with a retiree-to-active cost ratio of 3 (retirees pay nothing and cost more:
 *   `official` for the former, the ratio is an `assumption` typical of provincial studies);
 * - resident: premium and subsidy per head are the year's individual and subsidy income per
 *   insured person; they grow by 20 and 30 yuan a year (the 2024 national notice's steps);
 * - medical inflation 3 % a year; utilisation growth is the per-head cost growth beyond it;
 *   interest rate = the year's interest ÷ the opening balance.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { fundRecords, funds } from '../db/schema.ts';
import type { EmployeeScenario, ResidentScenario, Scenario } from '../../models/index.ts';
import { DomainError } from './errors.ts';
import { assertRegionVisible } from './region-scope.ts';

const RETIREE_COST_RATIO = 3;
const MEDICAL_INFLATION = 0.03;
const PREMIUM_STEP_YUAN = 20;
const SUBSIDY_STEP_YUAN = 30;
const GROWTH_YEARS = 5;
const DEFAULT_HORIZON_YEARS = 10;

type RecordRow = typeof fundRecords.$inferSelect;

interface YearTotals {
  year: number;
  incomeFen: number;
  expenditureFen: number;
  interestFen: number;
  subsidyFen: number;
  individualFen: number;
  balanceFen: number;
  last: RecordRow;
}

export interface CalibratedScenario {
  scenario: Scenario;
  regionId: number;
  fundId: number;
  dataVintage: string;
  /** The year whose figures are the opening position. */
  openingYear: number;
  notes: CalibrationNote[];
}

/** Calendar years with all 12 months (monthly funds) or the yearly rows, oldest first. */
function completeYears(rows: RecordRow[], monthly: boolean): YearTotals[] {
  const byYear = new Map<number, RecordRow[]>();
  for (const r of rows) {
    const year = Number(r.period.slice(0, 4));
    byYear.set(year, [...(byYear.get(year) ?? []), r]);
  }
  const out: YearTotals[] = [];
  for (const [year, list] of [...byYear].sort(([a], [b]) => a - b)) {
    if (monthly && list.length !== 12) continue;
    const sum = (pick: (r: RecordRow) => number | null) => list.reduce((s, r) => s + (pick(r) ?? 0), 0);
    const last = list[list.length - 1] as RecordRow;
    out.push({
      year, last, balanceFen: last.balanceFen,
      incomeFen: sum((r) => r.incomeFen), expenditureFen: sum((r) => r.expenditureFen),
      interestFen: sum((r) => r.incomeInterestFen), subsidyFen: sum((r) => r.incomeSubsidyFen), individualFen: sum((r) => r.incomeIndividualFen),
    });
  }
  return out;
}

/** Geometric mean yearly growth of `pick` over the last `GROWTH_YEARS` complete years; 0 without two positive values. */
function meanGrowth(years: YearTotals[], pick: (y: YearTotals) => number | null): number {
  const window = years.slice(-GROWTH_YEARS - 1).map(pick).filter((v): v is number => v !== null && v > 0);
  if (window.length < 2) return 0;
  return ((window[window.length - 1] as number) / (window[0] as number)) ** (1 / (window.length - 1)) - 1;
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/**
 * @throws DomainError NOT_FOUND `no fund <id>`; BAD_REQUEST `fund <id> is a <scheme> fund: projections cover the employee and resident pooling funds`,
 *   `fund <id> has no complete calendar year of records`, `fund <id> has no member counts for <year>: the projection needs them`.
 */
export async function scenarioFromFund(db: Db, scope: Set<number> | null, fundId: number, startYear?: number): Promise<CalibratedScenario> {
  const [fund] = await db.select().from(funds).where(eq(funds.id, fundId)).limit(1);
  if (!fund) throw new DomainError('NOT_FOUND', `no fund ${fundId}`);
  assertRegionVisible(scope, fund.regionId);
  if ((fund.scheme !== 'employee' && fund.scheme !== 'resident') || fund.account !== 'pooling') {
    throw new DomainError('BAD_REQUEST', `fund ${fundId} is a ${fund.scheme} ${fund.account} fund: projections cover the employee and resident pooling funds`);
  }
  const rows = await db.select().from(fundRecords).where(eq(fundRecords.fundId, fundId)).orderBy(asc(fundRecords.periodIndex));
  const years = completeYears(rows, fund.periodKind === 'month');
  const open = years[years.length - 1];
  if (!open) throw new DomainError('BAD_REQUEST', `fund ${fundId} has no complete calendar year of records`);
  const before = years[years.length - 2];
  const dataVintage = rows.reduce((v, r) => (r.vintage > v ? r.vintage : v), '');
  const balanceYuan = open.balanceFen / 100;
  const interestRate = before && before.balanceFen > 0 ? round(open.interestFen / before.balanceFen, 4) : 0.015;
  const common = { startYear: startYear ?? open.year + 1, horizonYears: DEFAULT_HORIZON_YEARS };
  const missingMembers = () => new DomainError('BAD_REQUEST', `fund ${fundId} has no member counts for ${open.year}: the projection needs them`);

  if (fund.scheme === 'employee') {
    const active = open.last.activeMembers;
    const retirees = open.last.retirees;
    const baseFen = open.last.avgContributionBaseFen;
    if (!active || retirees === null || !baseFen) throw missingMembers();
    const wage = baseFen / 100;
    const contributionYuan = (open.incomeFen - open.interestFen - open.subsidyFen) / 100;
    const costPerActive = open.expenditureFen / 100 / (active + RETIREE_COST_RATIO * retirees);
    const costGrowth = meanGrowth(years, (y) => (y.last.activeMembers && y.last.retirees !== null
      ? y.expenditureFen / (y.last.activeMembers + RETIREE_COST_RATIO * y.last.retirees) : null));
    const scenario: EmployeeScenario = {
      name: `${fund.id} employee ${open.year}`, scheme: 'employee', ...common,
      opening: {
        balanceYuan, activeMembers: active, retirees, avgMonthlyWageYuan: wage,
        costPerActiveYuan: round(costPerActive, 2), costPerRetireeYuan: round(costPerActive * RETIREE_COST_RATIO, 2),
      },
      assumptions: {
        wageGrowth: round(meanGrowth(years, (y) => y.last.avgContributionBaseFen), 4),
        poolingRate: round(contributionYuan / (active * wage * 12), 5),
        collectionRate: 1,
        activeGrowth: round(meanGrowth(years, (y) => y.last.activeMembers), 4),
        retireeGrowth: round(meanGrowth(years, (y) => y.last.retirees), 4),
        medicalInflation: MEDICAL_INFLATION,
        utilisationGrowth: round((1 + costGrowth) / (1 + MEDICAL_INFLATION) - 1, 4),
        interestRate,
        subsidyYuan: open.subsidyFen / 100,
      },
    };
    return { scenario, regionId: fund.regionId, fundId, dataVintage, openingYear: open.year, notes: NOTES.employee };
  }
  const insured = open.last.residents;
  if (!insured) throw missingMembers();
  const costGrowth = meanGrowth(years, (y) => (y.last.residents ? y.expenditureFen / y.last.residents : null));
  const otherIncomeYuan = (open.incomeFen - open.interestFen - open.subsidyFen) / 100;
  const scenario: ResidentScenario = {
    name: `${fund.id} resident ${open.year}`, scheme: 'resident', ...common,
    opening: {
      balanceYuan, insured,
      premiumYuan: round((open.individualFen > 0 ? open.individualFen / 100 : otherIncomeYuan) / insured, 2),
      subsidyPerHeadYuan: round(open.subsidyFen / 100 / insured, 2),
      costPerHeadYuan: round(open.expenditureFen / 100 / insured, 2),
    },
    assumptions: {
      insuredGrowth: round(meanGrowth(years, (y) => y.last.residents), 4),
      premiumGrowthYuan: PREMIUM_STEP_YUAN, subsidyGrowthYuan: SUBSIDY_STEP_YUAN,
      medicalInflation: MEDICAL_INFLATION,
      utilisationGrowth: round((1 + costGrowth) / (1 + MEDICAL_INFLATION) - 1, 4),
      collectionRate: 1, interestRate,
    },
  };
  return { scenario, regionId: fund.regionId, fundId, dataVintage, openingYear: open.year, notes: NOTES.resident };
}

/** Calibration notes shown beside the calibrated scenario, in both UI languages. */
export interface CalibrationNote { zh: string; en: string }

const COMMON_NOTES: CalibrationNote[] = [
  { zh: `增长率取最近 ${GROWTH_YEARS} 个完整年度的几何平均`, en: `growth rates are geometric means over the last ${GROWTH_YEARS} complete years` },
  { zh: `医疗价格增长 ${MEDICAL_INFLATION * 100}%（假设）；利用率增长为人均费用增长中超出价格的部分`, en: `medical inflation ${MEDICAL_INFLATION * 100}% (assumption); utilisation growth is per-head cost growth beyond it` },
];

const NOTES: Record<'employee' | 'resident', CalibrationNote[]> = {
  employee: [
    { zh: '统筹费率取起始年实际征收的有效费率（征缴率并入，记为 1）', en: 'pooling rate is the effective rate collected in the opening year (collection rate folded in as 1)' },
    { zh: `退休人员人均费用按在职人员的 ${RETIREE_COST_RATIO} 倍拆分（假设）`, en: `expenditure split with a retiree costing ${RETIREE_COST_RATIO}× an active member (assumption)` },
    ...COMMON_NOTES,
  ],
  resident: [
    { zh: '个人缴费和人均财政补助取起始年个人缴费收入、补助收入除以参保人数', en: "premium and subsidy per head are the opening year's individual and subsidy income per insured person" },
    { zh: `个人缴费每年增加 ${PREMIUM_STEP_YUAN} 元、财政补助每年增加 ${SUBSIDY_STEP_YUAN} 元（2024 年国家通知的标准）`, en: `premium +${PREMIUM_STEP_YUAN} and subsidy +${SUBSIDY_STEP_YUAN} yuan a year (2024 national notice steps)` },
    ...COMMON_NOTES,
  ],
};
