import { describe, expect, it } from 'vitest';
import { combineForecasts, combineValues, createCombo } from '../../../models/forecast/combine.ts';
import { driftMethod } from '../../../models/forecast/drift.ts';
import { naiveMethod } from '../../../models/forecast/naive.ts';
import { thetaMethod } from '../../../models/forecast/theta.ts';
import type { Forecast, ForecastMethod } from '../../../models/forecast/types.ts';

const fc = (mean: number[], spread: number): Forecast => ({
  method: 'x', mean,
  lower: { '80': mean.map((m) => m - spread), '95': mean.map((m) => m - 2 * spread) },
  upper: { '80': mean.map((m) => m + spread), '95': mean.map((m) => m + 2 * spread) },
});

const failing: ForecastMethod = {
  name: 'arima',
  fit() {
    throw new Error('arima: did not converge');
  },
  forecast() {
    throw new Error('unreachable');
  },
};

describe('forecast combination', () => {
  it('median and mean of values', () => {
    expect(combineValues([3, 1, 2], 'median')).toBe(2);
    expect(combineValues([4, 1, 2, 3], 'median')).toBe(2.5);
    expect(combineValues([3, 1, 2], 'mean')).toBe(2);
  });

  it('combines means and each bound step by step', () => {
    const c = combineForecasts([fc([10, 20], 1), fc([12, 30], 3), fc([11, 10], 2)], 'median', 'combo');
    expect(c.mean).toEqual([11, 20]);
    expect(c.lower['80']).toEqual([9, 19]); // medians of [9, 9, 9] and [19, 27, 8]
    expect(c.upper['95']).toEqual([15, 22]); // medians of [12, 18, 15] and [22, 36, 14]
  });

  it('only keeps levels every member has', () => {
    const partial: Forecast = { method: 'y', mean: [1], lower: { '80': [0] }, upper: { '80': [2] } };
    expect(Object.keys(combineForecasts([fc([1], 1), partial], 'mean', 'c').lower)).toEqual(['80']);
  });

  it('a combination of ordered members stays ordered (lo95 ≤ lo80 ≤ mean ≤ hi80 ≤ hi95)', () => {
    const members = [fc([5, 9, 1], 0.5), fc([7, 2, 8], 4), fc([6, 6, 6], 0), fc([1, 1, 9], 2)];
    for (const how of ['median', 'mean'] as const) {
      const c = combineForecasts(members, how, 'c');
      c.mean.forEach((m, i) => {
        const b = [c.lower['95']?.[i], c.lower['80']?.[i], m, c.upper['80']?.[i], c.upper['95']?.[i]] as number[];
        b.slice(1).forEach((x, k) => expect(x).toBeGreaterThanOrEqual(b[k] as number));
      });
    }
  });

  it('leaves out a failing member and names it; fails only when all fail', () => {
    const combo = createCombo([naiveMethod, failing, driftMethod, thetaMethod], 'median', 'combo');
    const values = [10, 12, 13, 15, 16, 18, 21, 22];
    const fit = combo.fit({ values, frequency: 1 });
    expect(fit.members.map((m) => m.method.name)).toEqual(['naive', 'drift', 'theta']);
    expect(fit.failures).toEqual(['arima: did not converge']);
    expect(fit.description).toContain('left out arima: did not converge');
    const out = combo.forecast(fit, { horizon: 2, levels: [80] });
    const parts = ([naiveMethod, driftMethod, thetaMethod] as ForecastMethod[]).map((m) => m.forecast(m.fit({ values, frequency: 1 }), { horizon: 2, levels: [80] }));
    out.mean.forEach((v, h) => expect(v).toBe(combineValues(parts.map((p) => p.mean[h] as number), 'median')));
    expect(() => createCombo([failing]).fit({ values, frequency: 1 })).toThrow('combo: every member failed to fit (arima: did not converge)');
  });

  it('checks the series itself with the combo messages', () => {
    const combo = createCombo([naiveMethod]);
    expect(() => combo.fit({ values: [1, 2], frequency: 1 })).toThrow('combo: series too short: needs at least 3 values, got 2');
    expect(() => combo.fit({ values: [1, 2, NaN], frequency: 1 })).toThrow('combo: series has a non-finite value (NaN) at index 2');
    const fit = combo.fit({ values: [1, 2, 3], frequency: 1 });
    expect(() => combo.forecast(fit, { horizon: 0, levels: [] })).toThrow('combo: horizon must be an integer ≥ 1, got 0');
  });
});
