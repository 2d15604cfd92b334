/**
 * Golden values from R 4.2.2 / forecast 8.20 (test/reference/forecast/*.json, written by
 * make-fixtures.R): `ets(y)`, `ets(y, model = "ANN")`, `ets(y, model = "AAN", damped = FALSE)` and
 * `forecast(fit, h, level = c(80, 95))`.
 *
 * Tolerance 1e−6 (relative; absolute for α, β, γ, φ): the port follows R's arithmetic except in
 * the likelihood loop (u-form updates, Σlog as log of a product) and the simplex centroid update,
 * which change the last bits; across these fixtures the largest difference seen is 3e−8.
 */
import { describe, expect, it } from 'vitest';
import { etsMethod } from '../../../../models/forecast/ets/index.ts';
import type { EtsOptions } from '../../../../models/forecast/ets/index.ts';
import { normalQuantile } from '../../../../models/forecast/quantiles.ts';
import { maxRelativeError, readFixture, type RSection } from './helpers.ts';

const TOL = 1e-6;
const FIXTURES = ['AirPassengers', 'USAccDeaths', 'UKgas', 'WWWusage', 'Nile', 'lynx', 'm3-N0001', 'm3-N0160', 'm3-N0646', 'm3-N1000', 'm3-N1402', 'm3-N2773', 'medicare-hi-expenditure', 'medicare-hi-receipts'];
const CALLS: [keyof Pick<ReturnType<typeof readFixture>, 'ets' | 'ets_ann' | 'ets_aan'>, EtsOptions][] = [
  ['ets', {}], ['ets_ann', { model: 'ANN' }], ['ets_aan', { model: 'AAN', damped: false }],
];
const cases = FIXTURES.flatMap((name) => CALLS.map(([key, options]) => ({ name, key, options })));

const fits = new Map<string, ReturnType<typeof fitOnce>>();
function fitOnce(name: string, options: EtsOptions) {
  const fx = readFixture(name);
  const fit = etsMethod.fit({ values: fx.values, frequency: fx.frequency }, options);
  return { fx, fit, fc: etsMethod.forecast(fit, { horizon: fx.h, levels: [80, 95] }) };
}
function fitAndForecast(name: string, options: EtsOptions) {
  const key = `${name} ${JSON.stringify(options)}`;
  const cached = fits.get(key) ?? fitOnce(name, options);
  fits.set(key, cached);
  return cached;
}

describe('ets against forecast::ets (R 4.2.2, forecast 8.20)', () => {
  it.each(cases)('$name $key: same form, AICc, estimates, fitted values and σ²', ({ name, key, options }) => {
    const { fx, fit } = fitAndForecast(name, options);
    const r = fx[key] as RSection;
    expect(fit.description).toBe(r.model);
    expect(Math.abs((fit.aicc as number) / r.aicc - 1)).toBeLessThan(TOL);
    expect(Math.abs((fit.logLik as number) / r.loglik - 1)).toBeLessThan(TOL);
    for (const p of ['alpha', 'beta', 'gamma', 'phi'] as const) {
      if (p in r.par) expect(Math.abs(fit.parameters[p] - (r.par[p] as number)), p).toBeLessThan(TOL);
    }
    expect(Math.abs(fit.initialState.level / (r.par.l as number) - 1)).toBeLessThan(TOL);
    expect(maxRelativeError([...fit.fitted], r.fitted)).toBeLessThan(TOL);
    expect(Math.abs(fit.sigma2 / r.sigma2 - 1)).toBeLessThan(TOL);
  });

  const linear = cases.filter(({ name, key }) => !(key === 'ets' && ['AirPassengers', 'UKgas', 'USAccDeaths'].includes(name)));
  it.each(linear)('$name $key: same point forecasts and analytic 80%/95% intervals', ({ name, key, options }) => {
    const { fx, fc } = fitAndForecast(name, options);
    const r = fx[key] as RSection;
    expect(maxRelativeError(fc.mean, r.mean)).toBeLessThan(TOL);
    expect(maxRelativeError(fc.lower['80'] as number[], r.lower80)).toBeLessThan(TOL);
    expect(maxRelativeError(fc.upper['80'] as number[], r.upper80)).toBeLessThan(TOL);
    expect(maxRelativeError(fc.lower['95'] as number[], r.lower95)).toBeLessThan(TOL);
    expect(maxRelativeError(fc.upper['95'] as number[], r.upper95)).toBeLessThan(TOL);
  });

  it('USAccDeaths ETS(A,N,A): R places γ one period early in the variance of trendless seasonal forms', () => {
    // forecast 8.20 class1() sets G[3, 1] <- gamma, the second seasonal state when there is no
    // slope, so its c_j gains γ at j ≡ m − 1 (mod m) instead of HKOS Table 6.1's j ≡ 0. Intervals
    // agree before h = m; R's own numbers follow from the shifted c_j.
    const { fx, fit, fc } = fitAndForecast('USAccDeaths', {});
    const m = 12;
    expect(maxRelativeError(fc.lower['95']?.slice(0, m - 1) as number[], fx.ets.lower95.slice(0, m - 1))).toBeLessThan(TOL);
    const { alpha, gamma } = fit.parameters;
    const z = normalQuantile(0.975);
    let sum = 0;
    const rStyle = fc.mean.map((mu, h) => {
      if (h > 0) sum += (alpha + (h % m === m - 1 ? gamma : 0)) ** 2;
      return mu - z * Math.sqrt(fit.sigma2 * (1 + sum));
    });
    expect(maxRelativeError(rStyle, fx.ets.lower95)).toBeLessThan(TOL);
  });

  it('UKgas ETS(M,A,M): point forecasts equal R’s means for h ≤ m', () => {
    // For h > m R reports the class-3 mean E[y], which adds σ²-terms to the point forecast.
    const { fx, fc } = fitAndForecast('UKgas', {});
    expect(maxRelativeError(fc.mean.slice(0, 4), fx.ets.mean.slice(0, 4))).toBeLessThan(TOL);
  });

  it('AirPassengers ETS(M,Ad,M): the point forecast is (ℓ + φb)·s; R’s class-3 mean drops φ', () => {
    const { fx, fit, fc } = fitAndForecast('AirPassengers', {});
    const { level, slope, season } = fit.finalState;
    expect(fc.mean[0]).toBeCloseTo((level + fit.parameters.phi * slope) * (season[0] as number), 9);
    // forecast 8.20 class3() uses F1 = [[1, 1], [0, φ]], so its first mean is (ℓ + b)·s.
    expect(Math.abs(((level + slope) * (season[0] as number)) / (fx.ets.mean[0] as number) - 1)).toBeLessThan(TOL);
  });

  it.each(['AirPassengers', 'UKgas'])('%s: simulated intervals are within 6%% of R’s class-3 approximation', (name) => {
    // Ours: quantiles of 2000 seeded paths (Monte Carlo error about 1–2% at the 95% limits); R's:
    // mean ± z·sd with the exact variance, which ignores the skewness of multiplicative errors.
    const { fx, fc } = fitAndForecast(name, {});
    expect(maxRelativeError(fc.lower['95'] as number[], fx.ets.lower95)).toBeLessThan(0.06);
    expect(maxRelativeError(fc.upper['95'] as number[], fx.ets.upper95)).toBeLessThan(0.06);
  });
});
