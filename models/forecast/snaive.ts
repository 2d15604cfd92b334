/**
 * Seasonal naive forecast: each future value equals the last observed value of the same season.
 *
 * $$ \hat y_{T+h|T} = y_{T+h-m(k+1)}, \qquad \hat\sigma_h = \hat\sigma\sqrt{k+1},\quad k = \lfloor (h-1)/m \rfloor $$
 * plain: forecast = value one season back (m = frequency); sd_h = σ × √(k + 1), k the number of complete
 * years before step h; σ² = mean of the squared seasonal changes y_t − y_{t−m}. With m = 1 it is the naive method.
 *
 * @throws Error `snaive: series too short: needs at least <m + 1> values, got <n>` (and the shared messages of checks.ts)
 * @see R. J. Hyndman, G. Athanasopoulos, Forecasting: Principles and Practice, 3rd ed., §5.2, §5.5, OTexts 2021; R forecast::snaive.
 * @example snaiveMethod.forecast(snaiveMethod.fit({ values: [1, 5, 2, 6], frequency: 2 }), { horizon: 3, levels: [] }).mean // => [2, 6, 2]
 */
import { checkSeries } from './checks.ts';
import { fitLagWalk, forecastLagWalk, type LagWalkFitted } from './lag-walk.ts';
import type { ForecastMethod } from './types.ts';

export const snaiveMethod: ForecastMethod<LagWalkFitted> = {
  name: 'snaive',
  fit(series) {
    const lag = Math.max(1, series.frequency);
    return fitLagWalk('snaive', checkSeries('snaive', series, { minLength: lag + 1 }), lag, false);
  },
  forecast: forecastLagWalk,
};
