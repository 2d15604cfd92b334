/**
 * Rolling-origin evaluation (time-series cross-validation, FPP3 §5.10; Tashman 2000): each method is
 * fitted on the first T_k values and forecasts the next H, for K origins
 * T_k = n − H − (K − 1 − k)·step, k = 0..K−1, so the last origin's forecast ends with the series.
 * Each origin gives MAE, RMSE, MAPE, sMAPE, MASE (scaled on that origin's training data) and the
 * coverage of the 80% and 95% intervals (metrics.ts); a method's summary is the mean over the
 * origins where it succeeded. A fit that fails at an origin (too little data for it, say) is
 * recorded with its message and left out of the means, and counted in `failures`.
 *
 * @throws Error `backtest: horizon must be an integer ≥ 1, got <h>`
 * @throws Error `backtest: origins must be an integer ≥ 1, got <k>` / `backtest: step must be an integer ≥ 1, got <s>`
 * @throws Error `backtest: series too short for <K> origins of horizon <H>: needs at least <min> values, got <n>`
 * @see L. J. Tashman, "Out-of-sample tests of forecasting accuracy: an analysis and review", IJF 16(4), 437–450, 2000.
 * @see R. J. Hyndman, G. Athanasopoulos, Forecasting: Principles and Practice, 3rd ed., §5.10, OTexts 2021.
 * @example backtest({ values: [1, 2, 3, 4, 5, 6], frequency: 1 }, { methods: ['naive'], horizon: 2, origins: 2 }).rows.map((r) => r.origin) // => [3, 4]
 */
import { checkSeries } from './checks.ts';
import { coverage, mae, mape, mase, rmse, smape } from './metrics.ts';
import { getMethod } from './registry.ts';
import type { ForecastMethod, MethodName, TimeSeries } from './types.ts';

/** A method under a label of its own (e.g. a Spring-Festival-adjusted variant). */
export interface LabelledMethod {
  label: string;
  method: ForecastMethod;
}

export interface BacktestOptions {
  methods: readonly (MethodName | LabelledMethod)[];
  horizon: number;
  origins: number;
  /** Values between successive origins (default 1). */
  step?: number;
}

export interface BacktestMetrics {
  mae: number;
  rmse: number;
  mape: number;
  smape: number;
  mase: number;
  coverage80: number;
  coverage95: number;
}

export interface BacktestRow extends BacktestMetrics {
  method: string;
  /** Training length T_k: the forecast starts at 0-based index T_k. */
  origin: number;
  /** Why the method failed at this origin (metrics are NaN then). */
  error?: string;
}

export interface BacktestSummary extends BacktestMetrics {
  method: string;
  /** Origins where the method produced a forecast. */
  origins: number;
  failures: number;
}

export interface BacktestResult {
  methods: BacktestSummary[];
  rows: BacktestRow[];
}

const METRIC_KEYS = ['mae', 'rmse', 'mape', 'smape', 'mase', 'coverage80', 'coverage95'] as const;
const MIN_TRAINING = 2;

function scoreOrigin(series: TimeSeries, y: Float64Array, method: ForecastMethod, origin: number, horizon: number): BacktestMetrics {
  const training = y.subarray(0, origin);
  const actual = y.subarray(origin, origin + horizon);
  const fc = method.forecast(method.fit({ ...series, values: training }), { horizon, levels: [80, 95] });
  return {
    mae: mae(actual, fc.mean),
    rmse: rmse(actual, fc.mean),
    mape: mape(actual, fc.mean),
    smape: smape(actual, fc.mean),
    mase: mase(actual, fc.mean, training, series.frequency),
    coverage80: coverage(actual, fc.lower['80'] as number[], fc.upper['80'] as number[]),
    coverage95: coverage(actual, fc.lower['95'] as number[], fc.upper['95'] as number[]),
  };
}

/** Means of the metrics over rows without an error (NaN when there are none). */
export function summariseRows(method: string, rows: readonly BacktestRow[]): BacktestSummary {
  const ok = rows.filter((r) => r.error === undefined);
  const mean = (k: (typeof METRIC_KEYS)[number]) => (ok.length ? ok.reduce((s, r) => s + r[k], 0) / ok.length : NaN);
  const out = { method, origins: ok.length, failures: rows.length - ok.length } as BacktestSummary;
  for (const k of METRIC_KEYS) out[k] = mean(k);
  return out;
}

/** Rolling-origin backtest of one series. */
export function backtest(series: TimeSeries, options: BacktestOptions): BacktestResult {
  const { horizon, origins } = options;
  const step = options.step ?? 1;
  if (!Number.isInteger(horizon) || horizon < 1) throw new Error(`backtest: horizon must be an integer ≥ 1, got ${horizon}`);
  if (!Number.isInteger(origins) || origins < 1) throw new Error(`backtest: origins must be an integer ≥ 1, got ${origins}`);
  if (!Number.isInteger(step) || step < 1) throw new Error(`backtest: step must be an integer ≥ 1, got ${step}`);
  const need = MIN_TRAINING + horizon + (origins - 1) * step;
  const n = series.values.length;
  if (n < need) throw new Error(`backtest: series too short for ${origins} origins of horizon ${horizon}: needs at least ${need} values, got ${n}`);
  const y = checkSeries('backtest', series, { minLength: need });
  const methods = options.methods.map((m) => (typeof m === 'string' ? { label: m, method: getMethod(m) } : m));
  const rows: BacktestRow[] = [];
  for (const { label, method } of methods) {
    for (let k = 0; k < origins; k++) {
      const origin = n - horizon - (origins - 1 - k) * step;
      try {
        rows.push({ method: label, origin, ...scoreOrigin(series, y, method, origin, horizon) });
      } catch (e) {
        const nan = Object.fromEntries(METRIC_KEYS.map((key) => [key, NaN])) as unknown as BacktestMetrics;
        rows.push({ method: label, origin, ...nan, error: e instanceof Error ? e.message : String(e) });
      }
    }
  }
  return { methods: methods.map(({ label }) => summariseRows(label, rows.filter((r) => r.method === label))), rows };
}

/**
 * Pools several series' backtests: per method, the mean over all successful (series, origin) rows,
 * as the `backtest` command reports ("averaged over series and origins").
 */
export function combineBacktests(results: readonly BacktestResult[]): BacktestSummary[] {
  const labels = [...new Set(results.flatMap((r) => r.methods.map((m) => m.method)))];
  return labels.map((label) => summariseRows(label, results.flatMap((r) => r.rows.filter((row) => row.method === label))));
}
