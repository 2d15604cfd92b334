import { describe, expect, it } from 'vitest';
import { gm11Method } from '../../../models/forecast/gm11.ts';

// The classic worked example of GM(1,1): S. Liu, Y. Lin, Grey Information (Springer 2006), ch. 6,
// and 刘思峰等《灰色系统理论及其应用》, the GM(1,1) modelling example with X(0) = (2.874, 3.278, 3.337, 3.390, 3.679):
// â = (−0.0372, 3.0653)ᵀ (printed to 4 decimals) and x̂(1)(k+1) ≈ 85.27 e^{0.0372k} − 82.40.
const x0 = [2.874, 3.278, 3.337, 3.39, 3.679];

describe('GM(1,1) grey model', () => {
  const fit = gm11Method.fit({ values: x0, frequency: 1 });

  it('reproduces the textbook parameters', () => {
    // Printed with four decimals, truncated (b = 3.06536…), hence 1e-4.
    expect(Math.abs(fit.a - -0.0372)).toBeLessThan(1e-4);
    expect(Math.abs(fit.b - 3.0653)).toBeLessThan(1e-4);
  });

  it('matches the least squares and time response computed in R', () => {
    // R 4.2.2: x1 <- cumsum(x0); z <- (x1[-1] + x1[-5])/2; B <- cbind(-z, 1); solve(t(B) %*% B, t(B) %*% x0[-1])
    //   and x1h <- (x0[1] - b/a) * exp(-a * 0:7) + b/a; c(x0[1], diff(x1h))
    expect(fit.a).toBeCloseTo(-0.0372043819435579, 13);
    expect(fit.b).toBeCloseTo(3.06536331300153, 12);
    const rFitted = [2.874, 3.2320389138706, 3.35454976334292, 3.48170440227402, 3.61367885409867];
    fit.fitted.forEach((v, i) => expect(v).toBeCloseTo(rFitted[i] as number, 12));
    const fc = gm11Method.forecast(fit, { horizon: 3, levels: [80, 95] });
    [3.75065581444279, 3.8928249040332, 4.04038293119477].forEach((v, i) => expect(fc.mean[i]).toBeCloseTo(v, 12));
  });

  it('reports the posterior-variance ratio C, the small-error probability P and the grade', () => {
    // R: e <- x0 - x0h[1:5]; S1 <- sqrt(mean((x0 - mean(x0))^2)); S2 <- sqrt(mean((e - mean(e))^2)); S2/S1
    expect(fit.posteriorVarianceRatio).toBeCloseTo(0.212471986074759, 12);
    expect(fit.smallErrorProbability).toBe(1);
    expect(fit.grade).toBe('good');
    expect(fit.classRatioPassed).toBe(true);
    expect(fit.description).toContain('C = 0.212, P = 1.00: good');
  });

  it('grades a noisy series down', () => {
    const noisy = gm11Method.fit({ values: [10, 30, 12, 35, 11, 40], frequency: 1 });
    expect(noisy.grade).toBe('unqualified');
    expect(noisy.classRatioPassed).toBe(false);
  });

  it('on exact geometric data the grey equation holds exactly, the time response nearly', () => {
    const series = Array.from({ length: 8 }, (_, k) => 100 * 1.05 ** k);
    const f = gm11Method.fit({ values: series, frequency: 1 });
    // x0_k = A r^k satisfies x0_k + a z_k = b exactly with a = −2(r − 1)/(r + 1) (trapezoid background value) ...
    expect(f.a).toBeCloseTo((-2 * 0.05) / 2.05, 12);
    // ... but the whitened response grows by e^{−a} = 1.04999 per step, not r: GM(1,1)'s known bias.
    const fc = gm11Method.forecast(f, { horizon: 2, levels: [] });
    expect((fc.mean[1] as number) / (fc.mean[0] as number)).toBeCloseTo(Math.exp(-f.a), 12);
    expect(f.grade).toBe('good');
    expect(f.posteriorVarianceRatio).toBeLessThan(0.01);
  });

  it('keeps lo95 ≤ lo80 ≤ mean ≤ hi80 ≤ hi95 with widening intervals', () => {
    const fc = gm11Method.forecast(fit, { horizon: 6, levels: [80, 95] });
    fc.mean.forEach((v, i) => {
      const b = [fc.lower['95']?.[i], fc.lower['80']?.[i], v, fc.upper['80']?.[i], fc.upper['95']?.[i]] as number[];
      b.slice(1).forEach((x, k) => expect(x).toBeGreaterThan(b[k] as number));
      if (i > 0) expect((fc.upper['95']?.[i] as number) / v).toBeGreaterThan((fc.upper['95']?.[i - 1] as number) / (fc.mean[i - 1] as number));
    });
  });

  it('rejects bad input with exact messages', () => {
    expect(() => gm11Method.fit({ values: [1, 2, 3], frequency: 1 })).toThrow('gm11: series too short: needs at least 4 values, got 3');
    expect(() => gm11Method.fit({ values: [1, 2, 0, 3], frequency: 1 })).toThrow(
      'gm11: series must be positive (GM(1,1) models a positive, accumulating series), got 0 at index 2');
    expect(() => gm11Method.fit({ values: [1, 2, NaN, 3], frequency: 1 })).toThrow('gm11: series has a non-finite value (NaN) at index 2');
    expect(() => gm11Method.forecast(fit, { horizon: -1, levels: [] })).toThrow('gm11: horizon must be an integer ≥ 1, got -1');
  });
});
