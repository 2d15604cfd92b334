/**
 * Rows of a fan chart: per projected year the deterministic value, the Monte Carlo median and
 * the three nested percentile bands (2.5–97.5, 10–90, 25–75), as recharts range areas
 * ([low, high] pairs). Either source may be missing; years are the union of both.
 */
import type { StochasticResult } from './types.ts';

type PercentileTable = StochasticResult['percentiles']['balance'];

export interface FanRow {
  year: string;
  deterministic?: number | null;
  median?: number | null;
  band95?: [number, number] | null;
  band80?: [number, number] | null;
  band50?: [number, number] | null;
}

/** The percentile levels bounding each band, outermost first. */
export const FAN_BANDS = [
  { key: 'band95', low: '2.5', high: '97.5' },
  { key: 'band80', low: '10', high: '90' },
  { key: 'band50', low: '25', high: '75' },
] as const;

const finite = (v: number | null | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * @example fanRows([{ year: 2026, value: 5 }], { years: [2026], table: { '2.5': [1], '10': [2], '25': [3], '50': [4], '75': [5], '90': [6], '97.5': [7] } })
 * // => [{ year: '2026', deterministic: 5, median: 4, band95: [1, 7], band80: [2, 6], band50: [3, 5] }]
 */
export function fanRows(
  deterministic: readonly { year: number; value: number | null }[] | undefined,
  stochastic: { years: readonly number[]; table: PercentileTable } | undefined,
): FanRow[] {
  const rows = new Map<number, FanRow>();
  const row = (year: number) => {
    let r = rows.get(year);
    if (!r) rows.set(year, (r = { year: String(year) }));
    return r;
  };
  for (const d of deterministic ?? []) row(d.year).deterministic = finite(d.value);
  stochastic?.years.forEach((year, t) => {
    const r = row(year);
    const at = (level: keyof PercentileTable) => finite(stochastic.table[level][t]);
    r.median = at('50');
    for (const b of FAN_BANDS) {
      const low = at(b.low);
      const high = at(b.high);
      r[b.key] = low === null || high === null ? null : [low, high];
    }
  });
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, r]) => r);
}

/**
 * Lowest and highest value drawn in the rows (for a money axis fitted to the fan).
 * @example fanRange([{ year: '2026', deterministic: 5, band95: [1, 7] }]) // => [1, 7]
 */
export function fanRange(rows: readonly FanRow[]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const r of rows) {
    for (const v of [r.deterministic, r.median, ...(r.band95 ?? []), ...(r.band80 ?? []), ...(r.band50 ?? [])]) {
      if (typeof v === 'number') {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
  }
  return [min, max];
}
