/**
 * Monthly rows of a yearly projection with a seasonal profile (domain.md §6.2 "monthly steps allowed,
 * with the seasonal profile"; §6.1 on resident premiums collected in Q4).
 *
 * For month m = 1 … 12 of year t with income shares a_m, expenditure shares e_m (each ≥ 0, Σ = 1) and the
 * cumulative shares A_m = Σ_{k≤m} a_k, with A_12 = 1 exactly (likewise E_m):
 * $$ B_{t,m} = B_{t-1} + I_t A_m + J_t \tfrac{m}{12} - E_t \mathcal{E}_m $$
 * $$ W_{t,m} = E_t \mathcal{E}_m + E_{t-1}(1 - \mathcal{E}_m), \qquad m^{pay}_{t,m} = B_{t,m} / (W_{t,m}/12) $$
 * plain: a month's balance is the opening balance of the year plus the income, interest and minus the
 * expenditure up to and including that month; income and expenditure follow their profiles, interest
 * accrues evenly (1/12 a month, an `assumption`: funds' deposits are credited at different dates).
 * Payable months divide by the trailing-12-month expenditure W (domain.md §3.1, never one month × 12);
 * before the first projected year that window reaches into year startYear − 1, whose expenditure comes
 * from the opening heads and costs, spread by the same profile. Because A_12 = E_12 = 1 and 12/12 = 1,
 * December's balance is bit-for-bit the yearly model's B_t, and December's payable months are the year's.
 * @throws Error `monthlyProfile.<income|expenditure>: expected 12 monthly shares, got <n>`,
 *   `monthlyProfile.<…>[<m>]: must be a non-negative number, got <x>`,
 *   `monthlyProfile.<…>: shares must sum to 1, got <s>` (tolerance 1e-9: decimal shares such as 0.1 do not add to 1 exactly in binary).
 * @see domain.md §3.1, §6.2.
 * @example monthlyRows(2026, 0, { income: Float64Array.of(120), interest: Float64Array.of(0),
 *   expenditure: Float64Array.of(120), balance: Float64Array.of(0) }, 120, {}, DEFAULT_WARNING_PARAMS.thresholds)[5].balanceYuan
 * // => 0 (flat profiles: income and expenditure of 10 a month cancel)
 */
import type { TierThresholds } from '../warning/params.ts';
import type { Tier } from '../warning/tier.ts';
import type { YearlyFlows } from './flows.ts';
import { cumulativeMonthlyShares } from './monthly-shares.ts';
import { projectionMonthsAndTier } from './payable-months.ts';
import type { MonthlyProfile } from './scenario.ts';

export interface MonthlyRow {
  /** `YYYY-MM`. */
  month: string;
  incomeYuan: number;
  interestYuan: number;
  expenditureYuan: number;
  balanceYuan: number;
  /** Expenditure of the 12 months ending with this one, yuan. */
  trailing12ExpenditureYuan: number;
  payableMonths: number | null;
  tier: Tier;
}

export function monthlyRows(
  startYear: number,
  openingBalanceYuan: number,
  f: YearlyFlows,
  openingExpenditureYuan: number,
  profile: MonthlyProfile,
  thresholds: TierThresholds,
): MonthlyRow[] {
  const inc = cumulativeMonthlyShares(profile.income, 'income');
  const exp = cumulativeMonthlyShares(profile.expenditure, 'expenditure');
  const rows: MonthlyRow[] = [];
  let previousBalance = openingBalanceYuan;
  let previousExpenditure = openingExpenditureYuan;
  for (let t = 0; t < f.balance.length; t++) {
    const I = f.income[t] as number;
    const J = f.interest[t] as number;
    const E = f.expenditure[t] as number;
    let before = { income: 0, interest: 0, expenditure: 0 };
    for (let m = 1; m <= 12; m++) {
      const cum = { income: I * (inc[m] as number), interest: J * (m / 12), expenditure: E * (exp[m] as number) };
      const balance = previousBalance + cum.income + cum.interest - cum.expenditure;
      const trailing = cum.expenditure + (previousExpenditure - previousExpenditure * (exp[m] as number));
      rows.push({
        month: `${startYear + t}-${String(m).padStart(2, '0')}`,
        incomeYuan: cum.income - before.income,
        interestYuan: cum.interest - before.interest,
        expenditureYuan: cum.expenditure - before.expenditure,
        balanceYuan: balance,
        trailing12ExpenditureYuan: trailing,
        ...projectionMonthsAndTier(balance, trailing, thresholds),
      });
      before = cum;
    }
    previousBalance = f.balance[t] as number;
    previousExpenditure = E;
  }
  return rows;
}

