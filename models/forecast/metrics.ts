/**
 * Point and interval forecast accuracy measures (FPP3 §5.8–5.9; Hyndman & Koehler 2006), with
 * y the actual values, f the forecasts, e = y − f, over the H steps of one forecast:
 *
 * - MAE = mean |e|; RMSE = √(mean e²) (units of y);
 * - MAPE = 100 · mean |e/y| (percent; Infinity when some y = 0, as R's `accuracy`);
 * - sMAPE = mean 200|e|/(|y| + |f|) (percent, 0..200; a term with y = f = 0 counts 0), the M3/M4 definition;
 * - MASE = MAE / Q, Q = mean |y_t − y_{t−m}| over the training data, m = frequency (Hyndman &
 *   Koehler's seasonal scaling, as the M4 competition); m = 1 when frequency is 1 or when the training
 *   data has no more than m values; Infinity when Q = 0 (a constant training series) and MAE > 0;
 * - coverage = share of steps with lower ≤ y ≤ upper (a decimal in [0, 1]).
 * MAPE and sMAPE are in percent, not decimals, against the house rule for rates: that is how the
 * literature and every published benchmark table (M3, M4) state them, so results compare directly.
 *
 * @throws Error `metrics: actual and forecast lengths differ (<a> vs <b>)` / `metrics: no values` /
 *   `metrics: MASE needs at least <lag + 1> training values, got <n>`
 * @see R. J. Hyndman, A. B. Koehler, "Another look at measures of forecast accuracy", IJF 22(4), 679–688, 2006.
 * @see S. Makridakis, M. Hibon, "The M3-Competition: results, conclusions and implications", IJF 16(4), 451–476, 2000.
 */

type Values = ArrayLike<number>;

function check(actual: Values, forecast: Values): number {
  if (actual.length !== forecast.length) throw new Error(`metrics: actual and forecast lengths differ (${actual.length} vs ${forecast.length})`);
  if (actual.length === 0) throw new Error('metrics: no values');
  return actual.length;
}

function meanOf(n: number, term: (i: number) => number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += term(i);
  return s / n;
}

/** @example mae([1, 2, 3], [2, 2, 5]) // => 1 */
export function mae(actual: Values, forecast: Values): number {
  const n = check(actual, forecast);
  return meanOf(n, (i) => Math.abs((actual[i] as number) - (forecast[i] as number)));
}

/** @example rmse([1, 2, 3], [2, 2, 5]) // => Math.sqrt(5 / 3) */
export function rmse(actual: Values, forecast: Values): number {
  const n = check(actual, forecast);
  return Math.sqrt(meanOf(n, (i) => ((actual[i] as number) - (forecast[i] as number)) ** 2));
}

/** @example mape([100, 200], [110, 150]) // => 17.5 */
export function mape(actual: Values, forecast: Values): number {
  const n = check(actual, forecast);
  return 100 * meanOf(n, (i) => Math.abs(((actual[i] as number) - (forecast[i] as number)) / (actual[i] as number)));
}

/** @example smape([100, 200], [110, 150]) // => (200 × 10/210 + 200 × 50/350) / 2 ≈ 19.0476 */
export function smape(actual: Values, forecast: Values): number {
  const n = check(actual, forecast);
  return meanOf(n, (i) => {
    const y = actual[i] as number;
    const f = forecast[i] as number;
    const d = Math.abs(y) + Math.abs(f);
    return d === 0 ? 0 : (200 * Math.abs(y - f)) / d;
  });
}

/**
 * The MASE scale Q: in-sample MAE of the seasonal naive method (lag = frequency; lag 1 when the
 * frequency is 1 or the training data is too short for the seasonal lag).
 * @example maseScale([1, 2, 4, 7], 1) // => 2
 */
export function maseScale(training: Values, frequency: number): number {
  const lag = frequency > 1 && training.length > frequency ? frequency : 1;
  if (training.length <= lag) throw new Error(`metrics: MASE needs at least ${lag + 1} training values, got ${training.length}`);
  let s = 0;
  for (let t = lag; t < training.length; t++) s += Math.abs((training[t] as number) - (training[t - lag] as number));
  return s / (training.length - lag);
}

/** @example mase([5, 6], [4, 8], [1, 2, 4, 7], 1) // => 0.75 */
export function mase(actual: Values, forecast: Values, training: Values, frequency: number): number {
  const e = mae(actual, forecast);
  const q = maseScale(training, frequency);
  return e === 0 ? 0 : e / q;
}

/** @example coverage([1, 5, 3], [0, 0, 4], [2, 4, 6]) // => 1/3 */
export function coverage(actual: Values, lower: Values, upper: Values): number {
  const n = check(actual, lower);
  check(actual, upper);
  return meanOf(n, (i) => ((actual[i] as number) >= (lower[i] as number) && (actual[i] as number) <= (upper[i] as number) ? 1 : 0));
}
