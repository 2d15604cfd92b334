/**
 * Tornado sensitivity and the low / intermediate / high-cost presets.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SENSITIVITY_DELTAS, EMPLOYEE_ASSUMPTION_KEYS, costPresets, defaultRange, projectScenario, tornado,
  type EmployeeScenario, type ResidentScenario,
} from '../../../models/index.ts';

const base: EmployeeScenario = {
  name: 'base', scheme: 'employee', startYear: 2026, horizonYears: 10,
  opening: { balanceYuan: 2.0e9, activeMembers: 1.0e6, retirees: 3.0e5, avgMonthlyWageYuan: 6000, costPerActiveYuan: 2000, costPerRetireeYuan: 7000 },
  assumptions: {
    wageGrowth: 0.05, poolingRate: 0.06, collectionRate: 0.97, activeGrowth: 0.0, retireeGrowth: 0.04,
    medicalInflation: 0.03, utilisationGrowth: 0.02, interestRate: 0.015, subsidyYuan: 0,
  },
};

describe('default sensitivity ranges', () => {
  it('adds the delta to a constant and to every year of an array, clamped into the valid range', () => {
    expect(defaultRange(0.03, { kind: 'absolute', delta: 0.01 }, undefined)).toEqual({ low: 0.02, high: 0.04 });
    // 0.99 + 0.02 would be a collection rate above 1
    expect(defaultRange(0.99, DEFAULT_SENSITIVITY_DELTAS.employee.collectionRate, { minExclusive: 0, max: 1, unit: 'rate' })).toEqual({ low: 0.97, high: 1 });
    expect(defaultRange([0.05, 0.045], { kind: 'absolute', delta: 0.005 }, undefined)).toEqual({ low: [0.045, 0.04], high: [0.055, 0.05] });
    expect(defaultRange(2e8, { kind: 'relative', delta: 0.2 }, undefined)).toEqual({ low: 1.6e8, high: 2.4e8 });
  });
});

describe('tornado', () => {
  const t = tornado(base, { years: [2030, 2035] });

  it('varies every assumption of the scheme and ranks by the swing at the first chosen year', () => {
    expect(t.years).toEqual([2030, 2035]);
    expect(t.bars.map((b) => b.item).sort()).toEqual([...EMPLOYEE_ASSUMPTION_KEYS].sort());
    for (let i = 1; i < t.bars.length; i++) {
      expect(t.bars[i - 1]?.swingMonths[0]).toBeGreaterThanOrEqual(t.bars[i]?.swingMonths[0] ?? NaN);
    }
    // a ±0.5 pp pooling rate moves income by ±8 % of contributions: the largest swing here
    expect(t.bars[0]?.item).toBe('poolingRate');
    // a zero subsidy ±20 % stays zero: no swing at all
    expect(t.bars.at(-1)?.item).toBe('subsidyYuan');
    expect(t.bars.at(-1)?.swingMonths).toEqual([0, 0]);
  });

  it('each outcome is the projection with that one assumption at its low or high value', () => {
    const bar = t.bars.find((b) => b.item === 'medicalInflation');
    expect([bar?.low.value, bar?.high.value]).toEqual([0.02, 0.04]);
    const high = projectScenario({ ...base, assumptions: { ...base.assumptions, medicalInflation: 0.04 } });
    expect(bar?.high.payableMonths).toEqual([high.years[4]?.payableMonths, high.years[9]?.payableMonths]);
    expect(bar?.high.exhaustionYear).toBe(high.exhaustionYear);
    expect(bar?.swingMonths[0]).toBeCloseTo(Math.abs((bar?.high.payableMonths[0] ?? 0) - (bar?.low.payableMonths[0] ?? 0)), 14);
    // higher medical inflation exhausts the fund sooner
    expect(bar?.high.exhaustionYear).toBeLessThan(bar?.low.exhaustionYear ?? Infinity);
    expect(t.base.exhaustionYear).toBe(2032);
  });

  it('counts "not exhausted within the horizon" as the year after it', () => {
    const bar = tornado(base, { items: ['poolingRate'], ranges: { poolingRate: { low: 0.06, high: 0.1 } } }).bars[0];
    expect(bar?.high.exhaustionYear).toBeNull();
    expect(bar?.exhaustionSwingYears).toBe(2036 - 2032);
  });

  it('accepts given ranges and opening values as items', () => {
    const r = tornado(base, { items: ['opening.costPerRetireeYuan', 'wageGrowth'], ranges: { wageGrowth: { low: [0.04, 0.04, 0.04, 0.04, 0.04, 0.04, 0.04, 0.04, 0.04, 0.04], high: 0.06 } } });
    const cost = r.bars.find((b) => b.item === 'opening.costPerRetireeYuan');
    // ± 5 % of 7000 yuan
    expect([cost?.low.value, cost?.high.value]).toEqual([6650, 7350]);
    expect(r.bars.find((b) => b.item === 'wageGrowth')?.high.value).toBe(0.06);
  });

  it('works for the resident scheme with its own defaults', () => {
    const resident: ResidentScenario = {
      name: 'r', scheme: 'resident', startYear: 2026, horizonYears: 5,
      opening: { balanceYuan: 3e8, insured: 8e5, premiumYuan: 380, subsidyPerHeadYuan: 670, costPerHeadYuan: 1000 },
      assumptions: { insuredGrowth: 0, premiumGrowthYuan: 20, subsidyGrowthYuan: 30, medicalInflation: 0.04, utilisationGrowth: 0.02, collectionRate: 0.98, interestRate: 0.015 },
    };
    const r = tornado(resident);
    expect(r.years).toEqual([2030]);
    expect(r.bars.find((b) => b.item === 'premiumGrowthYuan')?.low.value).toBe(10);
    expect(r.bars).toHaveLength(7);
  });

  it.each([
    [{ items: ['wageGrowht'] }, 'sensitivity: unknown item "wageGrowht" for the employee scheme'],
    [{ items: ['opening.insured'] }, 'sensitivity: unknown item "opening.insured" for the employee scheme'],
    [{ years: [2040] }, 'sensitivity: year 2040 is outside the projection 2026–2035'],
  ])('refuses %j', (options, message) => {
    expect(() => tornado(base, options)).toThrow(message);
  });
});

describe('cost presets', () => {
  const presets = costPresets(base);

  it('shifts the cost drivers by the documented deltas, against the fund in the high-cost set', () => {
    expect(presets.intermediate.assumptions).toEqual(base.assumptions);
    expect(presets.high.assumptions).toMatchObject({ medicalInflation: 0.04, utilisationGrowth: 0.025, wageGrowth: 0.045, activeGrowth: -0.005, retireeGrowth: 0.045, interestRate: 0.01 });
    expect(presets.low.assumptions).toMatchObject({ medicalInflation: 0.02, utilisationGrowth: 0.015, wageGrowth: 0.055, activeGrowth: 0.005, retireeGrowth: 0.035, interestRate: 0.02 });
    // contribution rules are levers, not assumptions
    expect([presets.high.assumptions.poolingRate, presets.low.assumptions.collectionRate]).toEqual([0.06, 0.97]);
    expect(presets.high.name).toBe('base (高成本 high cost)');
  });

  it('orders the balances: low cost ≥ intermediate ≥ high cost in every year', () => {
    const [low, mid, high] = [presets.low, presets.intermediate, presets.high].map((s) => projectScenario(s).years.map((y) => y.balanceYuan));
    low?.forEach((b, t) => {
      expect(b).toBeGreaterThanOrEqual(mid?.[t] ?? NaN);
      expect(mid?.[t]).toBeGreaterThanOrEqual(high?.[t] ?? NaN);
    });
  });

  it('shifts every year of a yearly array', () => {
    const withArray = { ...base, horizonYears: 2, assumptions: { ...base.assumptions, medicalInflation: [0.03, 0.05] } };
    expect(costPresets(withArray).high.assumptions.medicalInflation).toEqual([0.04, 0.06]);
  });
});
