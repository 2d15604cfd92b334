/**
 * The risk-adjustment reserve (调控金, domain.md §4.1) and the deficit waterfall (收不抵支时的弥补顺序,
 * §4.2) over a projected path: each year, who covers the shortfall and when each source runs out.
 *
 * For year t with income I_t, interest J_t, expenditure E_t, balance B_t (flows.ts), reserve stock
 * Q_{t−1} (0 ≤ Q ≤ max(B, 0)), reserve rate ρ and fiscal cap F_t (∞ when none):
 * $$ S_t = \max(0, E_t - I_t - J_t) $$
 * $$ s^Q_t = \min(S_t, Q_{t-1}),\ s^B_t = \min(S_t - s^Q_t, \max(0, B_{t-1} - Q_{t-1})),\
 *    s^F_t = \min(S_t - s^Q_t - s^B_t, F_t),\ s^O_t = S_t - s^Q_t - s^B_t - s^F_t $$
 * $$ Q_t = \min(Q_{t-1} - s^Q_t, \max(0, B_t)) \text{ if } S_t > 0, \text{ else } \min(Q_{t-1} + \rho I_t, \max(0, B_t)) $$
 * plain: the shortfall S is what expenditure exceeds income plus interest by; it is met in order by
 * (1) the reserve built up in earlier years, (2) the rest of the accumulated surplus (the balance above
 * the reserve), (3) a fiscal subsidy from the same-level government up to the cap, (4) other sources
 * (higher-level adjustment funds, rate changes). In a year without shortfall ρ × I (default 9 % of the
 * year's income, interest excluded) is set aside, never more than the balance holds. A year's own
 * set-aside cannot cover its own shortfall: a year whose expenditure exceeds its income has spent it.
 * A source "runs out" in the first year it is asked for more than it has (the reserve, the surplus)
 * or than its cap (the fiscal subsidy); other sources never do.
 *
 * The waterfall explains the path, it does not change it: the balance follows interfaces.md, so once
 * the fund's own money is gone B_t turns negative by what sources (3) and (4) had to provide
 * (with interest charged on the negative balance at the fund's rate).
 * @throws Error `openingReserveYuan: must be at most the opening balance (<b>), got <q>`
 * @see 河源市医疗保障基金使用监督管理办法 (seed 001) 第十条 (9 % reserve; order of deficit financing);
 *   社会保险基金财务制度 (财社〔2017〕144号) on covering a deficit; domain.md §4.
 * @example deficitFinancing(2026, 100, { income: Float64Array.of(50, 50), interest: Float64Array.of(0, 0),
 *   expenditure: Float64Array.of(40, 80), balance: Float64Array.of(110, 80) }, { reserveRate: 0.1 }).years[1].fromReserveYuan
 * // => 5 (2026 sets aside 5; the 2027 shortfall of 30 takes the 5, then 25 of the surplus)
 */
import type { YearlyFlows } from './flows.ts';

/** Default reserve rate: 9 % of the year's pooling-fund income (`seed`, seed 001 第十条(一)). */
export const DEFAULT_RESERVE_RATE = 0.09;

export interface FinancingYear {
  year: number;
  /** Added to the reserve this year, yuan (0 in a shortfall year). */
  reserveSetAsideYuan: number;
  /** max(0, expenditure − income − interest), yuan. */
  shortfallYuan: number;
  fromReserveYuan: number;
  fromAccumulatedSurplusYuan: number;
  fromFiscalYuan: number;
  fromOtherYuan: number;
  /** Reserve held at the end of the year, yuan. */
  reserveYuan: number;
}

export interface DeficitFinancing {
  reserveRate: number;
  openingReserveYuan: number;
  years: FinancingYear[];
  /** First year each source was asked for more than it had (or than its cap); null when never. */
  exhaustedYear: { reserve: number | null; accumulatedSurplus: number | null; fiscal: number | null };
}

export interface FinancingSettings {
  reserveRate?: number;
  openingReserveYuan?: number;
  /** Fiscal cap per projected year, yuan; undefined = no cap. */
  fiscalCapYuan?: Float64Array;
}

export function deficitFinancing(startYear: number, openingBalanceYuan: number, f: YearlyFlows, settings: FinancingSettings = {}): DeficitFinancing {
  const rate = settings.reserveRate ?? DEFAULT_RESERVE_RATE;
  const openingReserve = settings.openingReserveYuan ?? 0;
  if (openingReserve > Math.max(0, openingBalanceYuan)) {
    throw new Error(`openingReserveYuan: must be at most the opening balance (${openingBalanceYuan}), got ${openingReserve}`);
  }
  const out: DeficitFinancing = { reserveRate: rate, openingReserveYuan: openingReserve, years: [], exhaustedYear: { reserve: null, accumulatedSurplus: null, fiscal: null } };
  let reserve = openingReserve;
  let previousBalance = openingBalanceYuan;
  for (let t = 0; t < f.balance.length; t++) {
    const year = startYear + t;
    const income = f.income[t] as number;
    const balance = f.balance[t] as number;
    const shortfall = Math.max(0, (f.expenditure[t] as number) - income - (f.interest[t] as number));
    const row: FinancingYear = {
      year, reserveSetAsideYuan: 0, shortfallYuan: shortfall, fromReserveYuan: 0,
      fromAccumulatedSurplusYuan: 0, fromFiscalYuan: 0, fromOtherYuan: 0, reserveYuan: 0,
    };
    if (shortfall > 0) {
      const surplus = Math.max(0, previousBalance - reserve);
      const cap = settings.fiscalCapYuan ? (settings.fiscalCapYuan[t] as number) : Infinity;
      row.fromReserveYuan = Math.min(shortfall, reserve);
      let left = shortfall - row.fromReserveYuan;
      row.fromAccumulatedSurplusYuan = Math.min(left, surplus);
      left -= row.fromAccumulatedSurplusYuan;
      row.fromFiscalYuan = Math.min(left, cap);
      row.fromOtherYuan = left - row.fromFiscalYuan;
      if (out.exhaustedYear.reserve === null && shortfall > reserve) out.exhaustedYear.reserve = year;
      if (out.exhaustedYear.accumulatedSurplus === null && shortfall - row.fromReserveYuan > surplus) out.exhaustedYear.accumulatedSurplus = year;
      if (out.exhaustedYear.fiscal === null && left > cap) out.exhaustedYear.fiscal = year;
      // algebraically Q_t ≤ B_t already; the min only absorbs the last-bit rounding of B_t
      reserve = Math.min(reserve - row.fromReserveYuan, Math.max(0, balance));
    } else {
      const next = Math.min(reserve + rate * Math.max(0, income), Math.max(0, balance));
      row.reserveSetAsideYuan = next - reserve;
      reserve = next;
    }
    row.reserveYuan = reserve;
    out.years.push(row);
    previousBalance = balance;
  }
  return out;
}
