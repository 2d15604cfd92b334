/**
 * Log-linear trend regression (constant growth rate), with seasonal dummies for seasonal data:
 * the regression `tslm(y ~ trend + season, lambda = 0)` of R's forecast package.
 *
 * $$ \ln y_t = a + b\,t + \sum_{j=2}^{m} \gamma_j D_{j,t} + \varepsilon_t,\quad \varepsilon_t \sim N(0, \sigma^2) $$
 * plain: ln y = a + b × t (+ a dummy per season but the first), t = 1..n; e^b − 1 is the growth rate per period.
 * Forecast (median on the original scale) exp(x₀ᵀβ̂); bounds exp(x₀ᵀβ̂ ∓ t_{n−p} · s · √(1 + x₀ᵀ(XᵀX)⁻¹x₀)),
 * the regression prediction interval back-transformed (exact quantiles of the log-normal forecast).
 * With `biasAdjust` the point forecast is the log-normal mean exp(x₀ᵀβ̂ + s_h²/2) instead of the median.
 * Seasonal dummies (by position from the first observation) are used when frequency > 1 and the
 * series has two full periods; otherwise the trend alone. Assumes independent errors: residual
 * autocorrelation makes the intervals too narrow.
 *
 * @throws Error `loglinear: series too short: needs at least 3 values, got <n>`
 * @throws Error `loglinear: series must be positive (logarithms are taken), got <v> at index <i>`
 * @see R. J. Hyndman, G. Athanasopoulos, Forecasting: Principles and Practice, 3rd ed., §7.4 and §5.6, OTexts 2021.
 * @example loglinearMethod.forecast(loglinearMethod.fit({ values: [1, 2, 4, 8], frequency: 1 }), { horizon: 1, levels: [] }).mean // => [16] (to 1e-12)
 */
import { checkRequest, checkSeries } from './checks.ts';
import { gaussianForecast, mapForecast } from './intervals.ts';
import { leverage, olsFit, type OlsFit } from './least-squares.ts';
import { studentTQuantile } from './quantiles.ts';
import type { FittedModel, ForecastMethod } from './types.ts';

export interface LoglinearOptions {
  /** Point forecast = log-normal mean instead of the median (default false, as forecast::tslm). */
  biasAdjust?: boolean;
}

export interface LoglinearFitted extends FittedModel {
  /** Growth per period on the log scale, b. */
  slope: number;
  n: number;
  /** Number of seasons with a dummy column (1 = none). */
  seasons: number;
  ols: OlsFit;
  biasAdjust: boolean;
}

function designRow(t: number, seasons: number): number[] {
  const row = [1, t];
  for (let j = 1; j < seasons; j++) row.push((t - 1) % seasons === j ? 1 : 0);
  return row;
}

export const loglinearMethod: ForecastMethod<LoglinearFitted, LoglinearOptions> = {
  name: 'loglinear',
  fit(series, options = {}) {
    const y = checkSeries('loglinear', series, { minLength: 3, positive: 'logarithms are taken' });
    const n = y.length;
    const m = series.frequency;
    const seasons = m > 1 && n >= 2 * m && n - (m + 1) >= 1 ? m : 1;
    const X = Array.from({ length: n }, (_, i) => designRow(i + 1, seasons));
    const ols = olsFit(X, y.map(Math.log));
    const fitted = Float64Array.from(X, (row) => Math.exp(row.reduce((s, x, j) => s + x * (ols.coef[j] as number), 0)));
    const slope = ols.coef[1] as number;
    return {
      method: 'loglinear', fitted, slope, n, seasons, ols, biasAdjust: options.biasAdjust ?? false,
      description: `log-linear trend (growth ${((Math.exp(slope) - 1) * 100).toFixed(2)}% per period${seasons > 1 ? `, ${seasons} seasonal dummies` : ''})`,
    };
  },
  forecast(fitted, request) {
    checkRequest('loglinear', request);
    const { ols, n, seasons } = fitted;
    const s2 = ols.rss / ols.df;
    const logMean: number[] = [];
    const sd: number[] = [];
    for (let h = 1; h <= request.horizon; h++) {
      const x = designRow(n + h, seasons);
      logMean.push(x.reduce((s, v, j) => s + v * (ols.coef[j] as number), 0));
      sd.push(Math.sqrt(s2 * (1 + leverage(ols, x))));
    }
    const critical = (level: number) => studentTQuantile(0.5 + level / 200, ols.df);
    const fc = mapForecast(gaussianForecast('loglinear', logMean, sd, request.levels, critical), Math.exp);
    if (fitted.biasAdjust) fc.mean = logMean.map((mu, h) => Math.exp(mu + (sd[h] as number) ** 2 / 2));
    return fc;
  },
};
