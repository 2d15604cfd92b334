/**
 * Resident scheme (居民医保) surplus indicators (domain.md §3.3), over the same window as the
 * payable-months denominator (I_w, E_w over n months).
 *
 * $$ s = \frac{I_w - E_w}{I_w}, \qquad a = \frac{B}{I_w \cdot 12 / n} = \frac{B \cdot n}{12\, I_w} $$
 * plain: current surplus rate s = (income − expenditure) / income;
 *        accumulated surplus ratio a = balance / (the window's income scaled to a year).
 * - B: accumulated balance, fen; I_w, E_w: window income and expenditure, fen; n: window months.
 *
 * Breaches are decided exactly (BigInt cross-products against the decimal the limit was written
 * as): s > surplusRateMax, a > accumulatedRatioMax. Both rates are null, and neither breaches,
 * when I_w ≤ 0 (no income in the window: the ratios have no meaning).
 *
 * @see domain.md §3.3: 15% current-surplus band (`practice`, 2007 新农合 rule); 25% accumulated cap
 *   (`official` for 新农合 under 社会保险基金财务制度, carried to residents as an `assumption`).
 */
import { compareRational, rationalFromNumber, ratio } from '../core/rational.ts';
import type { ResidentLimits } from './params.ts';
import type { WindowSums } from './series.ts';

export interface ResidentIndicators {
  currentSurplusRate: number | null;
  accumulatedSurplusRatio: number | null;
  surplusRateBreach: boolean;
  accumulatedRatioBreach: boolean;
}

const MONTHS_PER_YEAR = 12n;

/**
 * @example residentIndicators(30_000n, { months: 12, incomeFen: 100_000n, expenditureFen: 80_000n },
 *   { surplusRateMax: 0.15, accumulatedRatioMax: 0.25 })
 * // => { currentSurplusRate: 0.2, accumulatedSurplusRatio: 0.3, surplusRateBreach: true, accumulatedRatioBreach: true }
 */
export function residentIndicators(balanceFen: bigint, window: WindowSums, limits: ResidentLimits): ResidentIndicators {
  const income = window.incomeFen;
  if (income <= 0n) {
    return { currentSurplusRate: null, accumulatedSurplusRatio: null, surplusRateBreach: false, accumulatedRatioBreach: false };
  }
  const surplus = ratio(income - window.expenditureFen, income);
  const accumulated = ratio(balanceFen * BigInt(window.months), MONTHS_PER_YEAR * income);
  return {
    currentSurplusRate: Number(income - window.expenditureFen) / Number(income),
    accumulatedSurplusRatio: (Number(balanceFen) * window.months) / (12 * Number(income)),
    surplusRateBreach: compareRational(surplus, rationalFromNumber(limits.surplusRateMax)) > 0,
    accumulatedRatioBreach: compareRational(accumulated, rationalFromNumber(limits.accumulatedRatioMax)) > 0,
  };
}
