/**
 * Grey model GM(1,1) (Deng 1982): a first-order grey differential equation fitted to the
 * accumulated series, common in Chinese fund-forecasting studies for short, smoothly growing data.
 *
 * $$ x^{(1)}_k = \sum_{i\le k} x^{(0)}_i,\quad z^{(1)}_k = \tfrac12(x^{(1)}_k + x^{(1)}_{k-1}),\quad
 *    x^{(0)}_k + a z^{(1)}_k = b\ (k = 2..n) $$
 * $$ \hat x^{(1)}_{k+1} = \big(x^{(0)}_1 - \tfrac{b}{a}\big)e^{-ak} + \tfrac{b}{a},\qquad
 *    \hat x^{(0)}_{k+1} = \hat x^{(1)}_{k+1} - \hat x^{(1)}_k = (1 - e^{a})\big(x^{(0)}_1 - \tfrac{b}{a}\big)e^{-ak} $$
 * plain: AGO (cumulative sum) x1; background values z1 = mean of neighbouring x1; [a, b] by least
 * squares of x0_k on [−z1_k, 1]; the time response function gives x1 and its difference (IAGO) x0.
 * a is the development coefficient (−a ≈ growth rate per period), b the grey input, both in the data's units per period.
 *
 * Posterior-difference check, over k = 1..n with ε_k = x0_k − x̂0_k (ε_1 = 0, as Deng and Liu define it):
 * C = S2/S1 with S1, S2 the population standard deviations of x0 and ε; P = share of k with
 * |ε_k − ε̄| < 0.6745·S1. Grades (Liu et al., table of accuracy grades): good P > 0.95 and C < 0.35;
 * qualified P > 0.80 and C < 0.5; barely qualified P > 0.70 and C < 0.65; else unqualified.
 *
 * Intervals (an approximation; GM(1,1) has no error model): x̂0_k = A e^{−ak} is log-linear in k, so
 * the log residuals r_k = ln x0_k − ln x̂0_k (k = 2..n, N = n − 1 of them) are treated as a log-linear
 * regression's, with the regression prediction variance
 * s_h² = s²(1 + 1/N + (t − t̄)²/Σ(k − t̄)²), s² = Σr²/(N − 2), t = n + h; bounds x̂0·exp(∓c·s_h).
 * They ignore that a and b were fitted on the cumulated, not the logged, series.
 *
 * @throws Error `gm11: series too short: needs at least 4 values, got <n>`
 * @throws Error `gm11: series must be positive (GM(1,1) models a positive, accumulating series), got <v> at index <i>`
 * @throws Error `gm11: fitted values are not positive; GM(1,1) does not suit this series`
 * @see J. Deng, "Control problems of grey systems", Systems & Control Letters 1(5), 288–294, 1982.
 * @see S. Liu, Y. Lin, Grey Information: Theory and Practical Applications, Springer 2006, ch. 6 (刘思峰等《灰色系统理论及其应用》).
 * @example gm11Method.fit({ values: [2.874, 3.278, 3.337, 3.39, 3.679], frequency: 1 }).a // => -0.03720 (≈)
 */
import { checkRequest, checkSeries } from './checks.ts';
import { gaussianForecast, mapForecast } from './intervals.ts';
import type { FittedModel, ForecastMethod } from './types.ts';

export type Gm11Grade = 'good' | 'qualified' | 'barely qualified' | 'unqualified';

export interface Gm11Fitted extends FittedModel {
  /** Development coefficient a. */
  a: number;
  /** Grey input b. */
  b: number;
  x0First: number;
  n: number;
  /** Posterior-variance ratio C = S2/S1. */
  posteriorVarianceRatio: number;
  /** Small-error probability P. */
  smallErrorProbability: number;
  grade: Gm11Grade;
  /** Whether every class ratio x0_{k−1}/x0_k lies in (e^{−2/(n+1)}, e^{2/(n+1)}), the usual admissibility test. */
  classRatioPassed: boolean;
  /** Mean of |ε_k| / x0_k over k = 2..n. */
  meanRelativeError: number;
  /** Residual standard deviation of the log residuals, s. */
  logSigma: number;
}

const GRADES: readonly { grade: Gm11Grade; p: number; c: number }[] = [
  { grade: 'good', p: 0.95, c: 0.35 },
  { grade: 'qualified', p: 0.8, c: 0.5 },
  { grade: 'barely qualified', p: 0.7, c: 0.65 },
];

/** x̂0 at 1-based time index k (k = 1 returns x0_1). */
function response(f: Pick<Gm11Fitted, 'a' | 'b' | 'x0First'>, k: number): number {
  if (k === 1) return f.x0First;
  // a → 0 limit: x1 grows linearly by b, so x̂0 = b.
  if (Math.abs(f.a) < 1e-12) return f.b;
  return -Math.expm1(f.a) * (f.x0First - f.b / f.a) * Math.exp(-f.a * (k - 1));
}

export const gm11Method: ForecastMethod<Gm11Fitted> = {
  name: 'gm11',
  fit(series) {
    const x0 = checkSeries('gm11', series, { minLength: 4, positive: 'GM(1,1) models a positive, accumulating series' });
    const n = x0.length;
    // Least squares of x0_k = −a z_k + b, k = 2..n, in closed form.
    let x1 = x0[0] as number;
    let sz = 0, szz = 0, sx = 0, szx = 0;
    for (let k = 1; k < n; k++) {
      const z = x1 + 0.5 * (x0[k] as number);
      x1 += x0[k] as number;
      sz += z; szz += z * z; sx += x0[k] as number; szx += z * (x0[k] as number);
    }
    const N = n - 1;
    const slope = (N * szx - sz * sx) / (N * szz - sz * sz);
    const a = -slope;
    const b = (sx - slope * sz) / N;
    const params = { a, b, x0First: x0[0] as number };
    const fitted = Float64Array.from({ length: n }, (_, i) => response(params, i + 1));
    if (fitted.some((v) => !(v > 0))) throw new Error('gm11: fitted values are not positive; GM(1,1) does not suit this series');
    const eps = Array.from(x0, (v, i) => v - (fitted[i] as number));
    const mean = (v: ArrayLike<number>) => Array.from(v).reduce((s, u) => s + u, 0) / v.length;
    const sd = (v: ArrayLike<number>) => { const mu = mean(v); return Math.sqrt(mean(Array.from(v, (u) => (u - mu) ** 2))); };
    const s1 = sd(x0);
    const c = sd(eps) / s1;
    const epsBar = mean(eps);
    const p = eps.filter((e) => Math.abs(e - epsBar) < 0.6745 * s1).length / n;
    const grade = GRADES.find((g) => p > g.p && c < g.c)?.grade ?? 'unqualified';
    const bound = Math.exp(2 / (n + 1));
    let classRatioPassed = true;
    for (let k = 1; k < n; k++) {
      const ratio = (x0[k - 1] as number) / (x0[k] as number);
      if (!(ratio > 1 / bound && ratio < bound)) classRatioPassed = false;
    }
    let logSse = 0;
    let relErr = 0;
    for (let k = 1; k < n; k++) {
      logSse += (Math.log(x0[k] as number) - Math.log(fitted[k] as number)) ** 2;
      relErr += Math.abs(eps[k] as number) / (x0[k] as number) / N;
    }
    return {
      method: 'gm11', fitted, a, b, x0First: params.x0First, n,
      posteriorVarianceRatio: c, smallErrorProbability: p, grade, classRatioPassed,
      meanRelativeError: relErr, logSigma: Math.sqrt(logSse / (N - 2)),
      description: `GM(1,1) (a = ${a.toPrecision(5)}, b = ${b.toPrecision(5)}; C = ${c.toFixed(3)}, P = ${p.toFixed(2)}: ${grade})`,
    };
  },
  forecast(fitted, request) {
    checkRequest('gm11', request);
    const N = fitted.n - 1;
    const tBar = (fitted.n + 2) / 2; // mean of k = 2..n
    let stt = 0;
    for (let k = 2; k <= fitted.n; k++) stt += (k - tBar) ** 2;
    const logMean: number[] = [];
    const sd: number[] = [];
    for (let h = 1; h <= request.horizon; h++) {
      const t = fitted.n + h;
      logMean.push(Math.log(response(fitted, t)));
      sd.push(fitted.logSigma * Math.sqrt(1 + 1 / N + (t - tBar) ** 2 / stt));
    }
    return mapForecast(gaussianForecast('gm11', logMean, sd, request.levels), Math.exp);
  },
};
