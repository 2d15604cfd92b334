import { describe, expect, it } from 'vitest';
import { monitorDeviation, resolveBudgetParams } from '../../../models/index.ts';

const Q = 120_000; // 1,200.00 元: 100.00 元 a month when flat

describe('monitorDeviation (domain.md §5.6)', () => {
  it.each([
    // January actual (fen) → band, direction: expected 10,000 fen; the cut points belong to the band they open
    [10_000, 'none', 'on'],
    [10_499, 'none', 'over'],
    [10_500, 'general', 'over'],
    [11_499, 'general', 'over'],
    [11_500, 'major', 'over'],
    [12_999, 'major', 'over'],
    [13_000, 'severe', 'over'],
    [9_500, 'general', 'under'],
    [7_000, 'severe', 'under'],
  ])('%i fen in January → %s, %s', (actual, band, direction) => {
    expect(monitorDeviation({ quotaFen: Q, monthlyActualFen: [actual] }).latest).toMatchObject({ expectedToDateFen: 10_000, band, direction });
  });

  it('compares year-to-date spending with the seasonal share elapsed, and says since when it runs hot', () => {
    // profile 3:1:…:1 (sum 14): after February 4/14 of 140,000 = 40,000 expected
    const r = monitorDeviation({ quotaFen: 140_000, monthlyActualFen: [30_000, 10_000, 12_000, 12_000], seasonalProfile: [3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] });
    expect(r.months.map((m) => [m.expectedToDateFen, m.actualToDateFen, m.band])).toEqual([
      [30_000, 30_000, 'none'], [40_000, 40_000, 'none'], [50_000, 52_000, 'none'], [60_000, 64_000, 'general'],
    ]);
    expect(r.months[3]?.deviation).toBeCloseTo(4 / 60, 15);
    expect(r.since).toBe(4);
  });

  it('starts the run at the first month of an unbroken streak in the same direction', () => {
    const r = monitorDeviation({ quotaFen: Q, monthlyActualFen: [5_000, 20_000, 20_000, 12_000] });
    // to date: 5,000 (−50%, under), 25,000 (+25%), 45,000 (+50%), 57,000 (+42.5%)
    expect(r.months.map((m) => [m.band, m.direction])).toEqual([['severe', 'under'], ['major', 'over'], ['severe', 'over'], ['severe', 'over']]);
    expect(r.since).toBe(2);
    expect(monitorDeviation({ quotaFen: Q, monthlyActualFen: [10_000] }).since).toBeNull();
  });

  it('has no deviation when nothing is expected: any spending is severe', () => {
    expect(monitorDeviation({ quotaFen: 0, monthlyActualFen: [0] }).latest).toMatchObject({ deviation: null, band: 'none' });
    expect(monitorDeviation({ quotaFen: 0, monthlyActualFen: [1] }).latest).toMatchObject({ deviation: null, band: 'severe', direction: 'over' });
  });

  it('takes the bands from the parameters', () => {
    const params = resolveBudgetParams({ deviationBands: { general: 0.1, major: 0.2, severe: 0.4 } });
    expect(monitorDeviation({ quotaFen: Q, monthlyActualFen: [13_000] }, params).latest.band).toBe('major');
  });

  it.each([
    [{ quotaFen: Q, monthlyActualFen: [] }, 'monthlyActualFen must hold 1 to 12 months, got 0'],
    [{ quotaFen: Q, monthlyActualFen: [1, -1] }, 'monthlyActualFen[1] must be a whole number of fen ≥ 0, got -1'],
    [{ quotaFen: -5, monthlyActualFen: [1] }, 'quotaFen must be a whole number of fen ≥ 0, got -5'],
  ])('refuses %o', (input, message) => {
    expect(() => monitorDeviation(input)).toThrow(message);
  });
});
