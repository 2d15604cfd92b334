import { describe, expect, it } from 'vitest';
import { backtest, combineBacktests } from '../../../models/forecast/backtest.ts';
import { snaiveMethod } from '../../../models/forecast/snaive.ts';
import { withSpringFestival } from '../../../models/forecast/spring-festival.ts';

const values = [10, 12, 11, 14, 13, 15, 17, 16, 18, 20];

describe('rolling-origin backtest', () => {
  it('places the origins so that the last forecast ends with the series', () => {
    const r = backtest({ values, frequency: 1 }, { methods: ['naive', 'drift'], horizon: 3, origins: 3 });
    expect(r.rows.map((row) => [row.method, row.origin])).toEqual([
      ['naive', 5], ['naive', 6], ['naive', 7], ['drift', 5], ['drift', 6], ['drift', 7],
    ]);
    const stepped = backtest({ values, frequency: 1 }, { methods: ['naive'], horizon: 2, origins: 3, step: 2 });
    expect(stepped.rows.map((row) => row.origin)).toEqual([4, 6, 8]);
  });

  it('naive metrics by hand at origin 8 (train 10 … 16, test 18, 20)', () => {
    const r = backtest({ values, frequency: 1 }, { methods: ['naive'], horizon: 2, origins: 1 });
    const row = r.rows[0];
    // forecasts 16, 16: errors 2, 4
    expect(row?.origin).toBe(8);
    expect(row?.mae).toBeCloseTo(3, 14);
    expect(row?.rmse).toBeCloseTo(Math.sqrt(10), 14);
    expect(row?.mape).toBeCloseTo(100 * (2 / 18 + 4 / 20) / 2, 12);
    expect(row?.smape).toBeCloseTo((200 * 2 / 34 + 200 * 4 / 36) / 2, 12);
    // MASE scale: mean |Δ| of the 8 training values = (2+1+3+1+2+2+1)/7 = 12/7
    expect(row?.mase).toBeCloseTo(3 / (12 / 7), 12);
    expect(r.methods[0]).toMatchObject({ method: 'naive', origins: 1, failures: 0 });
    expect(r.methods[0]?.mae).toBeCloseTo(3, 14);
  });

  it('averages over origins and reports interval coverage as a decimal', () => {
    const r = backtest({ values, frequency: 1 }, { methods: ['drift'], horizon: 2, origins: 4 });
    const rows = r.rows;
    expect(r.methods[0]?.mae).toBeCloseTo(rows.reduce((s, x) => s + x.mae, 0) / 4, 14);
    for (const row of rows) {
      expect(row.coverage95).toBeGreaterThanOrEqual(row.coverage80);
      expect([0, 0.5, 1]).toContain(row.coverage80);
    }
  });

  it('records a method that fails at an origin and leaves it out of the means', () => {
    const r = backtest({ values: [1, 2, 3, -1, 5, 6, 7, 8], frequency: 1 }, { methods: ['gm11', 'naive'], horizon: 2, origins: 2 });
    const gm = r.methods.find((m) => m.method === 'gm11');
    expect(gm).toMatchObject({ origins: 0, failures: 2 });
    expect(Number.isNaN(gm?.mae)).toBe(true);
    expect(r.rows[0]?.error).toBe('gm11: series must be positive (GM(1,1) models a positive, accumulating series), got -1 at index 3');
  });

  it('accepts labelled methods (e.g. a Spring-Festival-adjusted variant)', () => {
    const monthly = Array.from({ length: 60 }, (_, t) => 100 + 10 * Math.sin((2 * Math.PI * t) / 12) + t);
    const r = backtest({ values: monthly, frequency: 12, start: 2018 * 12 }, {
      methods: ['snaive', { label: 'snaive+sf', method: withSpringFestival(snaiveMethod) }], horizon: 12, origins: 2,
    });
    expect(r.methods.map((m) => m.method)).toEqual(['snaive', 'snaive+sf']);
    expect(r.methods[1]?.failures).toBe(0);
  });

  it('pools series and origins in combineBacktests', () => {
    const a = backtest({ values, frequency: 1 }, { methods: ['naive'], horizon: 2, origins: 2 });
    const b = backtest({ values: values.map((v) => 2 * v), frequency: 1 }, { methods: ['naive'], horizon: 2, origins: 1 });
    const [pooled] = combineBacktests([a, b]);
    const all = [...a.rows, ...b.rows];
    expect(pooled?.origins).toBe(3);
    expect(pooled?.rmse).toBeCloseTo(all.reduce((s, r) => s + r.rmse, 0) / 3, 14);
  });

  it('rejects bad options with exact messages', () => {
    const s = { values, frequency: 1 };
    expect(() => backtest(s, { methods: ['naive'], horizon: 0, origins: 1 })).toThrow('backtest: horizon must be an integer ≥ 1, got 0');
    expect(() => backtest(s, { methods: ['naive'], horizon: 1, origins: 0 })).toThrow('backtest: origins must be an integer ≥ 1, got 0');
    expect(() => backtest(s, { methods: ['naive'], horizon: 1, origins: 1, step: 0 })).toThrow('backtest: step must be an integer ≥ 1, got 0');
    expect(() => backtest(s, { methods: ['naive'], horizon: 5, origins: 5 })).toThrow(
      'backtest: series too short for 5 origins of horizon 5: needs at least 11 values, got 10');
    expect(() => backtest(s, { methods: ['nope' as never], horizon: 1, origins: 1 })).toThrow('unknown forecast method "nope"');
  });
});
