/**
 * Posting a fund's monthly flows into ledger rows: quarterly interest on the previous balance,
 * recorded adjustments, and the exact roll-forward
 * balance[t] = balance[t−1] + income[t] − expenditure[t] + adjustment[t], all in integer fen.
 */
import type { Adjustment } from './regions.ts';

/** Annual rate credited on fund deposits (协定存款-like; an assumption of the demo). */
export const INTEREST_RATE = 0.015;

/** One month of flows before interest and balance, all amounts in integer fen. */
export interface MonthFlows {
  period: string;
  incomeEmployer: number;
  incomeIndividual: number;
  incomeSubsidy: number;
  incomeOther: number;
  expInpatient: number;
  expOutpatient: number;
  expPharmacy: number;
  expOther: number;
  activeMembers?: number;
  retirees?: number;
  residents?: number;
  avgBaseFen?: number;
}

export interface FundRow extends MonthFlows {
  regionCode: string;
  scheme: 'employee' | 'resident';
  incomeInterest: number;
  income: number;
  expenditure: number;
  balance: number;
  adjustment: number;
  adjustmentReason: string;
}

/** Rolls `flows` forward from `openingBalanceFen` (the balance before the first month). */
export function postLedger(
  regionCode: string,
  scheme: FundRow['scheme'],
  openingBalanceFen: number,
  flows: readonly MonthFlows[],
  adjustments: readonly Adjustment[] = [],
): FundRow[] {
  const rows: FundRow[] = [];
  let balance = openingBalanceFen;
  for (const f of flows) {
    const month = Number(f.period.slice(5, 7));
    // interest for the quarter is credited in its last month, on the balance carried in
    const incomeInterest = month % 3 === 0 && balance > 0 ? Math.round((balance * INTEREST_RATE) / 4) : 0;
    const income = f.incomeEmployer + f.incomeIndividual + f.incomeSubsidy + incomeInterest + f.incomeOther;
    const expenditure = f.expInpatient + f.expOutpatient + f.expPharmacy + f.expOther;
    const adj = adjustments.find((a) => a.scheme === scheme && a.period === f.period);
    const adjustment = adj ? Math.round(adj.yuan * 100) : 0;
    balance = balance + income - expenditure + adjustment;
    if (!Number.isSafeInteger(balance)) throw new Error(`${regionCode} ${scheme} ${f.period}: balance out of range`);
    rows.push({
      ...f, regionCode, scheme, incomeInterest, income, expenditure, balance, adjustment,
      adjustmentReason: adj ? adj.reason : '',
    });
  }
  return rows;
}
