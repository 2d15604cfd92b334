/**
 * Scenarios and an independent deterministic projection for the stochastic tests. `referenceProjection`
 * is written from the formulas of interfaces.md `project` alone (plain numbers, no code shared with
 * models/), so a zero-volatility Monte Carlo can be checked against the convention itself.
 */
import { assumptionPath, type EmployeeScenario, type ResidentScenario, type Scenario } from '../../../models/projection/scenario.ts';

/** The employee scenario printed in interfaces.md `project`. */
export const INTERFACES_EMPLOYEE: EmployeeScenario = {
  name: 'base', scheme: 'employee', startYear: 2026, horizonYears: 10,
  opening: { balanceYuan: 2.0e9, activeMembers: 1.0e6, retirees: 3.0e5, avgMonthlyWageYuan: 6000, costPerActiveYuan: 2000, costPerRetireeYuan: 7000 },
  assumptions: {
    wageGrowth: 0.05, poolingRate: 0.06, collectionRate: 0.97, activeGrowth: 0.0, retireeGrowth: 0.04,
    medicalInflation: 0.03, utilisationGrowth: 0.02, interestRate: 0.015, subsidyYuan: 0,
  },
};

/** A fund that stays solvent: time-varying wage growth, medical inflation and subsidy. */
export const SOLVENT_EMPLOYEE: EmployeeScenario = {
  name: 'solvent', scheme: 'employee', startYear: 2026, horizonYears: 5,
  opening: { balanceYuan: 8.0e9, activeMembers: 2.0e6, retirees: 4.0e5, avgMonthlyWageYuan: 7000, costPerActiveYuan: 2200, costPerRetireeYuan: 7500 },
  assumptions: {
    wageGrowth: [0.06, 0.055, 0.05, 0.045, 0.04], poolingRate: 0.07, collectionRate: 0.98, activeGrowth: 0.01, retireeGrowth: 0.03,
    medicalInflation: [0.03, 0.03, 0.025, 0.025, 0.02], utilisationGrowth: 0.01, interestRate: 0.02, subsidyYuan: [1e8, 1e8, 5e7, 0, 0],
  },
};

/** A resident fund with per-year premium and subsidy steps. */
export const RESIDENT: ResidentScenario = {
  name: 'resident', scheme: 'resident', startYear: 2026, horizonYears: 6,
  opening: { balanceYuan: 3.0e8, insured: 1.5e6, premiumYuan: 400, subsidyPerHeadYuan: 670, costPerHeadYuan: 1000 },
  assumptions: {
    insuredGrowth: [-0.01, -0.01, -0.005, 0, 0, 0], premiumGrowthYuan: 20, subsidyGrowthYuan: [30, 30, 20, 20, 10, 10],
    medicalInflation: 0.03, utilisationGrowth: 0.02, collectionRate: 0.99, interestRate: 0.015,
  },
};

export interface ReferenceYear {
  income: number;
  interest: number;
  expenditure: number;
  balance: number;
  payableMonths: number;
}

const at = (xs: Float64Array, t: number): number => xs[t] as number;

/** interfaces.md `project` timing convention, year by year. */
export function referenceProjection(s: Scenario): ReferenceYear[] {
  const n = s.horizonYears;
  const path = (key: string) => assumptionPath((s.assumptions as unknown as Record<string, number | number[]>)[key] as number | number[], n, key);
  const out: ReferenceYear[] = [];
  let balance = s.opening.balanceYuan;
  if (s.scheme === 'employee') {
    const g = { w: path('wageGrowth'), a: path('activeGrowth'), r: path('retireeGrowth'), m: path('medicalInflation'), u: path('utilisationGrowth') };
    const rate = { pool: path('poolingRate'), coll: path('collectionRate'), i: path('interestRate'), s: path('subsidyYuan') };
    let { activeMembers: active, retirees, avgMonthlyWageYuan: wage, costPerActiveYuan: cA, costPerRetireeYuan: cR } = s.opening;
    for (let t = 0; t < n; t++) {
      active *= 1 + at(g.a, t);
      retirees *= 1 + at(g.r, t);
      wage *= 1 + at(g.w, t);
      cA = cA * (1 + at(g.m, t)) * (1 + at(g.u, t));
      cR = cR * (1 + at(g.m, t)) * (1 + at(g.u, t));
      const income = active * wage * 12 * at(rate.pool, t) * at(rate.coll, t) + at(rate.s, t);
      const interest = balance * at(rate.i, t);
      const expenditure = active * cA + retirees * cR;
      balance = balance + income + interest - expenditure;
      out.push({ income, interest, expenditure, balance, payableMonths: balance / (expenditure / 12) });
    }
    return out;
  }
  const g = { n: path('insuredGrowth'), m: path('medicalInflation'), u: path('utilisationGrowth'), p: path('premiumGrowthYuan'), h: path('subsidyGrowthYuan') };
  const rate = { coll: path('collectionRate'), i: path('interestRate') };
  let { insured, premiumYuan: premium, subsidyPerHeadYuan: subsidy, costPerHeadYuan: cost } = s.opening;
  for (let t = 0; t < n; t++) {
    insured *= 1 + at(g.n, t);
    premium += at(g.p, t);
    subsidy += at(g.h, t);
    cost = cost * (1 + at(g.m, t)) * (1 + at(g.u, t));
    const income = insured * (premium + subsidy) * at(rate.coll, t);
    const interest = balance * at(rate.i, t);
    const expenditure = insured * cost;
    balance = balance + income + interest - expenditure;
    out.push({ income, interest, expenditure, balance, payableMonths: balance / (expenditure / 12) });
  }
  return out;
}
