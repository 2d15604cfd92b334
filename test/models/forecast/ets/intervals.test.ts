import { describe, expect, it } from 'vitest';
import { etsMethod, type EtsFitted, type EtsModelCode } from '../../../../models/forecast/ets/index.ts';
import { analyticVariance, quantileType8, simulatePaths } from '../../../../models/forecast/ets/intervals.ts';
import { readFixture, simulateAdditive } from './helpers.ts';

const LEVELS = [80, 95];

describe('analytic intervals', () => {
  it('ETS(A,N,N): v_h = σ²(1 + (h − 1)α²), worked by hand', () => {
    const y = simulateAdditive(3, 60, { alpha: 0.5, level0: 20, sigma: 2 });
    const fit = etsMethod.fit({ values: y, frequency: 1 }, { model: 'ANN' });
    const fc = etsMethod.forecast(fit, { horizon: 6, levels: LEVELS });
    const { alpha } = fit.parameters;
    for (let h = 1; h <= 6; h++) {
      const sd = Math.sqrt(fit.sigma2 * (1 + (h - 1) * alpha * alpha));
      expect(fc.mean[h - 1]).toBe(fit.finalState.level);
      expect(fc.upper['95']?.[h - 1]).toBeCloseTo(fit.finalState.level + 1.959963984540054 * sd, 10);
      expect(fc.lower['80']?.[h - 1]).toBeCloseTo(fit.finalState.level - 1.2815515655446004 * sd, 10);
    }
  });

  it('ETS(M,N,N): v_h = (1 + σ²)θ_h − μ², θ_1 = μ², θ_2 = μ²(1 + σ²α²) (class 2)', () => {
    const fx = readFixture('Nile');
    const fit = etsMethod.fit({ values: fx.values, frequency: 1 }, { model: 'MNN' });
    const mu = fit.finalState.level;
    const s2 = fit.sigma2;
    const a2 = fit.parameters.alpha ** 2;
    const v = analyticVariance(fit, [mu, mu]);
    expect(v[0]).toBeCloseTo(s2 * mu * mu, 6);
    expect(v[1]).toBeCloseTo((1 + s2) * mu * mu * (1 + s2 * a2) - mu * mu, 6);
  });
});

describe('simulated intervals', () => {
  it('reproduce the analytic ETS(A,N,N) variance within 4 standard errors (seeded, 20000 paths)', () => {
    const y = simulateAdditive(5, 80, { alpha: 0.6, level0: 50, sigma: 1 });
    const fit: EtsFitted = { ...etsMethod.fit({ values: y, frequency: 1 }, { model: 'ANN' }), simulationPaths: 20000, seed: 7 };
    const paths = simulatePaths(fit, 4);
    for (let h = 0; h < 4; h++) {
      const column = paths.subarray(h * 20000, (h + 1) * 20000);
      const mean = column.reduce((a, b) => a + b, 0) / column.length;
      const variance = column.reduce((a, b) => a + (b - mean) ** 2, 0) / (column.length - 1);
      const exact = fit.sigma2 * (1 + h * fit.parameters.alpha ** 2);
      // se of a normal sample variance: v·√(2/(N − 1)) ≈ 1% of v.
      expect(Math.abs(variance / exact - 1)).toBeLessThan(4 * Math.sqrt(2 / 19999));
      expect(Math.abs(mean - fit.finalState.level)).toBeLessThan(4 * Math.sqrt(exact / 20000));
    }
  });

  it('are deterministic for a seed and change with it', () => {
    const fx = readFixture('UKgas');
    const series = { values: fx.values, frequency: 4 };
    const a = etsMethod.forecast(etsMethod.fit(series, { model: 'MAM', damped: false }), { horizon: 8, levels: LEVELS });
    const b = etsMethod.forecast(etsMethod.fit(series, { model: 'MAM', damped: false }), { horizon: 8, levels: LEVELS });
    const c = etsMethod.forecast(etsMethod.fit(series, { model: 'MAM', damped: false, seed: 99 }), { horizon: 8, levels: LEVELS });
    expect(a).toEqual(b);
    expect(c.mean).toEqual(a.mean);
    expect(c.lower['95']).not.toEqual(a.lower['95']);
  });

  it('quantileType8 matches R’s quantile(type = 8)', () => {
    // R: quantile(c(3,1,4,1,5,9,2,6,5,3), c(0.025, 0.1, 0.5, 0.9, 0.975), type = 8) → 1, 1, 3.5, 7.9, 9
    const sorted = Float64Array.of(3, 1, 4, 1, 5, 9, 2, 6, 5, 3).sort();
    expect([0.025, 0.1, 0.5, 0.9, 0.975].map((p) => quantileType8(sorted, p)).map((v) => +v.toFixed(12))).toEqual([1, 1, 3.5, 7.9, 9]);
  });
});

describe('interval ordering lo95 ≤ lo80 ≤ mean ≤ hi80 ≤ hi95', () => {
  const fx = readFixture('USAccDeaths');
  const codes: [EtsModelCode, boolean][] = [
    ['ANN', false], ['AAN', false], ['AAN', true], ['ANA', false], ['AAA', false], ['AAA', true],
    ['MNN', false], ['MAN', false], ['MAN', true], ['MNA', false], ['MAA', false], ['MAA', true],
    ['MNM', false], ['MAM', false], ['MAM', true],
  ];
  it.each(codes)('ETS %s damped=%s on a monthly series, h = 24', (model, damped) => {
    const fit = etsMethod.fit({ values: fx.values, frequency: 12 }, { model, damped: model[1] === 'N' ? undefined : damped, simulationPaths: 500 });
    const fc = etsMethod.forecast(fit, { horizon: 24, levels: LEVELS });
    for (let h = 0; h < 24; h++) {
      const row = [fc.lower['95']?.[h], fc.lower['80']?.[h], fc.mean[h], fc.upper['80']?.[h], fc.upper['95']?.[h]] as number[];
      for (let i = 1; i < row.length; i++) expect(row[i - 1]).toBeLessThanOrEqual(row[i] as number);
    }
  });
});
