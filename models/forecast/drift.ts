/**
 * Drift (random walk with drift): the line from the first to the last observation, extended.
 *
 * $$ \hat y_{T+h|T} = y_T + h\,\frac{y_T - y_1}{T-1}, \qquad \hat\sigma_h = \hat\sigma\sqrt{h\,(1 + h/(T-1))} $$
 * plain: forecast = last value + h × average change; sd_h = σ × √(h × (1 + h/(T − 1))), σ² = Σ(Δy_t − b)²/(T − 2).
 * The second term is the uncertainty of the estimated drift b (lag-walk.ts explains T − 1 versus T).
 *
 * @throws Error `drift: series too short: needs at least 3 values, got <n>` (and the shared messages of checks.ts)
 * @see R. J. Hyndman, G. Athanasopoulos, Forecasting: Principles and Practice, 3rd ed., §5.2, §5.5, OTexts 2021; R forecast::rwf(drift = TRUE).
 * @example driftMethod.forecast(driftMethod.fit({ values: [1, 2, 4], frequency: 1 }), { horizon: 2, levels: [] }).mean // => [5.5, 7]
 */
import { checkSeries } from './checks.ts';
import { fitLagWalk, forecastLagWalk, type LagWalkFitted } from './lag-walk.ts';
import type { ForecastMethod } from './types.ts';

export const driftMethod: ForecastMethod<LagWalkFitted> = {
  name: 'drift',
  fit(series) {
    return fitLagWalk('drift', checkSeries('drift', series, { minLength: 3 }), 1, true);
  },
  forecast: forecastLagWalk,
};
