/**
 * Payable months (可支付月数) and its warning tier (domain.md §3.1–3.2).
 *
 * $$ m = \frac{B}{E_w / n} = \frac{B \cdot n}{E_w} $$
 * plain: m = balance × n / window expenditure, where
 * - B: pooling-fund accumulated balance at the end of the period, fen;
 * - E_w: expenditure over the denominator window, fen (a year's, 12 trailing months', the
 *   year-to-date months', or a projected next 12 months');
 * - n: the number of months E_w covers (12 for a year), so E_w / n is the mean monthly expenditure.
 *
 * The tier is decided exactly: m ≥ t means B·n·q ≥ p·E_w with t = p/q the decimal the threshold
 * was written as, so a fund at exactly 6.0 months is green, never orange through a 5.9999999
 * rounding. The double m decides when it is clearly away from t and BigInt cross-multiplication
 * when it is within a relative 1e-9 (tier-classifier.ts has the error bound). `payableMonths`
 * itself is returned as a double, for display.
 *
 * Limits: when E_w ≤ 0 (no spending in the window, or net refunds) months are undefined:
 * `payableMonths` is null, the tier is purple when B > 0 (the fund pays nothing out of a
 * positive balance) and red when B ≤ 0.
 *
 * @see 人社部发〔2009〕67号 (6–9 months reasonable, > 15 too much, < 3 too little); domain.md §3.2.
 */
import { compareRational, rationalFromNumber, ratio, type Rational } from '../core/rational.ts';
import type { TierThresholds } from './params.ts';
import { classifySafeFen, compileThresholds } from './tier-classifier.ts';

export type Tier = 'red' | 'orange' | 'green' | 'blue' | 'purple';

/**
 * Tiers from most to least urgent, for sorting alerts: red (cannot pay), orange (below the
 * reasonable band), purple (excess surplus: a policy problem the 2009 guidance asks to correct),
 * blue (high but tolerated; some regions call it best), green (reasonable).
 */
export const TIER_ORDER: readonly Tier[] = ['red', 'orange', 'purple', 'blue', 'green'];

/** Display labels; the labels of orange and blue are fundrisk's (`assumption`, domain.md §3.2). */
export const TIER_LABELS: Readonly<Record<Tier, { colourZh: string; zh: string; en: string }>> = {
  red: { colourZh: '红色', zh: '严重预警', en: 'severe warning' },
  orange: { colourZh: '橙色', zh: '预警', en: 'warning' },
  green: { colourZh: '绿色', zh: '合理', en: 'reasonable' },
  blue: { colourZh: '蓝色', zh: '偏高', en: 'high' },
  purple: { colourZh: '紫色', zh: '结余过多', en: 'excessive surplus' },
};

/**
 * Rank of a tier in {@link TIER_ORDER}, 0 = most urgent.
 * @example tierSeverity('purple') // => 2
 */
export function tierSeverity(tier: Tier): number {
  return TIER_ORDER.indexOf(tier);
}

/**
 * Tier of an exact number of payable months with the balance sign.
 * red: B ≤ 0 or m < redBelow; orange: m < orangeBelow; green: m ≤ greenUpTo; blue: m ≤ blueUpTo; else purple.
 * @example tierOfMonths({ num: 6n, den: 1n }, { redBelow: 3, orangeBelow: 6, greenUpTo: 9, blueUpTo: 15 }) // => 'green'
 */
export function tierOfMonths(months: Rational, t: TierThresholds): Tier {
  if (months.num <= 0n) return 'red';
  const cmp = (x: number) => compareRational(months, rationalFromNumber(x));
  if (cmp(t.redBelow) < 0) return 'red';
  if (cmp(t.orangeBelow) < 0) return 'orange';
  if (cmp(t.greenUpTo) <= 0) return 'green';
  if (cmp(t.blueUpTo) <= 0) return 'blue';
  return 'purple';
}

export interface PayableMonthsResult {
  /** B·n / E_w as a double; null when E_w ≤ 0. */
  payableMonths: number | null;
  tier: Tier;
}

/**
 * Payable months and tier of a balance against a window's expenditure.
 * @param balanceFen accumulated balance B, integer fen
 * @param windowMonths n, months covered by the window (1–12)
 * @param windowExpenditureFen E_w, integer fen
 * @throws Error `windowMonths must be a positive integer, got <n>`
 * @example classifyPayableMonths(224_800_000_000, 12, 156_700_000_000, { redBelow: 3, orangeBelow: 6, greenUpTo: 9, blueUpTo: 15 })
 * // => { payableMonths: 17.215060625398852, tier: 'purple' }   (Urumqi 2013, domain.md §3.1)
 */
export function classifyPayableMonths(
  balanceFen: number | bigint,
  windowMonths: number,
  windowExpenditureFen: number | bigint,
  thresholds: TierThresholds,
): PayableMonthsResult {
  if (!Number.isInteger(windowMonths) || windowMonths <= 0) {
    throw new Error(`windowMonths must be a positive integer, got ${windowMonths}`);
  }
  if (typeof balanceFen === 'number' && Number.isSafeInteger(balanceFen)
    && typeof windowExpenditureFen === 'number' && Number.isSafeInteger(windowExpenditureFen)
    && windowMonths <= Number.MAX_SAFE_INTEGER) {
    // `+ 0` turns −0 into 0, as BigInt(−0) = 0n does on the general path below
    return classifySafeFen(balanceFen + 0, windowMonths, windowExpenditureFen, compileThresholds(thresholds));
  }
  // BigInts, amounts beyond the safe range, non-integers (BigInt throws a RangeError)
  const b = BigInt(balanceFen);
  const e = BigInt(windowExpenditureFen);
  if (e <= 0n) return { payableMonths: null, tier: b > 0n ? 'purple' : 'red' };
  const months = ratio(b * BigInt(windowMonths), e);
  return { payableMonths: (Number(b) * windowMonths) / Number(e), tier: tierOfMonths(months, thresholds) };
}
