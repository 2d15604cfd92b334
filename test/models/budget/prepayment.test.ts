import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepaymentSchedule, profileWeights } from '../../../models/index.ts';

const SEED = 20260604;

describe('prepaymentSchedule (domain.md §5.3)', () => {
  it('withholds 1% and prepays the rest flat: 1,000,000.00 元 → 82,500.00 元 a month', () => {
    const s = prepaymentSchedule({ quotaFen: 100_000_000, year: 2026 });
    expect([s.withheldFen, s.prepayableFen, s.prepaidFen, s.heldForSuspensionFen, s.profile]).toEqual([1_000_000, 99_000_000, 99_000_000, 0, 'flat']);
    expect(s.months.map((m) => m.amountFen)).toEqual(new Array(12).fill(8_250_000));
    expect(s.months.map((m) => m.period)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
  });

  it('rounds the withholding half away from zero and gives leftover fen to the earliest months', () => {
    // 1% of 10,050 fen = 100.5 → 101; 9,949 / 12 = 829.08: floors 9,948, the one fen left goes to January
    const s = prepaymentSchedule({ quotaFen: 10_050, year: 2026 });
    expect(s.withheldFen).toBe(101);
    expect(s.months.map((m) => m.amountFen)).toEqual([830, 829, 829, 829, 829, 829, 829, 829, 829, 829, 829, 829]);
  });

  it('follows the institution\'s seasonal profile and pays nothing in suspended months', () => {
    // 1,300,000 fen − 13,000 withheld = 1,287,000 = 13 × 99,000; January weighs 2
    const s = prepaymentSchedule({ quotaFen: 1_300_000, year: 2026, seasonalProfile: [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], suspendedMonths: [3, 4] });
    expect(s.months.map((m) => m.amountFen)).toEqual([198_000, 99_000, 0, 0, 99_000, 99_000, 99_000, 99_000, 99_000, 99_000, 99_000, 99_000]);
    expect(s.months.filter((m) => m.suspended).map((m) => m.scheduledFen)).toEqual([99_000, 99_000]);
    expect([s.profile, s.prepaidFen, s.heldForSuspensionFen]).toEqual(['seasonal', 1_089_000, 198_000]);
  });

  it('reads a decimal profile exactly', () => {
    expect(profileWeights([0.5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.25])).toEqual([2n, 4n, 4n, 4n, 4n, 4n, 4n, 4n, 4n, 4n, 4n, 5n]);
  });

  it.each([
    [{ quotaFen: -1, year: 2026 }, 'quotaFen must be a whole number of fen ≥ 0, got -1'],
    [{ quotaFen: 1, year: 26 }, 'year must be a whole number from 1900 to 2200, got 26'],
    [{ quotaFen: 1, year: 2026, withholdingRate: 1 }, 'withholdingRate must be a decimal from 0 to below 1, got 1'],
    [{ quotaFen: 1, year: 2026, seasonalProfile: [1, 2] }, 'seasonalProfile must hold 12 numbers ≥ 0 (January first) with a positive sum'],
    [{ quotaFen: 1, year: 2026, seasonalProfile: new Array(12).fill(0) }, 'seasonalProfile must hold 12 numbers ≥ 0 (January first) with a positive sum'],
    [{ quotaFen: 1, year: 2026, suspendedMonths: [13] }, 'suspendedMonths must be months 1–12, got 13'],
  ])('refuses %o', (input, message) => {
    expect(() => prepaymentSchedule(input)).toThrow(message);
  });

  it('always prepays exactly quota − withheld, less what suspended months hold', () => {
    const profile = fc.option(fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 12, maxLength: 12 }).filter((p) => p.some((x) => x > 0)), { nil: undefined });
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e15 }), fc.integer({ min: 0, max: 99 }), profile, fc.uniqueArray(fc.integer({ min: 1, max: 12 })), (quotaFen, rate, seasonalProfile, suspendedMonths) => {
      const s = prepaymentSchedule({ quotaFen, year: 2026, withholdingRate: rate / 1000, seasonalProfile, suspendedMonths });
      expect(s.months.reduce((sum, m) => sum + m.scheduledFen, 0)).toBe(quotaFen - s.withheldFen);
      expect(s.prepaidFen + s.heldForSuspensionFen + s.withheldFen).toBe(quotaFen);
      expect(s.months.filter((m) => m.suspended).every((m) => m.amountFen === 0)).toBe(true);
    }), { seed: SEED, numRuns: 300 });
  });
});
