/**
 * The lag walk behind the naive, seasonal naive and drift benchmarks, as R's `forecast:::lagwalk`
 * (forecast 8.20): ŷ_{T+h} = y_{T+h−lag·(k+1)} + h·b, k = ⌊(h−1)/lag⌋.
 *
 * $$ \hat\sigma_h^2 = \hat\sigma^2 (k+1) + \big(h\,\mathrm{se}(\hat b)\big)^2 $$
 * plain: var_h = σ² × (k + 1) + (h × se_b)², where
 * - σ² = Σe²/(N − K): e the N in-sample one-step residuals y_t − y_{t−lag} − b, K = 1 with drift, else 0;
 * - b = mean of the N differences y_t − y_{t−lag} (0 without drift), se_b = σ/√N its standard error.
 * With lag 1 and drift this is FPP3 §5.5's σ√(h(1 + h/(T−1))) (N = T − 1 differences); R's code and
 * FPP3 use T − 1, which is exact for the mean of T − 1 differences, so we do too (the often-quoted
 * h/T is FPP2's rounding).
 *
 * @see R. J. Hyndman, G. Athanasopoulos, Forecasting: Principles and Practice, 3rd ed., §5.2 and §5.5, OTexts 2021.
 */
import { checkRequest } from './checks.ts';
import { gaussianForecast } from './intervals.ts';
import type { FittedModel, Forecast, ForecastRequest } from './types.ts';

export interface LagWalkFitted extends FittedModel {
  lag: number;
  /** Mean step b per lag (0 without drift). */
  drift: number;
  /** Standard error of b (0 without drift). */
  driftSe: number;
  /** Residual variance σ² = Σe²/(N − K). */
  sigma2: number;
  /** The last `lag` observations, which the forecast repeats. */
  lastCycle: Float64Array;
}

/** Fits a lag walk of `lag` (with a drift term when `withDrift`) to already-checked values. */
export function fitLagWalk(method: string, y: Float64Array, lag: number, withDrift: boolean): LagWalkFitted {
  const n = y.length;
  const diffs: number[] = [];
  for (let t = lag; t < n; t++) diffs.push((y[t] as number) - (y[t - lag] as number));
  const count = diffs.length;
  const b = withDrift ? diffs.reduce((s, d) => s + d, 0) / count : 0;
  const sse = diffs.reduce((s, d) => s + (d - b) ** 2, 0);
  const sigma2 = sse / (count - (withDrift ? 1 : 0));
  const fitted = new Float64Array(n).fill(NaN);
  for (let t = lag; t < n; t++) fitted[t] = (y[t - lag] as number) + b;
  const description = withDrift ? `random walk with drift (b = ${b.toPrecision(6)})` : lag === 1 ? 'naive (random walk)' : `seasonal naive (lag ${lag})`;
  return {
    method, fitted, description, lag, drift: b, driftSe: withDrift ? Math.sqrt(sigma2 / count) : 0, sigma2,
    lastCycle: y.slice(n - lag),
  };
}

/** Forecasts a fitted lag walk with Gaussian intervals. */
export function forecastLagWalk(fitted: LagWalkFitted, request: ForecastRequest): Forecast {
  checkRequest(fitted.method, request);
  const mean: number[] = [];
  const sd: number[] = [];
  for (let h = 1; h <= request.horizon; h++) {
    const k = Math.floor((h - 1) / fitted.lag);
    mean.push((fitted.lastCycle[(h - 1) % fitted.lag] as number) + h * fitted.drift);
    sd.push(Math.sqrt(fitted.sigma2 * (k + 1) + (h * fitted.driftSe) ** 2));
  }
  return gaussianForecast(fitted.method, mean, sd, request.levels);
}
