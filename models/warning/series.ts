/**
 * A fund's period series, sorted and checked, with its rolling windows computed in one pass.
 *
 * Windows are calendar windows over the rows present: the trailing-12 window of month t holds the
 * rows with month index in (t − 12, t]; the year-to-date window holds the rows of t's calendar
 * year up to t. A missing month simply is not in the window, so the window's n is the count of
 * months present and E_w / n is their mean (domain.md §3.1: "mean of the months available × 12").
 * Both windows only ever drop their oldest rows as t advances, so two pointers give all windows in
 * O(n) for a sorted series (the sort itself is O(n log n), skipped for sorted input).
 *
 * Sums run in plain numbers: amounts are safe integers (|x| ≤ 2^53 − 1 fen ≈ 90 万亿元), and a sum
 * or difference of them is exact whenever its result is a safe integer (a rounded one is ≥ 2^53 in
 * magnitude, so a range check catches it). Every intermediate sum is checked; if one leaves the
 * range the series is summed again in BigInt: a window back inside it stays exact, one outside is refused.
 */
import { parsePeriod, type ParsedPeriod } from '../core/period.ts';

/** One period of one fund (region × scheme × pooling account), amounts in integer fen. */
export interface FundPeriodRow {
  /** `YYYY` or `YYYY-MM` (other spellings accepted by `parsePeriod`). */
  period: string;
  incomeFen: number;
  expenditureFen: number;
  /** End-of-period accumulated pooling-fund balance. */
  balanceFen: number;
}

/** A checked row; amounts are safe integers in fen. */
export interface SeriesPoint {
  period: ParsedPeriod;
  incomeFen: number;
  expenditureFen: number;
  balanceFen: number;
}

export interface WindowSums {
  /** n: months covered (12 per yearly row, 1 per monthly row present). */
  months: number;
  /** Exact window sums, safe integers in fen. */
  incomeFen: number;
  expenditureFen: number;
}

/** `single`: the row alone (yearly data); `trailing_12`: months in (t − 12, t]; `year_to_date`: same year, ≤ t. */
export type WindowKind = 'single' | 'trailing_12' | 'year_to_date';

const MONTHS_PER_YEAR = 12;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Parses, checks and sorts the rows of one fund by period.
 * @throws Error `not a period (expected YYYY or YYYY-MM): "<text>"`,
 *   `period <p>: incomeFen must be a safe integer (fen), got <x>` (same for expenditureFen, balanceFen),
 *   `duplicate period <p>`, `mixed yearly and monthly periods: <p1> and <p2>`.
 * @example sortSeries([{ period: '2024', incomeFen: 1, expenditureFen: 1, balanceFen: 1 }]).length // => 1
 */
export function sortSeries(rows: readonly FundPeriodRow[]): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  let sorted = true;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as FundPeriodRow;
    const period = parsePeriod(row.period);
    checkFen(row.incomeFen, 'incomeFen', period);
    checkFen(row.expenditureFen, 'expenditureFen', period);
    checkFen(row.balanceFen, 'balanceFen', period);
    if (i > 0 && period.index <= (points[i - 1] as SeriesPoint).period.index) sorted = false;
    // `+ 0` turns −0 into 0, as the BigInt conversion of earlier versions did (BigInt(−0) is 0n)
    points.push({ period, incomeFen: row.incomeFen + 0, expenditureFen: row.expenditureFen + 0, balanceFen: row.balanceFen + 0 });
  }
  const first = points[0];
  for (const p of points) {
    if (first && p.period.kind !== first.period.kind) {
      throw new Error(`mixed yearly and monthly periods: ${first.period.text} and ${p.period.text}`);
    }
  }
  // strictly increasing input is already sorted and free of duplicates
  if (sorted) return points;
  points.sort((a, b) => a.period.index - b.period.index);
  for (let i = 1; i < points.length; i++) {
    const p = points[i] as SeriesPoint;
    if (p.period.index === (points[i - 1] as SeriesPoint).period.index) throw new Error(`duplicate period ${p.period.text}`);
  }
  return points;
}

function checkFen(x: number, key: string, period: ParsedPeriod): void {
  if (!Number.isSafeInteger(x)) throw new Error(`period ${period.text}: ${key} must be a safe integer (fen), got ${x}`);
}

function inWindow(kind: WindowKind, oldest: ParsedPeriod, current: ParsedPeriod): boolean {
  if (kind === 'single') return oldest.index === current.index;
  if (kind === 'trailing_12') return oldest.index > current.index - MONTHS_PER_YEAR;
  return oldest.year === current.year;
}

/**
 * The window sums ending at every point of a sorted series, by two pointers in O(n).
 * @throws Error `period <p>: window sum <x> fen is beyond the exact range` for the first window
 *   (in period order) whose income, or else expenditure, is beyond ±(2^53 − 1) fen.
 * @example windowSums(sortSeries([{ period: '2024-01', incomeFen: 5, expenditureFen: 4, balanceFen: 9 }]), 'trailing_12')[0]?.months // => 1
 */
export function windowSums(points: readonly SeriesPoint[], kind: WindowKind): WindowSums[] {
  const { sums, overflow } = windowSumsUpToOverflow(points, kind);
  if (overflow) throw windowOverflowError(points[sums.length] as SeriesPoint, overflow);
  return sums;
}

/** A window's exact sums in BigInt, for the one window that is beyond the safe range. */
export interface ExactWindowSums {
  months: number;
  incomeFen: bigint;
  expenditureFen: bigint;
}

/**
 * {@link windowSums} without the throw: the windows of the points before the first window beyond
 * the safe range, and that window's exact sums (`overflow`, at index `sums.length`), so a caller
 * can report its errors row by row in period order.
 */
export function windowSumsUpToOverflow(points: readonly SeriesPoint[], kind: WindowKind): { sums: WindowSums[]; overflow: ExactWindowSums | undefined } {
  const sums: WindowSums[] = [];
  let lo = 0;
  let income = 0;
  let expenditure = 0;
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as SeriesPoint;
    income += p.incomeFen;
    expenditure += p.expenditureFen;
    let exact = Math.abs(income) <= MAX_SAFE && Math.abs(expenditure) <= MAX_SAFE;
    while (lo < i && !inWindow(kind, (points[lo] as SeriesPoint).period, p.period)) {
      const old = points[lo] as SeriesPoint;
      income -= old.incomeFen;
      expenditure -= old.expenditureFen;
      exact &&= Math.abs(income) <= MAX_SAFE && Math.abs(expenditure) <= MAX_SAFE;
      lo++;
    }
    // an intermediate sum left the safe range, so these doubles may be rounded: start over exactly
    if (!exact) return windowSumsExact(points, kind);
    sums.push({ months: windowMonths(p, i - lo + 1), incomeFen: income, expenditureFen: expenditure });
  }
  return { sums, overflow: undefined };
}

/** The same two pointers in BigInt, for series whose running sums leave the safe range. */
function windowSumsExact(points: readonly SeriesPoint[], kind: WindowKind): { sums: WindowSums[]; overflow: ExactWindowSums | undefined } {
  const sums: WindowSums[] = [];
  let lo = 0;
  let income = 0n;
  let expenditure = 0n;
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as SeriesPoint;
    income += BigInt(p.incomeFen);
    expenditure += BigInt(p.expenditureFen);
    while (lo < i && !inWindow(kind, (points[lo] as SeriesPoint).period, p.period)) {
      const old = points[lo] as SeriesPoint;
      income -= BigInt(old.incomeFen);
      expenditure -= BigInt(old.expenditureFen);
      lo++;
    }
    const months = windowMonths(p, i - lo + 1);
    const incomeFen = Number(income);
    const expenditureFen = Number(expenditure);
    if (!Number.isSafeInteger(incomeFen) || !Number.isSafeInteger(expenditureFen)) {
      return { sums, overflow: { months, incomeFen: income, expenditureFen: expenditure } };
    }
    sums.push({ months, incomeFen, expenditureFen });
  }
  return { sums, overflow: undefined };
}

function windowMonths(p: SeriesPoint, count: number): number {
  return p.period.kind === 'year' ? MONTHS_PER_YEAR * count : count;
}

/** The error for a window beyond the safe range, naming its income if that is beyond, else its expenditure. */
export function windowOverflowError(point: SeriesPoint, window: ExactWindowSums): Error {
  const x = Number.isSafeInteger(Number(window.incomeFen)) ? window.expenditureFen : window.incomeFen;
  return new Error(`period ${point.period.text}: window sum ${x} fen is beyond the exact range`);
}

/**
 * For every point, the number of consecutive periods ending there whose own income < expenditure.
 * A missing period (a gap in the calendar) breaks the run: unknown is not counted as a deficit.
 * @example consecutiveDeficitRuns(sortSeries([
 *   { period: '2022', incomeFen: 1, expenditureFen: 2, balanceFen: 9 },
 *   { period: '2023', incomeFen: 1, expenditureFen: 2, balanceFen: 8 }])) // => [1, 2]
 */
export function consecutiveDeficitRuns(points: readonly SeriesPoint[]): number[] {
  const runs: number[] = [];
  let run = 0;
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as SeriesPoint;
    const contiguous = i > 0 && p.period.index - (points[i - 1] as SeriesPoint).period.index === 1;
    // integer fen compare exactly as doubles
    run = p.incomeFen < p.expenditureFen ? (contiguous ? run : 0) + 1 : 0;
    runs.push(run);
  }
  return runs;
}
