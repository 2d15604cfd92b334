/**
 * A fund's period series, sorted and checked, with its rolling windows computed in one pass.
 *
 * Windows are calendar windows over the rows present: the trailing-12 window of month t holds the
 * rows with month index in (t − 12, t]; the year-to-date window holds the rows of t's calendar
 * year up to t. A missing month simply is not in the window, so the window's n is the count of
 * months present and E_w / n is their mean (domain.md §3.1: "mean of the months available × 12").
 * Both windows only ever drop their oldest rows as t advances, so two pointers give all windows in
 * O(n) for a sorted series (the sort itself is O(n log n), a no-op pass for sorted input).
 * Sums run in BigInt so the window's add/subtract never rounds whatever the amounts.
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

export interface SeriesPoint {
  period: ParsedPeriod;
  incomeFen: bigint;
  expenditureFen: bigint;
  balanceFen: bigint;
}

export interface WindowSums {
  /** n: months covered (12 per yearly row, 1 per monthly row present). */
  months: number;
  incomeFen: bigint;
  expenditureFen: bigint;
}

/** `single`: the row alone (yearly data); `trailing_12`: months in (t − 12, t]; `year_to_date`: same year, ≤ t. */
export type WindowKind = 'single' | 'trailing_12' | 'year_to_date';

const MONTHS_PER_YEAR = 12;

/**
 * Parses, checks and sorts the rows of one fund by period.
 * @throws Error `not a period (expected YYYY or YYYY-MM): "<text>"`,
 *   `period <p>: incomeFen must be a safe integer (fen), got <x>` (same for expenditureFen, balanceFen),
 *   `duplicate period <p>`, `mixed yearly and monthly periods: <p1> and <p2>`.
 * @example sortSeries([{ period: '2024', incomeFen: 1, expenditureFen: 1, balanceFen: 1 }]).length // => 1
 */
export function sortSeries(rows: readonly FundPeriodRow[]): SeriesPoint[] {
  const points = rows.map((row): SeriesPoint => {
    const period = parsePeriod(row.period);
    for (const key of ['incomeFen', 'expenditureFen', 'balanceFen'] as const) {
      if (!Number.isSafeInteger(row[key])) {
        throw new Error(`period ${period.text}: ${key} must be a safe integer (fen), got ${row[key]}`);
      }
    }
    return { period, incomeFen: BigInt(row.incomeFen), expenditureFen: BigInt(row.expenditureFen), balanceFen: BigInt(row.balanceFen) };
  });
  const first = points[0];
  for (const p of points) {
    if (first && p.period.kind !== first.period.kind) {
      throw new Error(`mixed yearly and monthly periods: ${first.period.text} and ${p.period.text}`);
    }
  }
  points.sort((a, b) => a.period.index - b.period.index);
  for (let i = 1; i < points.length; i++) {
    const p = points[i] as SeriesPoint;
    if (p.period.index === (points[i - 1] as SeriesPoint).period.index) throw new Error(`duplicate period ${p.period.text}`);
  }
  return points;
}

/**
 * The window sums ending at every point of a sorted series, by two pointers in O(n).
 * @example windowSums(sortSeries([{ period: '2024-01', incomeFen: 5, expenditureFen: 4, balanceFen: 9 }]), 'trailing_12')[0]?.months // => 1
 */
export function windowSums(points: readonly SeriesPoint[], kind: WindowKind): WindowSums[] {
  const out: WindowSums[] = [];
  let lo = 0;
  let income = 0n;
  let expenditure = 0n;
  const inWindow = (oldest: ParsedPeriod, current: ParsedPeriod): boolean => {
    if (kind === 'single') return oldest.index === current.index;
    if (kind === 'trailing_12') return oldest.index > current.index - MONTHS_PER_YEAR;
    return oldest.year === current.year;
  };
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as SeriesPoint;
    income += p.incomeFen;
    expenditure += p.expenditureFen;
    while (lo < i && !inWindow((points[lo] as SeriesPoint).period, p.period)) {
      const old = points[lo] as SeriesPoint;
      income -= old.incomeFen;
      expenditure -= old.expenditureFen;
      lo++;
    }
    const count = i - lo + 1;
    out.push({ months: p.period.kind === 'year' ? MONTHS_PER_YEAR * count : count, incomeFen: income, expenditureFen: expenditure });
  }
  return out;
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
  points.forEach((p, i) => {
    const prev = points[i - 1];
    const contiguous = prev !== undefined && p.period.index - prev.period.index === 1;
    const previousRun = contiguous ? (runs[i - 1] ?? 0) : 0;
    runs.push(p.incomeFen < p.expenditureFen ? previousRun + 1 : 0);
  });
  return runs;
}
