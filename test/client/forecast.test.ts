/** The pure parts of the forecast page: its choices and rules, URL parameters, CSV export, chart rows and axis. */
import { describe, expect, it } from 'vitest';
import {
  backtestHorizon, bestMethod, clampHorizon, HORIZON_RULES, methodFor, visibleHistory,
} from '../../client/src/features/forecast/forecast-options.ts';
import { forecastSearch, parseForecastParams } from '../../client/src/features/forecast/use-forecast-params.ts';
import { forecastCsv, forecastCsvName } from '../../client/src/features/forecast/forecast-csv.ts';
import { forecastChartRows, niceAxis } from '../../client/src/components/charts/forecast-chart.tsx';
import { PATHS } from '../../client/src/lib/paths.ts';

const FORECAST = {
  periods: ['2026-01', '2026-02'],
  mean: [150_000_000.456, 160_000_000],
  lower: { 80: [140_000_000, 145_000_000], 95: [130_000_000, 135_000_000] },
  upper: { 80: [160_000_000, 175_000_000], 95: [170_000_000, 185_000_000] },
};

describe('horizon and method rules', () => {
  it('defaults and caps the horizon by frequency', () => {
    expect(clampHorizon(undefined, 12)).toBe(HORIZON_RULES[12].default);
    expect(clampHorizon(undefined, 1)).toBe(HORIZON_RULES[1].default);
    expect(clampHorizon(60, 12)).toBe(24);
    expect(clampHorizon(12, 1)).toBe(5);
    expect(clampHorizon(0, 12)).toBe(12);
    expect(clampHorizon(2.5, 1)).toBe(3);
  });
  it('replaces seasonal naive by auto for yearly series only', () => {
    expect(methodFor('snaive', 1)).toBe('auto');
    expect(methodFor('snaive', 12)).toBe('snaive');
    expect(methodFor('ets', 1)).toBe('ets');
  });
  it('backtests the chosen horizon (monthly) or three years (yearly), cut to what the history allows', () => {
    expect(backtestHorizon(12, 12, 96)).toBe(12);
    expect(backtestHorizon(24, 12, 20)).toBe(18);
    expect(backtestHorizon(5, 1, 10)).toBe(3);
    expect(backtestHorizon(5, 1, 4)).toBe(2);
    expect(backtestHorizon(3, 1, 2)).toBeUndefined();
    expect(backtestHorizon(3, 1, 1)).toBeUndefined();
  });
  it('picks the lowest finite MASE as best, skipping NaN', () => {
    expect(bestMethod([{ method: 'naive', mase: 1.1 }, { method: 'gm11', mase: Number.NaN }, { method: 'ets', mase: 0.4 }, { method: 'arima', mase: 0.5 }])).toBe('ets');
    expect(bestMethod([{ method: 'gm11', mase: Number.NaN }])).toBeUndefined();
    expect(bestMethod([])).toBeUndefined();
  });
  it('shows the last four years of a monthly history unless all is asked for', () => {
    const months = Array.from({ length: 96 }, (_, i) => i);
    expect(visibleHistory(months, 12, false)).toHaveLength(48);
    expect(visibleHistory(months, 12, false)[0]).toBe(48);
    expect(visibleHistory(months, 12, true)).toHaveLength(96);
    expect(visibleHistory([1, 2, 3], 1, false)).toEqual([1, 2, 3]);
  });
});

describe('URL parameters', () => {
  it('reads valid parameters and falls back to defaults for the rest', () => {
    expect(parseForecastParams(new URLSearchParams('fundId=11&measure=income_subsidy&method=theta&horizon=6')))
      .toEqual({ fundId: 11, measure: 'income_subsidy', method: 'theta', horizon: 6 });
    expect(parseForecastParams(new URLSearchParams('fundId=-3&measure=profit&method=prophet&horizon=x')))
      .toEqual({ fundId: undefined, measure: 'expenditure', method: 'auto', horizon: undefined });
  });
  it('round-trips through the search string', () => {
    const p = { fundId: 4, measure: 'income' as const, method: 'combo' as const, horizon: 18 };
    expect(parseForecastParams(forecastSearch(p))).toEqual(p);
  });
  it('builds the link a fund page uses', () => {
    expect(PATHS.forecast(7)).toBe('/actuarial/forecast?fundId=7');
    expect(PATHS.forecast(7, 'income')).toBe('/actuarial/forecast?fundId=7&measure=income');
  });
});

describe('CSV export', () => {
  const header = { period: '期间', mean: '均值（元）', lower80: '80%下限（元）', upper80: '80%上限（元）', lower95: '95%下限, 元', upper95: '95%上限（元）' };
  it('writes a BOM, a header with quoting where needed, and yuan to the fen without grouping', () => {
    const csv = forecastCsv(FORECAST, header);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('期间,均值（元）,80%下限（元）,80%上限（元）,"95%下限, 元",95%上限（元）');
    expect(lines[1]).toBe('2026-01,150000000.46,140000000.00,160000000.00,130000000.00,170000000.00');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
  });
  it('leaves a missing bound empty', () => {
    const csv = forecastCsv({ ...FORECAST, lower: { 80: [1] }, upper: { 80: [2] } }, header);
    expect(csv.split('\r\n')[2]).toBe('2026-02,160000000.00,,,,');
  });
  it('names the file by fund and measure, safe for any file system', () => {
    expect(forecastCsvName('DEMO01-employee-pooling', 'expenditure')).toBe('forecast-DEMO01-employee-pooling-expenditure.csv');
    expect(forecastCsvName('a/b c', 'income')).toBe('forecast-a_b_c-income.csv');
  });
});

describe('forecast chart rows', () => {
  it('joins the forecast to the last observation and keeps the bands nested', () => {
    const rows = forecastChartRows([{ period: '2025-11', valueYuan: 1e8 }, { period: '2025-12', valueYuan: 1.4e8 }], FORECAST);
    expect(rows.map((r) => r.period)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(rows[0]).toEqual({ period: '2025-11', history: 1e8 });
    expect(rows[1]).toEqual({ period: '2025-12', history: 1.4e8, mean: 1.4e8, band80: [1.4e8, 1.4e8], band95: [1.4e8, 1.4e8] });
    for (const r of rows.slice(2)) {
      const [lo95, hi95] = r.band95 as [number, number];
      const [lo80, hi80] = r.band80 as [number, number];
      expect(lo95 <= lo80 && lo80 <= (r.mean as number) && (r.mean as number) <= hi80 && hi80 <= hi95).toBe(true);
      expect(r.history).toBeUndefined();
    }
  });
  it('draws a forecast without history', () => {
    expect(forecastChartRows([], FORECAST)).toHaveLength(2);
  });
});

describe('niceAxis', () => {
  it('fits the axis to the data in round steps of the display unit', () => {
    const axis = niceAxis(2.1e8, 3.1e8, 'yi');
    expect(axis?.domain).toEqual([2e8, 3.25e8]);
    expect(axis?.ticks.map((t) => t / 1e8)).toEqual([2, 2.25, 2.5, 2.75, 3, 3.25]);
  });
  it('steps in 万元 for a 万元 chart and spans negative lower bounds', () => {
    const axis = niceAxis(-12_000_000, 17_000_000, 'wan');
    expect(axis?.ticks.map((t) => Math.round(t / 1e4))).toEqual([-2000, -1000, 0, 1000, 2000]);
  });
  it('handles a flat series and gives up on no data', () => {
    const flat = niceAxis(5e7, 5e7, 'wan');
    expect(flat?.domain[0]).toBeLessThanOrEqual(5e7);
    expect(flat?.domain[1]).toBeGreaterThanOrEqual(5e7);
    expect(niceAxis(Infinity, -Infinity, 'yi')).toBeUndefined();
  });
});
