/**
 * The likelihood's inner loop: the recursions of ./recursions.ts over the whole series, returning
 * R's "lik" criterion. It runs about 2000 times per form, so it is written for speed:
 * - one loop per season type keeps the branches out of the loop; a trendless form runs the trend
 *   equations with b = β = 0, which leaves every other quantity unchanged (q = ℓ + φ·0 = ℓ);
 * - the updates use u = p − q (ℓ' = q + αu, b' = φb + βu), which shortens the loop-carried
 *   dependency chain of R's (β/α)(ℓ' − ℓ − φb) by half with the same value up to rounding;
 * - Σlog|ŷ_t| is taken as the log of a running product, renormalised when it leaves
 *   [1e−200, 1e200], so Math.log runs a few times per pass instead of once per step.
 * Together these make a pass 2–3× faster than the textbook loop. Fits still agree with R's to
 * 1e−6 or better (largest difference seen: 3e−8; test/models/forecast/ets/reference.test.ts).
 */
import type { FormCodes } from './recursions.ts';

const TOL = 1e-10;
const HUGE = 1e10;
const PRODUCT_MAX = 1e200;
const PRODUCT_MIN = 1e-200;

/**
 * Runs the recursions over y and returns R's "lik" criterion
 *   n·log(Σe²)                (additive error)
 *   n·log(Σe²) + 2·Σlog|ŷ_t|  (multiplicative error),
 * i.e. −2·log-likelihood up to a constant. `season` (length m, or ignored for non-seasonal forms)
 * holds s for times 0..m−1 on entry and is overwritten. No allocation.
 */
export function etsLikelihood(
  y: Float64Array, codes: FormCodes, m: number,
  alpha: number, beta: number, gamma: number, phi: number,
  level0: number, slope0: number, season: Float64Array,
): number {
  const mult = codes.multError;
  const b = codes.trend ? beta : 0;
  const b0 = codes.trend ? slope0 : 0;
  if (codes.season === 0) return passNonSeasonal(y, mult, alpha, b, phi, level0, b0);
  if (codes.season === 1) return passAdditiveSeason(y, mult, m, alpha, b, gamma, phi, level0, b0, season);
  return passMultiplicativeSeason(y, mult, m, alpha, b, gamma, phi, level0, b0, season);
}

/** n·log(Σe²) (+ 2·Σlog|ŷ| for a multiplicative error) from the sums of a pass. */
function criterion(n: number, sse: number, mult: boolean, logSum: number, product: number): number {
  const lik = n * Math.log(sse);
  return mult ? lik + 2 * (logSum + Math.log(product)) : lik;
}

function passNonSeasonal(y: Float64Array, mult: boolean, alpha: number, beta: number, phi: number, level0: number, slope0: number): number {
  let level = level0;
  let slope = slope0;
  let sse = 0;
  let logSum = 0;
  let product = 1;
  for (let t = 0; t < y.length; t++) {
    const yt = y[t] as number;
    const phib = phi * slope;
    const q = level + phib;
    let e = yt - q;
    if (mult) {
      e /= q;
      product *= Math.abs(q);
      if (product > PRODUCT_MAX || product < PRODUCT_MIN) {
        logSum += Math.log(product);
        product = 1;
      }
    }
    sse += e * e;
    const u = yt - q;
    level = q + alpha * u;
    slope = phib + beta * u;
  }
  return criterion(y.length, sse, mult, logSum, product);
}

function passAdditiveSeason(y: Float64Array, mult: boolean, m: number, alpha: number, beta: number, gamma: number, phi: number, level0: number, slope0: number, season: Float64Array): number {
  let level = level0;
  let slope = slope0;
  let sse = 0;
  let logSum = 0;
  let product = 1;
  for (let t = 0, k = 0; t < y.length; t++) {
    const yt = y[t] as number;
    const phib = phi * slope;
    const q = level + phib;
    const sOld = season[k] as number;
    const forecast = q + sOld;
    let e = yt - forecast;
    if (mult) {
      e /= forecast;
      product *= Math.abs(forecast);
      if (product > PRODUCT_MAX || product < PRODUCT_MIN) {
        logSum += Math.log(product);
        product = 1;
      }
    }
    sse += e * e;
    const u = yt - sOld - q;
    level = q + alpha * u;
    slope = phib + beta * u;
    season[k] = sOld + gamma * u;
    if (++k === m) k = 0;
  }
  return criterion(y.length, sse, mult, logSum, product);
}

function passMultiplicativeSeason(y: Float64Array, mult: boolean, m: number, alpha: number, beta: number, gamma: number, phi: number, level0: number, slope0: number, season: Float64Array): number {
  let level = level0;
  let slope = slope0;
  let sse = 0;
  let logSum = 0;
  let product = 1;
  for (let t = 0, k = 0; t < y.length; t++) {
    const yt = y[t] as number;
    const phib = phi * slope;
    const q = level + phib;
    const sOld = season[k] as number;
    const forecast = q * sOld;
    let e = yt - forecast;
    if (mult) {
      e /= forecast;
      product *= Math.abs(forecast);
      if (product > PRODUCT_MAX || product < PRODUCT_MIN) {
        logSum += Math.log(product);
        product = 1;
      }
    }
    sse += e * e;
    const u = (Math.abs(sOld) < TOL ? HUGE : yt / sOld) - q;
    level = q + alpha * u;
    slope = phib + beta * u;
    season[k] = sOld + gamma * ((Math.abs(q) < TOL ? HUGE : yt / q) - sOld);
    if (++k === m) k = 0;
  }
  return criterion(y.length, sse, mult, logSum, product);
}
