/**
 * The Spring Festival adjustment on the demo province: every demo fund's monthly expenditure,
 * backtested over whole years (origins at each December, horizon 12) with and without
 * `withSpringFestival`; the January + February error is where the moving holiday bites.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCsvRecords } from '../../server/importer/csv-records.ts';
import { backtest, etsMethod, thetaMethod, withSpringFestival, parsePeriod, type LabelledMethod, type TimeSeries } from '../../models/index.ts';
import { fmt } from './stats.ts';

const FILE = resolve(import.meta.dirname, '../../data/demo/fund_records.csv');
const YEARS_SCORED = 3;

function demoExpenditureSeries(): TimeSeries[] {
  const records = parseCsvRecords(readFileSync(FILE, 'utf8')).filter((r) => !(r[0] ?? '').startsWith('#'));
  const [header, ...rows] = records;
  const col = (name: string) => (header ?? []).indexOf(name);
  const bySeries = new Map<string, { start: number; values: number[] }>();
  for (const r of rows) {
    const key = `${r[col('region_code')]}/${r[col('scheme')]}`;
    const period = parsePeriod(r[col('period')] ?? '');
    const s = bySeries.get(key) ?? { start: period.index, values: [] };
    s.values.push(Number(r[col('expenditure')]));
    bySeries.set(key, s);
  }
  return [...bySeries.values()].map((s) => ({ values: s.values, frequency: 12, start: s.start }));
}

export function benchSpringFestival(): string[] {
  const series = demoExpenditureSeries();
  const methods: LabelledMethod[] = [
    { label: 'theta', method: thetaMethod }, { label: 'theta + Spring Festival', method: withSpringFestival(thetaMethod) },
    { label: 'ets', method: etsMethod }, { label: 'ets + Spring Festival', method: withSpringFestival(etsMethod) },
  ];
  const janFebError = new Map<string, number[]>();
  const mase = new Map<string, number[]>();
  for (const s of series) {
    const result = backtest(s, { methods, horizon: 12, origins: YEARS_SCORED, step: 12 });
    for (const row of result.rows) mase.set(row.method, [...(mase.get(row.method) ?? []), row.mase]);
    for (const { label, method } of methods) {
      for (let k = 0; k < YEARS_SCORED; k++) {
        const origin = s.values.length - 12 * (YEARS_SCORED - k);
        const fc = method.forecast(method.fit({ ...s, values: s.values.slice(0, origin) }), { horizon: 12, levels: [95] });
        const rel = [0, 1].map((m) => Math.abs((fc.mean[m] as number) - (s.values[origin + m] as number)) / (s.values[origin + m] as number));
        janFebError.set(label, [...(janFebError.get(label) ?? []), ...rel]);
      }
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const rows = methods.map(({ label }) => `| ${label} | ${fmt(100 * mean(janFebError.get(label) ?? []), 2)}% | ${fmt(mean(mase.get(label) ?? []), 3)} |`);
  return [
    '',
    `## Spring Festival adjustment on the demo province (${series.length} monthly expenditure series; each December 2022–2024 forecasts the next 12 months)`,
    '',
    '| method | January + February mean absolute % error | MASE (all 12 months) |',
    '| --- | --- | --- |',
    ...rows,
  ];
}
