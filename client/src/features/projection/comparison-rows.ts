/**
 * Side-by-side rows of up to four compared scenarios: one row per year (the union of their
 * horizons) with a column per scenario (`s0` … `s3`, in the order given), and the headline
 * figures of each for the table under the charts.
 */
import type { ComparedScenario, ProjectionYear } from './types.ts';

export type ComparisonRow = { year: string } & Record<`s${number}`, number | null | undefined>;

/**
 * @example comparisonRows([a, b], (y) => y.balanceYuan)[0] // => { year: '2026', s0: …, s1: … }
 */
export function comparisonRows(items: readonly ComparedScenario[], pick: (y: ProjectionYear) => number | null): ComparisonRow[] {
  const byYear = new Map<number, ComparisonRow>();
  items.forEach((item, i) => {
    for (const y of item.projection.years) {
      let row = byYear.get(y.year);
      if (!row) byYear.set(y.year, (row = { year: String(y.year) } as ComparisonRow));
      const v = pick(y);
      row[`s${i}`] = typeof v === 'number' && Number.isFinite(v) ? v : null;
    }
  });
  return [...byYear.entries()].sort(([a], [b]) => a - b).map(([, r]) => r);
}

export interface ComparisonHeadline {
  id: number;
  name: string;
  version: number;
  preset: ComparedScenario['preset'];
  firstDeficitYear: number | null;
  exhaustionYear: number | null;
  lastYear: number | null;
  balanceAtEndYuan: number | null;
  monthsAtEnd: number | null;
  tierAtEnd: ProjectionYear['tier'] | null;
}

export function comparisonHeadlines(items: readonly ComparedScenario[]): ComparisonHeadline[] {
  return items.map((item) => {
    const last = item.projection.years.at(-1);
    return {
      id: item.id, name: item.name, version: item.version, preset: item.preset,
      firstDeficitYear: item.projection.firstDeficitYear, exhaustionYear: item.projection.exhaustionYear,
      lastYear: last?.year ?? null, balanceAtEndYuan: last?.balanceYuan ?? null,
      monthsAtEnd: last?.payableMonths ?? null, tierAtEnd: last?.tier ?? null,
    };
  });
}
