/**
 * The uniform shape of every forecasting method (domain.md §6.1):
 * `fit(series, options) → fitted`, then `forecast(fitted, { horizon, levels }) → { mean, lower, upper }`.
 */

/** A regular series: values in time order, no gaps, and its seasonal period. */
export interface TimeSeries {
  values: readonly number[] | Float64Array;
  /** Observations per year: 1 yearly, 4 quarterly, 12 monthly (the seasonal period m). */
  frequency: number;
  /** Month index (year × 12 + month − 1) of the first monthly value, or the first year; for calendar effects. */
  start?: number;
}

export interface ForecastRequest {
  /** Steps ahead, ≥ 1. */
  horizon: number;
  /** Prediction interval coverage in percent, e.g. [80, 95]. */
  levels: readonly number[];
}

export interface Forecast {
  method: string;
  mean: number[];
  /** Keyed by the level as text ("80", "95"). */
  lower: Record<string, number[]>;
  upper: Record<string, number[]>;
}

export interface FittedModel {
  method: string;
  /** In-sample one-step fitted values (NaN where undefined), same length as the series. */
  fitted: Float64Array;
  /** Information criteria where the method has a likelihood. */
  aicc?: number;
  /** Plain-text description of the chosen model, e.g. "ETS(M,Ad,M)" or "ARIMA(0,1,1)(0,1,1)[12]". */
  description: string;
}

export interface ForecastMethod<F extends FittedModel = FittedModel, O = unknown> {
  name: MethodName;
  fit(series: TimeSeries, options?: O): F;
  forecast(fitted: F, request: ForecastRequest): Forecast;
}

export const METHOD_NAMES = ['naive', 'snaive', 'drift', 'ets', 'arima', 'theta', 'gm11', 'loglinear', 'combo', 'auto'] as const;
export type MethodName = (typeof METHOD_NAMES)[number];
