/**
 * The public face of models/stochastic (domain.md §6.3): Monte Carlo projection of a pooling fund
 * with correlated AR(1) shocks on its growth drivers, the shock specification, its estimation from
 * history, and the building blocks the benchmark and tests reuse.
 */
export { simulateScenario, DEFAULT_PATHS, type SimulateOptions, type StochasticResult } from './simulate.ts';
export {
  compileShocks, defaultShockSpec, MAX_PATHS, SCHEME_SHOCK_DRIVERS, SHOCK_DRIVERS,
  type CompiledShocks, type ShockDriver, type ShockSpec,
} from './shock-spec.ts';
export { estimateShocks, MIN_HISTORY_YEARS, type ShockHistory } from './estimate.ts';
export { createDeviationSampler, type DeviationSampler } from './deviations.ts';
export { choleskyLower } from './cholesky.ts';
export { PERCENTILE_LEVELS, quantileSortedColumn, type PercentileLevel, type PercentileTable } from './percentiles.ts';
