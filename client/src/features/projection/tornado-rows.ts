/**
 * Tornado bars for one of the years the sensitivity was computed at: per assumption, the payable
 * months at its low and its high value drawn from the base value (recharts range bars), ranked by
 * the swing |months(high) − months(low)| at that year, largest first; ties by the exhaustion swing.
 */
import type { Tornado, TornadoBar } from './types.ts';

export interface TornadoRow {
  item: string;
  bar: TornadoBar;
  lowMonths: number | null;
  highMonths: number | null;
  /** [base, months at the low value] and [base, months at the high value]; null when months are undefined. */
  lowRange: [number, number] | null;
  highRange: [number, number] | null;
  swingMonths: number;
}

/**
 * @example tornadoRows(t, 0).map((r) => r.item) // => items by their swing at t.years[0]
 */
export function tornadoRows(tornado: Tornado, yearIndex: number): TornadoRow[] {
  const base = tornado.base.payableMonths[yearIndex] ?? null;
  const range = (months: number | null): [number, number] | null => (base === null || months === null ? null : [base, months]);
  return tornado.bars
    .map((bar): TornadoRow => {
      const lowMonths = bar.low.payableMonths[yearIndex] ?? null;
      const highMonths = bar.high.payableMonths[yearIndex] ?? null;
      return {
        item: bar.item, bar, lowMonths, highMonths,
        lowRange: range(lowMonths), highRange: range(highMonths),
        swingMonths: bar.swingMonths[yearIndex] ?? 0,
      };
    })
    .sort((a, b) => b.swingMonths - a.swingMonths || b.bar.exhaustionSwingYears - a.bar.exhaustionSwingYears);
}

/**
 * An x-axis range holding every bar and the base, widened to whole months (recharts does not
 * include range-bar ends in an automatic domain, so long bars would run over the labels).
 * @example tornadoDomain([{ lowRange: [-1.2, -7.2], highRange: [-1.2, 4.8] }]) // => [-8, 5]
 */
export function tornadoDomain(rows: readonly Pick<TornadoRow, 'lowRange' | 'highRange'>[]): [number, number] {
  const ends = rows.flatMap((r) => [...(r.lowRange ?? []), ...(r.highRange ?? [])]).filter(Number.isFinite);
  if (ends.length === 0) return [0, 1];
  const lo = Math.floor(Math.min(...ends));
  const hi = Math.ceil(Math.max(...ends));
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}
