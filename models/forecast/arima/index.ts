/** ARIMA with automatic order selection (forecast::auto.arima counterpart): the public surface. */
export { arimaMethod, fitArima, MIN_VALUES } from './arima.ts';
export { forecastArima, pointForecasts } from './forecast.ts';
export type { ArimaCoefficients, ArimaFitted, ArimaForecastState, ArimaOptions, Order } from './types.ts';
export { kpssStatistic, ndiffs } from './kpss.ts';
export { nsdiffs, seasonalStrength } from './seasonal-strength.ts';
export { stl } from './stl.ts';
export type { StlResult } from './stl.ts';
