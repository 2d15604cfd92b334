/**
 * ARIMA forecasting with automatic order selection, a TypeScript counterpart of R's
 * `forecast::auto.arima` + `forecast::forecast.Arima` (domain.md §6.1).
 *
 *   φ(B) Φ(B^m) (1 − B)^d (1 − B^m)^D (x_t − β·t^{[d+D=1]} − μ^{[d+D=0]}) = θ(B) Θ(B^m) ε_t,  ε_t ~ N(0, σ²)
 *
 * x_t: the series (any units), m: seasonal period (the series' frequency, rounded; 1 = none),
 * φ, Φ, θ, Θ: AR / seasonal AR / MA / seasonal MA polynomials, β: drift per period, μ: mean.
 * Orders are chosen by select.ts (KPSS for d, seasonal strength for D, stepwise AICc for p, q, P, Q
 * and the constant), parameters by exact maximum likelihood (estimate.ts), forecasts and ψ-weight
 * intervals by forecast.ts. Works from 3 values (yearly fund series of 8–30 points are the main use):
 * the order bounds shrink with n (p, q ≤ ⌊n/3⌋) and very short series fall back to (0,d,0).
 *
 * Limits: Gaussian, homoscedastic innovations; no Box–Cox transform; no calendar regressors (moving
 * holidays such as the Spring Festival must be handled upstream); intervals ignore parameter
 * uncertainty, so they are too narrow on short series.
 * @throws {Error} `arima: values must be finite numbers (index i)`
 * @throws {Error} `arima: series has N values; need at least K` (K = 3, or d + mD + #coefficients + 1 for fixed orders)
 * @throws {Error} `arima: horizon must be an integer ≥ 1, got h`
 * @see R. J. Hyndman, Y. Khandakar, "Automatic time series forecasting: the forecast package for R",
 *   J. Statistical Software 27(3), 2008, 1–22.
 * @example
 * const fit = arimaMethod.fit({ values: [10, 12, 13, 15, 16, 18, 19, 21, 22, 24], frequency: 1 });
 * fit.description // => "ARIMA(0,1,0) with drift"
 * arimaMethod.forecast(fit, { horizon: 2, levels: [80, 95] }).mean // => [25.5556, 27.1111] (drift 14/9)
 */
import type { ForecastMethod, TimeSeries } from '../types.ts';
import { forecastArima } from './forecast.ts';
import { selectArima } from './select.ts';
import type { ArimaFitted, ArimaOptions, Order } from './types.ts';

/** Shortest series the automatic search accepts. */
export const MIN_VALUES = 3;

function checkOrder(name: string, order: Order | undefined): void {
  if (order === undefined) return;
  if (order.length !== 3 || !order.every((v) => Number.isInteger(v) && v >= 0)) {
    throw new Error(`arima: ${name} must be three non-negative integers, got [${order.join(', ')}]`);
  }
}

function requiredLength(options: ArimaOptions, m: number): number {
  const [p, d, q] = options.order ?? [0, 0, 0];
  const [P, D, Q] = options.seasonalOrder ?? [0, 0, 0];
  return Math.max(MIN_VALUES, d + m * D + p + q + P + Q + (options.includeConstant ? 1 : 0) + 1);
}

/** Fits an ARIMA model to the series (orders estimated where not given). */
export function fitArima(series: TimeSeries, options: ArimaOptions = {}): ArimaFitted {
  const { frequency } = series;
  if (!(Number.isFinite(frequency) && frequency > 0)) throw new Error(`arima: frequency must be a positive number, got ${frequency}`);
  const m = Math.max(1, Math.round(frequency));
  checkOrder('order', options.order);
  checkOrder('seasonalOrder', options.seasonalOrder);
  if (m === 1 && options.seasonalOrder?.some((v) => v !== 0)) {
    throw new Error('arima: seasonalOrder needs a seasonal series (frequency > 1)');
  }
  const x = Float64Array.from(series.values);
  x.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new Error(`arima: values must be finite numbers (index ${i})`);
  });
  const need = requiredLength(options, m);
  if (x.length < need) throw new Error(`arima: series has ${x.length} values; need at least ${need}`);
  const givenDiffs = (options.order?.[1] ?? 0) + (options.seasonalOrder?.[1] ?? 0);
  if (options.includeConstant && givenDiffs > 1) throw new Error(`arima: a constant needs d + D ≤ 1, got d + D = ${givenDiffs}`);

  const { estimate, modelsFitted } = selectArima(x, m, options);
  const { spec } = estimate;
  const offset = spec.d + m * spec.D;
  const residuals = new Float64Array(x.length).fill(NaN);
  residuals.set(estimate.innovations, offset);
  const fitted = x.map((v, i) => v - (residuals[i] as number));
  const seasonal = m > 1 ? [spec.P, spec.D, spec.Q] as [number, number, number] : [0, 0, 0] as [number, number, number];
  const constant = !spec.constant ? 'none' : spec.d + spec.D === 0 ? 'mean' : 'drift';
  const coefficients: ArimaFitted['coefficients'] = { ar: estimate.ar, ma: estimate.ma, sar: estimate.sar, sma: estimate.sma };
  if (constant === 'mean') coefficients.intercept = estimate.mean;
  // After differencing, the drift regressor t becomes 1 (d = 1) or m (D = 1).
  if (constant === 'drift') coefficients.drift = estimate.mean / (spec.D === 1 ? m : 1);
  return {
    method: 'arima',
    fitted,
    ...(Number.isFinite(estimate.aicc) ? { aicc: estimate.aicc } : {}),
    description: describe(spec.p, spec.d, spec.q, seasonal, m, constant),
    order: [spec.p, spec.d, spec.q],
    seasonalOrder: seasonal,
    period: m,
    constant,
    coefficients,
    sigma2: estimate.sigma2,
    loglik: estimate.loglik,
    aic: estimate.aic,
    bic: estimate.bic,
    residuals,
    modelsFitted,
    state: { values: x, armaState: estimate.state, phi: estimate.phi, theta: estimate.theta, differencedMean: estimate.mean },
  };
}

/** R's `arima.string`, e.g. "ARIMA(0,1,1)(0,1,1)[12]", "ARIMA(1,0,0) with non-zero mean". */
function describe(p: number, d: number, q: number, [P, D, Q]: [number, number, number], m: number, constant: ArimaFitted['constant']): string {
  let s = `ARIMA(${p},${d},${q})`;
  if (m > 1 && P + D + Q > 0) s += `(${P},${D},${Q})[${m}]`;
  if (constant === 'drift') return `${s} with drift`;
  if (constant === 'mean') return `${s} with non-zero mean`;
  return d === 0 && D === 0 ? `${s} with zero mean` : s;
}

export const arimaMethod: ForecastMethod<ArimaFitted, ArimaOptions> = {
  name: 'arima',
  fit: fitArima,
  forecast: forecastArima,
};
