/**
 * Employee pooling fund, hand-worked year by year with the timing convention of interfaces.md
 * `project`: each expected value below is plain arithmetic written out from the convention, never a
 * call to the model.
 */
import { describe, expect, it } from 'vitest';
import { projectScenario, type EmployeeScenario } from '../../../models/index.ts';

/** Relative tolerance for values worked in decimal against the model's doubles: a handful of roundings of 2^-53 each. */
const REL = 1e-12;
const expectYuan = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(REL * Math.max(1, Math.abs(expected)));

const interfacesExample: EmployeeScenario = {
  name: 'base', scheme: 'employee', startYear: 2026, horizonYears: 10,
  opening: { balanceYuan: 2.0e9, activeMembers: 1.0e6, retirees: 3.0e5, avgMonthlyWageYuan: 6000, costPerActiveYuan: 2000, costPerRetireeYuan: 7000 },
  assumptions: {
    wageGrowth: 0.05, poolingRate: 0.06, collectionRate: 0.97, activeGrowth: 0.0, retireeGrowth: 0.04,
    medicalInflation: 0.03, utilisationGrowth: 0.02, interestRate: 0.015, subsidyYuan: 0,
  },
};

describe('employee projection: the interfaces.md example', () => {
  const p = projectScenario(interfacesExample);

  it('2026: members and wages grow first, then income, interest, expenditure, balance', () => {
    const y = p.years[0];
    // wage 6000 × 1.05 = 6300; income = 1e6 × 6300 × 12 × 0.06 × 0.97
    expect(y?.avgMonthlyWageYuan).toBe(6300);
    expectYuan(y?.incomeYuan ?? NaN, 4_399_920_000);
    // interest on the opening balance: 2e9 × 0.015
    expectYuan(y?.interestYuan ?? NaN, 30_000_000);
    // costs grow by 1.03 × 1.02 = 1.0506: 2000 → 2101.2, 7000 → 7354.2; retirees 3e5 × 1.04 = 312000
    expectYuan(y?.costPerActiveYuan ?? NaN, 2101.2);
    expectYuan(y?.costPerRetireeYuan ?? NaN, 7354.2);
    expectYuan(y?.retirees ?? NaN, 312_000);
    expectYuan(y?.expenditureYuan ?? NaN, 1e6 * 2101.2 + 312_000 * 7354.2);
    expectYuan(y?.balanceYuan ?? NaN, 2e9 + 4_399_920_000 + 30_000_000 - (2_101_200_000 + 2_294_510_400));
    // 2 034 209 600 / (4 395 710 400 / 12)
    expect(y?.payableMonths).toBeCloseTo(2_034_209_600 / (4_395_710_400 / 12), 12);
    expect(y?.tier).toBe('orange');
    expectYuan(y?.currentSurplusYuan ?? NaN, 4_399_920_000 + 30_000_000 - 4_395_710_400);
  });

  it('2027 and 2028 carry the unrounded values forward', () => {
    const wage27 = 6300 * 1.05;
    const costA27 = 2101.2 * 1.03 * 1.02;
    const costR27 = 7354.2 * 1.03 * 1.02;
    const retirees27 = 312_000 * 1.04;
    const income27 = 1e6 * wage27 * 12 * 0.06 * 0.97;
    const interest27 = 2_034_209_600 * 0.015;
    const expenditure27 = 1e6 * costA27 + retirees27 * costR27;
    const balance27 = 2_034_209_600 + income27 + interest27 - expenditure27;
    const y27 = p.years[1];
    expectYuan(y27?.incomeYuan ?? NaN, income27);
    expectYuan(y27?.interestYuan ?? NaN, interest27);
    expectYuan(y27?.expenditureYuan ?? NaN, expenditure27);
    expectYuan(y27?.balanceYuan ?? NaN, balance27);

    const income28 = 1e6 * (wage27 * 1.05) * 12 * 0.06 * 0.97;
    const expenditure28 = 1e6 * costA27 * 1.0506 + retirees27 * 1.04 * costR27 * 1.0506;
    const balance28 = balance27 + income28 + balance27 * 0.015 - expenditure28;
    expectYuan(p.years[2]?.balanceYuan ?? NaN, balance28);
    expect(p.years[2]?.payableMonths).toBeCloseTo(balance28 / (expenditure28 / 12), 9);
  });

  it('reports the first current deficit (2027: income + interest < expenditure) and the exhaustion year', () => {
    // 2026 runs a surplus of 34 209 600 yuan; 2027's expenditure outgrows income + interest
    expect(p.firstDeficitYear).toBe(2027);
    expect(p.years.find((y) => y.balanceYuan <= 0)?.year).toBe(2032);
    expect(p.exhaustionYear).toBe(2032);
    expect(p.years[5]?.balanceYuan).toBeGreaterThan(0);
  });
});

describe('employee projection: time-varying assumptions, a fund that exhausts', () => {
  const s: EmployeeScenario = {
    name: 'arrays', scheme: 'employee', startYear: 2030, horizonYears: 4,
    opening: { balanceYuan: 100_000, activeMembers: 100, retirees: 50, avgMonthlyWageYuan: 1000, costPerActiveYuan: 600, costPerRetireeYuan: 2000 },
    assumptions: {
      wageGrowth: [0.1, 0, 0, 0], poolingRate: [0.1, 0.1, 0.05, 0.05], collectionRate: 1,
      activeGrowth: [0, -0.1, 0, 0], retireeGrowth: [0, 0.2, 0, 0], medicalInflation: [0, 0.1, 0, 0],
      utilisationGrowth: 0, interestRate: [0.1, 0, 0, 0.05], subsidyYuan: [0, 0, 10_000, 0],
    },
  };
  const p = projectScenario(s);

  it('works each year out by hand', () => {
    // 2030: wage 1100; income 100 × 1100 × 12 × 0.1 = 132 000; interest 100 000 × 0.1 = 10 000;
    //       expenditure 100 × 600 + 50 × 2000 = 160 000; balance 100 000 + 132 000 + 10 000 − 160 000 = 82 000
    // 2031: active 90, retirees 60, costs 660 and 2200; income 90 × 1100 × 12 × 0.1 = 118 800;
    //       expenditure 90 × 660 + 60 × 2200 = 191 400; balance 82 000 + 118 800 − 191 400 = 9 400
    // 2032: pooling 0.05: income 90 × 1100 × 12 × 0.05 + subsidy 10 000 = 69 400; balance 9 400 + 69 400 − 191 400 = −112 600
    // 2033: interest −112 600 × 0.05 = −5 630 (charged on the overdraft); income 59 400;
    //       balance −112 600 + 59 400 − 5 630 − 191 400 = −250 230
    const expected = [
      [2030, 132_000, 10_000, 160_000, 82_000],
      [2031, 118_800, 0, 191_400, 9_400],
      [2032, 69_400, 0, 191_400, -112_600],
      [2033, 59_400, -5_630, 191_400, -250_230],
    ];
    p.years.forEach((y, t) => {
      const [year, income, interest, expenditure, balance] = expected[t] as number[];
      expect(y.year).toBe(year);
      expectYuan(y.incomeYuan, income as number);
      expectYuan(y.interestYuan, interest as number);
      expectYuan(y.expenditureYuan, expenditure as number);
      expectYuan(y.balanceYuan, balance as number);
    });
    // 82 000 / (160 000 / 12) = 6.15 months: green; 9 400 / 15 950 < 3: red; negative balances: red
    expect(p.years.map((y) => y.tier)).toEqual(['green', 'red', 'red', 'red']);
    expect(p.years[0]?.payableMonths).toBeCloseTo(6.15, 12);
    expect(p.firstDeficitYear).toBe(2030);
    expect(p.exhaustionYear).toBe(2032);
  });
});

describe('employee projection: a fund that does not exhaust, tiers at their cut points', () => {
  // income 10 × 1000 × 12 × 0.25 = 30 000 a year plus the subsidy; expenditure 10 × 12 000 = 120 000 a year (10 000 a month)
  const s: EmployeeScenario = {
    name: 'bands', scheme: 'employee', startYear: 2026, horizonYears: 5,
    opening: { balanceYuan: 30_000, activeMembers: 10, retirees: 0, avgMonthlyWageYuan: 1000, costPerActiveYuan: 12_000, costPerRetireeYuan: 0 },
    assumptions: {
      wageGrowth: 0, poolingRate: 0.25, collectionRate: 1, activeGrowth: 0, retireeGrowth: 0,
      medicalInflation: 0, utilisationGrowth: 0, interestRate: 0, subsidyYuan: [120_000, 120_000, 150_000, 90_000, 90_001],
    },
  };
  const p = projectScenario(s);

  it('balances 60 000, 90 000, 150 000, 150 000, 150 001 give 6, 9, 15, 15, 15.0001 months', () => {
    expect(p.years.map((y) => y.balanceYuan)).toEqual([60_000, 90_000, 150_000, 150_000, 150_001]);
    expect(p.years.map((y) => y.payableMonths)).toEqual([6, 9, 15, 15, 15.0001]);
    // 6 and 9 are green (6 ≤ m ≤ 9), 15 is blue (9 < m ≤ 15), above 15 purple
    expect(p.years.map((y) => y.tier)).toEqual(['green', 'green', 'blue', 'blue', 'purple']);
  });

  it('a year with income + interest exactly equal to expenditure is not a deficit', () => {
    // 2029: 30 000 + 90 000 = 120 000
    expect(p.years[3]?.currentSurplusYuan).toBe(0);
    expect(p.firstDeficitYear).toBeNull();
    expect(p.exhaustionYear).toBeNull();
  });
});

describe('employee projection: policy factors', () => {
  it('multiplies the per-head cost of the group from the given year on, on top of the trend', () => {
    const s: EmployeeScenario = {
      name: 'policy', scheme: 'employee', startYear: 2026, horizonYears: 3,
      opening: { balanceYuan: 0, activeMembers: 10, retirees: 5, avgMonthlyWageYuan: 0, costPerActiveYuan: 100, costPerRetireeYuan: 400 },
      assumptions: {
        wageGrowth: 0, poolingRate: 0, collectionRate: 1, activeGrowth: 0, retireeGrowth: 0,
        medicalInflation: 0.1, utilisationGrowth: 0, interestRate: 0, subsidyYuan: 0,
      },
      policy: [
        { fromYear: 2027, expenditureFactor: 1.5, appliesTo: 'retirees', label: 'outpatient pooling for retirees' },
        { fromYear: 2028, expenditureFactor: 0.5 },
      ],
    };
    const p = projectScenario(s);
    // 2026: 10 × 110 + 5 × 440 = 3300
    // 2027: 10 × 121 + 5 × 484 × 1.5 = 1210 + 3630 = 4840
    // 2028: 10 × 133.1 × 0.5 + 5 × 532.4 × 1.5 × 0.5 = 665.5 + 1996.5 = 2662
    [3300, 4840, 2662].forEach((e, t) => expectYuan(p.years[t]?.expenditureYuan ?? NaN, e));
    expectYuan(p.years[2]?.costPerRetireeYuan ?? NaN, 532.4 * 0.75);
  });

  it('refuses a non-positive factor with its index', () => {
    const s: EmployeeScenario = { ...interfacesExample, policy: [{ fromYear: 2027, expenditureFactor: 1.1 }, { fromYear: 2028, expenditureFactor: 0 }] };
    expect(() => projectScenario(s)).toThrow('policy[1].expenditureFactor: must be a positive number, got 0');
  });
});

describe('employee projection: bad input names the field and the reason', () => {
  it.each([
    [{ horizonYears: 0 }, 'horizonYears: must be a whole number from 1 to 100, got 0'],
    [{ startYear: 2026.5 }, 'startYear: must be a whole year, got 2026.5'],
    [{ opening: { ...interfacesExample.opening, retirees: -5 } }, 'opening.retirees: must be a non-negative number, got -5'],
    [{ assumptions: { ...interfacesExample.assumptions, wageGrowth: [0.05, 0.05, 0.05, -1, 0, 0, 0, 0, 0, 0] } }, 'assumptions.wageGrowth[3]: must be greater than -1'],
    [{ assumptions: { ...interfacesExample.assumptions, poolingRate: [0.06, 0.06] } }, 'assumptions.poolingRate: expected 10 yearly values, got 2'],
    [{ assumptions: { ...interfacesExample.assumptions, collectionRate: 0 } }, 'assumptions.collectionRate: must be greater than 0'],
    [{ assumptions: { ...interfacesExample.assumptions, poolingRate: 1 } }, 'assumptions.poolingRate: must be less than 1'],
    [{ reserveRate: 1.5 }, 'reserveRate: must be at most 1'],
    [{ openingReserveYuan: 3e9 }, 'openingReserveYuan: must be at most the opening balance (2000000000), got 3000000000'],
  ])('%j', (change, message) => {
    expect(() => projectScenario({ ...interfacesExample, ...change } as EmployeeScenario)).toThrow(message);
  });
});
