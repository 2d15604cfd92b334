/**
 * Forecasts from a fitted ARIMA(p,d,q)(P,D,Q)[m] model.
 *
 * Means: the differenced series w_t = (1 − B)^d (1 − B^m)^D x_t is forecast by the ARMA recursion in
 * its state-space form, starting from the filtered state a_{N+1|N} (which carries the past
 * innovations): ŵ_{N+h} = μ + Z a_{N+h|N}, a_{N+h+1|N} = T a_{N+h|N}; the differencing is then undone
 * with x̂_{n+h} = ŵ_{n+h} + Σ_k δ_k x̂_{n+h−k} (observed x where available).
 *
 * Intervals: with ψ_j the weights of θ(B)Θ(B^m) / [φ(B)Φ(B^m)(1 − B)^d(1 − B^m)^D] and z the normal
 * quantile of ../quantiles.ts (Wichura's AS 241, as R's qnorm; simple-statistics' `probit` errs by
 * ~1e-3, which would show in every bound),
 *
 *   Var(x_{n+h} − x̂_{n+h}) = σ² Σ_{j=0}^{h−1} ψ_j²,   bounds x̂ ± z_{(1+c)/2} √Var   (c = level / 100)
 *
 * Assumes Gaussian innovations and ignores parameter uncertainty (as R's predict.Arima); unlike R's
 * exact Kalman forecast variance it also ignores the uncertainty of the start state, which is
 * negligible once n is a few multiples of the MA memory.
 * @see R. J. Hyndman, G. Athanasopoulos, *Forecasting: Principles and Practice*, 3rd ed., OTexts, 2021, §9.8.
 * @see P. J. Brockwell, R. A. Davis, *Introduction to Time Series and Forecasting*, 3rd ed., Springer, 2016, §6.4.
 */
import type { Forecast, ForecastRequest } from '../types.ts';
import { differencingPolynomial, multiplyAr, psiWeights } from './lag-polynomial.ts';
import { normalQuantile } from '../quantiles.ts';
import type { ArimaFitted } from './types.ts';

/** Validates a forecast request; throws with the exact message. */
export function checkRequest({ horizon, levels }: ForecastRequest): void {
  if (!Number.isInteger(horizon) || horizon < 1) throw new Error(`arima: horizon must be an integer ≥ 1, got ${horizon}`);
  for (const level of levels) {
    if (!(Number.isFinite(level) && level > 0 && level < 100)) throw new Error(`arima: levels must be percentages strictly between 0 and 100, got ${level}`);
  }
}

/** Point forecasts x̂_{n+1…n+h}. */
export function pointForecasts(fitted: ArimaFitted, horizon: number): number[] {
  const { values, armaState, phi, differencedMean } = fitted.state;
  const [, d] = fitted.order;
  const [, D] = fitted.seasonalOrder;
  const delta = differencingPolynomial(d, D, fitted.period);
  const n = values.length;
  const r = armaState.length;
  const a = new Float64Array(r + 1);
  a.set(armaState);
  const x = new Float64Array(n + horizon);
  x.set(values);
  const mean: number[] = [];
  for (let h = 0; h < horizon; h++) {
    let xHat = differencedMean + (a[0] as number);
    // a ← T a: a_i = φ_{i+1} a_0 + a_{i+1} (the ARMA recursion with future innovations set to 0).
    const a0 = a[0] as number;
    for (let i = 0; i < r; i++) a[i] = (i < phi.length ? (phi[i] as number) * a0 : 0) + (a[i + 1] as number);
    for (let k = 0; k < delta.length; k++) xHat += (delta[k] as number) * (x[n + h - k - 1] as number);
    x[n + h] = xHat;
    mean.push(xHat);
  }
  return mean;
}

/** Mean forecasts and normal prediction intervals at each requested level. */
export function forecastArima(fitted: ArimaFitted, request: ForecastRequest): Forecast {
  checkRequest(request);
  const { horizon, levels } = request;
  const mean = pointForecasts(fitted, horizon);
  const delta = differencingPolynomial(fitted.order[1], fitted.seasonalOrder[1], fitted.period);
  const psi = psiWeights(multiplyAr(fitted.state.phi, delta), fitted.state.theta, horizon);
  const sd: number[] = [];
  let cumulative = 0;
  for (let h = 0; h < horizon; h++) {
    cumulative += (psi[h] as number) ** 2;
    sd.push(Math.sqrt(Math.max(fitted.sigma2, 0) * cumulative));
  }
  const lower: Record<string, number[]> = {};
  const upper: Record<string, number[]> = {};
  for (const level of levels) {
    const z = normalQuantile(0.5 + level / 200);
    lower[String(level)] = mean.map((m, h) => m - z * (sd[h] as number));
    upper[String(level)] = mean.map((m, h) => m + z * (sd[h] as number));
  }
  return { method: 'arima', mean, lower, upper };
}
