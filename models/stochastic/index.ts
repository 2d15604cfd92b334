/**
 * The public face of models/stochastic (domain.md §6.3): Monte Carlo projection of a pooling fund
 * with correlated AR(1) shocks on its growth drivers, the shock specification and its estimation
 * from history.
 */
export { simulateScenario, DEFAULT_PATHS, type SimulateOptions, type StochasticResult } from './simulate.ts';
export {
  compileShocks, defaultShockSpec, MAX_PATHS, SCHEME_SHOCK_DRIVERS, SHOCK_DRIVERS,
  type ShockDriver, type ShockSpec,
} from './shock-spec.ts';
export { estimateShocks, MIN_HISTORY_YEARS, type ShockHistory } from './estimate.ts';
export { PERCENTILE_LEVELS, type PercentileLevel, type PercentileTable } from './percentiles.ts';
