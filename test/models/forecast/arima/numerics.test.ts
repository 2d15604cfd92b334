/**
 * Building blocks of the ARIMA method. Reference values from R 4.2.2 (forecast 8.20, urca 1.3):
 *
 *   x <- c(5.2,3.1,-1.4,-6.0, 6.1,2.8,-1.1,-5.2, 7.3,3.9,-0.2,-4.8, 8.0,4.6,0.4,-4.1, 9.2,5.1,1.3,-3.0, 9.9,6.3,1.8,-2.4)
 *   s <- stl(ts(x, frequency = 4), s.window = 11); s$time.series[, "seasonal"]; s$time.series[, "trend"]
 *   m <- forecast::mstl(ts(x, frequency = 4)); 1 - var(m[, "Remainder"]) / var(m[, "Remainder"] + m[, "Seasonal4"])
 *   urca::ur.kpss(x, type = "mu", use.lag = trunc(3 * sqrt(24) / 13))@teststat
 *   urca::ur.kpss(WWWusage, type = "mu", use.lag = 2)@teststat; urca::ur.kpss(1:10, type = "mu", use.lag = 0)@teststat
 */
import { describe, expect, it } from 'vitest';
import { allRootsOutside, arFromUnconstrained, partialAutocorrelations, unconstrainedFromAr } from '../../../../models/forecast/arima/admissibility.ts';
import { armaAutocovariance } from '../../../../models/forecast/arima/autocovariance.ts';
import { kpssStatistic, ndiffs } from '../../../../models/forecast/arima/kpss.ts';
import { difference, differencingPolynomial, expandSeasonalAr, expandSeasonalMa, multiplyAr, psiWeights } from '../../../../models/forecast/arima/lag-polynomial.ts';
import { levenbergMarquardt } from '../../../../models/forecast/arima/least-squares.ts';
import { cssResiduals, exactArmaFilter } from '../../../../models/forecast/arima/likelihood.ts';
import { nsdiffs, seasonalStrength } from '../../../../models/forecast/arima/seasonal-strength.ts';
import { stepwiseSearch, type Orders } from '../../../../models/forecast/arima/stepwise.ts';
import { stl } from '../../../../models/forecast/arima/stl.ts';
import { createRng } from '../../../../models/core/rng.ts';

const QUARTERLY = [5.2, 3.1, -1.4, -6.0, 6.1, 2.8, -1.1, -5.2, 7.3, 3.9, -0.2, -4.8, 8.0, 4.6, 0.4, -4.1, 9.2, 5.1, 1.3, -3.0, 9.9, 6.3, 1.8, -2.4];
const R_STL_SEASONAL = [5.81387792945768, 2.46843104468218, -1.84429019092484, -6.453299506564, 5.85269412348827, 2.44731076366311, -1.85692781863322, -6.45887065716406, 5.89115525497772, 2.42483299268293, -1.87210253929813, -6.46781404341492, 5.94943511909091, 2.39743638038873, -1.89708399331095, -6.47321004095721, 6.00848732836695, 2.3721547017714, -1.91863186529737, -6.47442792573765, 6.03424254202505, 2.36256153444806, -1.92823441623074, -6.47756277668033];
const R_STL_TREND = [-0.123328931319589, 0.0869247670345938, 0.278232659877162, 0.405945963058132, 0.397837206835081, 0.530044911494721, 0.796214958578506, 1.09960520617612, 1.34851073377161, 1.50628815712673, 1.63203827480831, 1.80127406188204, 1.97820192819348, 2.15139702905501, 2.35719387964608, 2.58190222144443, 2.77605630142339, 3.011769407607, 3.22041779364959, 3.48080423823756, 3.70529697553175, 3.8119159802598, 3.92302971034327, 4.01901814779487];
const WWW_USAGE = [88, 84, 85, 85, 84, 85, 83, 85, 88, 89, 91, 99, 104, 112, 126, 138, 146, 151, 150, 148, 147, 149, 143, 132, 131, 139, 147, 150, 148, 145, 140, 134, 131, 131, 129, 126, 126, 132, 137, 140, 142, 150, 159, 167, 170, 171, 172, 172, 174, 175, 172, 172, 174, 174, 169, 165, 156, 142, 131, 121, 112, 104, 102, 99, 99, 95, 88, 84, 84, 87, 89, 88, 85, 86, 89, 91, 91, 94, 101, 110, 121, 135, 145, 149, 156, 165, 171, 175, 177, 182, 193, 204, 208, 210, 215, 222, 228, 226, 222, 220];

/** −2 log-likelihood pieces of a zero-mean Gaussian vector with Toeplitz covariance γ, by dense Cholesky. */
function denseGaussian(w: number[], gamma: Float64Array): { quadratic: number; logDet: number } {
  const n = w.length;
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = gamma[i - j] as number;
      for (let k = 0; k < j; k++) s -= (L[i * n + k] as number) * (L[j * n + k] as number);
      L[i * n + j] = i === j ? Math.sqrt(s) : s / (L[j * n + j] as number);
    }
  }
  let quadratic = 0, logDet = 0;
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = w[i] as number;
    for (let k = 0; k < i; k++) s -= (L[i * n + k] as number) * (z[k] as number);
    z[i] = s / (L[i * n + i] as number);
    quadratic += (z[i] as number) ** 2;
    logDet += 2 * Math.log(L[i * n + i] as number);
  }
  return { quadratic, logDet };
}

describe('exact ARMA likelihood (Chandrasekhar filter)', () => {
  const rng = createRng(3);
  const w = Array.from({ length: 50 }, () => rng.normal());
  const models: [string, Float64Array, Float64Array][] = [
    ['AR(1)', Float64Array.of(0.5), new Float64Array(0)],
    ['MA(2)', new Float64Array(0), Float64Array.of(0.4, -0.3)],
    ['ARMA(2,2)', Float64Array.of(0.5, -0.3), Float64Array.of(0.4, 0.2)],
    ['(1,0,1)(1,0,1)[4]', expandSeasonalAr([0.3], [0.5], 4), expandSeasonalMa([-0.4], [-0.6], 4)],
    ['(0,0,1)(0,0,1)[12]', new Float64Array(0), expandSeasonalMa([-0.4], [-0.6], 12)],
  ];
  for (const [name, phi, theta] of models) {
    it(`equals the dense Toeplitz Gaussian likelihood for ${name} (to 1e-9 relative: rounding only)`, () => {
      const out = { innovations: new Float64Array(w.length), variances: new Float64Array(w.length) };
      const sums = exactArmaFilter(w, phi, theta, out);
      const dense = denseGaussian(w, armaAutocovariance(phi, theta, w.length));
      expect(sums).toBeDefined();
      expect(Math.abs((sums?.sumSquares ?? NaN) / dense.quadratic - 1)).toBeLessThan(1e-9);
      expect(Math.abs((sums?.sumLogVariance ?? NaN) - dense.logDet)).toBeLessThan(1e-9);
    });
  }

  it('gives γ(0) = 1/(1 − φ²) for an AR(1) and (1 + θ², θ) for an MA(1)', () => {
    expect(armaAutocovariance([0.5], [], 1)[0]).toBeCloseTo(4 / 3, 12);
    expect(Array.from(armaAutocovariance([], [0.5], 2))).toEqual([1.25, 0.5, 0]);
  });

  it('computes CSS residuals conditional on the first p values', () => {
    const out = new Float64Array(3);
    const ss = cssResiduals([1, 2, 4, 7], [1], [0.5], out);
    // e_1 = 2 − 1 = 1, e_2 = 4 − 2 − 0.5·1 = 1.5, e_3 = 7 − 4 − 0.5·1.5 = 2.25
    expect(Array.from(out)).toEqual([1, 1.5, 2.25]);
    expect(ss).toBeCloseTo(1 + 2.25 + 5.0625, 12);
  });
});

describe('lag polynomials and admissibility', () => {
  it('expands seasonal products and differencing operators', () => {
    expect(Array.from(expandSeasonalAr([0.5], [0.3], 4))).toEqual([0.5, 0, 0, 0.3, -0.15]);
    expect(Array.from(expandSeasonalMa([0.5], [0.3], 4))).toEqual([0.5, 0, 0, 0.3, 0.15]);
    expect(Array.from(differencingPolynomial(1, 1, 4))).toEqual([1, 0, 0, 1, -1]);
    expect(Array.from(differencingPolynomial(2, 0, 1))).toEqual([2, -1]);
    expect(Array.from(multiplyAr([0.5], [1]))).toEqual([1.5, -0.5]);
    expect(Array.from(difference([1, 4, 9, 16, 25], 1, 2))).toEqual([2, 2, 2]);
    expect(Array.from(psiWeights([1], [0.5], 4))).toEqual([1, 1.5, 1.5, 1.5]);
  });

  it('maps unconstrained values to stationary AR polynomials and back', () => {
    const u = [0.3, -1.2, 2.0];
    const a = arFromUnconstrained(u);
    expect(Array.from(partialAutocorrelations(a) ?? []).map((v) => Math.atanh(v))).toEqual(u.map((v) => expect.closeTo(v, 12)));
    expect(Array.from(unconstrainedFromAr(a) ?? [])).toEqual(u.map((v) => expect.closeTo(v, 12)));
    expect(unconstrainedFromAr([1.2])).toBeUndefined();
  });

  it('tests the minimum root modulus, also for seasonal factors in B^m', () => {
    // (1 − 0.7z)(1 − 0.8z) = 1 − 1.5z + 0.56z²: roots 1/0.7 ≈ 1.43 and 1.25.
    expect(allRootsOutside([1.5, -0.56], 1.01)).toBe(true);
    expect(allRootsOutside([1.5, -0.56], 1.3)).toBe(false);
    expect(allRootsOutside([0.995], 1.01)).toBe(false);
    // 1 − 0.95 B^12 has roots |B| = 0.95^(−1/12) ≈ 1.0043 < 1.01, although 1/0.95 ≈ 1.053 is not.
    expect(allRootsOutside([0.95], 1.01, 12)).toBe(false);
    expect(allRootsOutside([0.85], 1.01, 12)).toBe(true);
    expect(allRootsOutside([0, 0], 1.01)).toBe(true);
  });
});

describe('unit-root and seasonality decisions', () => {
  it('matches urca::ur.kpss (1e-12: the same sums in another order)', () => {
    expect(kpssStatistic(WWW_USAGE)).toBeCloseTo(0.721974318082, 11);
    expect(kpssStatistic([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBeCloseTo(1.01, 12);
    expect(kpssStatistic(QUARTERLY)).toBeCloseTo(0.0873946678082976, 12);
    expect(ndiffs(WWW_USAGE)).toBe(1);
    expect(ndiffs(Array.from({ length: 40 }, (_, t) => t * t))).toBe(2);
  });

  it('matches stats::stl(s.window = 11) to 1e-12', () => {
    const s = stl(QUARTERLY, 4, { seasonalWindow: 11 });
    s.seasonal.forEach((v, i) => expect(v).toBeCloseTo(R_STL_SEASONAL[i] as number, 12));
    s.trend.forEach((v, i) => expect(v).toBeCloseTo(R_STL_TREND[i] as number, 12));
    s.remainder.forEach((v, i) => expect(v).toBeCloseTo((QUARTERLY[i] as number) - (R_STL_SEASONAL[i] as number) - (R_STL_TREND[i] as number), 12));
  });

  it('matches the mstl seasonal strength and nsdiffs', () => {
    expect(seasonalStrength(QUARTERLY, 4)).toBeCloseTo(0.997966691007654, 12);
    expect(nsdiffs(QUARTERLY, 4)).toBe(1);
    expect(seasonalStrength(QUARTERLY.slice(0, 8), 4)).toBe(0); // n ≤ 2m: mstl drops the season
  });
});

describe('stepwise search', () => {
  it('visits the starting models in forecast order, then climbs to the best neighbour', () => {
    const criterion = (o: Orders) => (o.p - 3) ** 2 + (o.q - 1) ** 2 + o.P + o.Q + (o.constant ? 0 : 0.5);
    const result = stepwiseSearch((o) => ({ value: criterion(o), fit: o }), { p: [0, 5], q: [0, 5], P: [0, 2], Q: [0, 2], constant: [true, false], period: 12 }, { p: 2, q: 2, P: 1, Q: 1 });
    expect(result.tried.slice(0, 5).map((t) => t.orders)).toEqual([
      { p: 2, q: 2, P: 1, Q: 1, constant: true }, { p: 0, q: 0, P: 0, Q: 0, constant: true },
      { p: 1, q: 0, P: 1, Q: 0, constant: true }, { p: 0, q: 1, P: 0, Q: 1, constant: true },
      { p: 0, q: 0, P: 0, Q: 0, constant: false },
    ]);
    expect(result.best).toEqual({ p: 3, q: 1, P: 0, Q: 0, constant: true });
    expect(new Set(result.tried.map((t) => JSON.stringify(t.orders))).size).toBe(result.tried.length);
  });

  it('never moves a fixed dimension', () => {
    const result = stepwiseSearch((o) => ({ value: o.q + o.p, fit: o }), { p: [2, 2], q: [0, 5], P: [0, 0], Q: [0, 0], constant: [false], period: 1 }, { p: 2, q: 2, P: 0, Q: 0 });
    expect(result.tried.every((t) => t.orders.p === 2 && !t.orders.constant)).toBe(true);
    expect(result.best).toEqual({ p: 2, q: 0, P: 0, Q: 0, constant: false });
  });
});

describe('Levenberg–Marquardt', () => {
  it('fits an exponential decay (Gauss–Newton converges to the exact parameters)', () => {
    const t = [0, 1, 2, 3, 4, 5];
    const y = t.map((v) => 3 * Math.exp(-0.4 * v));
    const r = levenbergMarquardt((x, out) => {
      t.forEach((v, i) => { out[i] = (x[0] as number) * Math.exp(-(x[1] as number) * v) - (y[i] as number); });
      return true;
    }, [1, 0.1], t.length);
    expect(r?.x[0]).toBeCloseTo(3, 6);
    expect(r?.x[1]).toBeCloseTo(0.4, 6);
  });
});
