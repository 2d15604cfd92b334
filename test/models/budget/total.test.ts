import { describe, expect, it } from 'vitest';
import { totalBudget } from '../../../models/index.ts';

describe('totalBudget (domain.md §5.1)', () => {
  it('holds the balance when payable months are green: total = income − 9% reserve', () => {
    const t = totalBudget({ projectedIncomeFen: 10_000_000_000, openingBalanceFen: 5_000_000_000 });
    // closing 5,000,000,000 + 900,000,000; months = 5,900,000,000 × 12 / 9,100,000,000 = 7.78
    expect(t).toMatchObject({ reserveFen: 900_000_000, baseTotalFen: 9_100_000_000, rule: 'hold', plannedBalanceChangeFen: 0, totalFen: 9_100_000_000, closingBalanceFen: 5_900_000_000, tier: 'green', tierBefore: 'green' });
    expect(t.payableMonths).toBeCloseTo((5_900_000_000 * 12) / 9_100_000_000, 12);
  });

  it('draws a purple fund down to the top of green, and not a fen further', () => {
    // no reserve: X0 = 10,000, B0 = 14,000 (16.8 months); Δ* = (9·10,000 − 12·14,000) / 21 = −3,714.29 → ⌊Δ*⌋ = −3,715
    const t = totalBudget({ projectedIncomeFen: 10_000, openingBalanceFen: 14_000, reserveRate: 0 });
    expect(t).toMatchObject({ rule: 'draw_down', targetMonths: 9, tierBefore: 'purple', plannedBalanceChangeFen: -3_715, totalFen: 13_715, closingBalanceFen: 10_285, tier: 'green', capped: false });
    expect(t.payableMonths).toBeLessThanOrEqual(9); // 123,420 / 13,715 = 8.9989
    expect((12 * 10_286) / 13_714).toBeGreaterThan(9); // one fen less drawn would stay above 9
  });

  it('builds a red fund up to the bottom of green, and not a fen less', () => {
    // R = 90,000, X0 = 910,000, B0 + R = 190,000 (2.5 months); Δ* = (6·910,000 − 12·190,000) / 18 = 176,666.67 → ⌈Δ*⌉ = 176,667
    const t = totalBudget({ projectedIncomeFen: 1_000_000, openingBalanceFen: 100_000 });
    expect(t).toMatchObject({ rule: 'build_up', targetMonths: 6, tierBefore: 'red', plannedBalanceChangeFen: 176_667, totalFen: 733_333, closingBalanceFen: 366_667, tier: 'green' });
    expect(t.payableMonths).toBeGreaterThanOrEqual(6);
    expect((12 * 366_666) / 733_334).toBeLessThan(6);
  });

  it('caps the change and says the target was not reached', () => {
    const t = totalBudget({ projectedIncomeFen: 1_000_000, openingBalanceFen: 100_000, maxBalanceChangeFen: 100_000 });
    expect(t).toMatchObject({ plannedBalanceChangeFen: 100_000, capped: true, totalFen: 810_000, closingBalanceFen: 290_000, tier: 'orange' });
  });

  it('takes earmarks and a planned change given by hand', () => {
    const t = totalBudget({ projectedIncomeFen: 1_000_000, openingBalanceFen: 0, earmarks: [{ label: '异地就医', amountFen: 60_000 }, { label: '大病保险', amountFen: 40_000 }], plannedBalanceChangeFen: -50_000 });
    expect(t).toMatchObject({ rule: 'given', earmarksFen: 100_000, baseTotalFen: 810_000, totalFen: 860_000, plannedExpenditureFen: 960_000, closingBalanceFen: 40_000, tier: 'red' });
  });

  it('uses a region\'s own tier thresholds', () => {
    const t = totalBudget({ projectedIncomeFen: 10_000, openingBalanceFen: 14_000, reserveRate: 0, thresholds: { redBelow: 3, orangeBelow: 6, greenUpTo: 9, blueUpTo: 20 } });
    expect([t.tierBefore, t.rule]).toEqual(['blue', 'hold']);
  });

  it.each([
    [{ projectedIncomeFen: -1, openingBalanceFen: 0 }, 'projectedIncomeFen must be a whole number of fen ≥ 0, got -1'],
    [{ projectedIncomeFen: 1, openingBalanceFen: 0, reserveRate: 1 }, 'reserveRate must be a decimal from 0 to below 1, got 1'],
    [{ projectedIncomeFen: 0, openingBalanceFen: 0 }, 'nothing to allocate: projected income less the reserve is 0'],
    [{ projectedIncomeFen: 1_000, openingBalanceFen: 0, earmarks: [{ label: 'x', amountFen: 910 }], plannedBalanceChangeFen: 0 },
      'nothing to allocate: income less the reserve (9.10 yuan) does not exceed the earmarks and planned balance change (9.10 yuan)'],
    [{ projectedIncomeFen: 100, openingBalanceFen: -1_000_000 },
      'building the balance up to 6 payable months needs 6666.91 yuan, which leaves nothing of the 0.91 yuan to allocate: set maxBalanceChangeFen or plannedBalanceChangeFen'],
    [{ projectedIncomeFen: 100, openingBalanceFen: 0, earmarks: [{ label: '药店', amountFen: -1 }] }, 'earmark "药店" amountFen must be a whole number of fen ≥ 0, got -1'],
  ])('refuses %o', (input, message) => {
    expect(() => totalBudget(input)).toThrow(message);
  });
});
