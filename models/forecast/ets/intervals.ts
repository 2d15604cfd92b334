/**
 * Point forecasts and prediction intervals of a fitted ETS model (HKOS 2008 chapter 6).
 *
 * Class 1 — additive error, season N/A (linear models): ŷ ± z·√v_h with
 *   v_h = σ²·(1 + Σ_{j=1}^{h−1} c_j²),  c_j = α + β·φ_j + γ·d_{j,m},
 *   φ_j = φ + φ² + … + φ^j (j when undamped), d_{j,m} = 1 when m divides j (Table 6.1). (R 8.20's
 *   class1 puts γ at j ≡ m − 1 for trendless seasonal forms; the reference test shows the shift.)
 * Class 2 — multiplicative error, season N/A: θ_1 = μ_1², θ_h = μ_h² + σ²·Σ_{j=1}^{h−1} c_j² θ_{h−j},
 *   v_h = (1 + σ²)·θ_h − μ_h² (HKOS 2008 ch. 6, class 2; R's forecast:::class2), μ_h the point forecast.
 * Others (multiplicative season): the (1 ∓ level/100)/2 quantiles (type 8) of seeded simulated
 * future paths with Gaussian errors; the centre line is the point forecast, as in R's simulated
 * intervals. (R's default here is HKOS's class-3 mean ± z·sd, whose mean adds σ²-terms for h > m.)
 * z = Φ⁻¹(½ + level/200).
 */
import { createRng } from '../../core/rng.ts';
import { normalQuantile } from '../quantiles.ts';
import type { Forecast } from '../types.ts';
import { advance, cursorAt, formCodes, oneStepForecast, pointForecasts } from './recursions.ts';
import type { EtsFitted } from './types.ts';

/** Level as the key of `lower`/`upper`: 80 → "80", 99.5 → "99.5". */
export function levelKey(level: number): string {
  return String(level);
}

export function etsForecast(fitted: EtsFitted, horizon: number, levels: readonly number[]): Forecast {
  const { form, parameters: p, finalState: state, period: m } = fitted;
  const codes = formCodes(form);
  const mean = pointForecasts(codes, m, p.phi, state.level, state.slope, state.season, horizon);
  const lower: Record<string, number[]> = {};
  const upper: Record<string, number[]> = {};
  if (form.season !== 'M') {
    const variance = analyticVariance(fitted, mean);
    for (const level of levels) {
      const z = normalQuantile(0.5 + level / 200);
      lower[levelKey(level)] = mean.map((mu, h) => mu - z * Math.sqrt(variance[h] as number));
      upper[levelKey(level)] = mean.map((mu, h) => mu + z * Math.sqrt(variance[h] as number));
    }
  } else {
    const paths = simulatePaths(fitted, horizon);
    const count = fitted.simulationPaths;
    for (let h = 0; h < horizon; h++) paths.subarray(h * count, (h + 1) * count).sort();
    for (const level of levels) {
      const lo = new Array<number>(horizon);
      const hi = new Array<number>(horizon);
      for (let h = 0; h < horizon; h++) {
        const column = paths.subarray(h * count, (h + 1) * count);
        lo[h] = quantileType8(column, 0.5 - level / 200);
        hi[h] = quantileType8(column, 0.5 + level / 200);
      }
      lower[levelKey(level)] = lo;
      upper[levelKey(level)] = hi;
    }
  }
  return { method: 'ets', mean, lower, upper };
}

/** Forecast variances v_1..v_H for classes 1 and 2 (see the file comment). */
export function analyticVariance(fitted: EtsFitted, mean: readonly number[]): number[] {
  const { parameters: p, form, period: m, sigma2 } = fitted;
  const horizon = mean.length;
  const c = new Array<number>(horizon).fill(0);
  let phiSum = 0;
  let phiPower = 1;
  for (let j = 1; j < horizon; j++) {
    phiPower *= p.phi;
    phiSum += phiPower;
    c[j] = p.alpha + (form.trend === 'A' ? p.beta * phiSum : 0) + (form.season === 'A' && j % m === 0 ? p.gamma : 0);
  }
  const variance = new Array<number>(horizon);
  if (form.error === 'A') {
    let cumulative = 0;
    for (let h = 0; h < horizon; h++) {
      if (h > 0) cumulative += (c[h] as number) ** 2;
      variance[h] = sigma2 * (1 + cumulative);
    }
    return variance;
  }
  const theta = new Array<number>(horizon);
  for (let h = 0; h < horizon; h++) {
    let sum = 0;
    for (let j = 1; j <= h; j++) sum += (c[j] as number) ** 2 * (theta[h - j] as number);
    theta[h] = (mean[h] as number) ** 2 + sigma2 * sum;
    variance[h] = (1 + sigma2) * (theta[h] as number) - (mean[h] as number) ** 2;
  }
  return variance;
}

/**
 * Simulated future values, horizon-major: value h of path i at [h·paths + i]. Each path starts from
 * the final states and runs the recursions of ./recursions.ts with y = ŷ(1 + σε) or ŷ + σε.
 */
export function simulatePaths(fitted: EtsFitted, horizon: number): Float64Array {
  const { form, parameters: p, finalState, period: m, sigma2, simulationPaths: count } = fitted;
  const codes = formCodes(form);
  const rng = createRng(fitted.seed);
  const sigma = Math.sqrt(sigma2);
  const out = new Float64Array(horizon * count);
  const cursor = cursorAt(finalState);
  for (let path = 0; path < count; path++) {
    cursor.level = finalState.level;
    cursor.slope = finalState.slope;
    cursor.ring.set(finalState.season);
    cursor.k = 0;
    for (let h = 0; h < horizon; h++) {
      const f = oneStepForecast(codes, p, cursor);
      const e = sigma * rng.normal();
      const y = codes.multError ? f * (1 + e) : f + e;
      out[h * count + path] = y;
      advance(codes, p, m, cursor, y);
    }
  }
  return out;
}

/**
 * Sample quantile of type 8 (Hyndman & Fan 1996, R's `quantile(type = 8)`, median-unbiased):
 * position h = (n + 1/3)·prob + 1/3, linear interpolation between order statistics of the
 * ascending-sorted `values`.
 * @see R. J. Hyndman, Y. Fan, "Sample quantiles in statistical packages", American Statistician 50(4), 1996.
 */
export function quantileType8(values: Float64Array, prob: number): number {
  const n = values.length;
  const h = (n + 1 / 3) * prob + 1 / 3;
  if (h <= 1) return values[0] as number;
  if (h >= n) return values[n - 1] as number;
  const lo = Math.floor(h);
  const below = values[lo - 1] as number;
  return below + (h - lo) * ((values[lo] as number) - below);
}
