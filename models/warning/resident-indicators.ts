/**
 * Resident scheme (居民医保) surplus indicators (domain.md §3.3), over the same window as the
 * payable-months denominator (I_w, E_w over n months).
 *
 * $$ s = \frac{I_w - E_w}{I_w}, \qquad a = \frac{B}{I_w \cdot 12 / n} = \frac{B \cdot n}{12\, I_w} $$
 * plain: current surplus rate s = (income − expenditure) / income;
 *        accumulated surplus ratio a = balance / (the window's income scaled to a year).
 * - B: accumulated balance, fen; I_w, E_w: window income and expenditure, fen; n: window months.
 *
 * Breaches are decided exactly against the decimal the limit was written as: s > surplusRateMax,
 * a > accumulatedRatioMax. The rate as a double decides when it is farther than a relative 1e-9
 * from the limit (s is two correctly rounded operations from its exact value, a three; see
 * `approxSign` in models/core/rational.ts for why that cannot flip the comparison), and BigInt
 * cross-products decide otherwise. Both rates are null, and neither breaches, when I_w ≤ 0 (no
 * income in the window: the ratios have no meaning).
 *
 * @see domain.md §3.3: 15% current-surplus band (`practice`, 2007 新农合 rule); 25% accumulated cap
 *   (`official` for 新农合 under 社会保险基金财务制度, carried to residents as an `assumption`).
 */
import { approxSign, compareRational, exactThreshold, lazyThreshold, type LazyThreshold } from '../core/rational.ts';
import type { ResidentLimits } from './params.ts';
import type { WindowSums } from './series.ts';

export interface ResidentIndicators {
  currentSurplusRate: number | null;
  accumulatedSurplusRatio: number | null;
  surplusRateBreach: boolean;
  accumulatedRatioBreach: boolean;
}

const MONTHS_PER_YEAR = 12;

/** Resident limits, each with its exact decimal value computed on first use. */
export interface CompiledResidentLimits {
  surplusRateMax: LazyThreshold;
  accumulatedRatioMax: LazyThreshold;
}

/**
 * @example compileResidentLimits({ surplusRateMax: 0.15, accumulatedRatioMax: 0.25 }).surplusRateMax.value // => 0.15
 */
export function compileResidentLimits(limits: ResidentLimits): CompiledResidentLimits {
  return { surplusRateMax: lazyThreshold(limits.surplusRateMax), accumulatedRatioMax: lazyThreshold(limits.accumulatedRatioMax) };
}

/**
 * @param balanceFen B, a safe integer
 * @param window I_w and E_w (safe integers) over n months
 * @throws Error `not a finite number: <x>` when a limit is not finite and I_w > 0.
 * @example residentIndicators(30_000, { months: 12, incomeFen: 100_000, expenditureFen: 80_000 },
 *   { surplusRateMax: 0.15, accumulatedRatioMax: 0.25 })
 * // => { currentSurplusRate: 0.2, accumulatedSurplusRatio: 0.3, surplusRateBreach: true, accumulatedRatioBreach: true }
 */
export function residentIndicators(balanceFen: number, window: WindowSums, limits: ResidentLimits): ResidentIndicators {
  return residentIndicatorsCompiled(balanceFen, window, compileResidentLimits(limits));
}

/** {@link residentIndicators} against limits compiled once for a whole series. */
export function residentIndicatorsCompiled(balanceFen: number, window: WindowSums, limits: CompiledResidentLimits): ResidentIndicators {
  const income = window.incomeFen;
  const expenditure = window.expenditureFen;
  if (income <= 0) {
    return { currentSurplusRate: null, accumulatedSurplusRatio: null, surplusRateBreach: false, accumulatedRatioBreach: false };
  }
  // I − E is one correctly rounded subtraction, the same double as Number(BigInt(I) − BigInt(E))
  const currentSurplusRate = (income - expenditure) / income;
  const accumulatedSurplusRatio = (balanceFen * window.months) / (MONTHS_PER_YEAR * income);
  const surplusSign = approxSign(currentSurplusRate, limits.surplusRateMax.value)
    ?? compareRational({ num: BigInt(income) - BigInt(expenditure), den: BigInt(income) }, exactThreshold(limits.surplusRateMax));
  const accumulatedSign = approxSign(accumulatedSurplusRatio, limits.accumulatedRatioMax.value)
    ?? compareRational({ num: BigInt(balanceFen) * BigInt(window.months), den: BigInt(MONTHS_PER_YEAR) * BigInt(income) }, exactThreshold(limits.accumulatedRatioMax));
  return { currentSurplusRate, accumulatedSurplusRatio, surplusRateBreach: surplusSign > 0, accumulatedRatioBreach: accumulatedSign > 0 };
}
