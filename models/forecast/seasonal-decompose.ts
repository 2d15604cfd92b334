/**
 * Classical seasonal decomposition and the autocorrelation test for seasonality, as R's
 * `stats::decompose` and the test inside `forecast::thetaf` (forecast 8.20).
 *
 * Decomposition (multiplicative): trend T_t = centred moving average of order m (2×m when m is even,
 * weights ½, 1, …, 1, ½ over m); detrended d_t = y_t / T_t; seasonal figure S_j = mean of d_t over
 * the t with t ≡ j (mod m), counted from the first observation, normalised so that mean(S) = 1
 * (additive: y_t − T_t and mean(S) = 0). Seasonal index of time t (also beyond the sample): S_{t mod m}.
 *
 * Seasonality test: with r_k the lag-k sample autocorrelation, seasonal when m > 1, the series is
 * not constant, n > 2m and
 * $$ |r_m| \,/\, \sqrt{(1 + 2\sum_{k=1}^{m-1} r_k^2)/n} > \Phi^{-1}(0.95) $$
 * plain: |r_m| / sqrt((1 + 2 × Σ r_k², k < m) / n) > 1.645 (Bartlett's standard error; a 90% two-sided test).
 *
 * @see M. Kendall, A. Stuart, The Advanced Theory of Statistics, vol. 3, 1983 (classical decomposition); R stats::decompose.
 * @see R. J. Hyndman, B. Billah, "Unmasking the Theta method", IJF 19(2), 287–290, 2003; R forecast::thetaf.
 */
import { normalQuantile } from './quantiles.ts';

/**
 * Sample autocorrelations r_1 … r_maxLag as R's `acf`: r_k = Σ_{t≤n−k}(y_t − ȳ)(y_{t+k} − ȳ) / Σ(y_t − ȳ)².
 * @example autocorrelations([1, 2, 3, 4], 1) // => [0.25]
 */
export function autocorrelations(y: ArrayLike<number>, maxLag: number): number[] {
  const n = y.length;
  let mean = 0;
  for (let t = 0; t < n; t++) mean += (y[t] as number) / n;
  let c0 = 0;
  for (let t = 0; t < n; t++) c0 += ((y[t] as number) - mean) ** 2;
  const r: number[] = [];
  for (let k = 1; k <= maxLag; k++) {
    let ck = 0;
    for (let t = 0; t + k < n; t++) ck += ((y[t] as number) - mean) * ((y[t + k] as number) - mean);
    r.push(ck / c0);
  }
  return r;
}

/** The thetaf seasonality test described above. */
export function isSeasonalByAcf(y: ArrayLike<number>, m: number): boolean {
  const n = y.length;
  if (m <= 1 || n <= 2 * m) return false;
  let constant = true;
  for (let t = 1; t < n && constant; t++) constant = y[t] === y[0];
  if (constant) return false;
  const r = autocorrelations(y, m);
  let s = 0;
  for (let k = 0; k < m - 1; k++) s += (r[k] as number) ** 2;
  const stat = Math.sqrt((1 + 2 * s) / n);
  return Math.abs(r[m - 1] as number) / stat > normalQuantile(0.95);
}

export interface Decomposition {
  type: 'multiplicative' | 'additive';
  period: number;
  /** Centred moving average, NaN at the ends where it is undefined. */
  trend: Float64Array;
  /** Seasonal figure by position j = t mod m, t counted from the first observation (0-based). */
  figure: number[];
}

/**
 * Classical decomposition of a series with at least two full periods.
 * @throws Error `decompose: needs at least 2 full periods (<2m>) of data, got <n>`
 * @example classicalDecomposition([1, 3, 1, 3, 1, 3], 2, 'additive').figure // => [-1, 1]
 */
export function classicalDecomposition(y: ArrayLike<number>, m: number, type: Decomposition['type']): Decomposition {
  const n = y.length;
  if (m < 2 || n < 2 * m) throw new Error(`decompose: needs at least 2 full periods (${2 * m}) of data, got ${n}`);
  const even = m % 2 === 0;
  const half = even ? m / 2 : (m - 1) / 2;
  const trend = new Float64Array(n).fill(NaN);
  for (let t = half; t < n - half; t++) {
    let s = 0;
    for (let k = -half; k <= half; k++) s += (even && Math.abs(k) === half ? 0.5 : 1) * (y[t + k] as number);
    trend[t] = s / m;
  }
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);
  for (let t = half; t < n - half; t++) {
    const d = type === 'multiplicative' ? (y[t] as number) / (trend[t] as number) : (y[t] as number) - (trend[t] as number);
    sums[t % m] = (sums[t % m] as number) + d;
    counts[t % m] = (counts[t % m] as number) + 1;
  }
  const raw = sums.map((s, j) => s / (counts[j] as number));
  const centre = raw.reduce((a, b) => a + b, 0) / m;
  const figure = raw.map((v) => (type === 'multiplicative' ? v / centre : v - centre));
  return { type, period: m, trend, figure };
}

/** Seasonal index of time t (0-based from the first observation; t ≥ n for forecasts). */
export function seasonalIndex(d: Decomposition, t: number): number {
  return d.figure[((t % d.period) + d.period) % d.period] as number;
}
