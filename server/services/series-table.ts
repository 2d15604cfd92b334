/**
 * Reads the `series_id,period,value` table of the forecast and backtest commands (interfaces.md):
 * rows in any order, series of different lengths, `YYYY` (yearly) or `YYYY-MM` (monthly) periods.
 * Every problem is reported with file, row, column and rule; a series must be regular (no gaps).
 */
import { readTable, TableReadError } from '../importer/read-table.ts';
import { parsePeriod, monthIndexToText, type ParsedPeriod } from '../../models/index.ts';

export interface SeriesFromTable {
  seriesId: string;
  frequency: 1 | 12;
  /** Year of the first value (yearly) or its month index (monthly). */
  start: number;
  periods: string[];
  values: number[];
}

export class SeriesTableError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

const REQUIRED = ['series_id', 'period', 'value'] as const;
const NUMBER_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** @throws SeriesTableError listing every problem (one line each). */
export async function readSeriesTable(path: string): Promise<SeriesFromTable[]> {
  const table = await readTable(path).catch((err: unknown) => {
    throw err instanceof TableReadError ? new SeriesTableError([err.message]) : err;
  });
  const file = table.fileName;
  const header = table.header.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new SeriesTableError([`${file}: missing column ${missing.join(', ')} (header must be series_id,period,value)`]);
  const col = Object.fromEntries(REQUIRED.map((c) => [c, header.indexOf(c)])) as Record<(typeof REQUIRED)[number], number>;
  const problems: string[] = [];
  const bySeries = new Map<string, Array<{ row: number; period: ParsedPeriod; value: number }>>();
  table.rows.forEach((cells, i) => {
    const row = table.rowNumbers[i] ?? i + 2;
    const id = (cells[col.series_id] ?? '').trim();
    const periodText = (cells[col.period] ?? '').trim();
    const valueText = (cells[col.value] ?? '').trim();
    const fail = (column: string, rule: string) => problems.push(`${file} row ${row}, column ${column}: ${rule}`);
    if (id === '') fail('series_id', 'empty cell');
    let period: ParsedPeriod | undefined;
    try {
      period = parsePeriod(periodText);
    } catch (err) {
      fail('period', (err as Error).message);
    }
    if (!NUMBER_PATTERN.test(valueText)) fail('value', valueText === '' ? 'empty cell' : `not a number: "${valueText}"`);
    if (id === '' || !period || !NUMBER_PATTERN.test(valueText)) return;
    const list = bySeries.get(id) ?? [];
    list.push({ row, period, value: Number(valueText) });
    bySeries.set(id, list);
  });
  const series: SeriesFromTable[] = [];
  for (const [seriesId, points] of bySeries) {
    points.sort((a, b) => a.period.index - b.period.index);
    const first = points[0];
    if (!first) continue;
    const kind = first.period.kind;
    let ok = true;
    for (let i = 1; i < points.length; i++) {
      const p = points[i] as (typeof points)[number];
      const prev = points[i - 1] as (typeof points)[number];
      if (p.period.kind !== kind) {
        problems.push(`${file} row ${p.row}, column period: series ${seriesId} mixes yearly and monthly periods (${prev.period.text} and ${p.period.text})`);
        ok = false;
      } else if (p.period.index === prev.period.index) {
        problems.push(`${file} row ${p.row}, column period: series ${seriesId} has period ${p.period.text} twice (also row ${prev.row})`);
        ok = false;
      } else if (p.period.index !== prev.period.index + 1) {
        const missing = kind === 'month' ? monthIndexToText(prev.period.index + 1) : String(prev.period.index + 1);
        problems.push(`${file} row ${p.row}, column period: series ${seriesId} has a gap: ${missing} is missing before ${p.period.text}`);
        ok = false;
      }
    }
    if (ok) {
      series.push({
        seriesId, frequency: kind === 'month' ? 12 : 1, start: first.period.index,
        periods: points.map((p) => p.period.text), values: points.map((p) => p.value),
      });
    }
  }
  if (problems.length > 0) throw new SeriesTableError(problems);
  return series;
}

/** The `h` period texts after the last period of a series. */
export function futurePeriods(series: Pick<SeriesFromTable, 'frequency' | 'start' | 'values'>, horizon: number): string[] {
  const last = series.start + series.values.length - 1;
  return Array.from({ length: horizon }, (_, i) => (series.frequency === 12 ? monthIndexToText(last + 1 + i) : String(last + 1 + i)));
}
