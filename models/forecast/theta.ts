/**
 * The Theta method of Assimakopoulos & Nikolopoulos (2000) in the form of Hyndman & Billah (2003):
 * simple exponential smoothing with drift equal to half the slope of the linear trend, after a
 * classical multiplicative seasonal adjustment when the series tests seasonal (R `forecast::thetaf`).
 *
 * $$ \hat x_{n+h} = \ell_n + \tfrac{b_0}{2}\Big((h-1) + \frac{1-(1-\alpha)^n}{\alpha}\Big),\qquad
 *    \hat y_{n+h} = \hat x_{n+h}\, S_{n+h} $$
 * plain: forecast = SES level + (b0/2) × ((h − 1) + (1 − (1 − α)^n)/α), times the seasonal index, where
 * - x_t: the seasonally adjusted series y_t / S_t (S ≡ 1 when not seasonal; seasonal-decompose.ts has the test);
 * - ℓ_n, α: SES final level and smoothing parameter fitted by maximum likelihood (ses.ts);
 * - b0: least-squares slope of x_t on t = 0 … n−1, per period.
 * Intervals: the ETS(A,N,N) variance σ_h² = σ²(1 + (h−1)α²) as thetaf, σ² = SSE/(n − 2). Unlike
 * thetaf, which adds these seasonally-adjusted-scale bounds to the reseasonalised mean, we
 * reseasonalise the bounds too (x̂ ± c σ_h) × S: under multiplicative seasonality the spread scales
 * with the season, so a 0.6 month gets 0.6 of the width. Means, α, b0 and σ² are thetaf's; bounds
 * match thetaf exactly for non-seasonal series. The drift term ignores the slope's own uncertainty.
 * Series with a value ≤ 0 are not seasonally adjusted (a multiplicative index is meaningless
 * there), nor when a seasonal index is below 1e−4 (as thetaf).
 *
 * @throws Error `theta: series too short: needs at least 3 values, got <n>` (and the shared messages of checks.ts)
 * @see V. Assimakopoulos, K. Nikolopoulos, "The theta model: a decomposition approach to forecasting", IJF 16(4), 521–530, 2000.
 * @see R. J. Hyndman, B. Billah, "Unmasking the Theta method", IJF 19(2), 287–290, 2003.
 * @example thetaMethod.forecast(thetaMethod.fit({ values: [4, 4, 4, 4], frequency: 1 }), { horizon: 2, levels: [] }).mean // => [4, 4]
 */
import { checkRequest, checkSeries } from './checks.ts';
import { gaussianForecast, mapForecast } from './intervals.ts';
import { classicalDecomposition, isSeasonalByAcf, seasonalIndex, type Decomposition } from './seasonal-decompose.ts';
import { fitSes } from './ses.ts';
import type { FittedModel, ForecastMethod } from './types.ts';

export interface ThetaFitted extends FittedModel {
  alpha: number;
  /** Half the trend slope, b0/2, per period (thetaf's `drift`). */
  drift: number;
  /** Final SES level on the seasonally adjusted scale. */
  levelN: number;
  /** ETS(A,N,N) one-step error variance on the seasonally adjusted scale. */
  sigma2: number;
  n: number;
  /** The multiplicative decomposition used, when the series was seasonally adjusted. */
  decomposition?: Decomposition;
}

const MIN_SEASONAL_INDEX = 1e-4;

function slope(x: ArrayLike<number>): number {
  const n = x.length;
  const tBar = (n - 1) / 2;
  let xBar = 0;
  for (let t = 0; t < n; t++) xBar += (x[t] as number) / n;
  let sxy = 0;
  let stt = 0;
  for (let t = 0; t < n; t++) {
    sxy += (t - tBar) * ((x[t] as number) - xBar);
    stt += (t - tBar) ** 2;
  }
  return sxy / stt;
}

export const thetaMethod: ForecastMethod<ThetaFitted> = {
  name: 'theta',
  fit(series) {
    const y = checkSeries('theta', series, { minLength: 3 });
    const n = y.length;
    const m = series.frequency;
    let decomposition: Decomposition | undefined;
    if (isSeasonalByAcf(y, m) && y.every((v) => v > 0)) {
      const d = classicalDecomposition(y, m, 'multiplicative');
      if (d.figure.every((s) => Math.abs(s) >= MIN_SEASONAL_INDEX)) decomposition = d;
    }
    const x = decomposition ? y.map((v, t) => v / seasonalIndex(decomposition, t)) : y;
    const ses = fitSes(x);
    const alpha = Math.max(1e-10, ses.alpha);
    const drift = slope(x) / 2;
    const fitted = decomposition ? ses.fitted.map((v, t) => v * seasonalIndex(decomposition, t)) : ses.fitted;
    return {
      method: 'theta', fitted, alpha, drift, levelN: ses.levelN, sigma2: ses.sigma2, n, decomposition,
      description: `Theta (SES α = ${alpha.toPrecision(4)}, drift ${drift.toPrecision(4)}${decomposition ? `, multiplicative seasonal adjustment, m = ${m}` : ''})`,
    };
  },
  forecast(fitted, request) {
    checkRequest('theta', request);
    const { alpha, drift, levelN, sigma2, n, decomposition } = fitted;
    const start = (1 - (1 - alpha) ** n) / alpha;
    const mean: number[] = [];
    const sd: number[] = [];
    for (let h = 1; h <= request.horizon; h++) {
      mean.push(levelN + drift * (h - 1 + start));
      sd.push(Math.sqrt(sigma2 * (1 + (h - 1) * alpha * alpha)));
    }
    const adjusted = gaussianForecast('theta', mean, sd, request.levels);
    return decomposition ? mapForecast(adjusted, (v, h) => v * seasonalIndex(decomposition, n + h)) : adjusted;
  },
};
