import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitPool, type PoolMember } from '../../../models/forecast/auto-pool.ts';
import { combineForecasts } from '../../../models/forecast/combine.ts';
import { driftMethod } from '../../../models/forecast/drift.ts';
import { naiveMethod } from '../../../models/forecast/naive.ts';
import { thetaMethod } from '../../../models/forecast/theta.ts';
import type { ForecastMethod, TimeSeries } from '../../../models/forecast/types.ts';

const cheap: PoolMember[] = [
  { label: 'naive', method: naiveMethod },
  { label: 'drift', method: driftMethod },
  { label: 'theta', method: thetaMethod },
];
const config = (members: readonly PoolMember[], poolSize: number) => ({ members, poolSize, minOrigins: 4, maxOrigins: 8 });
const pool = (values: number[], members: readonly PoolMember[] = cheap, poolSize = 1) => {
  const series: TimeSeries = { values, frequency: 1 };
  return fitPool('auto', series, Float64Array.from(values), config(members, poolSize));
};
const line = (n: number) => Array.from({ length: n }, (_, t) => 5 + 2 * t);

/** A naive forecaster that refuses series shorter than `min` (a member that fails at the early origins). */
function needsAtLeast(min: number): ForecastMethod {
  return {
    name: 'naive',
    fit(series) {
      if (series.values.length < min) throw new Error(`naive: needs ${min}`);
      return naiveMethod.fit(series);
    },
    forecast: naiveMethod.forecast,
  };
}

describe('forecast pooling by rolling origin', () => {
  it('scores by hand on a straight line: drift 0, naive MAE 4 over K(K+1)/2 = 10 errors', () => {
    // n = 12: K = min(8, max(4, ⌊12/4⌋ = 3), ⌊12/3⌋ = 4) = 4. Origin 12 − j forecasts j steps; naive's
    // error at step s is 2s (slope 2), so the sum is 2 × (1 + 3 + 6 + 10) = 40 over 10 errors.
    const fit = pool(line(12));
    expect(fit.holdout).toBe(4);
    expect(fit.holdoutMae.drift).toBeCloseTo(0, 12);
    expect(fit.holdoutMae.naive).toBe(4);
    expect(fit.pool).toEqual(['drift']);
  });

  it('takes the last quarter of the series as origins, between 4 and 8, and never more than a third', () => {
    expect(pool(line(10)).holdout).toBe(3); // ⌊10/3⌋ caps K_min = 4
    expect(pool(line(19)).holdout).toBe(4);
    expect(pool(line(24)).holdout).toBe(6);
    expect(pool(line(60)).holdout).toBe(8);
  });

  it('pools the k best and combines them by the median, bounds included', () => {
    const values = [12, 15, 14, 18, 21, 19, 24, 26, 25, 30, 29, 33, 35, 34, 38, 41];
    const fit = pool(values, cheap, 3);
    expect(fit.pool.slice().sort()).toEqual(['drift', 'naive', 'theta']);
    const ranked = Object.entries(fit.holdoutMae).sort((a, b) => a[1] - b[1]).map(([k]) => k);
    expect(fit.pool).toEqual(ranked);
    const request = { horizon: 4, levels: [80, 95] };
    const direct = combineForecasts(cheap.map((m) => m.method.forecast(m.method.fit({ values, frequency: 1 }), request)), 'median', 'auto');
    const pooled = combineForecasts(fit.inner.members.map((m) => m.method.forecast(m.fitted, request)), 'median', 'auto');
    expect(pooled).toEqual(direct);
  });

  it('ties keep the configured order', () => {
    const constant = Array.from({ length: 12 }, () => 7);
    // naive, drift and theta all forecast 7 exactly: every score is 0.
    expect(pool(constant, cheap, 2).pool).toEqual(['naive', 'drift']);
  });

  it('a member failing at an origin is not ranked, but fills the pool when too few are', () => {
    const members: PoolMember[] = [{ label: 'late', method: needsAtLeast(12) }, { label: 'drift', method: driftMethod }];
    const fit = pool(line(12), members, 2);
    expect(Object.keys(fit.holdoutMae)).toEqual(['drift']);
    expect(fit.pool).toEqual(['drift', 'late']);
    expect(pool(line(12), [{ label: 'late', method: needsAtLeast(12) }], 1).pool).toEqual(['late']);
  });

  it('leaves out members that cannot fit the series and names them; fails when none can', () => {
    const members: PoolMember[] = [{ label: 'late', method: needsAtLeast(99) }, ...cheap];
    const fit = pool(line(12), members, 2);
    expect(fit.inner.failures).toEqual(['late (naive: needs 99)']);
    expect(fit.inner.description).toContain('left out late (naive: needs 99)');
    expect(() => pool(line(12), [{ label: 'late', method: needsAtLeast(99) }], 1)).toThrow('auto: every member failed to fit (late (naive: needs 99))');
  });

  it('property: the pool is k members, ranked by score, and its forecast lies between the members’ extremes', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 100, noNaN: true }), { minLength: 10, maxLength: 40 }), (values) => {
        const fit = pool(values, cheap, 2);
        expect(fit.pool).toHaveLength(2);
        const scores = fit.pool.map((l) => fit.holdoutMae[l] as number);
        expect(scores[0]).toBeLessThanOrEqual(scores[1] as number);
        const others = Object.entries(fit.holdoutMae).filter(([k]) => !fit.pool.includes(k)).map(([, v]) => v);
        for (const v of others) expect(v).toBeGreaterThanOrEqual(scores[1] as number);
        const request = { horizon: 3, levels: [80, 95] };
        const each = cheap.map((m) => m.method.forecast(m.method.fit({ values, frequency: 1 }), request));
        const out = combineForecasts(fit.inner.members.map((m) => m.method.forecast(m.fitted, request)), 'median', 'auto');
        out.mean.forEach((v, h) => {
          const at = each.map((f) => f.mean[h] as number);
          // 1e-9: the median of two is their mean, which rounding may push a hair past the larger one.
          expect(v).toBeGreaterThanOrEqual(Math.min(...at) - 1e-9);
          expect(v).toBeLessThanOrEqual(Math.max(...at) + 1e-9);
        });
      }),
      { numRuns: 60 },
    );
  });
});
