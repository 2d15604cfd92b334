/**
 * Warning levels of one fund's series (domain.md §3): for every period, payable months
 * m = B·n / E_w and its tier, the `current_deficit` / `short_history` flags, the run of
 * consecutive deficit periods, and for the resident scheme the surplus indicators.
 *
 * The denominator window (E_w over n months), by `params.denominator`:
 * - yearly data: the year itself, n = 12, for `current_year` and `year_to_date`;
 * - monthly `current_year`: the months present in the 12 calendar months ending at the balance
 *   month; with fewer than 12 present (series start or gaps) n is the count present, i.e. the mean
 *   of the months available × 12, and the flag `short_history` is set;
 * - monthly `year_to_date`: the months present of the balance month's calendar year up to it,
 *   n = their count (never `short_history`: a short window is what the setting asks for);
 * - `projected_next_12`: E_w = `projectedNext12ExpenditureFen(period)`, n = 12. The observed window
 *   behind the flags and the resident indicators is then the trailing `current_year` one.
 * Never a single month's expenditure × 12 (the seasonal-noise bug domain.md §3.1 warns about).
 *
 * Flags: `current_deficit` when the observed window's income < its expenditure; `short_history`
 * when a monthly trailing-12 window holds fewer than 12 months (`current_year`, `projected_next_12`).
 *
 * Region overrides are the caller's: pass `resolveParams(params, region, scheme)`; scheme
 * overrides (`params.schemes`) are applied here. O(n log n) for unsorted input, O(n) when sorted.
 *
 * Amounts stay plain numbers throughout (exact integer fen, see series.ts), the tier is decided
 * exactly with a floating-point fast path (tier-classifier.ts), and the cut points and resident
 * limits are read as decimals once per call; BigInt only runs near a cut point or beyond 2^53 fen.
 */
import { resolveParams, type Denominator, type WarningParams } from './params.ts';
import { compileResidentLimits, residentIndicatorsCompiled, type ResidentIndicators } from './resident-indicators.ts';
import {
  consecutiveDeficitRuns, sortSeries, windowOverflowError, windowSumsUpToOverflow,
  type ExactWindowSums, type FundPeriodRow, type SeriesPoint, type WindowSums,
} from './series.ts';
import { classifySafeFen, compileThresholds } from './tier-classifier.ts';
import { classifyPayableMonths, type Tier } from './tier.ts';

export type { FundPeriodRow } from './series.ts';

export type WarningFlag = 'current_deficit' | 'short_history';

export interface FundWarning {
  /** Normalised period text (`YYYY` or `YYYY-MM`). */
  period: string;
  periodKind: 'month' | 'year';
  /** B·n / E_w as a double; null when the denominator expenditure is ≤ 0. */
  payableMonths: number | null;
  tier: Tier;
  flags: WarningFlag[];
  /** The observed window behind the flags and resident indicators (= the denominator's, except for projected_next_12). */
  windowMonths: number;
  windowIncomeFen: number;
  windowExpenditureFen: number;
  /** The denominator as a year's expenditure: E_w × 12 / n rounded half away from zero to the fen, or the projection. */
  annualExpenditureFen: number;
  denominator: Denominator;
  /** Consecutive periods (years or months) ending here with income < expenditure; a gap breaks the run. */
  consecutiveDeficits: number;
  resident?: ResidentIndicators;
}

export interface EvaluateOptions {
  scheme: string;
  params: WarningParams;
  /** Projected expenditure of the 12 months after `period` (normalised text), fen; needed for `projected_next_12`. */
  projectedNext12ExpenditureFen?: (period: string) => number | undefined;
}

const MONTHS_PER_YEAR = 12;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * @throws Error from `sortSeries` (`duplicate period <p>`, `mixed yearly and monthly periods: <p1> and <p2>`,
 *   bad period or non-integer fen), `period <p>: window sum <x> fen is beyond the exact range` (a window's
 *   income or expenditure, or the annualised expenditure, beyond ±(2^53 − 1) fen), and for `projected_next_12`:
 *   `projected_next_12 denominator needs a projected expenditure for period <p>` /
 *   `projected expenditure for period <p> must be a safe integer (fen), got <x>`.
 * @example evaluateFundSeries([{ period: '2013', incomeFen: 0, expenditureFen: 156_700_000_000, balanceFen: 224_800_000_000 }],
 *   { scheme: 'employee', params: DEFAULT_WARNING_PARAMS })[0]?.tier // => 'purple'
 */
export function evaluateFundSeries(rows: FundPeriodRow[], options: EvaluateOptions): FundWarning[] {
  const params = resolveParams(options.params, undefined, options.scheme);
  const thresholds = compileThresholds(params.thresholds);
  const residentLimits = options.scheme === 'resident' ? compileResidentLimits(params.resident) : undefined;
  const points = sortSeries(rows);
  const yearly = points[0]?.period.kind === 'year';
  const useYtd = params.denominator === 'year_to_date';
  const { sums: observedWindows, overflow } = windowSumsUpToOverflow(points, yearly ? 'single' : useYtd ? 'year_to_date' : 'trailing_12');
  const runs = consecutiveDeficitRuns(points);
  return points.map((point, i): FundWarning => {
    const projected = params.denominator === 'projected_next_12' ? projectedWindow(point, options.projectedNext12ExpenditureFen) : undefined;
    if (overflow && i === observedWindows.length) throw overflowAt(point, overflow, projected, params.thresholds);
    const observed = observedWindows[i] as WindowSums;
    const denominator = projected ?? observed;
    const { payableMonths, tier } = classifySafeFen(point.balanceFen, denominator.months, denominator.expenditureFen, thresholds);
    const flags: WarningFlag[] = [];
    if (observed.incomeFen < observed.expenditureFen) flags.push('current_deficit');
    if (!yearly && !useYtd && observed.months < MONTHS_PER_YEAR) flags.push('short_history');
    const warning: FundWarning = {
      period: point.period.text,
      periodKind: point.period.kind,
      payableMonths,
      tier,
      flags,
      windowMonths: observed.months,
      windowIncomeFen: observed.incomeFen,
      windowExpenditureFen: observed.expenditureFen,
      annualExpenditureFen: annualFen(denominator, point),
      denominator: params.denominator,
      consecutiveDeficits: runs[i] ?? 0,
    };
    if (residentLimits) warning.resident = residentIndicatorsCompiled(point.balanceFen, observed, residentLimits);
    return warning;
  });
}

function projectedWindow(point: SeriesPoint, projected: EvaluateOptions['projectedNext12ExpenditureFen']): WindowSums {
  const value = projected?.(point.period.text);
  if (value === undefined) {
    throw new Error(`projected_next_12 denominator needs a projected expenditure for period ${point.period.text}`);
  }
  if (!Number.isSafeInteger(value)) {
    throw new Error(`projected expenditure for period ${point.period.text} must be a safe integer (fen), got ${value}`);
  }
  return { months: MONTHS_PER_YEAR, incomeFen: 0, expenditureFen: value + 0 };
}

/**
 * The error of the first row whose observed window is beyond the safe range, raised in the order
 * of the checks on a row: the projection (already done), the tier (which can only fail on a
 * non-finite cut point, and is decided here on the exact sums), then the window's income and expenditure.
 */
function overflowAt(point: SeriesPoint, window: ExactWindowSums, projected: WindowSums | undefined, thresholds: WarningParams['thresholds']): Error {
  const denominator = projected ?? window;
  classifyPayableMonths(point.balanceFen, denominator.months, denominator.expenditureFen, thresholds);
  return windowOverflowError(point, window);
}

/**
 * E_w × 12 / n rounded half away from zero to the fen. In doubles while |E_w| × 12 is a safe
 * integer: then the product is exact, `%` of integers is exact, and (a − r) / n is an exact
 * integer quotient, so q + [2r ≥ n] is the rounded value exactly. BigInt beyond that.
 * @throws Error `period <p>: window sum <x> fen is beyond the exact range` when the result is not a safe integer.
 */
function annualFen(window: WindowSums, point: SeriesPoint): number {
  const e = window.expenditureFen;
  const n = window.months;
  if (n === MONTHS_PER_YEAR) return e;
  const a = Math.abs(e) * MONTHS_PER_YEAR;
  if (a <= MAX_SAFE) {
    const r = a % n;
    const rounded = (a - r) / n + (2 * r >= n ? 1 : 0);
    // `+ 0`: a rounded −0 is 0, as in BigInt
    return (e < 0 ? -rounded : rounded) + 0;
  }
  const big = BigInt(e) * BigInt(MONTHS_PER_YEAR);
  const abs = big < 0n ? -big : big;
  const exact = (big < 0n ? -1n : 1n) * ((2n * abs + BigInt(n)) / (2n * BigInt(n)));
  const value = Number(exact);
  if (!Number.isSafeInteger(value)) throw new Error(`period ${point.period.text}: window sum ${exact} fen is beyond the exact range`);
  return value;
}
