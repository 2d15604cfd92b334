/**
 * `auto`: the project's default forecast, one rule per kind of series (auto-select.ts dispatches):
 *
 * - Seasonal series (frequency > 1, e.g. monthly): the median combination of ETS, Theta and ARIMA, or
 *   one of them when it was clearly better on a one-origin holdout of the series' own history
 *   (auto-select.ts).
 * - Non-seasonal series (frequency 1: annual data): forecast pooling (auto-pool.ts). Five candidates
 *   — ETS (form by AICc), damped-trend ETS, Theta, ARIMA (stepwise AICc) and the random walk with
 *   drift — are refitted at each of the last K origins (K = ⌊n/4⌋ within 4…8) and ranked by their MAE
 *   on the last K values; the median of the best 3 is the forecast.
 * - Series too short for either (fewer than max(2m + 2, 10) values): seasonal naive, naive or drift,
 *   chosen on a short holdout (auto-select.ts).
 * Deterministic: same series, same choice.
 *
 * Why annual series get a rule of their own. Annual series are short (M3 yearly: 14–41 values, fund
 * data often fewer) and carry no season, so the forecast is decided by how the trend is extrapolated;
 * the methods differ most exactly there (a full trend: ETS(·,A,·), ARIMA with drift, drift; a half
 * trend: Theta; a fading one: damped ETS), and which suits a series is visible in its own recent
 * history. The candidates are standard annual benchmarks: the damped trend (Gardner & McKenzie
 * 1985; "a robust benchmark", Gardner 2006), Theta (the overall M3 winner), the random walk with drift
 * (FPP3 §5.2; a trend from differences, like Robust-Trend, the M3 yearly entry with the lowest MASE),
 * and automatic ETS and ARIMA (Hyndman & Khandakar 2008). Refitting five cheap models at 4–8 origins
 * costs 25–45 fits of short series (about 10–25 ms of CPU per series, 5× the previous rule); on
 * monthly data the same would break the speed budget, and there the season, which all three members
 * model, dominates the error.
 *
 * Measured (sMAPE % / MASE, M3 published horizons; "hold-out" = the 785 yearly series of
 * test/bench/holdout, R packages and Medicare data never used to design this rule; refits from scratch):
 *                                                     yearly M3 (645)   other M3 (174)   hold-out yearly (785)
 *   previous auto (one-origin holdout, auto-select.ts)  16.27 / 2.769   4.26 / 1.766   8.89 / 2.514
 *   median of ETS, Theta, ARIMA (`combo`)               16.20 / 2.733   4.33 / 1.785   8.95 / 2.517
 *   median of all five candidates                       15.92 / 2.678   4.32 / 1.778   8.57 / 2.509
 *   single best candidate, K = 4                        16.62 / 2.804   4.61 / 1.793   8.43 / 2.423
 *   median of the best 3, K = 4 for every series        15.85 / 2.648   4.28 / 1.745   8.47 / 2.418
 *   median of the best 3, K = ⌊n/4⌋ within 4…8 (this)   16.04 / 2.652   4.25 / 1.739   8.43 / 2.417
 * Picking the single best is a gamble (as good as pooling on the hold-out, the worst on both M3
 * sets); pooling the best 3 was steady across validation designs (fixed K = 3…8: yearly MASE
 * 2.648–2.694, other 1.739–1.755, hold-out 2.405–2.451). K grows with the series because more origins make the ranking less noisy (Tashman
 * 2000) and long series can spare them: with K = 4 for all, the long M3 "other" series (63–96 values)
 * lost a little sMAPE against the previous rule; a quarter of the series, capped at 8 refits, keeps
 * every set at least as good on both measures. R forecast 8.20 for comparison: M3 yearly ets
 * 17.00 / 2.860, thetaf 16.76 / 2.774; hold-out yearly auto.arima (R's best there) 8.93 / 2.495.
 *
 * @see E. S. Gardner, E. McKenzie, "Forecasting trends in time series", Management Science 31(10), 1237–1246, 1985.
 * @see E. S. Gardner, "Exponential smoothing: the state of the art — Part II", IJF 22(4), 637–666, 2006.
 * @see R. J. Hyndman, Y. Khandakar, "Automatic time series forecasting: the forecast package for R", J. Statistical Software 27(3), 2008.
 * @see S. Makridakis, M. Hibon, "The M3-Competition: results, conclusions and implications", IJF 16(4), 451–476, 2000.
 * @see L. J. Tashman, "Out-of-sample tests of forecasting accuracy: an analysis and review", IJF 16(4), 437–450, 2000.
 * @see N. Kourentzes, D. Barrow, F. Petropoulos, "Another look at forecast selection and combination: evidence from forecast pooling", IJPE 209, 226–235, 2019.
 * @example autoMethod.fit({ values: [1, 2, 3, 5], frequency: 1 }).chosen // => 'drift' (a short series: fallbacks only)
 */
import type { PoolMember } from './auto-pool.ts';
import { createAuto } from './auto-select.ts';
import { COMBO_MEMBERS } from './combo.ts';
import { driftMethod } from './drift.ts';
import { arimaMethod } from './arima/index.ts';
import { etsMethod, type EtsOptions } from './ets/index.ts';
import { naiveMethod } from './naive.ts';
import { snaiveMethod } from './snaive.ts';
import { thetaMethod } from './theta.ts';

/** ETS with an additive damped trend and no season, error type by AICc: ETS(A,Ad,N) or ETS(M,Ad,N). */
const DAMPED_ANNUAL: EtsOptions = { model: 'ZAN', damped: true };

/** The pooling candidates for annual series, in tie-break order. */
export const ANNUAL_POOL_MEMBERS: readonly PoolMember[] = [
  { label: 'ets', method: etsMethod },
  { label: 'ets-damped', method: etsMethod, options: DAMPED_ANNUAL },
  { label: 'theta', method: thetaMethod },
  { label: 'arima', method: arimaMethod },
  { label: 'drift', method: driftMethod },
];

export const autoMethod = createAuto({
  members: COMBO_MEMBERS,
  combiner: 'median',
  fallbacks: [snaiveMethod, naiveMethod, driftMethod],
  nonSeasonal: { members: ANNUAL_POOL_MEMBERS, poolSize: 3, minOrigins: 4, maxOrigins: 8 },
});
