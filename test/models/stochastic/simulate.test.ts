import { describe, expect, it } from 'vitest';
import { projectScenario } from '../../../models/projection/index.ts';
import type { EmployeeScenario, Scenario } from '../../../models/projection/scenario.ts';
import {
  defaultShockSpec, PERCENTILE_LEVELS, simulateScenario, type ShockSpec, type StochasticResult,
} from '../../../models/stochastic/index.ts';
import { INTERFACES_EMPLOYEE, RESIDENT, SOLVENT_EMPLOYEE, referenceProjection } from './fixtures.ts';

/** The default spec of a scheme with every σ set to 0: shocks drawn, but all of size 0. */
const still = (scheme: Scenario['scheme']): ShockSpec => {
  const spec = defaultShockSpec(scheme);
  return { ...spec, sigma: spec.sigma.map(() => 0) };
};
const NO_SHOCKS: ShockSpec = { drivers: [], sigma: [], phi: [], correlation: [] };

/** |a − b| ≤ 1e-9 · |b|: the brief's zero-volatility tolerance (the paths are in fact equal to the bit). */
const closeRel = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.abs(b));

describe('simulateScenario at zero volatility', () => {
  it('every percentile of every year is the deterministic path of the interfaces.md convention (both schemes, time-varying assumptions)', () => {
    for (const scenario of [INTERFACES_EMPLOYEE, SOLVENT_EMPLOYEE, RESIDENT] as Scenario[]) {
      const reference = referenceProjection(scenario);
      for (const [shocks, paths] of [[still(scenario.scheme), 7], [NO_SHOCKS, 2500]] as const) {
        const r = simulateScenario(scenario, { paths, seed: 3, shocks });
        for (const level of PERCENTILE_LEVELS) {
          reference.forEach((y, t) => {
            closeRel(r.percentiles.balance[level][t] as number, y.balance);
            closeRel(r.percentiles.payableMonths[level][t] as number, y.payableMonths);
          });
        }
        expect(r.probabilityDeficit).toEqual(reference.map((y) => (y.income + y.interest < y.expenditure ? 1 : 0)));
      }
    }
  });

  it('reproduces hand-worked years 2026 and 2027 of the interfaces.md employee example', () => {
    // 2026: retirees 3e5 × 1.04 = 312,000; wage 6,300; costs × 1.03 × 1.02: 2,101.2 and 7,354.2;
    // I = 1e6 × 6,300 × 12 × 0.06 × 0.97 = 4,399,920,000; interest = 2e9 × 0.015 = 30,000,000;
    // E = 1e6 × 2,101.2 + 312,000 × 7,354.2 = 4,395,710,400; B = 2,034,209,600; months = B × 12 / E.
    // 2027: retirees 324,480; wage 6,615; costs 2,207.52072 and 7,726.42252; I = 4,619,916,000;
    // interest = 30,513,144; E = 4,714,557,851.2896; B = 1,970,080,892.7104 (exact rational arithmetic).
    const r = simulateScenario(INTERFACES_EMPLOYEE, { paths: 3, seed: 1, shocks: still('employee') });
    closeRel(r.percentiles.balance['50'][0] as number, 2_034_209_600);
    closeRel(r.percentiles.payableMonths['97.5'][0] as number, (2_034_209_600 * 12) / 4_395_710_400);
    closeRel(r.percentiles.balance['2.5'][1] as number, 1_970_080_892.7104);
    closeRel(r.percentiles.payableMonths['10'][1] as number, (1_970_080_892.7104 * 12) / 4_714_557_851.2896);
  });

  it('equals models/projection projectScenario year by year, including its exhaustion year and tiers', () => {
    for (const scenario of [INTERFACES_EMPLOYEE, SOLVENT_EMPLOYEE, RESIDENT] as Scenario[]) {
      const det = projectScenario(scenario);
      const r = simulateScenario(scenario, { paths: 5, seed: 9, shocks: still(scenario.scheme) });
      det.years.forEach((y, t) => {
        expect(r.percentiles.balance['50'][t]).toBe(y.balanceYuan);
        expect(r.percentiles.payableMonths['25'][t]).toBe(y.payableMonths);
        expect(r.tierProbabilities[y.tier][t]).toBe(1);
      });
      const exhausted = r.exhaustionYearDistribution.find((e) => e.probability === 1)?.year;
      expect(exhausted).toBe(det.exhaustionYear);
    }
  });

  it('follows the deterministic policy factors and monthly profile of the scenario', () => {
    const scenario: EmployeeScenario = {
      ...INTERFACES_EMPLOYEE,
      policy: [{ fromYear: 2028, expenditureFactor: 75 / 70, appliesTo: 'retirees' }],
      monthlyProfile: { income: [0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.45] },
    };
    const det = projectScenario(scenario);
    const r = simulateScenario(scenario, { paths: 2, seed: 1, shocks: NO_SHOCKS });
    det.years.forEach((y, t) => expect(r.percentiles.balance['75'][t]).toBe(y.balanceYuan));
    const firstNonPositive = det.months?.find((m) => m.balanceYuan <= 0)?.month;
    expect(firstNonPositive).toMatch(/^20\d\d-\d\d$/);
    expect(r.exhaustionMonthDistribution?.[0]).toEqual({ month: firstNonPositive, probability: 1 });
  });
});

describe('simulateScenario as volatilities shrink', () => {
  it('the median tracks the deterministic path, its distance shrinking in proportion to σ', () => {
    const scenario = { ...INTERFACES_EMPLOYEE, horizonYears: 30 };
    const reference = referenceProjection(scenario);
    const spec = defaultShockSpec('employee');
    // largest |median − deterministic| over the years, in units of the year's expenditure
    const distance = (scale: number) => {
      const r = simulateScenario(scenario, { paths: 1000, seed: 12, shocks: { ...spec, sigma: spec.sigma.map((x) => x * scale) } });
      return Math.max(...reference.map((y, t) => Math.abs((r.percentiles.balance['50'][t] as number) - y.balance) / y.expenditure));
    };
    const coarse = distance(1e-2), fine = distance(1e-4);
    expect(fine).toBeLessThan(1e-4);
    // the same seed draws the same z: to first order the deviations, and the median's distance, scale with σ
    expect(fine / coarse).toBeGreaterThan(0.005);
    expect(fine / coarse).toBeLessThan(0.02);
  });
});

describe('simulateScenario with cohort membership', () => {
  // 5-year groups 20–24 … 65+ (10 groups); heads sum to the opening counts
  const active = [90_000, 110_000, 120_000, 115_000, 110_000, 100_000, 90_000, 65_000, 0, 0];
  const retirees = [0, 0, 0, 0, 0, 0, 0, 0, 100_000, 200_000];
  const cohort: EmployeeScenario = {
    ...INTERFACES_EMPLOYEE,
    opening: { ...INTERFACES_EMPLOYEE.opening, activeMembers: 800_000, retirees: 300_000 },
    membership: {
      kind: 'cohort', ageGroupYears: 5, minAge: 20,
      active: { male: active.map((x) => x / 2), female: active.map((x) => x / 2) },
      retirees: { male: retirees.map((x) => x / 2), female: retirees.map((x) => x / 2) },
      entries: { male: [20_000, 5_000, 0, 0, 0, 0, 0, 0, 0, 0], female: [20_000, 5_000, 0, 0, 0, 0, 0, 0, 0, 0] },
      retirementAge: { male: 60, female: 55 },
      relativeCost: { male: [0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.2, 1.4, 2, 2.5], female: [0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.2, 1.4, 2, 2.5] },
    },
  };

  it('follows the cohort model at zero volatility and shocks its heads otherwise', () => {
    const det = projectScenario(cohort);
    const r = simulateScenario(cohort, { paths: 3, seed: 1, shocks: still('employee') });
    det.years.forEach((y, t) => expect(r.percentiles.balance['50'][t]).toBe(y.balanceYuan));
    const membershipOnly: ShockSpec = { drivers: ['activeGrowth', 'retireeGrowth'], sigma: [0.02, 0.01], phi: [0.5, 0.5], correlation: [[1, 0], [0, 1]] };
    const shocked = simulateScenario(cohort, { paths: 200, seed: 1, shocks: membershipOnly });
    expect(shocked.percentiles.balance['97.5'][9]).toBeGreaterThan(shocked.percentiles.balance['2.5'][9] as number);
  });
});

describe('simulateScenario months and exhaustion (hand-worked)', () => {
  // income 1000 × 1000 × 12 × 0.1 = 1.2e6 a year, expenditure 1000 × 2400 = 2.4e6, no interest or growth
  const draining: EmployeeScenario = {
    name: 'drain', scheme: 'employee', startYear: 2030, horizonYears: 3,
    opening: { balanceYuan: 450_000, activeMembers: 1000, retirees: 0, avgMonthlyWageYuan: 1000, costPerActiveYuan: 2400, costPerRetireeYuan: 0 },
    assumptions: {
      wageGrowth: 0, poolingRate: 0.1, collectionRate: 1, activeGrowth: 0, retireeGrowth: 0,
      medicalInflation: 0, utilisationGrowth: 0, interestRate: 0, subsidyYuan: 0,
    },
  };

  it('a fund losing 100,000 yuan a month from 450,000 is exhausted in May of its first year', () => {
    const r = simulateScenario(draining, { paths: 4, seed: 2, shocks: NO_SHOCKS });
    expect(r.exhaustionMonthDistribution).toEqual([{ month: '2030-05', probability: 1 }, { month: null, probability: 0 }]);
    expect(r.exhaustionYearDistribution).toEqual([
      { year: 2030, probability: 1 }, { year: 2031, probability: 0 }, { year: 2032, probability: 0 }, { year: null, probability: 0 },
    ]);
    expect(r.probabilityExhaustedBy).toEqual([1, 1, 1]);
    expect(r.probabilityRed).toEqual([1, 1, 1]);
    expect(r.probabilityDeficit).toEqual([1, 1, 1]);
    expect(r.percentiles.balance['50']).toEqual([-750_000, -1_950_000, -3_150_000]);
  });

  it('premiums collected in December reveal an exhaustion in March that the year-end balance hides', () => {
    // balance 250,000; expenditure 1.2e6 flat (100,000 a month); income 2.4e6 all in December:
    // end of March 250,000 − 300,000 < 0; year end 250,000 + 2.4e6 − 1.2e6 = 1,450,000 (14.5 months, blue).
    const seasonal: EmployeeScenario = {
      ...draining, horizonYears: 1,
      opening: { ...draining.opening, balanceYuan: 250_000, avgMonthlyWageYuan: 2000, costPerActiveYuan: 1200 },
      monthlyProfile: { income: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1] },
    };
    const monthly = simulateScenario(seasonal, { paths: 1, seed: 2, shocks: NO_SHOCKS });
    expect(monthly.exhaustionMonthDistribution?.[0]).toEqual({ month: '2030-03', probability: 1 });
    expect(monthly.percentiles.balance['50']).toEqual([1_450_000]);
    expect(monthly.tierProbabilities.blue).toEqual([1]);
    expect(monthly.probabilityRed).toEqual([0]);
    expect(monthly.probabilityRedBy).toEqual([1]);
    const yearly = simulateScenario(seasonal, { paths: 1, seed: 2, shocks: NO_SHOCKS, monthly: false });
    expect(yearly.exhaustionMonthDistribution).toBeUndefined();
    expect(yearly.probabilityExhaustedBy).toEqual([0]);
    expect(yearly.probabilityRedBy).toEqual([0]);
  });

  it('with flat profiles, monthly and yearly steps give the same exhaustion years on every path', () => {
    const options = { paths: 400, seed: 11 };
    const m = simulateScenario(INTERFACES_EMPLOYEE, { ...options, monthly: true });
    const y = simulateScenario(INTERFACES_EMPLOYEE, { ...options, monthly: false });
    expect(m.exhaustionYearDistribution).toEqual(y.exhaustionYearDistribution);
    expect(m.percentiles).toEqual(y.percentiles);
  });
});

describe('simulateScenario properties', () => {
  const checkShape = (r: StochasticResult) => {
    const years = r.years.length;
    for (const table of [r.percentiles.balance, r.percentiles.payableMonths]) {
      for (let t = 0; t < years; t++) {
        const row = PERCENTILE_LEVELS.map((level) => table[level][t] as number);
        row.slice(1).forEach((v, i) => expect(v).toBeGreaterThanOrEqual(row[i] as number));
      }
    }
    const probabilities = [r.probabilityDeficit, r.probabilityRed, r.probabilityExhaustedBy, r.probabilityRedBy, ...Object.values(r.tierProbabilities)];
    for (const p of probabilities.flat()) expect(p >= 0 && p <= 1).toBe(true);
    for (const series of [r.probabilityExhaustedBy, r.probabilityRedBy]) series.slice(1).forEach((p, i) => expect(p).toBeGreaterThanOrEqual(series[i] as number));
    r.probabilityRed.forEach((p, t) => expect(r.probabilityRedBy[t]).toBeGreaterThanOrEqual(p));
    r.probabilityExhaustedBy.forEach((p, t) => expect(r.probabilityRedBy[t]).toBeGreaterThanOrEqual(p));
    for (let t = 0; t < years; t++) expect(Object.values(r.tierProbabilities).reduce((s, xs) => s + (xs[t] as number), 0)).toBeCloseTo(1, 12);
    const total = r.exhaustionYearDistribution.reduce((s, e) => s + e.probability, 0);
    expect(total).toBeCloseTo(1, 12);
    expect(r.exhaustionYearDistribution.at(-1)?.probability).toBeCloseTo(1 - (r.probabilityExhaustedBy.at(-1) as number), 12);
  };

  it('percentiles are ordered, probabilities lie in [0, 1], the "by" series never fall (default shocks, both schemes)', () => {
    checkShape(simulateScenario({ ...INTERFACES_EMPLOYEE, horizonYears: 30 }, { paths: 2000, seed: 7 }));
    checkShape(simulateScenario(SOLVENT_EMPLOYEE, { paths: 500, seed: 8 }));
    checkShape(simulateScenario(RESIDENT, { paths: 500, seed: 9 }));
  });

  it('the same seed and inputs give byte-identical JSON; another seed does not', () => {
    const run = (seed: number) => JSON.stringify(simulateScenario(INTERFACES_EMPLOYEE, { paths: 300, seed }));
    expect(run(42)).toBe(run(42));
    expect(run(43)).not.toBe(run(42));
  });

  it('reports progress in path-years after each year, ending at the total', () => {
    const calls: [number, number][] = [];
    simulateScenario(RESIDENT, { paths: 10, seed: 1, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([10, 20, 30, 40, 50, 60].map((done) => [done, 60]));
  });

  it('echoes the shock spec it used and defaults to 5,000 paths', () => {
    const r = simulateScenario({ ...RESIDENT, horizonYears: 1, assumptions: { ...RESIDENT.assumptions, insuredGrowth: 0, subsidyGrowthYuan: 0 } }, { seed: 1 });
    expect(r.paths).toBe(5000);
    expect(r.shocks).toEqual(defaultShockSpec('resident'));
    expect(r.years).toEqual([2026]);
  });
});

describe('simulateScenario bad input', () => {
  it('rejects paths, seeds, schemes, scenarios and thresholds with exact messages', () => {
    const run = (options: Parameters<typeof simulateScenario>[1], scenario: Scenario = RESIDENT) => () => simulateScenario(scenario, options);
    expect(run({ paths: 0, seed: 1 })).toThrow('paths must be an integer from 1 to 100000, got 0');
    expect(run({ paths: 100_001, seed: 1 })).toThrow('paths must be an integer from 1 to 100000, got 100001');
    expect(run({ paths: 2.5, seed: 1 })).toThrow('paths must be an integer from 1 to 100000, got 2.5');
    expect(run({ paths: 10, seed: -1 })).toThrow('seed must be an integer from 0 to 4294967295, got -1');
    expect(run({ paths: 10, seed: 0.5 })).toThrow('seed must be an integer from 0 to 4294967295, got 0.5');
    expect(run({ paths: 10, seed: 1 }, { ...RESIDENT, scheme: 'maternity' } as unknown as Scenario)).toThrow("scheme must be 'employee' or 'resident', got maternity");
    expect(run({ paths: 10, seed: 1 }, { ...RESIDENT, horizonYears: 0 })).toThrow('horizonYears: must be a whole number from 1 to 100, got 0');
    expect(run({ paths: 10, seed: 1, thresholds: { redBelow: 3, orangeBelow: 2, greenUpTo: 9, blueUpTo: 15 } }))
      .toThrow('thresholds.orangeBelow must be a number greater than redBelow (3), got 2');
    expect(run({ paths: 10, seed: 1 }, { ...RESIDENT, monthlyProfile: { income: [0.5, 0.5] } })).toThrow('monthlyProfile.income: expected 12 monthly shares, got 2');
    expect(run({ paths: 10, seed: 1 }, { ...RESIDENT, monthlyProfile: { expenditure: new Array(12).fill(0.1) } }))
      .toThrow('monthlyProfile.expenditure: shares must sum to 1, got 1.2');
    expect(run({ paths: 10, seed: 1, shocks: { ...defaultShockSpec('resident'), phi: [0.4, 1, 0.5] } }))
      .toThrow('shocks.phi[1] (utilisationGrowth) must satisfy |φ| < 1 (a stationary AR(1)), got 1');
  });
});
