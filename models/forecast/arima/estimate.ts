/**
 * Maximum-likelihood estimation of one ARIMA(p,d,q)(P,D,Q)[m] model on its differenced series
 * w_t = (1 − B)^d (1 − B^m)^D x_t, following R's `stats::arima(method = "CSS-ML")`: a conditional-
 * sum-of-squares fit on the raw coefficients (from zero, as R) gives the start, then the exact
 * Gaussian likelihood is maximised. Starting like R matters: ARMA likelihoods have local optima
 * (e.g. near-cancelling AR and MA factors), and R's start picks the same one far more often.
 *
 *   φ(B) Φ(B^m) (w_t − μ) = θ(B) Θ(B^m) ε_t,   ε_t ~ N(0, σ²)
 *
 * μ is the constant: the mean when d = D = 0, or m_c·β for a drift β x_t = β t + … when d + D = 1
 * (after differencing the drift regressor t becomes the constant m_c = 1 for d = 1, m for D = 1).
 * ML runs in the tanh–partial-autocorrelation space (admissibility.ts), so every iterate is
 * stationary and invertible (a non-invertible MA has an invertible twin with the same likelihood).
 * Information criteria as `forecast::Arima`:
 *
 *   AIC = −2 log L + 2k,  AICc = AIC + 2k(k + 1)/(N − k − 1),  BIC = AIC + k(log N − 2),
 *
 * k = number of coefficients + 1 (for σ²), N = n − d − mD; AICc is +∞ when N − k − 1 ≤ 0 (forecast
 * would return a negative penalty there, which favours over-fitted models on very short series).
 * σ² is reported as forecast does: Σ ε̂_t² / (N − k + 1).
 * @see R Core Team, `stats::arima` (src/library/stats/R/arima.R); R. J. Hyndman, Y. Khandakar,
 *   "Automatic time series forecasting: the forecast package for R", J. Statistical Software 27(3), 2008.
 */
import { allRootsOutside, arFromUnconstrained, invertMa, unconstrainedFromAr } from './admissibility.ts';
import { expandSeasonalAr, expandSeasonalMa } from './lag-polynomial.ts';
import { levenbergMarquardt } from './least-squares.ts';
import { createFilterWorkspace, cssResiduals, exactArmaFilter, stateDimension } from './likelihood.ts';

export interface ArimaSpec {
  p: number; d: number; q: number;
  P: number; D: number; Q: number;
  /** Seasonal period m (1 when non-seasonal). */
  period: number;
  constant: boolean;
}

export interface ArimaEstimate {
  spec: ArimaSpec;
  ar: number[]; ma: number[]; sar: number[]; sma: number[];
  /** Constant μ of the differenced series (0 without one). */
  mean: number;
  /** Expanded φ(B)Φ(B^m) and θ(B)Θ(B^m) coefficients. */
  phi: Float64Array; theta: Float64Array;
  loglik: number; aic: number; aicc: number; bic: number;
  /** forecast's bias-adjusted innovation variance. */
  sigma2: number;
  /** Innovations v_t and their variances F_t (units of σ²) of the differenced series. */
  innovations: Float64Array; variances: Float64Array;
  /** Predicted state a_{N+1|N} of the demeaned differenced ARMA (Harvey form). */
  state: Float64Array;
  /** All AR and MA roots have modulus ≥ 1.01 (forecast's admissibility margin). */
  admissible: boolean;
}

/** Minimum root modulus that `forecast::auto.arima` accepts for the AR and MA polynomials. */
export const ROOT_MARGIN = 1.01;

export interface EstimateOptions {
  /** Hold μ at this value instead of estimating it (forecast's `fixed = mean(dx)`). */
  fixedMean?: number;
  /**
   * The model is one candidate of an automatic search, so it may be rejected early, as forecast
   * would reject it: (1) when the CSS start has a non-stationary AR part (`stats::arima` stops with
   * "non-stationary AR part from CSS", which auto.arima scores as +∞) — returns `undefined`;
   * (2) once the ML iterates sit inside the 1.01 root margin and stall, i.e. crawl towards a unit
   * root where the fit would be rejected anyway (saves the many slow steps the tanh map needs near
   * |π| → 1) — the result is marked inadmissible. A lone fixed-order fit instead starts such an AR
   * part from 0 and runs to convergence.
   */
  candidate?: boolean;
}

/**
 * Optimiser settings. The CSS fit is only a start, so it stops once a step gains < 1e-4 (≤ 15
 * steps). The ML fit stops when a step lowers the sum of squares by < 1e-8 relative, i.e. moves
 * −2 log L by < N·1e-8 (≈ 1e-6 for N ≈ 100), far below AICc differences that matter; 50 steps cap
 * the slow linear convergence Gauss–Newton shows on flat ridges. On the first 300 M3 monthly series
 * these settings pick the same model as CSS 1e-8 / 50, ML 1e-9 / 100 for 297, with |ΔAICc| < 4e-4,
 * at about half the function evaluations.
 */
const CSS_TOLERANCE = 1e-4;
const CSS_MAX_ITERATIONS = 15;
const ML_TOLERANCE = 1e-8;
const ML_MAX_ITERATIONS = 50;

/** After this many ML iterations, a relative gain below ABANDON_GAIN while inadmissible abandons the fit. */
const ABANDON_AFTER = 3;
const ABANDON_GAIN = 1e-3;

/** Returns `undefined` if no finite likelihood could be evaluated. */
export function estimateArima(w: Float64Array, spec: ArimaSpec, options: EstimateOptions = {}): ArimaEstimate | undefined {
  const { p, q, P, Q, period } = spec;
  const n = w.length;
  if (n < 1) return undefined;
  const estimateMean = spec.constant && options.fixedMean === undefined;
  let rms = 0;
  for (let t = 0; t < n; t++) rms += (w[t] as number) ** 2;
  // Work on w / scale so parameters (and the Jacobian step) are O(1) whatever the data's units.
  const scale = Math.sqrt(rms / n) > 0 ? Math.sqrt(rms / n) : 1;
  const ws = w.map((v) => v / scale);
  const k = p + q + P + Q + (estimateMean ? 1 : 0);
  const pFull = p + period * P;
  const qFull = q + period * Q;
  const buf = { ar: new Float64Array(p), ma: new Float64Array(q), sar: new Float64Array(P), sma: new Float64Array(Q), work: new Float64Array(Math.max(p, q, P, Q, 1)) };
  const phi = new Float64Array(pFull);
  const theta = new Float64Array(qFull);
  const demeaned = new Float64Array(n);
  const fixedMu = (options.fixedMean ?? 0) / scale;
  /** Fills buf, phi, theta and demeaned from x: raw coefficients (CSS) or tanh-PACF values (ML). */
  const decode = (x: Float64Array, raw = false): void => {
    const parts: [Float64Array, number][] = [[buf.ar, 0], [buf.ma, p], [buf.sar, p + q], [buf.sma, p + q + P]];
    for (const [target, from] of parts) {
      const u = x.subarray(from, from + target.length);
      if (raw) target.set(u);
      else arFromUnconstrained(u, target, buf.work);
    }
    if (!raw) {
      // An invertible θ(B) = 1 + Σθ_j B^j is "stationary" 1 − Σ(−θ_j)B^j: flip the signs.
      for (let j = 0; j < q; j++) buf.ma[j] = -(buf.ma[j] as number);
      for (let j = 0; j < Q; j++) buf.sma[j] = -(buf.sma[j] as number);
    }
    expandSeasonalAr(buf.ar, buf.sar, period, phi);
    expandSeasonalMa(buf.ma, buf.sma, period, theta);
    const mu = estimateMean ? (x[k - 1] as number) : spec.constant ? fixedMu : 0;
    for (let t = 0; t < n; t++) demeaned[t] = (ws[t] as number) - mu;
  };
  const x0 = new Float64Array(k);
  if (estimateMean) x0[k - 1] = ws.reduce((s, v) => s + v, 0) / n;

  // Stage 1: CSS on the raw coefficients from zero, as R does (skipped when too few residuals remain
  // after conditioning on p + mP values). The result is mapped into the tanh space for the ML start,
  // MA roots inside the unit circle reflected first (R's maInvert).
  let start: Float64Array = x0;
  if (k > 0 && n - pFull > k + 1) {
    const css = levenbergMarquardt((x, out) => {
      decode(x, true);
      const ss = cssResiduals(demeaned, phi, theta, out);
      return Number.isFinite(ss);
    }, x0, n - pFull, { maxIterations: CSS_MAX_ITERATIONS, relativeTolerance: CSS_TOLERANCE });
    if (css) {
      start = Float64Array.from(x0);
      const parts: [number, number, boolean][] = [[0, p, false], [p, q, true], [p + q, P, false], [p + q + P, Q, true]];
      for (const [from, len, isMa] of parts) {
        const coefs = Array.from(css.x.subarray(from, from + len));
        // MA: reflect roots inside the unit circle (R's maInvert); θ(B) is 1 − Σ(−θ_j)B^j.
        const u = unconstrainedFromAr(isMa ? invertMa(coefs).map((v) => -v) : coefs);
        if (u && u.every(Number.isFinite)) start.set(u, from);
        else if (!isMa && options.candidate) return undefined;
      }
      if (estimateMean) start[k - 1] = css.x[k - 1] as number;
    }
  }

  // Stage 2: exact ML as least squares on (v_t / √F_t)·(Π F)^{1/(2N)}.
  const filterOut = { innovations: new Float64Array(n), variances: new Float64Array(n) };
  const workspace = createFilterWorkspace(pFull, qFull);
  const mlResiduals = (x: Float64Array, out: Float64Array): boolean => {
    decode(x);
    const sums = exactArmaFilter(demeaned, phi, theta, filterOut, workspace);
    if (!sums) return false;
    const geo = Math.exp((0.5 * sums.sumLogVariance) / n);
    for (let t = 0; t < n; t++) out[t] = ((filterOut.innovations[t] as number) / Math.sqrt(filterOut.variances[t] as number)) * geo;
    return true;
  };
  const admissibleNow = (): boolean =>
    allRootsOutside(buf.ar, ROOT_MARGIN) && allRootsOutside(buf.sar, ROOT_MARGIN, period) &&
    allRootsOutside(buf.ma.map((v) => -v), ROOT_MARGIN) && allRootsOutside(buf.sma.map((v) => -v), ROOT_MARGIN, period);
  const mlOptions = options.candidate
    ? { maxIterations: ML_MAX_ITERATIONS, relativeTolerance: ML_TOLERANCE, abandon: (x: Float64Array, iteration: number, gain: number) => {
      if (iteration < ABANDON_AFTER || gain > ABANDON_GAIN) return false;
      decode(x);
      return !admissibleNow();
    } }
    : { maxIterations: ML_MAX_ITERATIONS, relativeTolerance: ML_TOLERANCE };
  const ml = levenbergMarquardt(mlResiduals, start, n, mlOptions) ?? (start !== x0 ? levenbergMarquardt(mlResiduals, x0, n, mlOptions) : undefined);
  if (!ml) return undefined;

  decode(ml.x);
  const state = new Float64Array(stateDimension(pFull, qFull));
  const innovations = new Float64Array(n);
  const variances = new Float64Array(n);
  const sums = exactArmaFilter(demeaned, phi, theta, { innovations, variances, state });
  if (!sums) return undefined;
  for (let t = 0; t < n; t++) innovations[t] = (innovations[t] as number) * scale;
  for (let i = 0; i < state.length; i++) state[i] = (state[i] as number) * scale;
  const sigma2ML = (sums.sumSquares * scale * scale) / n;
  const loglik = -0.5 * (n * Math.log(2 * Math.PI * sigma2ML) + sums.sumLogVariance + n);
  const nPar = k + 1;
  const aic = -2 * loglik + 2 * nPar;
  const aicc = n - nPar - 1 > 0 ? aic + (2 * nPar * (nPar + 1)) / (n - nPar - 1) : Infinity;
  const bic = aic + nPar * (Math.log(n) - 2);
  const sigma2 = (sums.sumSquares * scale * scale) / Math.max(n - k, 1);
  const ar = Array.from(buf.ar), ma = Array.from(buf.ma), sar = Array.from(buf.sar), sma = Array.from(buf.sma);
  const admissible = admissibleNow() && !ml.abandoned;
  const mean = estimateMean ? (ml.x[k - 1] as number) * scale : spec.constant ? (options.fixedMean ?? 0) : 0;
  return {
    spec, ar, ma, sar, sma, mean, phi: phi.slice(), theta: theta.slice(),
    loglik, aic, aicc, bic, sigma2, innovations, variances, state, admissible,
  };
}
