/** Options and fitted-model shape of the ARIMA forecasting method (see arima.ts). */
import type { FittedModel } from '../types.ts';

export type Order = readonly [number, number, number];

/**
 * Any part left `undefined` is estimated: orders by the stepwise AICc search, d by KPSS, D by
 * seasonal strength, the constant by AICc (only possible when d + D ≤ 1).
 */
export interface ArimaOptions {
  /** Non-seasonal [p, d, q]. */
  order?: Order;
  /** Seasonal [P, D, Q] at the series' frequency; ignored (must be zeros) when frequency is 1. */
  seasonalOrder?: Order;
  /** Include the mean (d + D = 0) or the drift (d + D = 1); true with d + D ≥ 2 is an error. */
  includeConstant?: boolean;
}

export interface ArimaCoefficients {
  /** φ_1…φ_p in φ(B) = 1 − Σ φ_j B^j. */
  ar: number[];
  /** θ_1…θ_q in θ(B) = 1 + Σ θ_j B^j (R's sign convention). */
  ma: number[];
  /** Φ_1…Φ_P (seasonal AR). */
  sar: number[];
  /** Θ_1…Θ_Q (seasonal MA). */
  sma: number[];
  /** Mean of the series (d + D = 0 with a constant), in the series' units. */
  intercept?: number;
  /** Slope β of the deterministic trend β·t per period (d + D = 1 with a constant), in units per period. */
  drift?: number;
}

/** What forecasting needs from the fit (internal; kept on the fitted model so it is self-contained). */
export interface ArimaForecastState {
  /** The observed series. */
  values: Float64Array;
  /** Predicted state a_{N+1|N} of the demeaned differenced ARMA (Harvey form). */
  armaState: Float64Array;
  /** Expanded AR coefficients of φ(B)Φ(B^m) (without differencing). */
  phi: Float64Array;
  /** Expanded MA coefficients of θ(B)Θ(B^m). */
  theta: Float64Array;
  /** Constant μ of the differenced series (0 without a constant). */
  differencedMean: number;
}

export interface ArimaFitted extends FittedModel {
  method: 'arima';
  order: [number, number, number];
  seasonalOrder: [number, number, number];
  /** Seasonal period m used (1 for non-seasonal models). */
  period: number;
  constant: 'none' | 'mean' | 'drift';
  coefficients: ArimaCoefficients;
  /** Innovation variance σ², bias-adjusted as forecast::Arima (Σ ε̂² / (N − k + 1)). */
  sigma2: number;
  loglik: number;
  aic: number;
  bic: number;
  /** One-step innovations x_t − x̂_t (NaN for the first d + mD values). */
  residuals: Float64Array;
  /** Candidate models fitted by the order search (1 when every order was fixed). */
  modelsFitted: number;
  state: ArimaForecastState;
}
