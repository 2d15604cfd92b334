/**
 * Naive (random walk) forecast: every future value equals the last observation.
 *
 * $$ \hat y_{T+h|T} = y_T, \qquad \hat\sigma_h = \hat\sigma\sqrt{h} $$
 * plain: forecast = last value; sd_h = σ × √h, σ² = mean of the squared one-step changes y_t − y_{t−1}.
 * Assumes the changes are uncorrelated with mean 0 and a constant variance; limits: no trend, no season.
 *
 * @throws Error `naive: series too short: needs at least 2 values, got <n>` (and the shared messages of checks.ts)
 * @see R. J. Hyndman, G. Athanasopoulos, Forecasting: Principles and Practice, 3rd ed., §5.2, §5.5, OTexts 2021; R forecast::naive.
 * @example naiveMethod.forecast(naiveMethod.fit({ values: [1, 3, 2], frequency: 1 }), { horizon: 2, levels: [] }).mean // => [2, 2]
 */
import { checkSeries } from './checks.ts';
import { fitLagWalk, forecastLagWalk, type LagWalkFitted } from './lag-walk.ts';
import type { ForecastMethod } from './types.ts';

export const naiveMethod: ForecastMethod<LagWalkFitted> = {
  name: 'naive',
  fit(series) {
    return fitLagWalk('naive', checkSeries('naive', series, { minLength: 2 }), 1, false);
  },
  forecast: forecastLagWalk,
};
