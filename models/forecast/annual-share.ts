/**
 * Annual total × monthly share forecasting, for monthly series whose annual total is smooth but
 * whose timing within the year is lumpy: resident medical-insurance premiums (城乡居民医保个人缴费),
 * collected mostly in a Q4 campaign (about September–December) for the following year, with
 * campaign dates that vary by region and year. A monthly model would chase the spike; here the
 * annual totals are forecast by any method (yearly, frequency 1) and spread over the months by the
 * average monthly shares of the last K complete calendar years.
 *
 * $$ \hat y_{Y,j} = \hat A_Y \, \bar s_j,\qquad \bar s_j = \frac{\sum_{Y \in K} y_{Y,j}}{\sum_{Y \in K} A_Y} $$
 * plain: monthly forecast = forecast annual total × share of month j (ratio of sums over the last K
 * years, so the shares add up to 1). Bounds are the annual bounds times the share (the monthly values
 * of one year move together), so a month's interval is its share of the annual interval.
 *
 * When to use which (documented choice): a seasonal method (snaive, ETS, theta) already captures a
 * Q4 spike that recurs in the same months every year; use this helper when the spike's size is
 * stable in the annual total but not in any one month, and `withSpringFestival` for the one effect
 * that moves between months on a known calendar. Limits: the months of the current, incomplete year
 * get Â_Y × s̄_j, ignoring how far the year-to-date values ran ahead or behind; the shares are fixed.
 *
 * @throws Error `<method>+annual-share: needs monthly data (frequency 12), got <f>`
 * @throws Error `<method>+annual-share: needs series.start (the month index year × 12 + month − 1 of the first value)`
 * @throws Error `<method>+annual-share: needs at least 2 complete calendar years, got <k>`
 * @throws Error `<method>+annual-share: monthly shares must be non-negative with a positive total`
 * @see R. J. Hyndman, G. Athanasopoulos, Forecasting: Principles and Practice, 3rd ed., §11.1 (top-down forecasting with average historical proportions), OTexts 2021.
 * @example annualShareMethod(driftMethod).fit({ values, frequency: 12, start: 2019 * 12 }).shares.length // => 12
 */
import { checkRequest, checkMonthlyWithStart } from './checks.ts';
import type { FittedModel, Forecast, ForecastMethod } from './types.ts';

export interface AnnualShareOptions {
  /** Complete years whose monthly shares are averaged (default 3). */
  shareYears?: number;
}

export interface AnnualShareFitted<F extends FittedModel = FittedModel> extends FittedModel {
  /** The annual-total model. */
  annual: F;
  /** s̄_j by calendar month, January first. */
  shares: number[];
  /** Calendar years of the annual series. */
  firstCompleteYear: number;
  lastCompleteYear: number;
  /** Month index of the first observation and the number of observations. */
  start: number;
  n: number;
}

const DEFAULT_SHARE_YEARS = 3;

/** Wraps a yearly method into a monthly annual-total × share method. */
export function annualShareMethod<F extends FittedModel, O>(
  annualMethod: ForecastMethod<F, O>,
  shareOptions: AnnualShareOptions = {},
): ForecastMethod<AnnualShareFitted<F>, O> {
  const label = `${annualMethod.name}+annual-share`;
  const shareYears = shareOptions.shareYears ?? DEFAULT_SHARE_YEARS;
  return {
    name: annualMethod.name,
    fit(series, options) {
      const { y, start } = checkMonthlyWithStart(label, series);
      const n = y.length;
      const firstCompleteYear = Math.ceil(start / 12);
      const lastCompleteYear = Math.floor((start + n) / 12) - 1;
      const years = lastCompleteYear - firstCompleteYear + 1;
      if (years < 2) throw new Error(`${label}: needs at least 2 complete calendar years, got ${Math.max(0, years)}`);
      const value = (year: number, month: number) => y[year * 12 + month - start] as number;
      const totals = Array.from({ length: years }, (_, k) => {
        let s = 0;
        for (let j = 0; j < 12; j++) s += value(firstCompleteYear + k, j);
        return s;
      });
      const recent = Math.min(shareYears, years);
      let grand = 0;
      const sums = new Array<number>(12).fill(0);
      for (let year = lastCompleteYear - recent + 1; year <= lastCompleteYear; year++) {
        for (let j = 0; j < 12; j++) {
          sums[j] = (sums[j] as number) + value(year, j);
          grand += value(year, j);
        }
      }
      const shares = sums.map((s) => s / grand);
      if (!(grand > 0) || shares.some((s) => s < 0)) throw new Error(`${label}: monthly shares must be non-negative with a positive total`);
      const annual = annualMethod.fit({ values: totals, frequency: 1, start: firstCompleteYear }, options);
      const fitted = new Float64Array(n).fill(NaN);
      for (let i = 0; i < n; i++) {
        const year = Math.floor((start + i) / 12);
        const k = year - firstCompleteYear;
        if (k >= 0 && k < years) fitted[i] = (annual.fitted[k] as number) * (shares[(start + i) % 12] as number);
      }
      return {
        method: label, fitted, annual, shares, firstCompleteYear, lastCompleteYear, start, n,
        description: `annual totals by ${annual.description}, spread by the monthly shares of ${recent} years`,
      };
    },
    forecast(fitted, request): Forecast {
      checkRequest(label, request);
      const first = fitted.start + fitted.n;
      const lastYear = Math.floor((first + request.horizon - 1) / 12);
      const annualFc = annualMethod.forecast(fitted.annual, { horizon: lastYear - fitted.lastCompleteYear, levels: request.levels });
      // Expand the annual forecast to months: step h of the monthly forecast reads its year's value.
      const monthly = (values: number[]) => Array.from({ length: request.horizon }, (_, h) => {
        const month = first + h;
        return (values[Math.floor(month / 12) - fitted.lastCompleteYear - 1] as number) * (fitted.shares[month % 12] as number);
      });
      const expanded: Forecast = {
        method: label,
        mean: monthly(annualFc.mean),
        lower: Object.fromEntries(Object.entries(annualFc.lower).map(([k, v]) => [k, monthly(v)])),
        upper: Object.fromEntries(Object.entries(annualFc.upper).map(([k, v]) => [k, monthly(v)])),
      };
      return expanded;
    },
  };
}
