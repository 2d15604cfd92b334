/**
 * Every forecasting method by name (domain.md §6.1), and the one-call entry point
 * fit → forecast that the server and the CLI use.
 *
 * @throws Error `unknown forecast method "<name>"; expected one of naive, snaive, drift, ets, arima, theta, gm11, loglinear, combo, auto`
 * @example forecastSeries({ values: [1, 2, 3], frequency: 1 }, 'naive', { horizon: 2, levels: [80] }).mean // => [3, 3]
 */
import { arimaMethod } from './arima/index.ts';
import { autoMethod } from './auto.ts';
import { comboMethod } from './combo.ts';
import { driftMethod } from './drift.ts';
import { etsMethod } from './ets/index.ts';
import { gm11Method } from './gm11.ts';
import { loglinearMethod } from './loglinear.ts';
import { naiveMethod } from './naive.ts';
import { snaiveMethod } from './snaive.ts';
import { thetaMethod } from './theta.ts';
import { METHOD_NAMES, type FittedModel, type Forecast, type ForecastMethod, type ForecastRequest, type MethodName, type TimeSeries } from './types.ts';

export const METHODS: Readonly<Record<MethodName, ForecastMethod>> = {
  naive: naiveMethod,
  snaive: snaiveMethod,
  drift: driftMethod,
  ets: etsMethod,
  arima: arimaMethod,
  theta: thetaMethod,
  gm11: gm11Method,
  loglinear: loglinearMethod,
  combo: comboMethod,
  auto: autoMethod,
};

/** Whether a string names a method. */
export function isMethodName(name: string): name is MethodName {
  return (METHOD_NAMES as readonly string[]).includes(name);
}

/** The method of a name. */
export function getMethod(name: string): ForecastMethod {
  if (!isMethodName(name)) throw new Error(`unknown forecast method "${name}"; expected one of ${METHOD_NAMES.join(', ')}`);
  return METHODS[name];
}

/** Fits `method` to the series and forecasts; returns both the fitted model and the forecast. */
export function fitAndForecast(series: TimeSeries, method: MethodName | ForecastMethod, request: ForecastRequest): { fitted: FittedModel; forecast: Forecast } {
  const m = typeof method === 'string' ? getMethod(method) : method;
  const fitted = m.fit(series);
  return { fitted, forecast: m.forecast(fitted, request) };
}

/** Fits `method` to the series and returns its forecast, with `model` the fitted model's description. */
export function forecastSeries(series: TimeSeries, method: MethodName | ForecastMethod, request: ForecastRequest): Forecast & { model: string } {
  const { fitted, forecast } = fitAndForecast(series, method, request);
  return { ...forecast, model: fitted.description };
}
