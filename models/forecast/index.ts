/**
 * The public face of models/forecast (domain.md §6.1): the method interface and registry, every
 * method, accuracy measures, rolling-origin backtests and calendar adjustments.
 */
export * from './types.ts';
export { METHODS, fitAndForecast, forecastSeries, getMethod, isMethodName } from './registry.ts';
export { naiveMethod } from './naive.ts';
export { snaiveMethod } from './snaive.ts';
export { driftMethod } from './drift.ts';
export type { LagWalkFitted } from './lag-walk.ts';
export { thetaMethod, type ThetaFitted } from './theta.ts';
export { gm11Method, type Gm11Fitted, type Gm11Grade } from './gm11.ts';
export { loglinearMethod, type LoglinearFitted, type LoglinearOptions } from './loglinear.ts';
export { etsMethod, type EtsFitted, type EtsOptions } from './ets/index.ts';
export { arimaMethod, type ArimaFitted, type ArimaOptions } from './arima/index.ts';
export { comboMethod, COMBO_MEMBERS } from './combo.ts';
export { autoMethod, ANNUAL_POOL_MEMBERS } from './auto.ts';
export { createAuto, type AutoConfig, type AutoFitted, type AutoMember } from './auto-select.ts';
export { fitPool, type PoolConfig, type PoolFit, type PoolMember } from './auto-pool.ts';
export { combineForecasts, createCombo, type ComboFitted, type Combiner } from './combine.ts';
export { coverage, mae, mape, mase, maseScale, rmse, smape } from './metrics.ts';
export {
  backtest, combineBacktests,
  type BacktestMetrics, type BacktestOptions, type BacktestResult, type BacktestRow, type BacktestSummary, type LabelledMethod,
} from './backtest.ts';
export {
  chineseNewYear, springFestivalJanuaryShare, referenceJanuaryShare, DEFAULT_SPRING_FESTIVAL_WINDOW,
  SPRING_FESTIVAL_FIRST_YEAR, SPRING_FESTIVAL_LAST_YEAR, type HolidayWindow,
} from './spring-festival-calendar.ts';
export {
  estimateSpringFestivalEffect, springFestivalFactor, withSpringFestival,
  type SpringFestivalEffect, type SpringFestivalFitted,
} from './spring-festival.ts';
export { annualShareMethod, type AnnualShareFitted, type AnnualShareOptions } from './annual-share.ts';
export { levelKey } from './intervals.ts';
export { normalQuantile, studentTQuantile } from './quantiles.ts';
