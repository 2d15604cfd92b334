/**
 * Starting values for the likelihood search, as R's forecast:::initparam and forecast:::initstate
 * (HKOS 2008 §2.6.1): the optimiser then refines all of them together.
 *
 * Seasonal terms: classical decomposition (centred moving average, R's `decompose`) when n ≥ 3m,
 * else the residuals from a regression of y on a linear trend and one Fourier pair sin/cos(2πt/m).
 * Level and slope: mean, or least-squares line, of the first min(max(10, 2m), n) seasonally
 * adjusted values. Multiplicative seasonal terms are floored at 0.01.
 */
import type { EtsForm, EtsParameters, EtsState } from './types.ts';
import { PHI_LOWER, PHI_UPPER, SMOOTHING_LOWER, SMOOTHING_UPPER } from './types.ts';

const SEASONAL_FLOOR = 1e-2;

/** R's initparam: α small (0.2/m of its range), β a tenth of α, γ 5% of 1 − α, φ near its upper bound. */
export function initialSmoothing(form: EtsForm, m: number): EtsParameters {
  const period = form.season === 'N' ? 1 : m;
  let alpha = SMOOTHING_LOWER + (0.2 * (SMOOTHING_UPPER - SMOOTHING_LOWER)) / period;
  if (alpha > 1 || alpha < 0) alpha = SMOOTHING_LOWER + 2e-3;
  let beta = 0;
  if (form.trend !== 'N') {
    const upper = Math.min(SMOOTHING_UPPER, alpha);
    beta = SMOOTHING_LOWER + 0.1 * (upper - SMOOTHING_LOWER);
    if (beta < 0 || beta > alpha) beta = alpha - 1e-3;
  }
  let gamma = 0;
  if (form.season !== 'N') {
    const upper = Math.min(SMOOTHING_UPPER, 1 - alpha);
    gamma = SMOOTHING_LOWER + 0.05 * (upper - SMOOTHING_LOWER);
    if (gamma < 0 || gamma > 1 - alpha) gamma = 1 - alpha - 1e-3;
  }
  const phi = form.damped ? PHI_LOWER + 0.99 * (PHI_UPPER - PHI_LOWER) : 1;
  return { alpha, beta, gamma, phi };
}

/**
 * Heuristic states before the first observation. `season[j]` is the term for time j (j < m); the
 * first one is the normalising remainder (terms sum to 0, or to m when multiplicative), so only
 * season[1..m−1] are free parameters.
 */
export function initialStates(y: Float64Array, form: EtsForm, m: number): EtsState {
  const n = y.length;
  let adjusted = y;
  let season = new Float64Array(0);
  const period = form.season === 'N' ? 1 : m;
  if (form.season !== 'N') {
    const mult = form.season === 'M';
    const seasonal = n >= 3 * m ? decomposeSeasonal(y, m, mult) : fourierDetrended(y, m, mult);
    season = new Float64Array(m);
    let sum = 0;
    for (let j = 1; j < m; j++) {
      let s = seasonal[j] as number;
      if (mult) s = Math.max(s, SEASONAL_FLOOR);
      season[j] = s;
      sum += s;
    }
    if (mult && sum > m) {
      // R's rescaling when the floored terms overshoot.
      const denominator = sum + SEASONAL_FLOOR * (m - 1);
      sum = 0;
      for (let j = 1; j < m; j++) sum += (season[j] = (season[j] as number) / denominator);
    }
    season[0] = (mult ? m : 0) - sum;
    adjusted = new Float64Array(n);
    for (let t = 0; t < n; t++) {
      const s = seasonal[t] as number;
      adjusted[t] = mult ? (y[t] as number) / Math.max(s, SEASONAL_FLOOR) : (y[t] as number) - s;
    }
  }
  const count = Math.min(Math.max(10, 2 * period), n);
  if (form.trend === 'N') {
    let sum = 0;
    for (let t = 0; t < count; t++) sum += adjusted[t] as number;
    return { level: sum / count, slope: 0, season };
  }
  // Least-squares line on t = 1..count; the intercept is the level at t = 0.
  const tMean = (count + 1) / 2;
  let yMean = 0;
  for (let t = 0; t < count; t++) yMean += adjusted[t] as number;
  yMean /= count;
  let sxy = 0;
  let sxx = 0;
  for (let t = 0; t < count; t++) {
    const dt = t + 1 - tMean;
    sxy += dt * ((adjusted[t] as number) - yMean);
    sxx += dt * dt;
  }
  let slope = sxx > 0 ? sxy / sxx : 0;
  let level = yMean - slope * tMean;
  if (Math.abs(level + slope) < 1e-8) {
    // Keep the first fitted value away from 0 (a multiplicative error divides by it).
    level *= 1 + 1e-3;
    slope *= 1 - 1e-3;
  }
  return { level, slope, season };
}

/**
 * The seasonal component of R's `decompose` (length n): centred moving average of order m
 * (2×m when m is even), detrend, average each position of the cycle, centre the figure.
 */
export function decomposeSeasonal(y: Float64Array, m: number, mult: boolean): Float64Array {
  const n = y.length;
  const half = Math.floor(m / 2);
  const even = m % 2 === 0;
  const sums = new Float64Array(m);
  const counts = new Float64Array(m);
  for (let t = half; t < n - half; t++) {
    let trend = 0;
    for (let j = -half; j <= half; j++) {
      const w = even && (j === -half || j === half) ? 0.5 : 1;
      trend += w * (y[t + j] as number);
    }
    trend /= m;
    const j = t % m;
    sums[j] = (sums[j] as number) + (mult ? (y[t] as number) / trend : (y[t] as number) - trend);
    counts[j] = (counts[j] as number) + 1;
  }
  const figure = new Float64Array(m);
  let mean = 0;
  for (let j = 0; j < m; j++) mean += (figure[j] = (sums[j] as number) / (counts[j] as number)) / m;
  const out = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const f = figure[t % m] as number;
    out[t] = mult ? f / mean : f - mean;
  }
  return out;
}

/**
 * y minus (or divided by) the trend part of a least-squares fit of y on 1, t, sin(2πt/m) and
 * cos(2πt/m), t = 1..n (R's `tslm(y ~ trend + fourier(y, 1))`); the sine is dropped when m = 2.
 */
export function fourierDetrended(y: Float64Array, m: number, mult: boolean): Float64Array {
  const n = y.length;
  const p = m === 2 ? 3 : 4;
  const xtx = new Float64Array(p * p);
  const xty = new Float64Array(p);
  const row = new Float64Array(p);
  for (let t = 1; t <= n; t++) {
    const angle = (2 * Math.PI * t) / m;
    row[0] = 1;
    row[1] = t;
    if (p === 4) {
      row[2] = Math.sin(angle);
      row[3] = Math.cos(angle);
    } else {
      row[2] = Math.cos(angle);
    }
    for (let i = 0; i < p; i++) {
      xty[i] = (xty[i] as number) + (row[i] as number) * (y[t - 1] as number);
      for (let j = 0; j < p; j++) xtx[i * p + j] = (xtx[i * p + j] as number) + (row[i] as number) * (row[j] as number);
    }
  }
  const coef = solveSymmetric(xtx, xty, p);
  const out = new Float64Array(n);
  for (let t = 1; t <= n; t++) {
    const trend = (coef[0] as number) + (coef[1] as number) * t;
    out[t - 1] = mult ? (y[t - 1] as number) / trend : (y[t - 1] as number) - trend;
  }
  return out;
}

/** Gaussian elimination with partial pivoting for the small normal equations above. */
function solveSymmetric(a: Float64Array, b: Float64Array, p: number): Float64Array {
  for (let col = 0; col < p; col++) {
    let pivot = col;
    for (let r = col + 1; r < p; r++) if (Math.abs(a[r * p + col] as number) > Math.abs(a[pivot * p + col] as number)) pivot = r;
    if (pivot !== col) {
      for (let c = 0; c < p; c++) {
        const tmp = a[col * p + c] as number;
        a[col * p + c] = a[pivot * p + c] as number;
        a[pivot * p + c] = tmp;
      }
      const tmp = b[col] as number;
      b[col] = b[pivot] as number;
      b[pivot] = tmp;
    }
    const d = a[col * p + col] as number;
    for (let r = col + 1; r < p; r++) {
      const factor = (a[r * p + col] as number) / d;
      for (let c = col; c < p; c++) a[r * p + c] = (a[r * p + c] as number) - factor * (a[col * p + c] as number);
      b[r] = (b[r] as number) - factor * (b[col] as number);
    }
  }
  const x = new Float64Array(p);
  for (let r = p - 1; r >= 0; r--) {
    let s = b[r] as number;
    for (let c = r + 1; c < p; c++) s -= (a[r * p + c] as number) * (x[c] as number);
    x[r] = s / (a[r * p + r] as number);
  }
  return x;
}
