import { describe, expect, it } from 'vitest';
import { driftMethod } from '../../../models/forecast/drift.ts';
import { naiveMethod } from '../../../models/forecast/naive.ts';
import { snaiveMethod } from '../../../models/forecast/snaive.ts';
import type { ForecastMethod } from '../../../models/forecast/types.ts';

const y = [112, 118, 132, 129, 121, 135, 148, 148, 136, 119];
const run = (m: ForecastMethod, frequency: number, horizon: number) =>
  m.forecast(m.fit({ values: y, frequency }), { horizon, levels: [80, 95] });
const z80 = 1.2815515655446004;

describe('naive, seasonal naive and drift (FPP3 §5.5)', () => {
  it('naive by hand: σ² = Σ Δy² / 9 = 1103/9, sd_h = σ√h', () => {
    const fc = run(naiveMethod, 1, 3);
    const sigma = Math.sqrt(1103 / 9);
    expect(fc.mean).toEqual([119, 119, 119]);
    fc.lower['80']?.forEach((lo, i) => expect(lo).toBeCloseTo(119 - z80 * sigma * Math.sqrt(i + 1), 12));
  });

  it('drift by hand: b = 7/9, σ² = (1103 − 9b²)/8, sd_h = σ√(h(1 + h/9))', () => {
    const fc = run(driftMethod, 1, 3);
    const b = 7 / 9;
    const sigma = Math.sqrt((1103 - 9 * b * b) / 8);
    fc.mean.forEach((m, i) => expect(m).toBeCloseTo(119 + (i + 1) * b, 12));
    fc.lower['80']?.forEach((lo, i) => {
      const h = i + 1;
      expect(lo).toBeCloseTo(119 + h * b - z80 * sigma * Math.sqrt(h * (1 + h / 9)), 12);
    });
  });

  // R 4.2.2, forecast 8.20, options(digits = 17):
  //   naive(y, h=3, level=c(80,95)); rwf(y, h=3, drift=TRUE, level=c(80,95)); snaive(ts(y, frequency=4), h=6, level=c(80,95))
  it.each<[string, ForecastMethod, number, number, number[], number[], number[]]>([
    ['naive', naiveMethod, 1, 3, [119, 119, 119], [104.81260739674423, 98.935996965763962, 94.426715184234126], [140.6977445812683, 149.68524465973695, 156.58159602440898]],
    ['drift', driftMethod, 1, 3, [119.77777777777777, 120.55555555555556, 121.33333333333333], [103.95498671002966, 97.086563719902685, 91.311698104302337], [143.97664847597682, 156.44828120783703, 167.24746225946416]],
    ['snaive', snaiveMethod, 4, 6, [148, 148, 136, 119, 148, 148], [127.9541956117166, 127.9541956117166, 115.9541956117166, 98.9541956117166, 119.65095156541152, 119.65095156541152], [178.65741223254983, 178.65741223254983, 166.65741223254983, 149.65741223254983, 191.3561281665348, 191.3561281665348]],
  ])('%s matches R forecast', (_name, method, frequency, h, mean, lo80, hi95) => {
    const fc = run(method, frequency, h);
    // Same formulas as R; differences are floating-point rounding only (1e-10 absolute at values ~100).
    fc.mean.forEach((v, i) => expect(v).toBeCloseTo(mean[i] as number, 10));
    fc.lower['80']?.forEach((v, i) => expect(v).toBeCloseTo(lo80[i] as number, 10));
    fc.upper['95']?.forEach((v, i) => expect(v).toBeCloseTo(hi95[i] as number, 10));
  });

  it('fitted values are the lagged observations (NaN where undefined)', () => {
    const f = snaiveMethod.fit({ values: y, frequency: 4 });
    expect(Array.from(f.fitted.slice(0, 4)).every(Number.isNaN)).toBe(true);
    expect(Array.from(f.fitted.slice(4))).toEqual(y.slice(0, 6));
  });

  it('keeps lo95 ≤ lo80 ≤ mean ≤ hi80 ≤ hi95', () => {
    for (const [m, f] of [[naiveMethod, 1], [snaiveMethod, 4], [driftMethod, 1]] as const) {
      const fc = run(m, f, 8);
      fc.mean.forEach((v, i) => {
        const lo95 = fc.lower['95']?.[i] as number, lo80 = fc.lower['80']?.[i] as number;
        const hi80 = fc.upper['80']?.[i] as number, hi95 = fc.upper['95']?.[i] as number;
        expect(lo95 <= lo80 && lo80 <= v && v <= hi80 && hi80 <= hi95).toBe(true);
      });
    }
  });

  it('rejects bad input with exact messages', () => {
    expect(() => naiveMethod.fit({ values: [1], frequency: 1 })).toThrow('naive: series too short: needs at least 2 values, got 1');
    expect(() => snaiveMethod.fit({ values: [1, 2, 3, 4], frequency: 4 })).toThrow('snaive: series too short: needs at least 5 values, got 4');
    expect(() => driftMethod.fit({ values: [1, 2], frequency: 1 })).toThrow('drift: series too short: needs at least 3 values, got 2');
    expect(() => naiveMethod.fit({ values: [1, NaN, 3], frequency: 1 })).toThrow('naive: series has a non-finite value (NaN) at index 1');
    expect(() => naiveMethod.fit({ values: [1, 2], frequency: 0 })).toThrow('naive: frequency must be a positive integer, got 0');
    const f = naiveMethod.fit({ values: [1, 2], frequency: 1 });
    expect(() => naiveMethod.forecast(f, { horizon: 0, levels: [80] })).toThrow('naive: horizon must be an integer ≥ 1, got 0');
    expect(() => naiveMethod.forecast(f, { horizon: 1.5, levels: [80] })).toThrow('naive: horizon must be an integer ≥ 1, got 1.5');
    expect(() => naiveMethod.forecast(f, { horizon: 1, levels: [100] })).toThrow('naive: interval level must be in (0, 100), got 100');
  });
});
