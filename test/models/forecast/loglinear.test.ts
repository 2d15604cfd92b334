import { describe, expect, it } from 'vitest';
import { loglinearMethod } from '../../../models/forecast/loglinear.ts';
import { loadFixture } from './fixtures.ts';

const air = loadFixture('AirPassengers').values;

describe('log-linear trend regression', () => {
  it('matches R forecast(tslm(AirPassengers ~ trend + season, lambda = 0), h = 3)', () => {
    const fc = loglinearMethod.forecast(loglinearMethod.fit({ values: air, frequency: 12 }), { horizon: 3, levels: [80, 95] });
    // R 4.2.2 / forecast 8.20, options(digits = 15); same regression and t quantiles, rounding only.
    const r = {
      mean: [486.26661074909, 480.473000642086, 552.839079457424],
      lo80: [448.699683917994, 443.353663923424, 510.129041819114],
      lo95: [429.778644918952, 424.658059121089, 488.617612592059],
      hi80: [526.97879050127, 520.700116252751, 599.12497176294],
      hi95: [550.179073634516, 543.623980253212, 625.50149626002],
    };
    const close = (a: number[] | undefined, b: number[]) => a?.forEach((v, i) => expect(Math.abs(v / (b[i] as number) - 1)).toBeLessThan(1e-11));
    close(fc.mean, r.mean);
    close(fc.lower['80'], r.lo80);
    close(fc.lower['95'], r.lo95);
    close(fc.upper['80'], r.hi80);
    close(fc.upper['95'], r.hi95);
  });

  it('matches R for a trend-only fit on 20 values: tslm(y ~ trend, lambda = 0), h = 2, level = 95', () => {
    const fc = loglinearMethod.forecast(loglinearMethod.fit({ values: air.slice(0, 20), frequency: 1 }), { horizon: 2, levels: [95] });
    [147.038167231167, 148.615391261268].forEach((v, i) => expect(fc.mean[i]).toBeCloseTo(v, 9));
    [111.84537678511, 112.627930545118].forEach((v, i) => expect(fc.lower['95']?.[i]).toBeCloseTo(v, 9));
    [193.304571401642, 196.101752139467].forEach((v, i) => expect(fc.upper['95']?.[i]).toBeCloseTo(v, 9));
  });

  it('recovers an exact growth rate and forecasts it', () => {
    const fit = loglinearMethod.fit({ values: [1, 2, 4, 8], frequency: 1 });
    expect(Math.exp(fit.slope)).toBeCloseTo(2, 12);
    const fc = loglinearMethod.forecast(fit, { horizon: 2, levels: [] });
    expect(fc.mean[0]).toBeCloseTo(16, 10);
    expect(fc.mean[1]).toBeCloseTo(32, 10);
  });

  it('bias adjustment gives the log-normal mean, above the median', () => {
    const values = [100, 108, 113, 125, 130, 142, 150, 166];
    const plain = loglinearMethod.forecast(loglinearMethod.fit({ values, frequency: 1 }), { horizon: 2, levels: [80] });
    const adj = loglinearMethod.forecast(loglinearMethod.fit({ values, frequency: 1 }, { biasAdjust: true }), { horizon: 2, levels: [80] });
    adj.mean.forEach((v, i) => expect(v).toBeGreaterThan(plain.mean[i] as number));
    expect(adj.lower['80']).toEqual(plain.lower['80']);
  });

  it('rejects non-positive values and short series with exact messages', () => {
    expect(() => loglinearMethod.fit({ values: [1, -2, 3], frequency: 1 })).toThrow('loglinear: series must be positive (logarithms are taken), got -2 at index 1');
    expect(() => loglinearMethod.fit({ values: [1, 2], frequency: 1 })).toThrow('loglinear: series too short: needs at least 3 values, got 2');
  });
});
