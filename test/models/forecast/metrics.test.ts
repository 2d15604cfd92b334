import { describe, expect, it } from 'vitest';
import { coverage, mae, mape, mase, maseScale, rmse, smape } from '../../../models/forecast/metrics.ts';

const actual = [100, 200, 50];
const forecast = [110, 150, 50];

describe('accuracy measures (hand-checked)', () => {
  it('MAE, RMSE: errors −10, 50, 0', () => {
    expect(mae(actual, forecast)).toBeCloseTo(20, 14);
    expect(rmse(actual, forecast)).toBeCloseTo(Math.sqrt(2600 / 3), 12);
  });

  it('MAPE: (10/100 + 50/200 + 0)/3 in percent', () => {
    expect(mape(actual, forecast)).toBeCloseTo((100 * (0.1 + 0.25)) / 3, 12);
    expect(mape([0, 1], [1, 1])).toBe(Infinity);
  });

  it('sMAPE: mean of 200|y − f|/(|y| + |f|), 0 when both are 0', () => {
    expect(smape(actual, forecast)).toBeCloseTo(((200 * 10) / 210 + (200 * 50) / 350 + 0) / 3, 12);
    expect(smape([0, 10], [0, 0])).toBeCloseTo(100, 14);
  });

  it('MASE: scale = seasonal-naive in-sample MAE (lag = frequency, lag 1 for yearly or short data)', () => {
    const train = [10, 20, 30, 40, 12, 24, 33, 41];
    // lag 4: |12−10| + |24−20| + |33−30| + |41−40| = 10 over 4
    expect(maseScale(train, 4)).toBeCloseTo(2.5, 14);
    expect(mase([45, 15], [44, 12], train, 4)).toBeCloseTo(2 / 2.5, 14);
    // lag 1: mean |Δ| = (10 + 10 + 10 + 28 + 12 + 9 + 8) / 7
    expect(maseScale(train, 1)).toBeCloseTo(87 / 7, 12);
    // frequency 12 but only 8 values: lag 1
    expect(maseScale(train, 12)).toBeCloseTo(87 / 7, 12);
    expect(mase([1], [1], [5, 5, 5], 1)).toBe(0);
    expect(mase([2], [1], [5, 5, 5], 1)).toBe(Infinity);
  });

  it('coverage: share of actuals within [lower, upper], bounds inclusive', () => {
    expect(coverage([1, 5, 3, 4], [0, 0, 4, 4], [2, 4, 6, 4])).toBeCloseTo(0.5, 14);
  });

  it('rejects mismatched or empty input with exact messages', () => {
    expect(() => mae([1, 2], [1])).toThrow('metrics: actual and forecast lengths differ (2 vs 1)');
    expect(() => smape([], [])).toThrow('metrics: no values');
    expect(() => maseScale([1], 1)).toThrow('metrics: MASE needs at least 2 training values, got 1');
  });
});
