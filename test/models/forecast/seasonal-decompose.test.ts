import { describe, expect, it } from 'vitest';
import { autocorrelations, classicalDecomposition, isSeasonalByAcf } from '../../../models/forecast/seasonal-decompose.ts';
import { fixtureNames, loadFixture } from './fixtures.ts';

const air = loadFixture('AirPassengers').values;
const deaths = loadFixture('USAccDeaths').values;

describe('classical decomposition and the thetaf seasonality test', () => {
  it('matches R decompose(AirPassengers, "multiplicative")$figure', () => {
    // R 4.2.2: options(digits = 17); decompose(AirPassengers, "multiplicative")$figure
    const r = [0.91023036737220087, 0.88362532069437572, 1.00736628760354541, 0.97590601232284724, 0.98137802749512937, 1.11277582667927288,
      1.22655554293120139, 1.21991096944562494, 1.06049193264681829, 0.92175724041049767, 0.80117808241347432, 0.89882438998501135];
    const d = classicalDecomposition(air, 12, 'multiplicative');
    // Same sums in a different order: rounding only.
    d.figure.forEach((s, j) => expect(s).toBeCloseTo(r[j] as number, 13));
    expect(Number.isNaN(d.trend[5])).toBe(true);
    expect(d.trend[6]).toBeCloseTo((0.5 * 112 + air.slice(1, 12).reduce((a, b) => a + b, 0) + 0.5 * (air[12] as number)) / 12, 10);
  });

  it('matches R decompose(USAccDeaths, "additive")$figure', () => {
    const r = [-805.892361111111086, -1523.309027777777374, -740.842361111111018, -514.78402777777751, 339.649305555555372, 744.84097222222249,
      1679.440972222222172, 986.315972222222172, -109.292361111111035, 263.85763888888863, -260.950694444444252, -59.034027777778562];
    classicalDecomposition(deaths, 12, 'additive').figure.forEach((s, j) => expect(s).toBeCloseTo(r[j] as number, 8));
  });

  it('autocorrelations match R acf(AirPassengers, lag.max = 3)', () => {
    const r = [0.94804734075249186, 0.87557483512535028, 0.80668115549650043];
    autocorrelations(air, 3).forEach((v, k) => expect(v).toBeCloseTo(r[k] as number, 14));
  });

  it.each(fixtureNames())('seasonality test agrees with thetaf on %s', (name) => {
    const fx = loadFixture(name);
    expect(isSeasonalByAcf(fx.values, fx.frequency)).toBe(fx.theta.seasonal_adjusted);
  });

  it('constant or short series are not seasonal; decomposition needs two periods', () => {
    expect(isSeasonalByAcf(new Array(40).fill(3), 12)).toBe(false);
    expect(isSeasonalByAcf(air.slice(0, 24), 12)).toBe(false);
    expect(() => classicalDecomposition(air.slice(0, 23), 12, 'additive')).toThrow('decompose: needs at least 2 full periods (24) of data, got 23');
  });
});
