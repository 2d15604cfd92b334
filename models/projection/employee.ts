/**
 * Deterministic yearly projection of the employee pooling fund (统筹基金, domain.md §6.2) with the
 * timing convention of interfaces.md `project`. Opening values belong to year startYear − 1; for each
 * projected year t:
 *
 * $$ N_t = N_{t-1}(1+g^N_t),\ R_t = R_{t-1}(1+g^R_t),\ w_t = w_{t-1}(1+g^w_t),\
 *    c^A_t = c^A_{t-1}(1+\pi_t)(1+u_t),\ c^R_t = c^R_{t-1}(1+\pi_t)(1+u_t) $$
 * $$ I_t = N_t\,w_t\cdot 12\cdot p_t\,k_t + S_t,\quad J_t = B_{t-1}\,r_t,\quad
 *    E_t = N_t\,c^A_t f^A_t + R_t\,c^R_t f^R_t,\quad B_t = B_{t-1} + I_t + J_t - E_t $$
 * plain: active members N, retirees R and the average monthly wage w grow first; the per-head costs of
 * actives c^A and retirees c^R grow by (1 + medicalInflation π)(1 + utilisationGrowth u); then
 * income I = N × w × 12 × poolingRate p × collectionRate k + subsidy S (yuan; retirees pay nothing),
 * interest J = previous balance × interestRate r, expenditure E = N × c^A × f^A + R × c^R × f^R with the
 * policy factors f (policy.ts, 1 when none), balance B = B_{t−1} + I + J − E, all in yuan, in doubles,
 * evaluated left to right exactly as written so an independent check reproduces them to the fen.
 *
 * With `membership.kind = 'cohort'` the heads N_t, R_t come from the cohort model (cohort.ts), and the
 * growth rates activeGrowth / retireeGrowth are not used; the per-head costs are then scaled by the
 * cohort's age-mix cost indices. Interest is charged on a negative balance at the same rate.
 * @throws Error from {@link checkScenario}, {@link policyFactorPath}, {@link projectCohort}, and
 *   `membership.active: sums to <x> heads but opening.activeMembers is <y>` (likewise for retirees).
 * @see domain.md §6.2; interfaces.md `project` (timing convention).
 * @example employeeFlows(interfacesExample).balance[0] // the example scenario of interfaces.md
 * // => 2034209600 (2026: I = 1e6 × 6300 × 12 × 0.06 × 0.97 = 4399920000, J = 3e7, E = 1e6 × 2101.2 + 312000 × 7354.2)
 */
import { checkScenario } from './check.ts';
import { cohortTotal, projectCohort } from './cohort.ts';
import { newFlows, type YearlyFlows } from './flows.ts';
import { policyFactorPath } from './policy.ts';
import { assumptionPaths, type EmployeeScenario } from './scenario.ts';

/** Per-year drivers behind the flows; per-head costs include policy factors and cohort indices. */
export interface EmployeeDrivers {
  activeMembers: Float64Array;
  retirees: Float64Array;
  avgMonthlyWageYuan: Float64Array;
  costPerActiveYuan: Float64Array;
  costPerRetireeYuan: Float64Array;
  contributionIncomeYuan: Float64Array;
  subsidyIncomeYuan: Float64Array;
}

export interface EmployeeFlows extends YearlyFlows {
  drivers: EmployeeDrivers;
  /** Expenditure of year startYear − 1 from the opening heads and costs, yuan (monthly rows' first trailing window). */
  openingExpenditureYuan: number;
}

/** Relative tolerance of the cohort-total check: sums of many doubles differ from the total in the last bits. */
const COHORT_TOTAL_TOLERANCE = 1e-9;

export function employeeFlows(s: EmployeeScenario): EmployeeFlows {
  checkScenario(s);
  const n = s.horizonYears;
  const a = assumptionPaths(s);
  const o = s.opening;
  const policyA = policyFactorPath(s.policy, s.startYear, n, 'active');
  const policyR = policyFactorPath(s.policy, s.startYear, n, 'retirees');
  const cohort = s.membership?.kind === 'cohort' ? projectCohort(s.membership, n) : undefined;
  if (cohort && s.membership) {
    checkTotal(cohortTotal({ male: Float64Array.from(s.membership.active.male), female: Float64Array.from(s.membership.active.female) }), o.activeMembers, 'active', 'activeMembers');
    checkTotal(cohortTotal({ male: Float64Array.from(s.membership.retirees.male), female: Float64Array.from(s.membership.retirees.female) }), o.retirees, 'retirees', 'retirees');
  }
  const flows = newFlows(n);
  const d: EmployeeDrivers = {
    activeMembers: new Float64Array(n), retirees: new Float64Array(n), avgMonthlyWageYuan: new Float64Array(n),
    costPerActiveYuan: new Float64Array(n), costPerRetireeYuan: new Float64Array(n),
    contributionIncomeYuan: new Float64Array(n), subsidyIncomeYuan: new Float64Array(n),
  };
  let active = o.activeMembers;
  let retirees = o.retirees;
  let wage = o.avgMonthlyWageYuan;
  let costA = o.costPerActiveYuan;
  let costR = o.costPerRetireeYuan;
  let balance = o.balanceYuan;
  for (let t = 0; t < n; t++) {
    if (cohort) {
      active = cohort.active[t] as number;
      retirees = cohort.retirees[t] as number;
    } else {
      active = active * (1 + (a.activeGrowth[t] as number));
      retirees = retirees * (1 + (a.retireeGrowth[t] as number));
    }
    wage = wage * (1 + (a.wageGrowth[t] as number));
    costA = costA * (1 + (a.medicalInflation[t] as number)) * (1 + (a.utilisationGrowth[t] as number));
    costR = costR * (1 + (a.medicalInflation[t] as number)) * (1 + (a.utilisationGrowth[t] as number));
    // a factor of exactly 1 (no policy, no cohort) leaves the products bit-for-bit those of the convention
    const perActive = costA * (policyA[t] as number) * (cohort ? (cohort.activeCostIndex[t] as number) : 1);
    const perRetiree = costR * (policyR[t] as number) * (cohort ? (cohort.retireeCostIndex[t] as number) : 1);
    const contributions = active * wage * 12 * (a.poolingRate[t] as number) * (a.collectionRate[t] as number);
    const subsidy = a.subsidyYuan[t] as number;
    const income = contributions + subsidy;
    const interest = balance * (a.interestRate[t] as number);
    const expenditure = active * perActive + retirees * perRetiree;
    balance = balance + income + interest - expenditure;
    flows.income[t] = income;
    flows.interest[t] = interest;
    flows.expenditure[t] = expenditure;
    flows.balance[t] = balance;
    d.activeMembers[t] = active;
    d.retirees[t] = retirees;
    d.avgMonthlyWageYuan[t] = wage;
    d.costPerActiveYuan[t] = perActive;
    d.costPerRetireeYuan[t] = perRetiree;
    d.contributionIncomeYuan[t] = contributions;
    d.subsidyIncomeYuan[t] = subsidy;
  }
  return { ...flows, drivers: d, openingExpenditureYuan: o.activeMembers * o.costPerActiveYuan + o.retirees * o.costPerRetireeYuan };
}

function checkTotal(sum: number, expected: number, field: string, openingField: string): void {
  if (Math.abs(sum - expected) > COHORT_TOTAL_TOLERANCE * Math.max(1, Math.abs(expected))) {
    throw new Error(`membership.${field}: sums to ${sum} heads but opening.${openingField} is ${expected}`);
  }
}
