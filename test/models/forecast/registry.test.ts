import { describe, expect, it } from 'vitest';
import { METHODS, forecastSeries, getMethod } from '../../../models/forecast/registry.ts';
import { METHOD_NAMES } from '../../../models/forecast/types.ts';
import { loadFixture } from './fixtures.ts';

const yearly = loadFixture('m3-N0160');
const monthly = loadFixture('USAccDeaths');

describe('method registry', () => {
  it('has every method name, each method under its own name', () => {
    expect(Object.keys(METHODS).sort()).toEqual([...METHOD_NAMES].sort());
    for (const name of METHOD_NAMES) expect(METHODS[name].name).toBe(name);
  });

  it('unknown names: exact message', () => {
    expect(() => getMethod('prophet')).toThrow(
      'unknown forecast method "prophet"; expected one of naive, snaive, drift, ets, arima, theta, gm11, loglinear, combo, auto');
  });

  it('forecastSeries fits and forecasts, with the model description', () => {
    const fc = forecastSeries({ values: [1, 2, 3], frequency: 1 }, 'naive', { horizon: 2, levels: [80] });
    expect(fc.mean).toEqual([3, 3]);
    expect(fc.model).toBe('naive (random walk)');
  });

  // Property: every method returns the requested horizon and levels with lo95 ≤ lo80 ≤ mean ≤ hi80 ≤ hi95.
  it.each([...METHOD_NAMES])('%s: ordered intervals on a yearly and a monthly series', (name) => {
    for (const fx of [yearly, monthly]) {
      const h = fx.frequency === 12 ? 14 : 6;
      const fc = forecastSeries({ values: fx.values, frequency: fx.frequency }, name, { horizon: h, levels: [80, 95] });
      expect(fc.mean).toHaveLength(h);
      fc.mean.forEach((v, i) => {
        const b = [fc.lower['95']?.[i], fc.lower['80']?.[i], v, fc.upper['80']?.[i], fc.upper['95']?.[i]] as number[];
        b.forEach((x) => expect(Number.isFinite(x)).toBe(true));
        b.slice(1).forEach((x, k) => expect(x).toBeGreaterThanOrEqual(b[k] as number));
      });
    }
  });
});
