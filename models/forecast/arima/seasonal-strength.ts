/**
 * The seasonal-differencing decision of `forecast::auto.arima` (default `seasonal.test = "seas"`):
 * take one seasonal difference when the STL seasonal strength exceeds 0.64.
 *
 *   F_S = max(0, min(1, 1 − Var(R_t) / Var(S_t + R_t)))
 *
 * S and R are the seasonal and remainder components of forecast's `mstl` (for one period: a
 * non-robust STL with s.window = 11). 0.64 is the threshold forecast chose on the M3 seasonal series.
 * @see X. Wang, K. A. Smith, R. J. Hyndman, "Characteristic-based clustering for time series data",
 *   Data Mining and Knowledge Discovery 13(3), 2006, 335–364 (the strength measure).
 * @see R. J. Hyndman, G. Athanasopoulos, *Forecasting: Principles and Practice*, 3rd ed., OTexts, 2021, §4.3.
 * @example
 * const x = [5.2, 3.1, -1.4, -6.0, 6.1, 2.8, -1.1, -5.2, 7.3, 3.9, -0.2, -4.8, 8.0, 4.6, 0.4, -4.1, 9.2, 5.1, 1.3, -3.0, 9.9, 6.3, 1.8, -2.4];
 * seasonalStrength(x, 4) // => 0.99797 (R: 0.997966691007654)
 */
import { isConstant } from './kpss.ts';
import { stl } from './stl.ts';

/** forecast's threshold for "seasonal enough to difference". */
export const SEASONAL_STRENGTH_THRESHOLD = 0.64;
/** forecast::mstl's seasonal window for the first (here only) period. */
const MSTL_SEASONAL_WINDOW = 11;

const variance = (x: ArrayLike<number>): number => {
  const n = x.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i] as number;
  mean /= n;
  let s = 0;
  for (let i = 0; i < n; i++) s += ((x[i] as number) - mean) ** 2;
  return s / (n - 1);
};

/** F_S of x with period m; 0 when x is too short for STL (n ≤ 2m, where mstl drops the season). */
export function seasonalStrength(x: ArrayLike<number>, period: number): number {
  if (period < 2 || x.length <= 2 * period) return 0;
  const { seasonal, remainder } = stl(x, period, { seasonalWindow: MSTL_SEASONAL_WINDOW });
  const both = remainder.map((r, i) => r + (seasonal[i] as number));
  const total = variance(both);
  if (!(total > 0)) return 0;
  return Math.max(0, Math.min(1, 1 - variance(remainder) / total));
}

/**
 * forecast::nsdiffs(x, test = "seas"): the number of seasonal differences (0…maxD).
 * @example nsdiffs(Array.from({ length: 48 }, (_, t) => [5, -3, 1, -3][t % 4] as number + 0.01 * t), 4) // => 1
 */
export function nsdiffs(x: ArrayLike<number>, period: number, maxD = 1): number {
  let cur = Float64Array.from(x);
  let D = 0;
  if (period < 2 || isConstant(cur) || period >= cur.length) return D;
  let seasonal = seasonalStrength(cur, period) > SEASONAL_STRENGTH_THRESHOLD;
  while (seasonal && D < maxD) {
    D++;
    const next = new Float64Array(cur.length - period);
    for (let t = 0; t < next.length; t++) next[t] = (cur[t + period] as number) - (cur[t] as number);
    cur = next;
    if (isConstant(cur)) return D;
    seasonal = cur.length >= 2 * period && D < maxD ? seasonalStrength(cur, period) > SEASONAL_STRENGTH_THRESHOLD : false;
  }
  return D;
}
