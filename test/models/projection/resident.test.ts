/**
 * Resident fund, hand-worked year by year with the timing convention of interfaces.md `project`:
 * premiums and subsidies per head grow by yuan amounts, income = insured × (premium + subsidy) × collection.
 */
import { describe, expect, it } from 'vitest';
import { projectScenario, type ResidentScenario } from '../../../models/index.ts';

/** Relative tolerance for values worked in decimal against the model's doubles: a handful of roundings of 2^-53 each. */
const REL = 1e-12;
const expectYuan = (actual: number | undefined, expected: number) =>
  expect(Math.abs((actual ?? NaN) - expected)).toBeLessThanOrEqual(REL * Math.max(1, Math.abs(expected)));

describe('resident projection: time-varying assumptions, a fund that exhausts', () => {
  const s: ResidentScenario = {
    name: 'county', scheme: 'resident', startYear: 2026, horizonYears: 3,
    opening: { balanceYuan: 100_000, insured: 1000, premiumYuan: 300, subsidyPerHeadYuan: 600, costPerHeadYuan: 900 },
    assumptions: {
      insuredGrowth: [0, 0.1, 0], premiumGrowthYuan: [20, 0, 0], subsidyGrowthYuan: [30, 30, 0],
      medicalInflation: [0.1, 0, 0.1], utilisationGrowth: 0, collectionRate: [1, 0.9, 1], interestRate: [0.02, 0, 0],
    },
  };
  const p = projectScenario(s);

  it('works each year out by hand', () => {
    // 2026: premium 320, subsidy 630, cost 990; income 1000 × (320 + 630) × 1 = 950 000;
    //       interest 100 000 × 0.02 = 2 000; expenditure 1000 × 990 = 990 000;
    //       balance 100 000 + 950 000 + 2 000 − 990 000 = 62 000
    // 2027: insured 1100, subsidy 660; income 1100 × 980 × 0.9 = 970 200; expenditure 1100 × 990 = 1 089 000;
    //       balance 62 000 + 970 200 − 1 089 000 = −56 800
    // 2028: cost 1089; income 1100 × 980 = 1 078 000; expenditure 1100 × 1089 = 1 197 900;
    //       balance −56 800 + 1 078 000 − 1 197 900 = −176 700
    const expected = [
      [2026, 950_000, 2_000, 990_000, 62_000],
      [2027, 970_200, 0, 1_089_000, -56_800],
      [2028, 1_078_000, 0, 1_197_900, -176_700],
    ];
    p.years.forEach((y, t) => {
      const [year, income, interest, expenditure, balance] = expected[t] as number[];
      expect(y.year).toBe(year);
      expectYuan(y.incomeYuan, income as number);
      expectYuan(y.interestYuan, interest as number);
      expectYuan(y.expenditureYuan, expenditure as number);
      expectYuan(y.balanceYuan, balance as number);
    });
    expect(p.years.map((y) => [y.premiumYuan, y.subsidyPerHeadYuan])).toEqual([[320, 630], [320, 660], [320, 660]]);
    expectYuan(p.years[2]?.costPerHeadYuan, 1089);
    // 62 000 / (990 000 / 12) = 0.7515… months: red
    expect(p.years[0]?.payableMonths).toBeCloseTo(62_000 / 82_500, 12);
    expect(p.years.map((y) => y.tier)).toEqual(['red', 'red', 'red']);
    expect(p.firstDeficitYear).toBe(2026);
    expect(p.exhaustionYear).toBe(2027);
  });

  it('splits the income into premiums and subsidies', () => {
    // 2027: 1100 × 320 × 0.9 = 316 800 and 1100 × 660 × 0.9 = 653 400
    expectYuan(p.years[1]?.premiumIncomeYuan, 316_800);
    expectYuan(p.years[1]?.subsidyIncomeYuan, 653_400);
  });
});

describe('resident projection: a fund that stays in surplus', () => {
  it('builds up the balance and reaches the purple tier', () => {
    const s: ResidentScenario = {
      name: 'surplus', scheme: 'resident', startYear: 2025, horizonYears: 2,
      opening: { balanceYuan: 500_000, insured: 1000, premiumYuan: 400, subsidyPerHeadYuan: 700, costPerHeadYuan: 1000 },
      assumptions: {
        insuredGrowth: 0, premiumGrowthYuan: 0, subsidyGrowthYuan: 0, medicalInflation: 0,
        utilisationGrowth: 0, collectionRate: 1, interestRate: 0.01,
      },
      policy: [{ fromYear: 2026, expenditureFactor: 1.05 }],
    };
    const p = projectScenario(s);
    // 2025: income 1 100 000, interest 5 000, expenditure 1 000 000: balance 605 000, 7.26 months (green)
    // 2026: interest 6 050, expenditure 1 000 000 × 1.05 = 1 050 000: balance 605 000 + 1 100 000 + 6 050 − 1 050 000 = 661 050
    expectYuan(p.years[0]?.balanceYuan, 605_000);
    expect(p.years[0]?.payableMonths).toBeCloseTo(7.26, 12);
    expectYuan(p.years[1]?.expenditureYuan, 1_050_000);
    expectYuan(p.years[1]?.balanceYuan, 661_050);
    expect(p.years.map((y) => y.tier)).toEqual(['green', 'green']);
    expect([p.firstDeficitYear, p.exhaustionYear]).toEqual([null, null]);
  });

  it('refuses a policy factor aimed at an employee group', () => {
    const s = {
      name: 'r', scheme: 'resident', startYear: 2025, horizonYears: 1,
      opening: { balanceYuan: 0, insured: 1, premiumYuan: 1, subsidyPerHeadYuan: 1, costPerHeadYuan: 1 },
      assumptions: { insuredGrowth: 0, premiumGrowthYuan: 0, subsidyGrowthYuan: 0, medicalInflation: 0, utilisationGrowth: 0, collectionRate: 1, interestRate: 0 },
      policy: [{ fromYear: 2025, expenditureFactor: 1.1, appliesTo: 'retirees' }],
    } satisfies ResidentScenario;
    expect(() => projectScenario(s)).toThrow("policy[0].appliesTo: the resident scheme has one group; use 'all'");
  });

  it('refuses a missing assumption', () => {
    const s = {
      name: 'r', scheme: 'resident', startYear: 2025, horizonYears: 1,
      opening: { balanceYuan: 0, insured: 1, premiumYuan: 1, subsidyPerHeadYuan: 1, costPerHeadYuan: 1 },
      assumptions: { insuredGrowth: 0, premiumGrowthYuan: 0, subsidyGrowthYuan: 0, medicalInflation: 0, utilisationGrowth: 0, collectionRate: 1 },
    } as unknown as ResidentScenario;
    expect(() => projectScenario(s)).toThrow('assumptions.interestRate: required');
  });
});
