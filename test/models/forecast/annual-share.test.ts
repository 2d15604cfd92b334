import { describe, expect, it } from 'vitest';
import { annualShareMethod } from '../../../models/forecast/annual-share.ts';
import { driftMethod } from '../../../models/forecast/drift.ts';

// Resident premiums: 2% of the year in each of January–August, the rest in the Q4 campaign.
const SHARES = [0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.14, 0.3, 0.3, 0.1];
const TOTALS = [100, 110, 120]; // 2020, 2021, 2022
const monthly = TOTALS.flatMap((total) => SHARES.map((s) => total * s));
const START = 2020 * 12;

describe('annual total × monthly share (Q4 resident premiums)', () => {
  const method = annualShareMethod(driftMethod);

  it('spreads the annual drift forecast by the average shares', () => {
    const fit = method.fit({ values: monthly, frequency: 12, start: START });
    fit.shares.forEach((s, j) => expect(s).toBeCloseTo(SHARES[j] as number, 14));
    expect(fit.shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    const fc = method.forecast(fit, { horizon: 24, levels: [80, 95] });
    // drift on 100, 110, 120: 130 in 2023, 140 in 2024 (σ = 0: the totals are exactly linear)
    fc.mean.forEach((v, h) => expect(v).toBeCloseTo((h < 12 ? 130 : 140) * (SHARES[h % 12] as number), 10));
    expect(fc.mean.slice(0, 12).reduce((a, b) => a + b, 0)).toBeCloseTo(130, 10);
    expect(fit.method).toBe('drift+annual-share');
  });

  it('a series ending mid-year forecasts the rest of that year from the annual model', () => {
    const values = [...monthly, ...SHARES.slice(0, 8).map((s) => 130 * s)]; // January–August 2023 observed
    const fit = method.fit({ values, frequency: 12, start: START });
    expect(fit.lastCompleteYear).toBe(2022);
    const fc = method.forecast(fit, { horizon: 4, levels: [] });
    fc.mean.forEach((v, h) => expect(v).toBeCloseTo(130 * (SHARES[8 + h] as number), 10));
  });

  it('starts from the first complete year and keeps bounds ordered', () => {
    const noisy = [5, 6, ...monthly.map((v, i) => v * (1 + 0.05 * Math.sin(i)))]; // November–December 2019 first
    const fit = method.fit({ values: noisy, frequency: 12, start: START - 2 });
    expect(fit.firstCompleteYear).toBe(2020);
    expect(Number.isNaN(fit.fitted[0])).toBe(true);
    const fc = method.forecast(fit, { horizon: 12, levels: [80, 95] });
    fc.mean.forEach((v, i) => {
      const b = [fc.lower['95']?.[i], fc.lower['80']?.[i], v, fc.upper['80']?.[i], fc.upper['95']?.[i]] as number[];
      b.slice(1).forEach((x, k) => expect(x).toBeGreaterThanOrEqual(b[k] as number));
    });
  });

  it('rejects bad input with exact messages', () => {
    expect(() => method.fit({ values: monthly, frequency: 4, start: 0 })).toThrow('drift+annual-share: needs monthly data (frequency 12), got 4');
    expect(() => method.fit({ values: monthly, frequency: 12 })).toThrow(
      'drift+annual-share: needs series.start (the month index year × 12 + month − 1 of the first value)');
    expect(() => method.fit({ values: monthly.slice(0, 20), frequency: 12, start: START })).toThrow(
      'drift+annual-share: needs at least 2 complete calendar years, got 1');
    const negative = monthly.map((v, i) => (i === 3 ? -50 : v));
    expect(() => method.fit({ values: negative, frequency: 12, start: START })).toThrow(
      'drift+annual-share: monthly shares must be non-negative with a positive total');
  });
});
