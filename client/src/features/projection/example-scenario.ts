/** The scenario of interfaces.md (`fundrisk project`), the starting point of a blank scenario. */
import type { EmployeeScenario } from './types.ts';

export const INTERFACES_EXAMPLE: EmployeeScenario = {
  name: 'base', scheme: 'employee', startYear: 2026, horizonYears: 10,
  opening: {
    balanceYuan: 2.0e9, activeMembers: 1.0e6, retirees: 3.0e5,
    avgMonthlyWageYuan: 6000, costPerActiveYuan: 2000, costPerRetireeYuan: 7000,
  },
  assumptions: {
    wageGrowth: 0.05, poolingRate: 0.06, collectionRate: 0.97,
    activeGrowth: 0.0, retireeGrowth: 0.04, medicalInflation: 0.03,
    utilisationGrowth: 0.02, interestRate: 0.015, subsidyYuan: 0,
  },
};
