/**
 * Properties of the deterministic projection (fast-check, fixed seed).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WARNING_PARAMS, projectScenario, projectionMonthsAndTier, rationalFromNumber, tierOfMonths,
  type EmployeeScenario, type ResidentScenario,
} from '../../../models/index.ts';

const SEED = 20260404;
const T = DEFAULT_WARNING_PARAMS.thresholds;
const HORIZON = 12;
const rate = (min: number, max: number) => fc.double({ min, max, noNaN: true });
const yearly = (min: number, max: number) => fc.array(rate(min, max), { minLength: HORIZON, maxLength: HORIZON });

const employeeArb = fc.record({
  balanceYuan: rate(-1e9, 5e9), activeMembers: rate(1e4, 2e6), retirees: rate(1e3, 8e5),
  avgMonthlyWageYuan: rate(2000, 15000), costPerActiveYuan: rate(500, 5000), costPerRetireeYuan: rate(2000, 15000),
}).chain((opening) => fc.record({
  opening: fc.constant(opening),
  wageGrowth: yearly(-0.05, 0.1), poolingRate: yearly(0, 0.12), collectionRate: yearly(0.8, 1),
  activeGrowth: yearly(-0.05, 0.05), retireeGrowth: yearly(-0.02, 0.08), medicalInflation: yearly(-0.02, 0.1),
  utilisationGrowth: yearly(-0.02, 0.05), interestRate: yearly(0, 0.05), subsidyYuan: yearly(0, 1e8),
}));
type EmployeeDraw = typeof employeeArb extends fc.Arbitrary<infer D> ? D : never;

const employee = (a: EmployeeDraw): EmployeeScenario => {
  const { opening, ...assumptions } = a;
  return { name: 'p', scheme: 'employee', startYear: 2026, horizonYears: HORIZON, opening, assumptions };
};

describe('zero growth everywhere, zero interest, income = expenditure: a flat balance', () => {
  it('resident, exact: insured × (premium + subsidy) × 1 = insured × cost when cost = premium + subsidy', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2000 }), fc.integer({ min: -1e9, max: 1e9 }),
      (insured, premium, subsidy, balance) => {
        const s: ResidentScenario = {
          name: 'flat', scheme: 'resident', startYear: 2026, horizonYears: HORIZON,
          opening: { balanceYuan: balance, insured, premiumYuan: premium, subsidyPerHeadYuan: subsidy, costPerHeadYuan: premium + subsidy },
          assumptions: { insuredGrowth: 0, premiumGrowthYuan: 0, subsidyGrowthYuan: 0, medicalInflation: 0, utilisationGrowth: 0, collectionRate: 1, interestRate: 0 },
        };
        const p = projectScenario(s);
        expect(p.years.map((y) => y.balanceYuan)).toEqual(new Array(HORIZON).fill(balance));
        expect(new Set(p.years.map((y) => y.payableMonths)).size).toBe(1);
      },
    ), { seed: SEED, numRuns: 200 });
  });

  it('employee: contributions plus the subsidy that makes up the rest leave the balance where it was', () => {
    fc.assert(fc.property(employeeArb, rate(0, 1), (a, share) => {
      const o = a.opening;
      const expenditure = o.activeMembers * o.costPerActiveYuan + o.retirees * o.costPerRetireeYuan;
      const poolingRate = Math.min(0.99, (share * expenditure) / (o.activeMembers * o.avgMonthlyWageYuan * 12));
      const contributions = o.activeMembers * o.avgMonthlyWageYuan * 12 * poolingRate * 1;
      const s: EmployeeScenario = {
        ...employee(a),
        assumptions: {
          wageGrowth: 0, poolingRate, collectionRate: 1, activeGrowth: 0, retireeGrowth: 0, medicalInflation: 0,
          utilisationGrowth: 0, interestRate: 0, subsidyYuan: Math.max(0, expenditure - contributions),
        },
      };
      const p = projectScenario(s);
      p.years.forEach((y, t) => {
        // each year adds a rounding residue: income = C + (E − C) differs from E by ≤ 2 half-ulps of E, and
        // B + I and then − E round to half an ulp of |B| + E each; 2^-53 ≈ 1.1e-16 per half-ulp
        expect(Math.abs(y.balanceYuan - o.balanceYuan)).toBeLessThanOrEqual((t + 1) * 4.5e-16 * (2 * expenditure + Math.abs(o.balanceYuan)));
      });
    }), { seed: SEED, numRuns: 200 });
  });
});

describe('monotonicity', () => {
  it('higher medical inflation never raises any year\'s balance (employee)', () => {
    fc.assert(fc.property(employeeArb, yearly(0, 0.05), (a, extra) => {
      const lower = employee(a);
      const higher = { ...lower, assumptions: { ...lower.assumptions, medicalInflation: a.medicalInflation.map((m, t) => m + (extra[t] as number)) } };
      const b0 = projectScenario(lower).years;
      const b1 = projectScenario(higher).years;
      b0.forEach((y, t) => expect(b1[t]?.balanceYuan).toBeLessThanOrEqual(y.balanceYuan));
    }), { seed: SEED, numRuns: 300 });
  });

  it('higher medical inflation never raises any year\'s balance (resident)', () => {
    fc.assert(fc.property(yearly(-0.02, 0.1), yearly(0, 0.05), rate(-1e8, 1e9), rate(0, 0.05), (mi, extra, balance, interest) => {
      const s = (medicalInflation: number[]): ResidentScenario => ({
        name: 'r', scheme: 'resident', startYear: 2026, horizonYears: HORIZON,
        opening: { balanceYuan: balance, insured: 9e5, premiumYuan: 380, subsidyPerHeadYuan: 670, costPerHeadYuan: 1050 },
        assumptions: { insuredGrowth: -0.01, premiumGrowthYuan: 20, subsidyGrowthYuan: 30, medicalInflation, utilisationGrowth: 0.02, collectionRate: 0.97, interestRate: interest },
      });
      const b0 = projectScenario(s(mi)).years;
      const b1 = projectScenario(s(mi.map((m, t) => m + (extra[t] as number)))).years;
      b0.forEach((y, t) => expect(b1[t]?.balanceYuan).toBeLessThanOrEqual(y.balanceYuan));
    }), { seed: SEED, numRuns: 300 });
  });

  it('a higher pooling rate never lowers any year\'s balance (what the solver relies on)', () => {
    fc.assert(fc.property(employeeArb, rate(0, 0.05), (a, extra) => {
      const lower = employee(a);
      const higher = { ...lower, assumptions: { ...lower.assumptions, poolingRate: a.poolingRate.map((p) => p + extra) } };
      const b0 = projectScenario(lower).years;
      projectScenario(higher).years.forEach((y, t) => expect(y.balanceYuan).toBeGreaterThanOrEqual(b0[t]?.balanceYuan ?? NaN));
    }), { seed: SEED, numRuns: 200 });
  });
});

describe('tiers', () => {
  it('the tier of a projected year is the warning tier of its printed payable months', () => {
    const near = fc.constantFrom(3, 6, 9, 15).chain((cut) => fc.double({ min: cut - 1e-6, max: cut + 1e-6, noNaN: true }));
    fc.assert(fc.property(fc.oneof(near, rate(-50, 50)), rate(1, 1e10), (months, expenditure) => {
      const balance = months * (expenditure / 12);
      const r = projectionMonthsAndTier(balance, expenditure, T);
      const m = r.payableMonths as number;
      expect(r.tier).toBe(balance <= 0 ? 'red' : tierOfMonths(rationalFromNumber(m), T));
    }), { seed: SEED, numRuns: 1000 });
  });

  it('exact cut points fall in the band the guidance names: 3 orange, 6 and 9 green, 15 blue', () => {
    expect([3, 6, 9, 15].map((m) => projectionMonthsAndTier(m * 100, 1200, T).tier)).toEqual(['orange', 'green', 'green', 'blue']);
    expect(projectionMonthsAndTier(0, 1200, T)).toEqual({ payableMonths: 0, tier: 'red' });
    expect(projectionMonthsAndTier(5, 0, T)).toEqual({ payableMonths: null, tier: 'purple' });
    expect(projectionMonthsAndTier(-5, 0, T)).toEqual({ payableMonths: null, tier: 'red' });
  });
});
