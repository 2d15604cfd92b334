/**
 * Exponential smoothing state-space models (ETS) with automatic form selection — the `ets`
 * forecasting method (domain.md §6.1), a port of R's `forecast::ets` / `forecast.ets`.
 *
 * Model (HKOS 2008 Table 2.3), e.g. ETS(M,Ad,M):
 *   $y_t = (\ell_{t-1} + \phi b_{t-1}) s_{t-m} (1 + \varepsilon_t)$,
 *   $\ell_t = (\ell_{t-1} + \phi b_{t-1})(1 + \alpha\varepsilon_t)$,
 *   $b_t = \phi b_{t-1} + \beta(\ell_{t-1} + \phi b_{t-1})\varepsilon_t$,
 *   $s_t = s_{t-m}(1 + \gamma\varepsilon_t)$,  ε_t ~ N(0, σ²) i.i.d.
 * Plain text: y = (level + φ·slope)·season·(1 + ε); each state moves by its smoothing weight times ε.
 * Symbols: y in the series' unit; ℓ level (unit of y); b slope (unit per period); s seasonal term
 * (unit of y if additive, a ratio if multiplicative); α, β, γ ∈ (0, 1), φ ∈ [0.8, 0.98] unitless;
 * m the frequency (periods per year).
 *
 * Fitting: maximum likelihood over α, β, γ, φ and the initial states for every allowed form
 * (./selection.ts), Nash's Nelder–Mead as R (./optimiser.ts), smallest AICc wins. Forecasts: point
 * forecasts of the chosen form; intervals analytic for linear forms, simulated (seeded) otherwise
 * (./intervals.ts).
 *
 * Limits: no multiplicative trend, no Box–Cox, no missing values; seasonality only for m ≤ 24;
 * a constant series gets ETS(A,N,N) with α = 0.99999 and zero-width intervals (as R); a series too
 * short for the requested form (n ≤ parameters + 4, R's rule) gets simple exponential smoothing
 * with ℓ0 = y_1 (R would use HoltWinters there) and no AICc.
 *
 * @throws Error `ets: series has <n> values; need at least 3`
 * @throws Error `ets: values must be finite numbers (index <i>)`
 * @throws Error `ets: frequency must be a positive integer, got <m>`
 * @throws Error `ets: multiplicative error/season needs strictly positive values` (and the model-code errors of ./selection.ts)
 * @throws Error `ets: horizon must be an integer ≥ 1, got <h>`
 * @throws Error `ets: levels must be between 0 and 100 (exclusive), got <level>`
 * @see R. J. Hyndman, A. B. Koehler, J. K. Ord, R. D. Snyder, Forecasting with Exponential Smoothing:
 *   The State Space Approach, Springer, 2008.
 * @see R. J. Hyndman, Y. Khandakar, "Automatic time series forecasting: the forecast package for R",
 *   Journal of Statistical Software 27(3), 2008.
 * @example
 * const fit = etsMethod.fit({ values: [10, 12, 11, 13, 12, 14, 13, 15, 14, 16, 15, 17], frequency: 1 });
 * etsMethod.forecast(fit, { horizon: 2, levels: [80, 95] }).mean.length // => 2
 */
import type { ForecastMethod, ForecastRequest, TimeSeries } from '../types.ts';
import { fitForm, type FormFit } from './estimate.ts';
import { etsForecast } from './intervals.ts';
import { candidateForms, selectByAicc } from './selection.ts';
import type { EtsFitted, EtsForm, EtsOptions } from './types.ts';
import { DEFAULT_SEED, DEFAULT_SIMULATION_PATHS, formLabel } from './types.ts';

export type { EtsFitted, EtsForm, EtsOptions, EtsModelCode, EtsParameters, EtsState } from './types.ts';
export { formLabel } from './types.ts';

const MIN_VALUES = 3;
/** R's α for a constant series (ses(y, alpha = 0.99999)). */
const CONSTANT_ALPHA = 0.99999;
const SIMPLE: EtsForm = { error: 'A', trend: 'N', damped: false, season: 'N' };

export const etsMethod: ForecastMethod<EtsFitted, EtsOptions> = {
  name: 'ets',
  fit: fitEts,
  forecast(fitted: EtsFitted, request: ForecastRequest) {
    const { horizon, levels } = request;
    if (!Number.isInteger(horizon) || horizon < 1) throw new Error(`ets: horizon must be an integer ≥ 1, got ${horizon}`);
    for (const level of levels) {
      if (!(level > 0 && level < 100)) throw new Error(`ets: levels must be between 0 and 100 (exclusive), got ${level}`);
    }
    return etsForecast(fitted, horizon, levels);
  },
};

export function fitEts(series: TimeSeries, options: EtsOptions = {}): EtsFitted {
  const y = Float64Array.from(series.values);
  const n = y.length;
  if (n < MIN_VALUES) throw new Error(`ets: series has ${n} values; need at least ${MIN_VALUES}`);
  let positive = true;
  let constant = true;
  for (let i = 0; i < n; i++) {
    const v = y[i] as number;
    if (!Number.isFinite(v)) throw new Error(`ets: values must be finite numbers (index ${i})`);
    if (v <= 0) positive = false;
    if (v !== y[0]) constant = false;
  }
  const frequency = series.frequency;
  if (!Number.isInteger(frequency) || frequency < 1) throw new Error(`ets: frequency must be a positive integer, got ${frequency}`);
  const seed = options.seed ?? DEFAULT_SEED;
  const simulationPaths = options.simulationPaths ?? DEFAULT_SIMULATION_PATHS;
  if (!Number.isFinite(seed)) throw new Error(`ets: seed must be a finite number, got ${seed}`);
  if (!Number.isInteger(simulationPaths) || simulationPaths < 10) throw new Error(`ets: simulationPaths must be an integer ≥ 10, got ${simulationPaths}`);

  const candidates = candidateForms(options, frequency, n, positive);
  // Fallbacks without information criteria: R returns HoltWinters-type fits in both cases.
  let fit: FormFit | undefined;
  let noCriteria = true;
  if (constant && options.model === undefined) {
    fit = fitForm(y, SIMPLE, frequency, { alpha: CONSTANT_ALPHA, level: y[0] as number });
  } else {
    if (!candidates.tooShort) fit = selectByAicc(y, candidates.forms, frequency);
    noCriteria = !fit;
    fit ??= fitForm(y, SIMPLE, frequency, { level: y[0] as number });
  }
  if (!fit) throw new Error(`ets: no ETS form can be fitted to ${n} values`);
  return {
    method: 'ets',
    description: formLabel(fit.form),
    fitted: fit.fitted,
    ...(noCriteria ? {} : { logLik: -0.5 * fit.lik, aic: fit.aic, aicc: fit.aicc, bic: fit.bic }),
    form: fit.form,
    period: fit.period,
    parameters: fit.parameters,
    initialState: fit.initialState,
    finalState: fit.finalState,
    sigma2: fit.sigma2,
    parameterCount: fit.parameterCount,
    residuals: fit.residuals,
    observationCount: n,
    seed,
    simulationPaths,
  };
}
