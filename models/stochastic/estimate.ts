/**
 * Estimates a ShockSpec from a fund's history (domain.md §6.3: "parameters estimated from history"):
 * per driver an AR(1) on the deviations of the observed yearly growth rates from their mean, then
 * the correlation of the drivers' residuals.
 *
 * $$ x_t = g_t - \bar g,\qquad x_t = a + \hat\varphi\, x_{t-1} + e_t,\qquad \hat\sigma^2 = \frac{\sum e_t^2}{(n-1) - 2},\qquad \hat R_{ij} = \mathrm{corr}(e_i, e_j) $$
 * plain: subtract the mean growth, regress each deviation on last year's by least squares
 * (simple-statistics `linearRegression`), φ = the slope, σ = the residual standard deviation with
 * the regression's 2 degrees of freedom removed from the n − 1 pairs, R = the sample correlation
 * (`sampleCorrelation`) of the residual series. g are decimal growth rates per year, all series
 * over the same consecutive years; σ is in the same points, φ dimensionless.
 * Limits: conditional least squares biases φ̂ down by about (1 + 3φ)/n in short series (Kendall);
 * with 10–20 years the estimates are rough, so the result names its source for review. A series
 * whose lagged values are all equal identifies no φ: it gets φ = 0 and the residuals x_t − mean.
 * A driver with σ̂ = 0 gets correlation 0 with the others (its shocks are 0 whatever R says);
 * correlations are clamped to [−1, 1] against rounding.
 *
 * @throws Error `estimateShocks: history has no driver series`
 * @throws Error `estimateShocks: unknown driver '<name>' (allowed: …)`
 * @throws Error `estimateShocks: <driver>[<i>] must be a finite growth rate, got <v>`
 * @throws Error `estimateShocks: <driver> has <n> values but <first> has <m> (the series must cover the same years)`
 * @throws Error `estimateShocks: needs at least <k> yearly values per driver (6, and 2 more than the <K> drivers), got <n>`
 * @throws Error `estimateShocks: <driver>: estimated φ = <v> is not stationary (|φ| ≥ 1); give phi in a ShockSpec instead`
 * @throws Error `estimateShocks: residual correlation is not positive definite (Cholesky pivot <j> = <v> ≤ 0)`
 * @throws Error `estimateShocks: residual correlation is nearly singular (Cholesky pivot <j> = <v> < 1e-10): <driver> moves with the drivers before it; drop one`
 * @see M. G. Kendall, "Note on bias in the estimation of autocorrelation", Biometrika 41, 403–404, 1954;
 *   P. J. Brockwell, R. A. Davis, Introduction to Time Series and Forecasting, 3rd ed., §5.1 (Springer, 2016).
 * @example estimateShocks({ wageGrowth: [0.08, 0.1, 0.07, 0.09, 0.06, 0.08, 0.07] }).drivers // => ['wageGrowth']
 */
import { linearRegression, mean, sampleCorrelation } from 'simple-statistics';
import { choleskyLower } from './cholesky.ts';
import { SHOCK_DRIVERS, type ShockDriver, type ShockSpec } from './shock-spec.ts';

/** Observed yearly growth rates per driver (decimals), every series over the same consecutive years. */
export type ShockHistory = Partial<Record<ShockDriver, readonly number[]>>;

/** Fewest yearly values accepted: 5 lagged pairs leave 3 degrees of freedom for σ̂. */
export const MIN_HISTORY_YEARS = 6;

/**
 * Smallest share of a driver's residual variance not explained by the drivers before it (the
 * squared Cholesky pivot of the correlation): below it two drivers carry the same shock, as when
 * one series is given twice, and rounding alone decides whether the matrix is positive definite.
 */
const MIN_PIVOT = 1e-10;

interface Ar1Fit {
  phi: number;
  sigma: number;
  residuals: number[];
}

function fitAr1(driver: ShockDriver, g: readonly number[]): Ar1Fit {
  const m = mean(g as number[]);
  const x = g.map((v) => v - m);
  const pairs = x.slice(1).map((v, i) => [x[i] as number, v]);
  const fit = linearRegression(pairs);
  const identified = Number.isFinite(fit.m);
  const phi = identified ? fit.m : 0;
  if (Math.abs(phi) >= 1) {
    throw new Error(`estimateShocks: ${driver}: estimated φ = ${phi} is not stationary (|φ| ≥ 1); give phi in a ShockSpec instead`);
  }
  const next = x.slice(1);
  const level = identified ? 0 : mean(next);
  const residuals = pairs.map(([prev, v]) => (identified ? (v as number) - (fit.b + phi * (prev as number)) : (v as number) - level));
  const sigma = Math.sqrt(residuals.reduce((s, e) => s + e * e, 0) / (residuals.length - 2));
  return { phi, sigma, residuals };
}

export function estimateShocks(history: ShockHistory): ShockSpec {
  const keys = Object.keys(history);
  if (keys.length === 0) throw new Error('estimateShocks: history has no driver series');
  for (const key of keys) {
    if (!(SHOCK_DRIVERS as readonly string[]).includes(key)) {
      throw new Error(`estimateShocks: unknown driver '${key}' (allowed: ${SHOCK_DRIVERS.join(', ')})`);
    }
  }
  const drivers = SHOCK_DRIVERS.filter((d) => history[d] !== undefined);
  const series = drivers.map((d) => history[d] as readonly number[]);
  const first = drivers[0] as ShockDriver;
  const n = (series[0] as readonly number[]).length;
  series.forEach((g, k) => {
    g.forEach((v, i) => {
      if (!Number.isFinite(v)) throw new Error(`estimateShocks: ${drivers[k]}[${i}] must be a finite growth rate, got ${v}`);
    });
    if (g.length !== n) throw new Error(`estimateShocks: ${drivers[k]} has ${g.length} values but ${first} has ${n} (the series must cover the same years)`);
  });
  const needed = Math.max(MIN_HISTORY_YEARS, drivers.length + 2);
  if (n < needed) {
    throw new Error(`estimateShocks: needs at least ${needed} yearly values per driver (${MIN_HISTORY_YEARS}, and 2 more than the ${drivers.length} drivers), got ${n}`);
  }
  const fits = drivers.map((d, k) => fitAr1(d, series[k] as readonly number[]));
  const correlation = fits.map((fi, i) => fits.map((fj, j) => {
    if (i === j) return 1;
    // rounding can put a perfect correlation a few ulps outside [−1, 1]
    return fi.sigma > 0 && fj.sigma > 0 ? Math.max(-1, Math.min(1, sampleCorrelation(fi.residuals, fj.residuals))) : 0;
  }));
  const l = choleskyLower(correlation, 'estimateShocks: residual correlation');
  drivers.forEach((d, j) => {
    const pivot = (l[j * drivers.length + j] as number) ** 2;
    if (pivot < MIN_PIVOT) {
      throw new Error(`estimateShocks: residual correlation is nearly singular (Cholesky pivot ${j + 1} = ${pivot} < ${MIN_PIVOT}): ${d} moves with the drivers before it; drop one`);
    }
  });
  return {
    drivers,
    sigma: fits.map((f) => f.sigma),
    phi: fits.map((f) => f.phi),
    correlation,
    source: `estimated from ${n} years of history: AR(1) by least squares on deviations from the mean growth, correlation of residuals`,
  };
}
