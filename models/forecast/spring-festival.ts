/**
 * Spring Festival (moving-holiday) adjustment for monthly fund data: the holiday moves between
 * January and February, shifting spending (and some collection) between the two months, which a
 * fixed seasonal pattern cannot follow. Estimate the shift on the history, remove it before any
 * forecasting method is fitted, and put it back into the forecasts.
 *
 * $$ q_Y = \frac{y_{Y,1}}{y_{Y,1} + y_{Y,2}} = c + \beta\,x_Y + u_Y $$
 * plain: January's share of the January + February total, q_Y, regressed on the January share x_Y
 * of the holiday window (spring-festival-calendar.ts) over the complete years of the history.
 * With p_Y = c + βx_Y the expected split of year Y and p̄ = c + βx̄ the split of a typical year
 * (x̄ = mean of x over 2000–2035), January values are divided by p_Y/p̄ and February values by
 * (1 − p_Y)/(1 − p̄), which in expectation moves the holiday effect out while keeping the two
 * months' total; forecasts (means and bounds) are multiplied back by the factors of their year.
 * Other months are untouched. β < 0 means the holiday depresses the month it falls in.
 *
 * Limits: needs 3 years with positive January and February values and at least two distinct x_Y,
 * else β = 0 (no adjustment) and the description says so; the split model is linear in x_Y and
 * p is clamped to [0.01, 0.99]; the holiday effect is taken as a fixed share, not a fixed amount.
 * The factors are treated as known, so intervals omit the uncertainty of β.
 *
 * @throws Error `<method>+spring-festival: needs monthly data (frequency 12), got <f>`
 * @throws Error `<method>+spring-festival: needs series.start (the month index year × 12 + month − 1 of the first value)`
 * @throws Error `spring festival: no Chinese New Year date for <year> (table covers 2000–2035)` for a January or February outside the table
 * @see X-13ARIMA-SEATS Reference Manual, U.S. Census Bureau, 2017, §7.13 (genhol: user-defined moving-holiday regressors, Chinese New Year).
 * @see 国家统计局 (NBS) 春节因素调整; D. Findley et al., "New capabilities and methods of the X-12-ARIMA
 *   seasonal-adjustment program", JBES 16(2), 127–152, 1998.
 * @example withSpringFestival(snaiveMethod).fit({ values, frequency: 12, start: 2015 * 12 }).description // => 'seasonal naive (lag 12) with Spring Festival adjustment (β = …)'
 */
import { checkMonthlyWithStart } from './checks.ts';
import { mapForecast } from './intervals.ts';
import {
  DEFAULT_SPRING_FESTIVAL_WINDOW,
  referenceJanuaryShare,
  springFestivalJanuaryShare,
  type HolidayWindow,
} from './spring-festival-calendar.ts';
import type { FittedModel, ForecastMethod } from './types.ts';

export interface SpringFestivalEffect {
  /** c: January share of a year whose holiday window lies wholly in February. */
  intercept: number;
  /** β: change of January's share per unit of the window's January share. */
  beta: number;
  /** Standard error of β (NaN when not estimated). */
  betaSe: number;
  /** x̄: the typical-year window share the adjustment normalises to. */
  referenceShare: number;
  /** Years used in the regression. */
  years: number;
  window: HolidayWindow;
}

const MIN_YEARS = 3;
const SHARE_CLAMP = 0.01;

const clampShare = (p: number) => Math.min(1 - SHARE_CLAMP, Math.max(SHARE_CLAMP, p));

/**
 * Estimates the January/February split regression on a monthly series starting at month index
 * `start` (year × 12 + month − 1).
 */
export function estimateSpringFestivalEffect(values: ArrayLike<number>, start: number, window: HolidayWindow = DEFAULT_SPRING_FESTIVAL_WINDOW): SpringFestivalEffect {
  const xs: number[] = [];
  const qs: number[] = [];
  for (let i = 0; i + 1 < values.length; i++) {
    if ((((start + i) % 12) + 12) % 12 !== 0) continue;
    const jan = values[i] as number;
    const feb = values[i + 1] as number;
    if (!(jan > 0 && feb > 0)) continue;
    xs.push(springFestivalJanuaryShare(Math.floor((start + i) / 12), window));
    qs.push(jan / (jan + feb));
  }
  const referenceShare = referenceJanuaryShare(window);
  const k = xs.length;
  const xBar = xs.reduce((s, x) => s + x, 0) / Math.max(k, 1);
  const qBar = qs.reduce((s, q) => s + q, 0) / Math.max(k, 1);
  const sxx = xs.reduce((s, x) => s + (x - xBar) ** 2, 0);
  if (k < MIN_YEARS || sxx < 1e-12) return { intercept: k > 0 ? qBar : 0.5, beta: 0, betaSe: NaN, referenceShare, years: k, window };
  const beta = xs.reduce((s, x, j) => s + (x - xBar) * ((qs[j] as number) - qBar), 0) / sxx;
  const intercept = qBar - beta * xBar;
  const rss = xs.reduce((s, x, j) => s + ((qs[j] as number) - intercept - beta * x) ** 2, 0);
  const betaSe = k > 2 ? Math.sqrt(rss / (k - 2) / sxx) : NaN;
  return { intercept, beta, betaSe, referenceShare, years: k, window };
}

/**
 * Multiplicative calendar factor of the month with index `monthIndex`: p_Y/p̄ for January,
 * (1 − p_Y)/(1 − p̄) for February, 1 otherwise (and 1 everywhere when β = 0).
 */
export function springFestivalFactor(effect: SpringFestivalEffect, monthIndex: number): number {
  const month = ((monthIndex % 12) + 12) % 12;
  if (month > 1 || effect.beta === 0) return 1;
  const p = clampShare(effect.intercept + effect.beta * springFestivalJanuaryShare(Math.floor(monthIndex / 12), effect.window));
  const pBar = clampShare(effect.intercept + effect.beta * effect.referenceShare);
  return month === 0 ? p / pBar : (1 - p) / (1 - pBar);
}

export interface SpringFestivalFitted<F extends FittedModel = FittedModel> extends FittedModel {
  inner: F;
  effect: SpringFestivalEffect;
  /** Month index of the first observation. */
  start: number;
  n: number;
}

/**
 * Wraps any forecasting method with the Spring Festival adjustment. The wrapped method keeps the
 * inner method's `name` (it is the same model on adjusted data); fitted and forecast `method`
 * read `<name>+spring-festival`.
 */
export function withSpringFestival<F extends FittedModel, O>(
  method: ForecastMethod<F, O>,
  window: HolidayWindow = DEFAULT_SPRING_FESTIVAL_WINDOW,
): ForecastMethod<SpringFestivalFitted<F>, O> {
  const label = `${method.name}+spring-festival`;
  return {
    name: method.name,
    fit(series, options) {
      const { y, start } = checkMonthlyWithStart(label, series);
      const effect = estimateSpringFestivalEffect(y, start, window);
      const adjusted = y.map((v, i) => v / springFestivalFactor(effect, start + i));
      const inner = method.fit({ ...series, values: adjusted }, options);
      const fitted = inner.fitted.map((v, i) => v * springFestivalFactor(effect, start + i));
      const note = effect.beta === 0
        ? `no Spring Festival adjustment (${effect.years} usable years)`
        : `Spring Festival adjustment (β = ${effect.beta.toFixed(4)} ± ${effect.betaSe.toFixed(4)}, ${effect.years} years)`;
      // No aicc: the inner criterion is on the adjusted data, not comparable with unadjusted fits.
      return { method: label, fitted, description: `${inner.description} with ${note}`, inner, effect, start, n: y.length };
    },
    forecast(fitted, request) {
      const fc = method.forecast(fitted.inner, request);
      const first = fitted.start + fitted.n;
      return mapForecast(fc, (v, h) => v * springFestivalFactor(fitted.effect, first + h), label);
    },
  };
}
