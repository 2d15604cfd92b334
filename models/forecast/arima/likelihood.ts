/**
 * Two objective functions for a zero-mean stationary ARMA(p, q) series w_1…w_N (the differenced and
 * demeaned data): the exact Gaussian likelihood and the conditional sum of squares (CSS).
 *
 * Exact likelihood. The ARMA is written in Harvey's state-space form with r = max(p, q + 1),
 *   α_{t+1} = T α_t + R ε_{t+1},  w_t = Z α_t,  T = [φ | I_{r−1}; 0],  R = (1, θ_1, …, θ_{r−1})′,
 * started at the stationary covariance Σ (σ² = 1). The Kalman filter gives innovations v_t with
 * variances F_t (in units of σ²), and with σ² concentrated out
 *
 *   −2 log L = N log(2π σ̂²) + Σ log F_t + N,   σ̂² = (1/N) Σ v_t² / F_t.
 *
 * This is the likelihood R's `stats::arima` maximises for the differenced data (its diffuse prior on
 * the d + mD non-stationary states drops exactly those observations). Instead of the O(r²)-per-step
 * covariance recursion we use the Chandrasekhar recursions, valid for a time-invariant model: with
 * g_t = T P_t Z′ and the rank-one increment P_{t+1} − P_t = M_t W_t W_t′,
 *
 *   F_{t+1} = F_t + M_t (Z W_t)²,          g_{t+1} = g_t + M_t (Z W_t) T W_t,
 *   W_{t+1} = T W_t − (g_{t+1} / F_{t+1}) Z W_t,   M_{t+1} = M_t F_{t+1} / F_t,
 *
 * started from F_1 = Σ_00, g_1 = T Σ Z′, W_1 = g_1, M_1 = −1 / F_1 (because T Σ T′ + R R′ = Σ).
 * Each step costs O(r), so a seasonal model with r ≈ 15 is cheap; only the first column of Σ is needed:
 *   Σ_{0k} = Σ_{j=k}^{r−1} (φ_{j+1} γ(j + 1 − k) + θ_j ψ_{j−k}),  θ_0 = 1.
 *
 * @see A. C. Harvey, *Forecasting, Structural Time Series Models and the Kalman Filter*, CUP, 1989, §3.4.
 * @see M. Morf, G. S. Sidhu, T. Kailath, "Some new algorithms for recursive estimation in constant,
 *   linear, discrete-time systems", IEEE Trans. Automatic Control 19(4), 1974, 315–323.
 * @see G. Mélard, "Algorithm AS 197: A fast algorithm for the exact likelihood of autoregressive-moving
 *   average models", Applied Statistics 33(1), 1984, 104–114.
 */
import { armaAutocovariance, createAutocovarianceWorkspace, type AutocovarianceWorkspace } from './autocovariance.ts';

export interface ExactFilterOutput {
  /** Innovations v_t (one-step prediction errors), length N. */
  innovations: Float64Array;
  /** Innovation variances F_t in units of σ², length N. */
  variances: Float64Array;
  /** Receives the predicted state a_{N+1|N} (length r) when given. */
  state?: Float64Array;
}

export interface ExactFilterSums {
  /** Σ v_t² / F_t. */
  sumSquares: number;
  /** Σ log F_t. */
  sumLogVariance: number;
}

/**
 * Relative size of the remaining covariance increment M·|W|² below which the filter is treated as
 * converged: further changes to F_t are < 1e-12·F_t, far below what moves −2 log L by 1e-9.
 */
const STEADY_STATE_TOLERANCE = 1e-12;

/** The state dimension r = max(p, q + 1) of Harvey's form. */
export const stateDimension = (p: number, q: number): number => Math.max(p, q + 1);

/** Reusable buffers for exactArmaFilter, sized for AR order p and MA order q. */
export interface FilterWorkspace {
  p: number; q: number; r: number;
  autocovariance: AutocovarianceWorkspace;
  /** φ and θ padded with zeros to length r + 1 (θ_0 = 1 at index 0). */
  phi: Float64Array; theta: Float64Array;
  psi: Float64Array; sigma0: Float64Array; g: Float64Array; W: Float64Array; a: Float64Array;
}

export function createFilterWorkspace(p: number, q: number): FilterWorkspace {
  const r = stateDimension(p, q);
  const vec = () => new Float64Array(r + 1);
  return { p, q, r, autocovariance: createAutocovarianceWorkspace(p, q, r), phi: vec(), theta: vec(), psi: vec(), sigma0: vec(), g: vec(), W: vec(), a: vec() };
}

/**
 * Runs the exact (Chandrasekhar) filter. Returns `undefined` if the start covariance or a variance is
 * not positive and finite (a non-stationary or numerically degenerate φ).
 */
export function exactArmaFilter(w: ArrayLike<number>, phi: ArrayLike<number>, theta: ArrayLike<number>, out: ExactFilterOutput, workspace?: FilterWorkspace): ExactFilterSums | undefined {
  const p = phi.length;
  const q = theta.length;
  const ws = workspace && workspace.p === p && workspace.q === q ? workspace : createFilterWorkspace(p, q);
  const { r, phi: ph, theta: th, psi, sigma0, g, W, a } = ws;
  const n = w.length;
  ph.fill(0);
  th.fill(0);
  for (let i = 0; i < p; i++) ph[i] = phi[i] as number;
  th[0] = 1;
  for (let j = 1; j <= q; j++) th[j] = theta[j - 1] as number;
  const gamma = armaAutocovariance(phi, theta, r, ws.autocovariance);
  // ψ_0…ψ_{r−1} (ph[i] is φ_{i+1}).
  psi[0] = 1;
  for (let j = 1; j < r; j++) {
    let v = th[j] as number;
    for (let i = 1; i <= Math.min(j, p); i++) v += (ph[i - 1] as number) * (psi[j - i] as number);
    psi[j] = v;
  }
  for (let k = 0; k < r; k++) {
    let s = 0;
    for (let j = k; j < r; j++) s += (ph[j] as number) * (gamma[j + 1 - k] as number) + (th[j] as number) * (psi[j - k] as number);
    sigma0[k] = s;
  }
  sigma0[r] = 0;
  let F = sigma0[0] as number;
  if (!(F > 0 && Number.isFinite(F))) return undefined;
  for (let i = 0; i < r; i++) {
    g[i] = (ph[i] as number) * F + (sigma0[i + 1] as number);
    W[i] = g[i] as number;
    a[i] = 0;
  }
  W[r] = 0;
  a[r] = 0;
  let M = -1 / F;
  let sumSquares = 0;
  let sumLogVariance = 0;
  // Once the gain has converged (M·|W|² negligible) F and g no longer change: skip that update.
  let steady = false;
  let logF = Math.log(F);
  for (let t = 0; t < n; t++) {
    const v = (w[t] as number) - (a[0] as number);
    out.innovations[t] = v;
    out.variances[t] = F;
    // Predicted state: a ← T a + g v / F (ascending i reads a[i + 1] before it is overwritten).
    const gain = v / F;
    sumSquares += v * gain;
    sumLogVariance += logF;
    const a0 = a[0] as number;
    for (let i = 0; i < r; i++) a[i] = (ph[i] as number) * a0 + (a[i + 1] as number) + (g[i] as number) * gain;
    if (steady) continue;
    // Chandrasekhar step for F, g, W, M.
    const zw = W[0] as number;
    const c = M * zw;
    const Fnext = F + c * zw;
    if (!(Fnext > 0)) return undefined;
    const kz = zw / Fnext;
    let norm = 0;
    for (let i = 0; i < r; i++) {
      const tw = (ph[i] as number) * zw + (W[i + 1] as number);
      const gi = (g[i] as number) + c * tw;
      g[i] = gi;
      const wi = tw - gi * kz;
      W[i] = wi;
      norm += wi * wi;
    }
    M = (M * Fnext) / F;
    F = Fnext;
    logF = Math.log(F);
    if (Math.abs(M) * norm < STEADY_STATE_TOLERANCE * F) steady = true;
  }
  if (out.state) for (let i = 0; i < r; i++) out.state[i] = a[i] as number;
  return { sumSquares, sumLogVariance };
}

/**
 * Conditional-sum-of-squares residuals, as R's `ARIMA_CSS`: e_t = 0 for t < p and
 *   e_t = w_t − Σ_{j=1}^p φ_j w_{t−j} − Σ_{j=1}^{min(q, t−p)} θ_j e_{t−j}    (t ≥ p),
 * written to `out[t − p]` (length N − p). Returns Σ e_t².
 * @see G. E. P. Box, G. M. Jenkins, *Time Series Analysis: Forecasting and Control*, Holden-Day, 1970, §7.1.
 */
export function cssResiduals(w: ArrayLike<number>, phi: ArrayLike<number>, theta: ArrayLike<number>, out: Float64Array): number {
  const p = phi.length;
  const q = theta.length;
  const n = w.length;
  let ss = 0;
  for (let t = p; t < n; t++) {
    let e = w[t] as number;
    for (let j = 0; j < p; j++) e -= (phi[j] as number) * (w[t - j - 1] as number);
    const top = Math.min(q, t - p);
    for (let j = 0; j < top; j++) e -= (theta[j] as number) * (out[t - p - j - 1] as number);
    out[t - p] = e;
    ss += e * e;
  }
  return ss;
}
