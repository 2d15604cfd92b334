/**
 * Reserve (domain.md §4.1) and deficit waterfall (§4.2), worked by hand on a five-year path, then
 * properties over projected paths.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deficitFinancing, projectScenario, type EmployeeScenario, type YearlyFlows } from '../../../models/index.ts';

const SEED = 20260401;
const flows = (rows: number[][]): YearlyFlows => ({
  income: Float64Array.from(rows, (r) => r[0] as number),
  interest: Float64Array.from(rows, (r) => r[1] as number),
  expenditure: Float64Array.from(rows, (r) => r[2] as number),
  balance: Float64Array.from(rows, (r) => r[3] as number),
});

describe('deficit waterfall worked by hand', () => {
  // opening balance 100, reserve rate 10 %, no opening reserve, fiscal cap 20 a year
  //        income interest expenditure balance
  const path = flows([
    [100, 0, 80, 120], //  2026: surplus; set aside 10 % × 100 = 10
    [100, 0, 100, 120], // 2027: income = expenditure, no shortfall; reserve 20
    [50, 0, 100, 70], //   2028: shortfall 50 = reserve 20 + surplus 30 (120 − 20 free); the reserve runs out
    [50, 0, 150, -30], //  2029: shortfall 100 = surplus 70 + fiscal 20 (the cap) + other 10
    [50, -3, 60, -43], //  2030: interest −3 on −30; shortfall 60 − 50 + 3 = 13, all fiscal
  ]);
  const f = deficitFinancing(2026, 100, path, { reserveRate: 0.1, fiscalCapYuan: Float64Array.of(20, 20, 20, 20, 20) });

  it('covers each shortfall in order: reserve, accumulated surplus, fiscal subsidy, other', () => {
    const rows = f.years.map((y) => [y.reserveSetAsideYuan, y.shortfallYuan, y.fromReserveYuan, y.fromAccumulatedSurplusYuan, y.fromFiscalYuan, y.fromOtherYuan, y.reserveYuan]);
    expect(rows).toEqual([
      [10, 0, 0, 0, 0, 0, 10],
      [10, 0, 0, 0, 0, 0, 20],
      [0, 50, 20, 30, 0, 0, 0],
      [0, 100, 0, 70, 20, 10, 0],
      [0, 13, 0, 0, 13, 0, 0],
    ]);
  });

  it('reports the first year each source runs out', () => {
    expect(f.exhaustedYear).toEqual({ reserve: 2028, accumulatedSurplus: 2029, fiscal: 2029 });
  });

  it('once the fund is empty, fiscal and other sources add up to the overdraft', () => {
    // 20 + 10 + 13 = 43 = −balance 2030
    const outside = f.years.reduce((s, y) => s + y.fromFiscalYuan + y.fromOtherYuan, 0);
    expect(outside).toBe(-(path.balance[4] as number));
  });

  it('uses the default 9 % rate and no cap when none is given', () => {
    const d = deficitFinancing(2026, 100, path);
    expect(d.reserveRate).toBe(0.09);
    expect(d.years[0]?.reserveSetAsideYuan).toBe(9);
    expect(d.years[3]?.fromOtherYuan).toBe(0);
    expect(d.exhaustedYear.fiscal).toBeNull();
  });

  it('never sets aside more than the balance holds', () => {
    // balance 5 after a surplus year: the reserve is capped at 5, not 10 % × 100
    const d = deficitFinancing(2026, 0, flows([[100, 0, 95, 5]]), { reserveRate: 0.1 });
    expect(d.years[0]?.reserveYuan).toBe(5);
  });

  it('refuses an opening reserve larger than the opening balance', () => {
    expect(() => deficitFinancing(2026, 100, path, { openingReserveYuan: 101 }))
      .toThrow('openingReserveYuan: must be at most the opening balance (100), got 101');
  });
});

describe('deficit waterfall properties over projected paths', () => {
  const scenario = (medicalInflation: number, poolingRate: number, reserveRate: number, cap: number): EmployeeScenario => ({
    name: 'p', scheme: 'employee', startYear: 2026, horizonYears: 20,
    opening: { balanceYuan: 2e9, activeMembers: 1e6, retirees: 3e5, avgMonthlyWageYuan: 6000, costPerActiveYuan: 2000, costPerRetireeYuan: 7000 },
    assumptions: {
      wageGrowth: 0.04, poolingRate, collectionRate: 0.97, activeGrowth: 0, retireeGrowth: 0.03,
      medicalInflation, utilisationGrowth: 0.01, interestRate: 0.015, subsidyYuan: 0,
    },
    reserveRate, fiscalSubsidyCapYuan: cap,
  });

  it('the sources add up to the shortfall and the reserve stays within the balance', () => {
    fc.assert(fc.property(
      fc.double({ min: 0, max: 0.08, noNaN: true }), fc.double({ min: 0.03, max: 0.09, noNaN: true }),
      fc.double({ min: 0, max: 0.2, noNaN: true }), fc.double({ min: 0, max: 1e9, noNaN: true }),
      (mi, rate, reserveRate, cap) => {
        const p = projectScenario(scenario(mi, rate, reserveRate, cap));
        p.financing.years.forEach((y, t) => {
          const parts = y.fromReserveYuan + y.fromAccumulatedSurplusYuan + y.fromFiscalYuan + y.fromOtherYuan;
          // four additions of non-negative parts of the shortfall: relative 1e-12 bounds their rounding
          expect(Math.abs(parts - y.shortfallYuan)).toBeLessThanOrEqual(1e-12 * Math.max(1, y.shortfallYuan));
          expect(Math.min(y.fromReserveYuan, y.fromAccumulatedSurplusYuan, y.fromFiscalYuan, y.fromOtherYuan)).toBeGreaterThanOrEqual(0);
          expect(y.fromFiscalYuan).toBeLessThanOrEqual(cap);
          expect(y.reserveYuan).toBeGreaterThanOrEqual(0);
          expect(y.reserveYuan).toBeLessThanOrEqual(Math.max(0, p.years[t]?.balanceYuan ?? NaN));
          const deficit = (p.years[t]?.currentSurplusYuan ?? NaN) < 0;
          expect(y.shortfallYuan > 0).toBe(deficit);
        });
      },
    ), { seed: SEED, numRuns: 200 });
  });
});
