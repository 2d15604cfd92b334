/**
 * Deterministic yearly projection of the resident fund (居民医保, domain.md §6.2) with the timing
 * convention of interfaces.md `project`. Opening values belong to year startYear − 1; for each
 * projected year t:
 *
 * $$ M_t = M_{t-1}(1+g_t),\quad P_t = P_{t-1} + \Delta P_t,\quad G_t = G_{t-1} + \Delta G_t,\quad c_t = c_{t-1}(1+\pi_t)(1+u_t) $$
 * $$ I_t = M_t\,(P_t + G_t)\,k_t,\quad J_t = B_{t-1}\,r_t,\quad E_t = M_t\,c_t f_t,\quad B_t = B_{t-1} + I_t + J_t - E_t $$
 * plain: insured heads M grow by insuredGrowth g; the individual premium P and the government subsidy
 * per head G grow by the given yuan amounts ΔP (premiumGrowthYuan) and ΔG (subsidyGrowthYuan); the
 * cost per head c grows by (1 + medicalInflation π)(1 + utilisationGrowth u); income
 * I = M × (P + G) × collectionRate k, interest J = previous balance × interestRate r, expenditure
 * E = M × c × f (policy factor f, 1 when none), balance B = B_{t−1} + I + J − E; yuan, doubles,
 * evaluated left to right exactly as written.
 *
 * Limits: a premium or subsidy cut below zero is carried as is (the schema keeps the opening values
 * non-negative but not their sums with the yearly changes). Interest is charged on a negative balance.
 * @throws Error from {@link checkScenario} and {@link policyFactorPath}.
 * @see domain.md §6.2; interfaces.md `project` (timing convention).
 * @example residentFlows({ name: 'r', scheme: 'resident', startYear: 2026, horizonYears: 1,
 *   opening: { balanceYuan: 1000, insured: 10, premiumYuan: 40, subsidyPerHeadYuan: 60, costPerHeadYuan: 90 },
 *   assumptions: { insuredGrowth: 0, premiumGrowthYuan: 10, subsidyGrowthYuan: 0, medicalInflation: 0,
 *     utilisationGrowth: 0, collectionRate: 1, interestRate: 0 } }).balance[0]
 * // => 1200 (I = 10 × (50 + 60) × 1 = 1100, E = 10 × 90 = 900)
 */
import { checkScenario } from './check.ts';
import { newFlows, type YearlyFlows } from './flows.ts';
import { policyFactorPath } from './policy.ts';
import { assumptionPaths, type ResidentScenario } from './scenario.ts';

/** Per-year drivers behind the flows; the cost per head includes policy factors. */
export interface ResidentDrivers {
  insured: Float64Array;
  premiumYuan: Float64Array;
  subsidyPerHeadYuan: Float64Array;
  costPerHeadYuan: Float64Array;
  /** M × P × k and M × G × k: the two parts of the income, yuan (their sum equals I up to the last bit). */
  premiumIncomeYuan: Float64Array;
  subsidyIncomeYuan: Float64Array;
}

export interface ResidentFlows extends YearlyFlows {
  drivers: ResidentDrivers;
  /** Expenditure of year startYear − 1 from the opening heads and cost, yuan. */
  openingExpenditureYuan: number;
}

export function residentFlows(s: ResidentScenario): ResidentFlows {
  checkScenario(s);
  const n = s.horizonYears;
  const a = assumptionPaths(s);
  const o = s.opening;
  const policy = policyFactorPath(s.policy, s.startYear, n, 'all');
  const flows = newFlows(n);
  const d: ResidentDrivers = {
    insured: new Float64Array(n), premiumYuan: new Float64Array(n), subsidyPerHeadYuan: new Float64Array(n),
    costPerHeadYuan: new Float64Array(n), premiumIncomeYuan: new Float64Array(n), subsidyIncomeYuan: new Float64Array(n),
  };
  let insured = o.insured;
  let premium = o.premiumYuan;
  let subsidy = o.subsidyPerHeadYuan;
  let cost = o.costPerHeadYuan;
  let balance = o.balanceYuan;
  for (let t = 0; t < n; t++) {
    const collection = a.collectionRate[t] as number;
    insured = insured * (1 + (a.insuredGrowth[t] as number));
    premium = premium + (a.premiumGrowthYuan[t] as number);
    subsidy = subsidy + (a.subsidyGrowthYuan[t] as number);
    cost = cost * (1 + (a.medicalInflation[t] as number)) * (1 + (a.utilisationGrowth[t] as number));
    const perHead = cost * (policy[t] as number);
    const income = insured * (premium + subsidy) * collection;
    const interest = balance * (a.interestRate[t] as number);
    const expenditure = insured * perHead;
    balance = balance + income + interest - expenditure;
    flows.income[t] = income;
    flows.interest[t] = interest;
    flows.expenditure[t] = expenditure;
    flows.balance[t] = balance;
    d.insured[t] = insured;
    d.premiumYuan[t] = premium;
    d.subsidyPerHeadYuan[t] = subsidy;
    d.costPerHeadYuan[t] = perHead;
    d.premiumIncomeYuan[t] = insured * premium * collection;
    d.subsidyIncomeYuan[t] = insured * subsidy * collection;
  }
  return { ...flows, drivers: d, openingExpenditureYuan: o.insured * o.costPerHeadYuan };
}
