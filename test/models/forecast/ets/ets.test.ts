import { describe, expect, it } from 'vitest';
import { etsMethod, type EtsModelCode } from '../../../../models/forecast/ets/index.ts';
import { candidateForms } from '../../../../models/forecast/ets/selection.ts';
import { formLabel } from '../../../../models/forecast/ets/types.ts';
import { createRng } from '../../../../models/core/rng.ts';

/** Monthly series: level 200, slope 0.5, a strong seasonal swing and N(0, 3²) noise (seeded). */
function seasonalMonthly(n: number, seed = 1): number[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, t) => 200 + 0.5 * t + 40 * Math.sin((2 * Math.PI * t) / 12) + 3 * rng.normal());
}

describe('etsMethod', () => {
  it('is the "ets" ForecastMethod and describes the chosen form', () => {
    expect(etsMethod.name).toBe('ets');
    const fit = etsMethod.fit({ values: seasonalMonthly(72), frequency: 12 });
    expect(fit.method).toBe('ets');
    expect(fit.description).toMatch(/^ETS\([AM],(N|A|Ad),[NAM]\)$/);
    expect(fit.aicc).toBeTypeOf('number');
    const fc = etsMethod.forecast(fit, { horizon: 12, levels: [80, 95] });
    expect(fc.method).toBe('ets');
    expect(fc.mean).toHaveLength(12);
    expect(Object.keys(fc.lower).sort()).toEqual(['80', '95']);
  });

  it('selects a seasonal form for a seasonal monthly series', () => {
    const fit = etsMethod.fit({ values: seasonalMonthly(96), frequency: 12 });
    expect(fit.form.season).not.toBe('N');
    // The forecasts keep the seasonal swing: one year ahead spans most of the ±40 amplitude.
    const fc = etsMethod.forecast(fit, { horizon: 12, levels: [95] });
    expect(Math.max(...fc.mean) - Math.min(...fc.mean)).toBeGreaterThan(60);
  });

  it('gives a flat forecast with zero-width intervals for a constant series (R: ses(alpha = 0.99999))', () => {
    const fit = etsMethod.fit({ values: Array<number>(30).fill(5), frequency: 12 });
    expect(fit.description).toBe('ETS(A,N,N)');
    expect(fit.parameters.alpha).toBe(0.99999);
    expect(fit.aicc).toBeUndefined();
    const fc = etsMethod.forecast(fit, { horizon: 4, levels: [80, 95] });
    expect(fc.mean).toEqual([5, 5, 5, 5]);
    expect(fc.lower['95']).toEqual([5, 5, 5, 5]);
    expect(fc.upper['80']).toEqual([5, 5, 5, 5]);
  });

  it('falls back to simple exponential smoothing from ℓ0 = y1 for very short series (R: n ≤ parameters + 4)', () => {
    const fit = etsMethod.fit({ values: [10, 12, 11, 13], frequency: 1 });
    expect(fit.description).toBe('ETS(A,N,N)');
    expect(fit.initialState.level).toBe(10);
    expect(fit.aicc).toBeUndefined();
    expect(etsMethod.forecast(fit, { horizon: 2, levels: [80] }).mean).toHaveLength(2);
  });

  it('never uses multiplicative components for data with zeros or negatives', () => {
    const values = seasonalMonthly(72).map((v) => v - 230);
    const fit = etsMethod.fit({ values, frequency: 12 });
    expect(fit.form.error).toBe('A');
    expect(fit.form.season).not.toBe('M');
  });

  it('fits exactly the requested form', () => {
    const fit = etsMethod.fit({ values: seasonalMonthly(72), frequency: 12 }, { model: 'MAM', damped: true });
    expect(fit.description).toBe('ETS(M,Ad,M)');
  });
});

describe('candidateForms (R’s model space)', () => {
  const labels = (code: EtsModelCode | undefined, frequency: number, n: number, positive: boolean, damped?: boolean) =>
    candidateForms({ model: code, damped }, frequency, n, positive).forms.map(formLabel);

  it('tries 15 forms for positive monthly data and R’s loop order', () => {
    expect(labels('ZZZ', 12, 100, true)).toEqual([
      'ETS(A,N,N)', 'ETS(A,N,A)', 'ETS(A,Ad,N)', 'ETS(A,A,N)', 'ETS(A,Ad,A)', 'ETS(A,A,A)',
      'ETS(M,N,N)', 'ETS(M,N,A)', 'ETS(M,N,M)', 'ETS(M,Ad,N)', 'ETS(M,A,N)', 'ETS(M,Ad,A)', 'ETS(M,A,A)', 'ETS(M,Ad,M)', 'ETS(M,A,M)',
    ]);
  });

  it('drops seasonal forms for yearly data, m > 24 or n ≤ m, and multiplicative ones for non-positive data', () => {
    expect(labels('ZZZ', 1, 30, true)).toHaveLength(6);
    expect(labels('ZZZ', 52, 300, true)).toHaveLength(6);
    expect(labels('ZZZ', 12, 12, true)).toHaveLength(6);
    expect(labels('ZZZ', 12, 100, false)).toEqual(['ETS(A,N,N)', 'ETS(A,N,A)', 'ETS(A,Ad,N)', 'ETS(A,A,N)', 'ETS(A,Ad,A)', 'ETS(A,A,A)']);
    expect(labels('AZN', 1, 30, true, true)).toEqual(['ETS(A,Ad,N)']);
  });
});

describe('bad input', () => {
  const fit = (values: number[], frequency = 1, options = {}) => () => etsMethod.fit({ values, frequency }, options);
  it.each([
    [fit([1, 2]), 'ets: series has 2 values; need at least 3'],
    [fit([]), 'ets: series has 0 values; need at least 3'],
    [fit([1, 2, Number.NaN, 4]), 'ets: values must be finite numbers (index 2)'],
    [fit([1, 2, 3, Infinity]), 'ets: values must be finite numbers (index 3)'],
    [fit([1, 2, 3, 4], 0), 'ets: frequency must be a positive integer, got 0'],
    [fit([1, 2, 3, 4], 2.5), 'ets: frequency must be a positive integer, got 2.5'],
    [fit([1, 0, 3, 4, 5, 6, 7, 8, 9, 10], 1, { model: 'MNN' }), 'ets: multiplicative error/season needs strictly positive values'],
    [fit([1, -2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14], 4, { model: 'ANM' }), 'ets: multiplicative error/season needs strictly positive values'],
    [fit([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 4, { model: 'ANM' }), 'ets: model ANM is not allowed: additive error with multiplicative season is numerically unstable'],
    [fit([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 1, { model: 'AMN' }), 'ets: model must be three letters (error A/M/Z, trend N/A/Z, season N/A/M/Z), got "AMN"'],
    [fit([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 1, { model: 'zzz' }), 'ets: model must be three letters (error A/M/Z, trend N/A/Z, season N/A/M/Z), got "zzz"'],
    [fit([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 1, { model: 'ANN', damped: true }), 'ets: damped = true needs a trend, but model ANN has none'],
    [fit([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 1, { model: 'ANA' }), 'ets: seasonal model ANA needs a frequency from 2 to 24, got 1'],
    [fit([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 12, { model: 'MNM' }), 'ets: seasonal model MNM needs more than 12 values, got 10'],
    [fit([1, 2, 3, 4], 1, { seed: Number.NaN }), 'ets: seed must be a finite number, got NaN'],
    [fit([1, 2, 3, 4], 1, { simulationPaths: 5 }), 'ets: simulationPaths must be an integer ≥ 10, got 5'],
  ])('%#: %s', (run, message) => {
    expect(run).toThrow(message);
  });

  const fitted = etsMethod.fit({ values: [3, 4, 5, 4, 6, 5, 7, 6, 8, 7], frequency: 1 });
  it.each([0, -1, 1.5, Number.NaN])('horizon %s', (horizon) => {
    expect(() => etsMethod.forecast(fitted, { horizon, levels: [80] })).toThrow(`ets: horizon must be an integer ≥ 1, got ${horizon}`);
  });
  it.each([0, 100, -5, Number.NaN])('level %s', (level) => {
    expect(() => etsMethod.forecast(fitted, { horizon: 1, levels: [level] })).toThrow(`ets: levels must be between 0 and 100 (exclusive), got ${level}`);
  });
});
