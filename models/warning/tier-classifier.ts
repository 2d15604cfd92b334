/**
 * The fast exact tier decision behind {@link classifyPayableMonths} and `evaluateFundSeries`.
 *
 * The tier compares m = B·n / E_w with each cut point t (domain.md §3.2). Doing that in BigInt
 * for every row (B·n·q vs p·E_w with t = p/q) is exact but slow; instead the double
 * m̂ = (B·n) / E_w, which is computed anyway for display, decides the comparison whenever it lies
 * farther than a relative 1e-9 from t. B, E_w are safe integers (< 2^53) and n ≤ 2^53, so m̂ is
 * two correctly rounded operations away from m (relative error ≤ 2·2^-53), far inside that margin:
 * see `approxSign` in models/core/rational.ts for the bound. Only a fund within 1e-9 of a cut point
 * (in practice, exactly on it, such as 15000000.05 元 against 12000000.04 元 a year = 15 months)
 * falls back to the exact cross-multiplication, against the cut point's decimal rational computed
 * once per compiled threshold set and on first need.
 */
import { approxSign, compareRational, exactThreshold, lazyThreshold, type LazyThreshold } from '../core/rational.ts';
import type { TierThresholds } from './params.ts';
import type { PayableMonthsResult, Tier } from './tier.ts';

/** Tier cut points, each with its exact decimal value computed on first use. */
export interface CompiledThresholds {
  redBelow: LazyThreshold;
  orangeBelow: LazyThreshold;
  greenUpTo: LazyThreshold;
  blueUpTo: LazyThreshold;
}

/**
 * @example compileThresholds({ redBelow: 3, orangeBelow: 6, greenUpTo: 9, blueUpTo: 15 }).greenUpTo.value // => 9
 */
export function compileThresholds(t: TierThresholds): CompiledThresholds {
  return {
    redBelow: lazyThreshold(t.redBelow),
    orangeBelow: lazyThreshold(t.orangeBelow),
    greenUpTo: lazyThreshold(t.greenUpTo),
    blueUpTo: lazyThreshold(t.blueUpTo),
  };
}

/**
 * Payable months and tier for safe-integer fen amounts: the same result as
 * {@link classifyPayableMonths} (`payableMonths` is the same double expression; the tier is the
 * exact one), which checks its arguments and calls this when they qualify.
 * @param balanceFen B, a safe integer (not −0)
 * @param windowMonths n, an integer in 1 … 2^53 − 1
 * @param windowExpenditureFen E_w, a safe integer
 * @throws Error `not a finite number: <x>` when a cut point the decision reaches is not finite.
 * @example classifySafeFen(224_800_000_000, 12, 156_700_000_000, compileThresholds({ redBelow: 3, orangeBelow: 6, greenUpTo: 9, blueUpTo: 15 })).tier // => 'purple'
 */
export function classifySafeFen(balanceFen: number, windowMonths: number, windowExpenditureFen: number, t: CompiledThresholds): PayableMonthsResult {
  if (windowExpenditureFen <= 0) return { payableMonths: null, tier: balanceFen > 0 ? 'purple' : 'red' };
  const payableMonths = (balanceFen * windowMonths) / windowExpenditureFen;
  return { payableMonths, tier: tierOf(payableMonths, balanceFen, windowMonths, windowExpenditureFen, t) };
}

/** red: B ≤ 0 or m < redBelow; orange: m < orangeBelow; green: m ≤ greenUpTo; blue: m ≤ blueUpTo; else purple. */
function tierOf(months: number, b: number, n: number, e: number, t: CompiledThresholds): Tier {
  if (b <= 0) return 'red';
  if (compare(months, b, n, e, t.redBelow) < 0) return 'red';
  if (compare(months, b, n, e, t.orangeBelow) < 0) return 'orange';
  if (compare(months, b, n, e, t.greenUpTo) <= 0) return 'green';
  if (compare(months, b, n, e, t.blueUpTo) <= 0) return 'blue';
  return 'purple';
}

/** Sign of B·n/E − t: by the double when clear of t, else by B·n·q vs p·E in BigInt. */
function compare(months: number, b: number, n: number, e: number, t: LazyThreshold): number {
  return approxSign(months, t.value) ?? compareRational({ num: BigInt(b) * BigInt(n), den: BigInt(e) }, exactThreshold(t));
}
