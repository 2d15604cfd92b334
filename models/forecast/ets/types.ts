/**
 * Shapes shared by the ETS files: the model form (error × trend × season), the smoothing
 * parameters, the states, and what `fit` returns. Notation follows Hyndman, Koehler, Ord & Snyder
 * (2008), chapter 2: level ℓ, slope b, seasonal s, smoothing α, β, γ and damping φ.
 */
import type { FittedModel } from '../types.ts';

export type ErrorType = 'A' | 'M';
/** Additive trend, optionally damped; multiplicative trends are not offered (R excludes them by default). */
export type TrendType = 'N' | 'A';
export type SeasonType = 'N' | 'A' | 'M';

/** One ETS form, e.g. ETS(M,Ad,M) is `{ error: 'M', trend: 'A', damped: true, season: 'M' }`. */
export interface EtsForm {
  error: ErrorType;
  trend: TrendType;
  damped: boolean;
  season: SeasonType;
}

/** A model code as in R's `ets(model = ...)`: error A/M/Z, trend N/A/Z, season N/A/M/Z (Z: select). */
export type EtsModelCode = `${ErrorType | 'Z'}${TrendType | 'Z'}${SeasonType | 'Z'}`;

export interface EtsOptions {
  /** Which forms to consider; 'ZZZ' (the default) selects among all allowed forms by AICc. */
  model?: EtsModelCode;
  /** true: damped trend only; false: undamped only; undefined: try both. */
  damped?: boolean;
  /** Seed of the simulated prediction intervals (models with a multiplicative season). */
  seed?: number;
  /** Sample paths for simulated intervals (default 2000). */
  simulationPaths?: number;
}

/**
 * Smoothing parameters of HKOS (2008) Table 2.3 (the updates are spelled out in ./recursions.ts):
 * α level, β slope (β ≤ α), γ season (γ ≤ 1 − α), φ damping. β = 0 without trend, γ = 0 without
 * season, φ = 1 without damping.
 */
export interface EtsParameters {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

/**
 * States at one time point. `season[j]` is the seasonal term of the (j+1)-th period after that
 * point (so `season[0]` applies next); length m for a seasonal form, empty otherwise.
 */
export interface EtsState {
  level: number;
  slope: number;
  season: Float64Array;
}

export interface EtsFitted extends FittedModel {
  method: 'ets';
  form: EtsForm;
  /** Seasonal period used by the form (1 for non-seasonal forms). */
  period: number;
  parameters: EtsParameters;
  /** States before the first observation (ℓ0, b0, s) and after the last one (forecast origin). */
  initialState: EtsState;
  finalState: EtsState;
  /** Residual variance Σe²/(n − k): e is y − ŷ (additive error) or (y − ŷ)/ŷ (multiplicative). */
  sigma2: number;
  /** Log-likelihood and criteria as R's (AIC = −2·logLik + 2k, …); absent, like `aicc`, for the fallbacks. */
  logLik?: number;
  aic?: number;
  bic?: number;
  /** Number of estimated parameters including σ (R's `df` of `logLik.ets`). */
  parameterCount: number;
  residuals: Float64Array;
  observationCount: number;
  seed: number;
  simulationPaths: number;
}

export const DEFAULT_SEED = 20240601;
export const DEFAULT_SIMULATION_PATHS = 2000;

/** Usual bounds of R's `ets` (lower/upper for α, β, γ and φ). */
export const SMOOTHING_LOWER = 1e-4;
export const SMOOTHING_UPPER = 0.9999;
export const PHI_LOWER = 0.8;
export const PHI_UPPER = 0.98;
/** Seasonal forms are not offered above this period (R's limit: the seasonal state grows with m). */
export const MAX_SEASONAL_PERIOD = 24;

/** "ETS(M,Ad,M)" */
export function formLabel(form: EtsForm): string {
  return `ETS(${form.error},${form.trend}${form.damped ? 'd' : ''},${form.season})`;
}
