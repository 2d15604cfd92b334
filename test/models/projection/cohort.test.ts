/**
 * Cohort-component membership (cohort.ts), its default mortality (mortality.ts) and the retirement-age
 * schedule (retirement-age.ts), checked on small cases worked by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  CHINA_2025_RETIREMENT_AGE_RISE, DEFAULT_MAKEHAM, cohortStep, defaultGroupQx, makehamQx, projectCohort,
  projectScenario, retirementAgeSchedule, type CohortMembership, type CohortState, type CohortYearInputs, type EmployeeScenario,
} from '../../../models/index.ts';

const zeros = (n: number) => ({ male: new Float64Array(n), female: new Float64Array(n) });
const males = (values: number[]) => ({ male: Float64Array.from(values), female: new Float64Array(values.length) });
const state = (active: number[], retirees: number[] = active.map(() => 0)): CohortState => ({ active: males(active), retirees: males(retirees) });
const inputs = (n: number, change: Partial<CohortYearInputs> = {}): CohortYearInputs => ({
  qx: zeros(n), exitRate: zeros(n), entries: zeros(n), retirementAge: { male: 200, female: 200 }, ...change,
});
const arr = (x: Float64Array) => Array.from(x);

/** Membership with male heads only; every other table zero. */
function membership(change: Partial<CohortMembership> & Pick<CohortMembership, 'active'>): CohortMembership {
  const n = change.active.male.length;
  const none = { male: new Array<number>(n).fill(0), female: new Array<number>(n).fill(0) };
  return {
    kind: 'cohort', ageGroupYears: 1, minAge: 20, retirees: none, entries: none, qx: none,
    retirementAge: { male: 200, female: 200 }, ...change,
  };
}

describe('one cohort step', () => {
  it('single ages without deaths: pure ageing, the open last group keeps its own', () => {
    const next = cohortStep(state([10, 20, 30, 40]), { minAge: 20, ageGroupYears: 1 }, inputs(4));
    expect(arr(next.active.male)).toEqual([0, 10, 20, 70]);
  });

  it('five-year groups move a fifth of each group up a year', () => {
    // [100, 0] → [80, 20] → [64, 36]
    const layout = { minAge: 20, ageGroupYears: 5 };
    const one = cohortStep(state([100, 0]), layout, inputs(2));
    expect(arr(one.active.male)).toEqual([80, 20]);
    expect(arr(cohortStep(one, layout, inputs(2)).active.male)).toEqual([64, 36]);
  });

  it('deaths and exits act on the start-of-year heads, before ageing; retirees only die', () => {
    // active 1000 × (1 − 0.1) × (1 − 0.2) = 720 move up; retirees 500 × 0.9 = 450 move up
    const next = cohortStep(state([1000, 0], [500, 0]), { minAge: 20, ageGroupYears: 1 },
      inputs(2, { qx: males([0.1, 0.1]), exitRate: males([0.2, 0.2]) }));
    expect(arr(next.active.male)).toEqual([0, 720]);
    expect(arr(next.retirees.male)).toEqual([0, 450]);
  });

  it('entries join at the end of the year', () => {
    const next = cohortStep(state([0, 0]), { minAge: 20, ageGroupYears: 1 }, inputs(2, { entries: males([7, 3]) }));
    expect(arr(next.active.male)).toEqual([7, 3]);
  });

  it('retires the share of each group at or above the retirement age, heads spread evenly in the group', () => {
    const layout = { minAge: 58, ageGroupYears: 1 };
    // ages 58, 59, 60+; after ageing [0, 100, 100]: at age 60 everybody in [60, 61) retires
    const at60 = cohortStep(state([100, 100, 0]), layout, inputs(3, { retirementAge: { male: 60, female: 55 } }));
    expect(arr(at60.active.male)).toEqual([0, 100, 0]);
    expect(arr(at60.retirees.male)).toEqual([0, 0, 100]);
    // at 60.5 only the older half of [60, 61) has reached it: (60 + 1 − 60.5) / 1 = 0.5
    const at605 = cohortStep(state([100, 100, 0]), layout, inputs(3, { retirementAge: { male: 60.5, female: 55 } }));
    expect(arr(at605.active.male)).toEqual([0, 100, 50]);
    // five-year groups [55, 60), [60, 65): at 62 the share of [60, 65) aged 62+ is (65 − 62) / 5 = 0.6
    const five = cohortStep(state([0, 100]), { minAge: 55, ageGroupYears: 5 }, inputs(2, { retirementAge: { male: 62, female: 55 } }));
    expect(arr(five.active.male)).toEqual([0, 40]);
    expect(arr(five.retirees.male)).toEqual([0, 60]);
  });
});

describe('cohort projection over years', () => {
  it('one open group, no deaths, no entries: the heads never change', () => {
    const c = projectCohort(membership({ active: { male: [100], female: [0] }, ageGroupYears: 5 }), 3);
    expect(arr(c.active)).toEqual([100, 100, 100]);
    expect(arr(c.activeCostIndex)).toEqual([1, 1, 1]);
  });

  it('one group with qx 0.1 decays geometrically: 1000 × 0.9^t', () => {
    const c = projectCohort(membership({ active: { male: [1000], female: [500] }, qx: { male: [0.1], female: [0.1] } }), 3);
    expect(arr(c.active)).toEqual([1350, 1215, 1093.5]);
  });

  it('entries grow by entryGrowth from their startYear − 1 level', () => {
    // entries 10 in the opening year: 11 in year one, 12.1 in year two (all in one open group, no deaths)
    const c = projectCohort(membership({ active: { male: [0], female: [0] }, entries: { male: [10], female: [0] }, entryGrowth: 0.1 }), 2);
    expect(c.active[0]).toBeCloseTo(11, 12);
    expect(c.active[1]).toBeCloseTo(11 + 12.1, 12);
  });

  it('a retirement-age schedule by year moves heads to the retirees as they reach it', () => {
    // ages 58, 59, 60, 61+: 100 each aged 58 and 59; retirement age 60 in 2026, 61 in 2027 and 2028
    const m = membership({
      minAge: 58, active: { male: [100, 100, 0, 0], female: [0, 0, 0, 0] },
      retirementAge: { male: [60, 61, 61], female: 55 },
    });
    const c = projectCohort(m, 3);
    // 2026: the 59-year-olds turn 60 and retire; 2027: the others turn 60, under the new age 61;
    // 2028: they turn 61 and retire
    expect(arr(c.active)).toEqual([100, 100, 0]);
    expect(arr(c.retirees)).toEqual([100, 100, 200]);
  });

  it('the cost index follows the age mix relative to the opening mix', () => {
    // ages 58, 59, 60+ with relative costs 1, 2, 3; opening actives 100 + 100: mean (100 + 200) / 200 = 1.5;
    // after a year the actives are the 100 aged 59 (cost 2): index 2 / 1.5; the retirees all sit in 60+ (index 1)
    const m = membership({
      minAge: 58, active: { male: [100, 100, 0], female: [0, 0, 0] }, retirees: { male: [0, 0, 50], female: [0, 0, 0] },
      retirementAge: { male: 60, female: 55 }, relativeCost: { male: [1, 2, 3], female: [1, 1, 1] },
    });
    const c = projectCohort(m, 1);
    expect(c.activeCostIndex[0]).toBeCloseTo(2 / 1.5, 15);
    expect(c.retireeCostIndex[0]).toBe(1);
    expect(arr(c.retirees)).toEqual([150]);
  });

  it.each([
    [{ ageGroupYears: 3 as 1 }, 'membership.ageGroupYears: must be 1 or 5, got 3'],
    [{ retirees: { male: [0], female: [0, 0] } }, 'membership.retirees.male: expected 2 age groups, got 1'],
    [{ qx: { male: [0, 1.2], female: [0, 0] } }, 'membership.qx.male[1]: must be a number from 0 to 1, got 1.2'],
    [{ entryGrowth: -1 }, 'membership.entryGrowth: must be greater than -1, got -1'],
    [{ retirementAge: { male: [60], female: 55 } }, 'membership.retirementAge.male: expected 2 yearly values, got 1'],
  ])('refuses %j', (change, message) => {
    const m = { ...membership({ active: { male: [1, 1], female: [0, 0] } }), ...change } as CohortMembership;
    expect(() => projectCohort(m, 2)).toThrow(message);
  });
});

describe('cohort membership inside the employee projection', () => {
  const growth: EmployeeScenario = {
    name: 'c', scheme: 'employee', startYear: 2026, horizonYears: 2,
    opening: { balanceYuan: 1e6, activeMembers: 200, retirees: 50, avgMonthlyWageYuan: 5000, costPerActiveYuan: 1000, costPerRetireeYuan: 4000 },
    assumptions: {
      wageGrowth: 0.05, poolingRate: 0.08, collectionRate: 1, activeGrowth: 0, retireeGrowth: 0,
      medicalInflation: 0.1, utilisationGrowth: 0, interestRate: 0.01, subsidyYuan: 0,
    },
  };

  it('a stationary cohort reproduces the zero-growth projection bit for bit', () => {
    const cohort = { ...growth, membership: membership({ active: { male: [200], female: [0] }, retirees: { male: [50], female: [0] } }) };
    const a = projectScenario(growth);
    const b = projectScenario(cohort);
    expect(b.years.map((y) => y.balanceYuan)).toEqual(a.years.map((y) => y.balanceYuan));
  });

  it('retirements stop contributions and move heads to the retiree cost', () => {
    // ages 59 and 60+: 100 each; after one year all 200 are 60+ and retire
    const s = { ...growth, membership: membership({ minAge: 59, active: { male: [100, 100], female: [0, 0] }, retirees: { male: [0, 50], female: [0, 0] }, retirementAge: { male: 60, female: 55 } }) };
    const y = projectScenario(s).years[0];
    // no active heads: income 0; expenditure 250 retirees × 4000 × 1.1 = 1 100 000; interest 10 000
    expect(y?.activeMembers).toBe(0);
    expect(y?.retirees).toBe(250);
    expect(y?.incomeYuan).toBe(0);
    expect(y?.expenditureYuan).toBeCloseTo(1_100_000, 6);
    expect(y?.balanceYuan).toBeCloseTo(1e6 + 10_000 - 1_100_000, 6);
  });

  it('refuses cohort totals that disagree with the opening heads', () => {
    const s = { ...growth, membership: membership({ active: { male: [150], female: [0] }, retirees: { male: [50], female: [0] } }) };
    expect(() => projectScenario(s)).toThrow('membership.active: sums to 150 heads but opening.activeMembers is 200');
  });
});

describe('default mortality: Gompertz–Makeham', () => {
  it('matches the formula evaluated in Python', () => {
    // python3 -c "import math; A,B,c=0.00022,9.09e-6,1.124; print(repr(1-math.exp(-A-B*c**60*(c-1)/math.log(c))))"
    // mathematically equal expressions, evaluated by different libm code: relative 1e-13
    expect(Math.abs(makehamQx(60, DEFAULT_MAKEHAM.male) / 0.010879842622352087 - 1)).toBeLessThan(1e-13);
  });

  it('gives the documented life expectancies at birth (China 2020 census: 75.37 and 80.88)', () => {
    const e0 = (sex: 'male' | 'female') => {
      let l = 1;
      let total = 0;
      for (let x = 0; x < 130; x++) {
        const next = l * (1 - makehamQx(x, DEFAULT_MAKEHAM[sex]));
        total += (l + next) / 2;
        l = next;
      }
      return total;
    };
    // B was rounded to three significant figures after fitting: 0.01 years
    expect(Math.abs(e0('male') - 75.37)).toBeLessThan(0.01);
    expect(Math.abs(e0('female') - 80.88)).toBeLessThan(0.01);
  });

  it('a five-year group takes the one-year qx from the age under its middle', () => {
    expect(arr(defaultGroupQx('female', 60, 5, 2))).toEqual([makehamQx(62, DEFAULT_MAKEHAM.female), makehamQx(67, DEFAULT_MAKEHAM.female)]);
    expect(arr(defaultGroupQx('male', 60, 1, 1))).toEqual([makehamQx(60, DEFAULT_MAKEHAM.male)]);
  });
});

describe('retirement-age schedule of the 2025 reform', () => {
  it('men: 3 months a year from 2025, 63 from 2036', () => {
    expect(retirementAgeSchedule(CHINA_2025_RETIREMENT_AGE_RISE.male, 2024, 4)).toEqual([60, 60.25, 60.5, 60.75]);
    expect(retirementAgeSchedule(CHINA_2025_RETIREMENT_AGE_RISE.male, 2035, 3)).toEqual([62.75, 63, 63]);
  });

  it('women with an original age of 50: 6 months a year, 55 from 2034', () => {
    expect(retirementAgeSchedule(CHINA_2025_RETIREMENT_AGE_RISE.femaleWorker, 2033, 3)).toEqual([54.5, 55, 55]);
  });

  it('refuses a rise that goes down', () => {
    expect(() => retirementAgeSchedule({ fromAge: 60, toAge: 58, riseStartYear: 2025, monthsPerYear: 3 }, 2025, 1))
      .toThrow('retirement age rise: toAge must be at least fromAge, got 58 < 60');
  });
});
