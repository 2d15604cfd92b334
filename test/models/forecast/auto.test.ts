import { describe, expect, it } from 'vitest';
import { ANNUAL_POOL_MEMBERS, autoMethod } from '../../../models/forecast/auto.ts';
import { createAuto } from '../../../models/forecast/auto-select.ts';
import { combineForecasts } from '../../../models/forecast/combine.ts';
import { comboMethod } from '../../../models/forecast/combo.ts';
import { driftMethod } from '../../../models/forecast/drift.ts';
import { naiveMethod } from '../../../models/forecast/naive.ts';
import { snaiveMethod } from '../../../models/forecast/snaive.ts';
import { thetaMethod } from '../../../models/forecast/theta.ts';
import { loadFixture } from './fixtures.ts';

// A small auto over cheap members, to test the selection logic alone.
const cheap = createAuto({
  members: [{ method: thetaMethod }, { method: naiveMethod }, { method: driftMethod }],
  combiner: 'median',
  fallbacks: [snaiveMethod, naiveMethod, driftMethod],
});

describe('auto selection', () => {
  it('a straight line: drift wins the holdout by far and is chosen over the combination', () => {
    const values = Array.from({ length: 30 }, (_, t) => 5 + 3 * t);
    const fit = cheap.fit({ values, frequency: 1 });
    expect(fit.holdout).toBe(6);
    expect(fit.holdoutMae.drift).toBeCloseTo(0, 9);
    expect(fit.chosen).toBe('drift');
    expect(cheap.forecast(fit, { horizon: 2, levels: [80] }).mean).toEqual([95, 98]);
  });

  it('keeps the combination unless a member halves its holdout error (margin 0.5)', () => {
    const values = [10, 14, 9, 15, 11, 13, 12, 16, 10, 14, 13, 11, 15, 12, 14, 10, 13, 12];
    const fit = cheap.fit({ values, frequency: 1 });
    const combo = fit.holdoutMae.combo as number;
    const best = Math.min(...['theta', 'naive', 'drift'].map((k) => fit.holdoutMae[k] as number));
    expect(fit.chosen === 'combo').toBe(best >= 0.5 * combo);
    expect(cheap.forecast(fit, { horizon: 3, levels: [80, 95] }).method).toBe('auto');
  });

  it('short series use the fallbacks', () => {
    const fit = autoMethod.fit({ values: [1, 2, 3, 5], frequency: 1 });
    expect(fit.chosen).toBe('drift');
    expect(Object.keys(fit.holdoutMae).sort()).toEqual(['drift', 'naive', 'snaive']);
    const monthly = autoMethod.fit({ values: Array.from({ length: 20 }, (_, t) => 10 + (t % 12)), frequency: 12 });
    expect(monthly.chosen).toBe('snaive');
  });

  it('is deterministic and uses the real ETS/Theta/ARIMA members on a monthly series', () => {
    const fx = loadFixture('USAccDeaths');
    const a = autoMethod.fit({ values: fx.values, frequency: 12 });
    const b = autoMethod.fit({ values: fx.values, frequency: 12 });
    expect(a.chosen).toBe(b.chosen);
    expect(a.holdoutMae).toEqual(b.holdoutMae);
    expect(Object.keys(a.holdoutMae).sort()).toEqual(['arima', 'combo', 'ets', 'theta']);
    expect(a.description).toMatch(/^auto → /);
    const fc = autoMethod.forecast(a, { horizon: 12, levels: [80, 95] });
    if (a.chosen === 'combo') {
      const direct = comboMethod.forecast(comboMethod.fit({ values: fx.values, frequency: 12 }), { horizon: 12, levels: [80, 95] });
      // The same member fits (deterministic), so the same combination, bit for bit.
      expect(fc.mean).toEqual(direct.mean);
    }
  });

  it('annual series: the median of the 3 best of 5 candidates by rolling origin, over the real members', () => {
    const fx = loadFixture('medicare-hi-expenditure'); // 36 yearly values: K = ⌊36/4⌋ = 9, capped at 8
    const fit = autoMethod.fit({ values: fx.values, frequency: 1 });
    expect(fit.chosen).toBe('pool');
    expect(fit.holdout).toBe(8);
    expect(Object.keys(fit.holdoutMae).sort()).toEqual(['arima', 'drift', 'ets', 'ets-damped', 'theta']);
    expect(fit.pool).toHaveLength(3);
    const ranked = Object.entries(fit.holdoutMae).sort((a, b) => a[1] - b[1]).map(([k]) => k);
    expect(fit.pool).toEqual(ranked.slice(0, 3));
    expect(fit.description).toMatch(/^auto → pool: median of 3 \(.*\) \(rolling origin 8, MAE /);
    // The forecast is the median of the pooled members refitted on their own (deterministic fits).
    const request = { horizon: 5, levels: [80, 95] };
    const members = ANNUAL_POOL_MEMBERS.filter((m) => fit.pool?.includes(m.label));
    expect(members).toHaveLength(3);
    const direct = combineForecasts(members.map((m) => m.method.forecast(m.method.fit({ values: fx.values, frequency: 1 }, m.options), request)), 'median', 'auto');
    const out = autoMethod.forecast(fit, request);
    expect(out.mean).toEqual(direct.mean);
    expect(out.lower).toEqual(direct.lower);
    expect(out.method).toBe('auto');
    out.mean.forEach((v, i) => {
      const at = (b: number[] | undefined) => (b as number[])[i] as number;
      const ordered = [at(out.lower['95']), at(out.lower['80']), v, at(out.upper['80']), at(out.upper['95'])];
      expect(ordered).toEqual(ordered.slice().sort((a, b) => a - b));
    });
  });

  it('annual series from 10 values are pooled, shorter ones use the fallbacks; seasonal ones never pool', () => {
    const grow = (n: number) => Array.from({ length: n }, (_, t) => 100 * 1.05 ** t + (t % 3));
    expect(autoMethod.fit({ values: grow(9), frequency: 1 }).chosen).not.toBe('pool');
    const ten = autoMethod.fit({ values: grow(10), frequency: 1 });
    expect(ten.chosen).toBe('pool');
    expect(ten.holdout).toBe(3); // ⌊10/3⌋: every origin keeps at least 2/3 of the series
    // A fund balance that turns negative: multiplicative ETS forms drop out, the pool still works.
    const balance = [120, 96, 81, 55, 40, 12, -9, -35, -52, -80, -97, -130];
    const deficit = autoMethod.fit({ values: balance, frequency: 1 });
    expect(deficit.chosen).toBe('pool');
    expect(autoMethod.forecast(deficit, { horizon: 3, levels: [95] }).mean.every((v) => v < -130)).toBe(true);
    const quarterly = autoMethod.fit({ values: grow(24), frequency: 4 });
    expect(quarterly.chosen).not.toBe('pool');
    expect(quarterly.pool).toBeUndefined();
  });

  it('rejects bad input with the auto messages', () => {
    expect(() => autoMethod.fit({ values: [1], frequency: 1 })).toThrow('auto: series too short: needs at least 2 values, got 1');
    expect(() => autoMethod.fit({ values: [1, NaN, 2], frequency: 1 })).toThrow('auto: series has a non-finite value (NaN) at index 1');
    const fit = autoMethod.fit({ values: [1, 2, 3], frequency: 1 });
    expect(() => autoMethod.forecast(fit, { horizon: 0, levels: [] })).toThrow('auto: horizon must be an integer ≥ 1, got 0');
  });
});
