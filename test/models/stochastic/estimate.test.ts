import { describe, expect, it } from 'vitest';
import { createRng } from '../../../models/core/rng.ts';
import { compileShocks, estimateShocks } from '../../../models/stochastic/index.ts';

describe('estimateShocks', () => {
  it('matches least squares on lagged deviations computed by NumPy for a 7-year history', () => {
    // NumPy 2.4.6: x = g − g.mean(); beta = lstsq([1, x[:-1]], x[1:]); e = x[1:] − X @ beta
    // phi = beta[1]; sigma = sqrt(e @ e / (len(e) − 2)); rho = corrcoef(e_wage, e_medical)[0, 1]
    const spec = estimateShocks({
      medicalInflation: [0.03, 0.035, 0.02, 0.04, 0.03, 0.025, 0.03],
      wageGrowth: [0.08, 0.1, 0.07, 0.09, 0.06, 0.08, 0.07],
    });
    expect(spec.drivers).toEqual(['wageGrowth', 'medicalInflation']); // canonical order, not key order
    expect(spec.phi[0]).toBeCloseTo(-0.4999999999999998, 12);
    expect(spec.sigma[0]).toBeCloseTo(0.014433756729740645, 14);
    expect(spec.phi[1]).toBeCloseTo(-0.6000000000000003, 12);
    expect(spec.sigma[1]).toBeCloseTo(0.006324555320336758, 14);
    expect(spec.correlation[0]?.[1]).toBeCloseTo(0.3012474066278411, 12);
    expect(spec.correlation[1]?.[0]).toBe(spec.correlation[0]?.[1]);
    expect(spec.source).toBe('estimated from 7 years of history: AR(1) by least squares on deviations from the mean growth, correlation of residuals');
    expect(() => compileShocks(spec, 'employee')).not.toThrow();
  });

  it('recovers φ, σ and the innovation correlation of a long simulated pair of AR(1) series', () => {
    // wage: mean 6 %, φ 0.6, σ 0.02; medical inflation: mean 3 %, φ −0.3, σ 0.01; ρ(ε) = 0.5
    const n = 5000, rng = createRng(31337);
    const wage: number[] = [], medical: number[] = [];
    let dw = 0, dm = 0;
    for (let t = 0; t < n; t++) {
      const z1 = rng.normal(), z2 = rng.normal();
      dw = 0.6 * dw + 0.02 * z1;
      dm = -0.3 * dm + 0.01 * (0.5 * z1 + Math.sqrt(0.75) * z2);
      wage.push(0.06 + dw);
      medical.push(0.03 + dm);
    }
    const spec = estimateShocks({ wageGrowth: wage, medicalInflation: medical });
    // 4 asymptotic standard errors: SE(φ̂) = √((1 − φ²)/n), SE(σ̂) = σ/√(2n), SE(ρ̂) = (1 − ρ²)/√n
    expect(Math.abs((spec.phi[0] as number) - 0.6)).toBeLessThan(4 * Math.sqrt((1 - 0.36) / n));
    expect(Math.abs((spec.phi[1] as number) + 0.3)).toBeLessThan(4 * Math.sqrt((1 - 0.09) / n));
    expect(Math.abs((spec.sigma[0] as number) - 0.02)).toBeLessThan((4 * 0.02) / Math.sqrt(2 * n));
    expect(Math.abs((spec.sigma[1] as number) - 0.01)).toBeLessThan((4 * 0.01) / Math.sqrt(2 * n));
    expect(Math.abs((spec.correlation[0]?.[1] as number) - 0.5)).toBeLessThan((4 * 0.75) / Math.sqrt(n));
  });

  it('a constant series has φ = 0, σ = 0 and correlation 0 with the others', () => {
    const spec = estimateShocks({ wageGrowth: [0.05, 0.05, 0.05, 0.05, 0.05, 0.05], activeGrowth: [0.01, 0.02, 0.0, 0.015, 0.01, 0.02] });
    expect(spec.phi[0]).toBe(0);
    expect(spec.sigma[0]).toBe(0);
    expect(spec.correlation).toEqual([[1, 0], [0, 1]]);
  });

  it('rejects bad histories with exact messages', () => {
    const six = [0.05, 0.06, 0.04, 0.05, 0.07, 0.05];
    expect(() => estimateShocks({})).toThrow('estimateShocks: history has no driver series');
    expect(() => estimateShocks({ wage: six } as never)).toThrow(
      "estimateShocks: unknown driver 'wage' (allowed: wageGrowth, medicalInflation, utilisationGrowth, activeGrowth, retireeGrowth, insuredGrowth)");
    expect(() => estimateShocks({ wageGrowth: [...six.slice(0, 5), Number.NaN] })).toThrow('estimateShocks: wageGrowth[5] must be a finite growth rate, got NaN');
    expect(() => estimateShocks({ wageGrowth: six, medicalInflation: six.slice(1) }))
      .toThrow('estimateShocks: medicalInflation has 5 values but wageGrowth has 6 (the series must cover the same years)');
    expect(() => estimateShocks({ wageGrowth: six.slice(1) })).toThrow('estimateShocks: needs at least 6 yearly values per driver (6, and 2 more than the 1 drivers), got 5');
    expect(() => estimateShocks({ wageGrowth: six, medicalInflation: six, utilisationGrowth: six, activeGrowth: six, retireeGrowth: six }))
      .toThrow('estimateShocks: needs at least 7 yearly values per driver (6, and 2 more than the 5 drivers), got 6');
    // a trending series: deviations from the mean are a straight line, the lag regression slope is 1 (to rounding)
    expect(() => estimateShocks({ wageGrowth: [0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07] }))
      .toThrow('estimateShocks: wageGrowth: estimated φ = 1.0000000000000002 is not stationary (|φ| ≥ 1); give phi in a ShockSpec instead');
    // the same series twice: perfectly correlated residuals, a pivot of rounding error only
    const seven = [0.05, 0.06, 0.04, 0.05, 0.07, 0.05, 0.06];
    expect(() => estimateShocks({ wageGrowth: seven, activeGrowth: seven })).toThrow(
      'estimateShocks: residual correlation is nearly singular (Cholesky pivot 2 = 4.440892098500627e-16 < 1e-10): activeGrowth moves with the drivers before it; drop one');
    // the second driver is the first plus a different wiggle in one year only: correlated but not singular
    expect(() => estimateShocks({ wageGrowth: seven, activeGrowth: seven.map((v, i) => (i === 3 ? v + 0.01 : v)) })).not.toThrow();
  });
});
