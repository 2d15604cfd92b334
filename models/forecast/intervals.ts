/**
 * Building and transforming forecast objects: symmetric Gaussian intervals
 * ŷ ± c_L·σ_h (c_L = Φ⁻¹(½ + L/200), or a t quantile), and monotone maps of a whole forecast
 * (back-transforms, reseasonalising, calendar factors), which carry quantiles to quantiles.
 */
import { normalCritical } from './quantiles.ts';
import type { Forecast } from './types.ts';

/** The key of a level in `Forecast.lower` / `upper`: its decimal text, "80", "95", "99.5". */
export function levelKey(level: number): string {
  return String(level);
}

/**
 * Forecast with bounds mean_h ∓ c(L)·sd_h for each level L.
 * @example gaussianForecast('naive', [10], [1], [95]).upper['95'] // => [11.959963984540054]
 */
export function gaussianForecast(
  method: string,
  mean: readonly number[],
  sd: readonly number[],
  levels: readonly number[],
  critical: (level: number) => number = normalCritical,
): Forecast {
  const lower: Record<string, number[]> = {};
  const upper: Record<string, number[]> = {};
  for (const level of levels) {
    const c = critical(level);
    lower[levelKey(level)] = mean.map((m, h) => m - c * (sd[h] as number));
    upper[levelKey(level)] = mean.map((m, h) => m + c * (sd[h] as number));
  }
  return { method, mean: mean.slice(), lower, upper };
}

/**
 * Applies an increasing map f(value, step) to the mean and every bound. An increasing map keeps
 * quantiles as quantiles (so `exp` of a log-scale bound is a bound), and keeps the bounds ordered.
 * The mean maps to f(mean), which for a non-linear f is the median, not the mean, of the new scale.
 */
export function mapForecast(fc: Forecast, f: (value: number, step: number) => number, method = fc.method): Forecast {
  const lower: Record<string, number[]> = {};
  const upper: Record<string, number[]> = {};
  for (const [k, v] of Object.entries(fc.lower)) lower[k] = v.map(f);
  for (const [k, v] of Object.entries(fc.upper)) upper[k] = v.map(f);
  return { method, mean: fc.mean.map(f), lower, upper };
}

/** The first `horizon` steps of a forecast. */
export function truncateForecast(fc: Forecast, horizon: number): Forecast {
  const cut = (r: Record<string, number[]>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.slice(0, horizon)]));
  return { method: fc.method, mean: fc.mean.slice(0, horizon), lower: cut(fc.lower), upper: cut(fc.upper) };
}
