/**
 * The solvency solver: analytic one-year cases, the edge outcomes, and properties (the answer keeps
 * payable months ≥ target every year, the value just below it does not).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectScenario, solveForTarget, type EmployeeScenario, type ResidentScenario, type Scenario } from '../../../models/index.ts';

const SEED = 20260403;

const employee = (change: Partial<EmployeeScenario['assumptions']> = {}, horizonYears = 1): EmployeeScenario => ({
  name: 's', scheme: 'employee', startYear: 2026, horizonYears,
  opening: { balanceYuan: 1e6, activeMembers: 100, retirees: 20, avgMonthlyWageYuan: 5000, costPerActiveYuan: 3000, costPerRetireeYuan: 9000 },
  assumptions: {
    wageGrowth: 0, poolingRate: 0.06, collectionRate: 0.95, activeGrowth: 0, retireeGrowth: 0,
    medicalInflation: 0, utilisationGrowth: 0, interestRate: 0.02, subsidyYuan: 0, ...change,
  },
});

const resident: ResidentScenario = {
  name: 'r', scheme: 'resident', startYear: 2026, horizonYears: 1,
  opening: { balanceYuan: 50_000, insured: 1000, premiumYuan: 400, subsidyPerHeadYuan: 600, costPerHeadYuan: 1200 },
  assumptions: {
    insuredGrowth: 0, premiumGrowthYuan: 0, subsidyGrowthYuan: 40, medicalInflation: 0,
    utilisationGrowth: 0, collectionRate: 0.9, interestRate: 0.01,
  },
};

/** Payable months of every year with a lever value swapped in. */
function monthsAt(s: Scenario, x: number): (number | null)[] {
  const changed = s.scheme === 'employee'
    ? { ...s, assumptions: { ...s.assumptions, poolingRate: x } }
    : { ...s, opening: { ...s.opening, subsidyPerHeadYuan: x } };
  return projectScenario(changed).years.map((y) => y.payableMonths);
}

describe('solver: analytic one-year cases', () => {
  it('employee: B0 + B0·r + N·w·12·p·k − E = 6·E/12 solved for p', () => {
    // E = 100 × 3000 + 20 × 9000 = 480 000; need balance 240 000:
    // p* = (240 000 − 1 000 000 − 20 000 + 480 000) / (100 × 5000 × 12 × 0.95) < 0 → already met at p = 0
    expect(solveForTarget(employee()).status).toBe('lower-bound-suffices');
    // with a 2 000 000 yuan higher cost of retirees: E = 300 000 + 20 × 109 000 = 2 480 000, target balance 1 240 000
    const s = { ...employee(), opening: { ...employee().opening, costPerRetireeYuan: 109_000 } };
    const exact = (1_240_000 - 1_000_000 - 20_000 + 2_480_000) / (100 * 5000 * 12 * 0.95);
    const r = solveForTarget(s);
    expect(r.status).toBe('solved');
    expect(r.lever).toBe('poolingRate');
    expect(r.precision).toBeLessThanOrEqual(1e-7);
    expect(r.bracket[0]).toBeLessThanOrEqual(exact);
    expect(r.bracket[1]).toBeGreaterThanOrEqual(exact);
    expect(Math.abs((r.value as number) - exact)).toBeLessThanOrEqual(r.precision);
    // about 0.5 / 2^23 of the bracket: 23 halvings
    expect(r.iterations).toBe(Math.ceil(Math.log2(0.5 / 1e-7)));
    expect(r.minPayableMonths).toBeGreaterThanOrEqual(6);
    expect(r.bindingYear).toBe(2026);
  });

  it('resident: the opening subsidy per head s with M·(P + s + 40)·k + B0 + J − E = 6·E/12', () => {
    // E = 1000 × 1200 = 1 200 000; balance needed 600 000; the first year's subsidy is s + 40:
    // s* = (600 000 − 50 000 − 500 + 1 200 000) / (1000 × 0.9) − 400 − 40
    const exact = (600_000 - 50_000 - 500 + 1_200_000) / (1000 * 0.9) - 400 - 40;
    const r = solveForTarget(resident);
    expect(r.lever).toBe('subsidyPerHeadYuan');
    expect(r.status).toBe('solved');
    expect(r.precision).toBeLessThanOrEqual(0.01);
    expect(Math.abs((r.value as number) - exact)).toBeLessThanOrEqual(r.precision);
  });

  it('a custom target: 3 months instead of 6', () => {
    const s = { ...employee(), opening: { ...employee().opening, costPerRetireeYuan: 109_000 } };
    const exact = (620_000 - 1_000_000 - 20_000 + 2_480_000) / (100 * 5000 * 12 * 0.95);
    const r = solveForTarget(s, { targetMonths: 3 });
    expect(Math.abs((r.value as number) - exact)).toBeLessThanOrEqual(r.precision);
  });
});

describe('solver: when there is nothing to bisect', () => {
  it('unattainable: even the upper bound leaves a year below target', () => {
    const s = { ...employee(), opening: { ...employee().opening, costPerRetireeYuan: 10_000_000 } };
    const r = solveForTarget(s);
    expect(r.status).toBe('unattainable');
    expect(r.value).toBeNull();
    expect(r.bracket).toEqual([0, 0.5]);
    expect(r.minPayableMonths).toBeLessThan(6);
    expect(r.minPayableMonths).toBe(monthsAt(s, 0.5)[0]);
  });

  it.each([
    [{ lower: 0.3, upper: 0.2 }, 'solver: need lower < upper, got [0.3, 0.2]'],
    [{ tolerance: 0 }, 'solver: tolerance must be positive, got 0'],
    [{ targetMonths: Number.NaN }, 'solver: targetMonths must be a finite number, got NaN'],
  ])('refuses %j', (options, message) => {
    expect(() => solveForTarget(employee(), options)).toThrow(message);
  });
});

describe('solver properties', () => {
  const scenario = fc.record({
    costA: fc.double({ min: 500, max: 6000, noNaN: true }),
    costR: fc.double({ min: 2000, max: 20000, noNaN: true }),
    mi: fc.double({ min: 0, max: 0.08, noNaN: true }),
    rg: fc.double({ min: -0.02, max: 0.06, noNaN: true }),
    balance: fc.double({ min: -1e6, max: 5e6, noNaN: true }),
    target: fc.double({ min: 1, max: 12, noNaN: true }),
  });

  it('the value keeps payable months ≥ target in every year; the bracket end below it fails in some year', () => {
    fc.assert(fc.property(scenario, ({ costA, costR, mi, rg, balance, target }) => {
      const base = employee({ medicalInflation: mi, retireeGrowth: rg, interestRate: 0.015 }, 15);
      const s: EmployeeScenario = { ...base, opening: { ...base.opening, balanceYuan: balance, costPerActiveYuan: costA, costPerRetireeYuan: costR } };
      const r = solveForTarget(s, { targetMonths: target });
      if (r.status === 'unattainable') {
        expect(monthsAt(s, 0.5).some((m) => (m ?? Infinity) < target)).toBe(true);
        return;
      }
      expect(monthsAt(s, r.value as number).every((m) => (m ?? Infinity) >= target)).toBe(true);
      if (r.status === 'solved') {
        expect(r.precision).toBeLessThanOrEqual(1e-7);
        expect(monthsAt(s, r.bracket[0]).some((m) => (m ?? Infinity) < target)).toBe(true);
      } else {
        expect(r.value).toBe(0);
      }
    }), { seed: SEED, numRuns: 60 });
  });
});
