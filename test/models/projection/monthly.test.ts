/**
 * Monthly rows from a seasonal profile: hand-worked months, December equal to the yearly model, and
 * the trailing-12-month denominator of payable months (domain.md §3.1).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WARNING_PARAMS, monthlyRows, projectScenario, type ResidentScenario, type YearlyFlows } from '../../../models/index.ts';

const T = DEFAULT_WARNING_PARAMS.thresholds;
const SEED = 20260402;
const oneYear: YearlyFlows = { income: Float64Array.of(120), interest: Float64Array.of(12), expenditure: Float64Array.of(240), balance: Float64Array.of(892) };

describe('monthly rows worked by hand', () => {
  it('flat profiles: month m has balance 1000 − 9m and a trailing window of 120 + 10m', () => {
    // opening balance 1000; the year: income 120 (10 a month), interest 12 (1 a month), expenditure 240 (20 a month);
    // the year before spent 120 (10 a month), so the trailing 12 months after m months are 20m + 10(12 − m)
    const rows = monthlyRows(2026, 1000, oneYear, 120, {}, T);
    expect(rows.map((r) => r.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
    rows.forEach((r, i) => {
      const m = i + 1;
      // each cumulative amount is one product of a share sum (binary fractions of 1/12): 1e-12 absolute on amounts < 1000
      expect(Math.abs(r.balanceYuan - (1000 - 9 * m))).toBeLessThanOrEqual(1e-12 * 1000);
      expect(Math.abs(r.trailing12ExpenditureYuan - (120 + 10 * m))).toBeLessThanOrEqual(1e-12 * 1000);
      expect(Math.abs(r.incomeYuan - 10)).toBeLessThanOrEqual(1e-12 * 1000);
      expect(Math.abs(r.interestYuan - 1)).toBeLessThanOrEqual(1e-12 * 1000);
      expect(Math.abs(r.expenditureYuan - 20)).toBeLessThanOrEqual(1e-12 * 1000);
    });
    // June: 946 / ((120 + 60) / 12) = 63.07 months
    expect(rows[5]?.payableMonths).toBeCloseTo(946 / 15, 12);
    expect(rows[11]?.balanceYuan).toBe(892);
    expect(rows[11]?.payableMonths).toBe(892 / (240 / 12));
  });

  it('a fourth-quarter premium profile: income arrives in October to December', () => {
    // resident premiums collected in Q4 (domain.md §6.1): income shares 0 for nine months, then 0.5, 0.3, 0.2
    const income = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0.5, 0.3, 0.2];
    const rows = monthlyRows(2026, 1000, oneYear, 240, { income }, T);
    // September: 1000 + 9 × 1 − 9 × 20 = 829; October: + 60 + 1 − 20 = 870
    expect(rows[8]?.balanceYuan).toBeCloseTo(829, 10);
    expect(rows[9]?.incomeYuan).toBeCloseTo(60, 10);
    expect(rows[9]?.balanceYuan).toBeCloseTo(870, 10);
    expect(rows[11]?.balanceYuan).toBe(892);
  });

  it.each([
    [{ income: [0.5, 0.5] }, 'monthlyProfile.income: expected 12 monthly shares, got 2'],
    [{ expenditure: [0.2, ...new Array<number>(11).fill(0.1)] }, 'monthlyProfile.expenditure: shares must sum to 1, got 1.3'],
    [{ expenditure: [-0.1, 0.2, ...new Array<number>(10).fill(0.09)] }, 'monthlyProfile.expenditure[0]: must be a non-negative number, got -0.1'],
  ])('refuses %j', (profile, message) => {
    expect(() => monthlyRows(2026, 1000, oneYear, 120, profile, T)).toThrow(message);
  });
});

describe('monthly rows inside a projection', () => {
  const scenario = (income: number[], expenditure: number[]): ResidentScenario => ({
    name: 'm', scheme: 'resident', startYear: 2026, horizonYears: 5,
    opening: { balanceYuan: 3e8, insured: 8e5, premiumYuan: 380, subsidyPerHeadYuan: 670, costPerHeadYuan: 1100 },
    assumptions: {
      insuredGrowth: -0.01, premiumGrowthYuan: 20, subsidyGrowthYuan: 30, medicalInflation: 0.04,
      utilisationGrowth: 0.02, collectionRate: 0.98, interestRate: 0.015,
    },
    monthlyProfile: { income, expenditure },
  });
  const profile = fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 12, maxLength: 12 })
    .filter((w) => w.some((x) => x > 0))
    .map((w) => {
      const total = w.reduce((a, b) => a + b, 0);
      return w.map((x) => x / total);
    });

  it('December is the yearly model bit for bit, balance and payable months', () => {
    fc.assert(fc.property(profile, profile, (income, expenditure) => {
      const p = projectScenario(scenario(income, expenditure));
      expect(p.months).toHaveLength(60);
      p.years.forEach((y, t) => {
        const december = p.months?.[12 * t + 11];
        expect(december?.month).toBe(`${y.year}-12`);
        expect(december?.balanceYuan).toBe(y.balanceYuan);
        expect(december?.payableMonths).toBe(y.payableMonths);
        expect(december?.tier).toBe(y.tier);
      });
    }), { seed: SEED, numRuns: 100 });
  });

  it('no monthly rows without a profile', () => {
    const { monthlyProfile: _none, ...withoutProfile } = scenario([], []);
    expect(projectScenario(withoutProfile).months).toBeUndefined();
  });
});
