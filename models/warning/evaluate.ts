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
 */
import { resolveParams, type Denominator, type WarningParams } from './params.ts';
import { residentIndicators, type ResidentIndicators } from './resident-indicators.ts';
import { consecutiveDeficitRuns, sortSeries, windowSums, type FundPeriodRow, type SeriesPoint, type WindowSums } from './series.ts';
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

/**
 * @throws Error from `sortSeries` (`duplicate period <p>`, `mixed yearly and monthly periods: <p1> and <p2>`,
 *   bad period or non-integer fen), and for `projected_next_12`:
 *   `projected_next_12 denominator needs a projected expenditure for period <p>` /
 *   `projected expenditure for period <p> must be a safe integer (fen), got <x>`.
 * @example evaluateFundSeries([{ period: '2013', incomeFen: 0, expenditureFen: 156_700_000_000, balanceFen: 224_800_000_000 }],
 *   { scheme: 'employee', params: DEFAULT_WARNING_PARAMS })[0]?.tier // => 'purple'
 */
export function evaluateFundSeries(rows: FundPeriodRow[], options: EvaluateOptions): FundWarning[] {
  const params = resolveParams(options.params, undefined, options.scheme);
  const points = sortSeries(rows);
  const yearly = points[0]?.period.kind === 'year';
  const trailing = windowSums(points, yearly ? 'single' : 'trailing_12');
  const useYtd = params.denominator === 'year_to_date';
  const observedWindows = useYtd && !yearly ? windowSums(points, 'year_to_date') : trailing;
  const runs = consecutiveDeficitRuns(points);
  return points.map((point, i): FundWarning => {
    const observed = observedWindows[i] as WindowSums;
    const denominator = params.denominator === 'projected_next_12'
      ? projectedWindow(point, options.projectedNext12ExpenditureFen)
      : observed;
    const { payableMonths, tier } = classifyPayableMonths(point.balanceFen, denominator.months, denominator.expenditureFen, params.thresholds);
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
      windowIncomeFen: toSafeNumber(observed.incomeFen, point),
      windowExpenditureFen: toSafeNumber(observed.expenditureFen, point),
      annualExpenditureFen: toSafeNumber(divRound(denominator.expenditureFen * BigInt(MONTHS_PER_YEAR), BigInt(denominator.months)), point),
      denominator: params.denominator,
      consecutiveDeficits: runs[i] ?? 0,
    };
    if (options.scheme === 'resident') warning.resident = residentIndicators(point.balanceFen, observed, params.resident);
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
  return { months: MONTHS_PER_YEAR, incomeFen: 0n, expenditureFen: BigInt(value) };
}

/** a / b rounded half away from zero, b > 0. */
function divRound(a: bigint, b: bigint): bigint {
  const sign = a < 0n ? -1n : 1n;
  const abs = a < 0n ? -a : a;
  return sign * ((2n * abs + b) / (2n * b));
}

function toSafeNumber(x: bigint, point: SeriesPoint): number {
  const n = Number(x);
  if (!Number.isSafeInteger(n)) throw new Error(`period ${point.period.text}: window sum ${x} fen is beyond the exact range`);
  return n;
}
