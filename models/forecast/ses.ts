/**
 * Simple exponential smoothing fitted by least squares, i.e. ETS(A,N,N) by maximum likelihood
 * (with additive Gaussian errors the likelihood is a decreasing function of the sum of squared
 * one-step errors), as R's `forecast::ses(y)` = `ets(y, "ANN", opt.crit = "mse")`.
 *
 * $$ \hat y_{t|t-1} = \ell_{t-1},\quad e_t = y_t - \ell_{t-1},\quad \ell_t = \ell_{t-1} + \alpha e_t $$
 * plain: forecast = previous level; level += α × error. Parameters α ∈ [1e−4, 0.9999] (R's bounds) and ℓ₀.
 *
 * Numerics: e_t is affine in ℓ₀ with slope −(1−α)^{t−1}, so for fixed α the best ℓ₀ has a closed
 * form (one least-squares coefficient). The profile SSE(α) is then minimised over α by a grid of 41
 * points and golden-section refinement in the best grid cell, a 1-D search that is deterministic
 * and finds the global minimum whenever the profile is unimodal within one grid cell, where R's
 * Nelder–Mead over (α, ℓ₀) can stop early. σ² = SSE/(n − 2) as `ets` (2 estimated parameters).
 *
 * @see R. J. Hyndman, A. B. Koehler, J. K. Ord, R. D. Snyder, Forecasting with Exponential Smoothing:
 *   The State Space Approach, Springer 2008, ch. 3 and 5 (ANN likelihood and variance).
 */

export interface SesFit {
  alpha: number;
  /** Initial level ℓ₀. */
  level0: number;
  /** Final level ℓ_n: the flat point forecast. */
  levelN: number;
  /** One-step fitted values ℓ_{t−1}. */
  fitted: Float64Array;
  sse: number;
  /** SSE / (n − 2). */
  sigma2: number;
}

const ALPHA_LOWER = 1e-4;
const ALPHA_UPPER = 0.9999;
const GRID_POINTS = 41;
const GOLDEN_TOLERANCE = 1e-9;

/** Profile: for a given α, the ℓ₀ that minimises SSE, and that SSE. */
function profile(y: ArrayLike<number>, alpha: number): { level0: number; sse: number } {
  const n = y.length;
  // Errors with ℓ₀ = y₁ (so numbers stay at the data's scale), and their slopes in ℓ₀.
  const y0 = y[0] as number;
  let level = y0;
  let sxy = 0;
  let sxx = 0;
  let see = 0;
  let c = 1;
  for (let t = 0; t < n; t++) {
    const e = (y[t] as number) - level;
    level += alpha * e;
    sxy += c * e;
    sxx += c * c;
    see += e * e;
    c *= 1 - alpha;
  }
  // e_t(ℓ₀) = e_t − c_t (ℓ₀ − y₁): least squares in δ = ℓ₀ − y₁.
  const delta = sxy / sxx;
  return { level0: y0 + delta, sse: Math.max(0, see - delta * sxy) };
}

/**
 * Fits SES to a series of at least 3 finite values (checked by the caller).
 * @example fitSes([5, 5, 5, 5]).levelN // => 5
 */
export function fitSes(y: ArrayLike<number>): SesFit {
  const f = (a: number) => profile(y, a).sse;
  const grid = Array.from({ length: GRID_POINTS }, (_, i) => ALPHA_LOWER + ((ALPHA_UPPER - ALPHA_LOWER) * i) / (GRID_POINTS - 1));
  const values = grid.map(f);
  let best = 0;
  for (let i = 1; i < GRID_POINTS; i++) if ((values[i] as number) < (values[best] as number)) best = i;
  let lo = grid[Math.max(0, best - 1)] as number;
  let hi = grid[Math.min(GRID_POINTS - 1, best + 1)] as number;
  const g = (Math.sqrt(5) - 1) / 2;
  let x1 = hi - g * (hi - lo);
  let x2 = lo + g * (hi - lo);
  let f1 = f(x1);
  let f2 = f(x2);
  while (hi - lo > GOLDEN_TOLERANCE) {
    if (f1 <= f2) {
      hi = x2; x2 = x1; f2 = f1; x1 = hi - g * (hi - lo); f1 = f(x1);
    } else {
      lo = x1; x1 = x2; f1 = f2; x2 = lo + g * (hi - lo); f2 = f(x2);
    }
  }
  let alpha = (lo + hi) / 2;
  // The grid point itself may beat the interior (minimum on a bound).
  if ((values[best] as number) < f(alpha)) alpha = grid[best] as number;
  const { level0 } = profile(y, alpha);
  const n = y.length;
  const fitted = new Float64Array(n);
  let level = level0;
  let sse = 0;
  for (let t = 0; t < n; t++) {
    fitted[t] = level;
    const e = (y[t] as number) - level;
    sse += e * e;
    level += alpha * e;
  }
  return { alpha, level0, levelN: level, fitted, sse, sigma2: sse / (n - 2) };
}
