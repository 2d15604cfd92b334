/**
 * The employee pooling fund (职工医保统筹基金) of one demo region, month by month:
 * income = active members × average contribution base × pooling rate (+ flexible-employment
 * contributions paid by individuals, + other), spending = members × spending per head, growing
 * with medical inflation and shaped by the day-weighted calendar (Spring Festival, year end,
 * COVID-19). Employer contributions were halved in February–June 2020 (国家医保局 2020 阶段性减征).
 */
import { activityFactors, demoMonths } from './calendar.ts';
import { toFen } from './csv.ts';
import type { MonthFlows } from './ledger.ts';
import type { EmployeeSpec } from './regions.ts';
import type { Rng } from './rng.ts';

/** Spending per retiree ÷ spending per active member. */
const RETIREE_COST_MULTIPLE = 3;
/** Shares of spending by use: inpatient, outpatient (门诊统筹/门特), designated pharmacies, other. */
const SHARES = { inpatient: 0.57, outpatient: 0.22, pharmacy: 0.14, other: 0.07 } as const;
const HALVED_2020 = new Set(['2020-02', '2020-03', '2020-04', '2020-05', '2020-06']);
const DAYS_PER_YEAR = 365;

export interface FundFlows {
  flows: MonthFlows[];
  openingBalanceFen: number;
}

export function employeeFlows(spec: EmployeeSpec, rng: Rng): FundFlows {
  const months = demoMonths();
  let activeLevel = spec.active2018;
  let retireeLevel = spec.active2018 * spec.retireeRatio2018;
  let base = spec.base2018Yuan;
  let costIndex = 1;
  const raw = months.map((m) => {
    if (m.t > 0) {
      activeLevel *= 1 + spec.activeGrowth / 12;
      retireeLevel *= 1 + spec.retireeGrowth / 12;
      costIndex *= 1 + (spec.costGrowth + (spec.extraCostGrowth?.[m.year] ?? 0)) / 12;
    }
    // contribution bases are reset every July from last year's average wage
    if (m.month === 7) base = Math.round(base * (1 + spec.baseGrowth + 0.008 * rng.normal()));
    const active = Math.round(activeLevel * (1 + 0.002 * rng.normal()));
    const retirees = Math.round(retireeLevel * (1 + 0.001 * rng.normal()));
    const dueEmployer = active * base * spec.poolingRate * (1 + 0.012 * rng.normal());
    const employer = HALVED_2020.has(m.period) ? dueEmployer / 2 : dueEmployer;
    const individual = active * base * spec.poolingRate * spec.flexibleShare * (1 + 0.04 * rng.normal());
    const other = dueEmployer * 0.004 * rng.uniform(0, 2);
    // annual-rate spending of the month's members at this month's cost level, cost per active = 1
    const annual = (active + retirees * RETIREE_COST_MULTIPLE) * costIndex;
    const f = activityFactors(m.year, m.month);
    return {
      m, active, retirees, base, employer, individual, other,
      inpatient: ((annual * SHARES.inpatient * f.medicalDays) / DAYS_PER_YEAR) * (1 + 0.015 * rng.normal()),
      outpatient: ((annual * SHARES.outpatient * f.medicalDays) / DAYS_PER_YEAR) * (1 + 0.015 * rng.normal()),
      pharmacy: ((annual * SHARES.pharmacy * f.pharmacyDays) / DAYS_PER_YEAR) * (1 + 0.015 * rng.normal()),
      otherExp: ((annual * SHARES.other) / 12) * (1 + 0.04 * rng.normal()),
    };
  });
  // cost per active member, set so that 2018 income ÷ 2018 spending is as specified
  const first = raw.slice(0, 12);
  const income2018 = first.reduce((s, r) => s + r.employer + r.individual + r.other, 0);
  const spend2018 = first.reduce((s, r) => s + r.inpatient + r.outpatient + r.pharmacy + r.otherExp, 0);
  const costPerActive = income2018 / spec.incomeToExpenditure2018 / spend2018;
  const flows: MonthFlows[] = raw.map((r) => ({
    period: r.m.period,
    incomeEmployer: toFen(r.employer),
    incomeIndividual: toFen(r.individual),
    incomeSubsidy: 0,
    incomeOther: toFen(r.other),
    expInpatient: toFen(r.inpatient * costPerActive),
    expOutpatient: toFen(r.outpatient * costPerActive),
    expPharmacy: toFen(r.pharmacy * costPerActive),
    expOther: toFen(r.otherExp * costPerActive),
    activeMembers: r.active,
    retirees: r.retirees,
    avgBaseFen: r.base * 100,
  }));
  const openingBalanceFen = toFen((spec.openingPayableMonths * spend2018 * costPerActive) / 12);
  return { flows, openingBalanceFen };
}
