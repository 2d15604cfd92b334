/**
 * Withholding and monthly prepayment of an institution's quota (domain.md §5.3, §5.7).
 *
 * $$ W = \operatorname{round}(Q \cdot w), \qquad p_m \approx (Q - W)\, s_m / \textstyle\sum_n s_n $$
 * plain: withheld W = quota × withholding rate, rounded half away from zero to the fen; the rest is
 * split over the 12 months in proportion to the profile s (flat: all equal; seasonal: the
 * institution's own monthly payments of a past year), exactly, by largest remainder (apportion.ts:
 * the 12 amounts sum to Q − W to the fen; equal remainders favour the earlier month).
 * - Q: the year's quota, fen; w: withholding rate, decimal (default 0.01, `practice`, Yibin 2022).
 *
 * Suspended months (中止, §5.7) get no prepayment: their scheduled amount is not moved to other
 * months but held until settlement (`heldForSuspensionFen`), so
 * Σ amountFen + heldForSuspensionFen = Q − W, and the year-end settlement (settlement.ts, through
 * `prepaid`) pays out whatever is due.
 *
 * @see domain.md §5.3 (withholding, flat or seasonal prepayment), §5.7 (no prepayment in suspended
 *   months, seed 001 第十九条).
 */
import { exactRate, checkFen, fenTimesRate, lcm } from './exact.ts';
import { apportion } from './apportion.ts';
import { DEFAULT_BUDGET_PARAMS } from './params.ts';

const MONTHS = 12;

export interface PrepaymentInput {
  quotaFen: number;
  /** The budget year, for the `YYYY-MM` periods. */
  year: number;
  /** Decimal in [0, 1); default {@link DEFAULT_BUDGET_PARAMS}.withholdingRate. */
  withholdingRate?: number;
  /** 12 weights ≥ 0, January first (e.g. last year's monthly payments in fen); omitted = flat. */
  seasonalProfile?: readonly number[];
  /** Months 1–12 of a suspended agreement. */
  suspendedMonths?: readonly number[];
}

export interface PrepaymentMonth {
  period: string;
  month: number;
  /** What is paid this month, fen: 0 when suspended. */
  amountFen: number;
  /** The month's share of Q − W before any suspension, fen. */
  scheduledFen: number;
  suspended: boolean;
}

export interface PrepaymentSchedule {
  quotaFen: number;
  withholdingRate: number;
  withheldFen: number;
  /** Q − W. */
  prepayableFen: number;
  profile: 'flat' | 'seasonal';
  months: PrepaymentMonth[];
  /** Σ amountFen. */
  prepaidFen: number;
  /** Σ scheduledFen of suspended months. */
  heldForSuspensionFen: number;
}

/**
 * @throws Error `quotaFen must be a whole number of fen ≥ 0, got <x>`.
 * @throws Error `withholdingRate must be a decimal from 0 to below 1, got <x>`.
 * @throws Error `seasonalProfile must hold 12 numbers ≥ 0 (January first) with a positive sum`.
 * @throws Error `suspendedMonths must be months 1–12, got <x>`.
 * @example prepaymentSchedule({ quotaFen: 1_000_000_00, year: 2026 }).months[0].amountFen // => 82_500_00
 */
export function prepaymentSchedule(input: PrepaymentInput): PrepaymentSchedule {
  const quotaFen = checkFen(input.quotaFen, 'quotaFen');
  if (!Number.isInteger(input.year) || input.year < 1900 || input.year > 2200) throw new Error(`year must be a whole number from 1900 to 2200, got ${input.year}`);
  const withholdingRate = input.withholdingRate ?? DEFAULT_BUDGET_PARAMS.withholdingRate;
  if (!(withholdingRate >= 0 && withholdingRate < 1)) throw new Error(`withholdingRate must be a decimal from 0 to below 1, got ${withholdingRate}`);
  const suspended = new Set(input.suspendedMonths ?? []);
  for (const m of suspended) if (!Number.isInteger(m) || m < 1 || m > MONTHS) throw new Error(`suspendedMonths must be months 1–12, got ${m}`);
  const withheldFen = fenTimesRate(quotaFen, exactRate(withholdingRate));
  const prepayableFen = quotaFen - withheldFen;
  const scheduled = apportion(prepayableFen, profileWeights(input.seasonalProfile));
  const months = scheduled.map((scheduledFen, i): PrepaymentMonth => {
    const month = i + 1;
    const isSuspended = suspended.has(month);
    return { period: `${input.year}-${String(month).padStart(2, '0')}`, month, amountFen: isSuspended ? 0 : scheduledFen, scheduledFen, suspended: isSuspended };
  });
  const prepaidFen = months.reduce((s, m) => s + m.amountFen, 0);
  return {
    quotaFen, withholdingRate, withheldFen, prepayableFen, profile: input.seasonalProfile ? 'seasonal' : 'flat',
    months, prepaidFen, heldForSuspensionFen: prepayableFen - prepaidFen,
  };
}

/**
 * The profile as exact integer weights: each decimal scaled by the lcm of their denominators.
 * @throws Error `seasonalProfile must hold 12 numbers ≥ 0 (January first) with a positive sum`.
 * @example profileWeights([0.5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.5]).slice(0, 2) // => [1n, 2n]
 */
export function profileWeights(profile: readonly number[] | undefined): bigint[] {
  if (profile === undefined) return new Array<bigint>(MONTHS).fill(1n);
  if (profile.length !== MONTHS || profile.some((x) => typeof x !== 'number' || !(x >= 0) || !Number.isFinite(x)) || !profile.some((x) => x > 0)) {
    throw new Error('seasonalProfile must hold 12 numbers ≥ 0 (January first) with a positive sum');
  }
  const rationals = profile.map(exactRate);
  const den = lcm(rationals.map((r) => r.den));
  return rationals.map((r) => (r.num * den) / r.den);
}
