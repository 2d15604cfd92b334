/** KPI aggregates of the overview: tier counts and the employee pooling total without double counting. */
import { describe, expect, it } from 'vitest';
import { countByTier, employeePoolingBalance, type StatRow } from '../../client/src/features/overview/overview-stats.ts';

const row = (over: Partial<StatRow>): StatRow => ({
  regionId: 1, parentRegionId: null, scheme: 'employee', account: 'pooling', tier: 'green', balanceYuan: 0, ...over,
});

describe('countByTier', () => {
  it('counts every tier and the funds without one', () => {
    const counts = countByTier([row({ tier: 'red' }), row({ tier: 'red' }), row({ tier: 'purple' }), row({ tier: null })]);
    expect(counts).toEqual({ red: 2, orange: 0, purple: 1, blue: 0, green: 0, none: 1 });
  });
});

describe('employeePoolingBalance', () => {
  // province 1 → city 2 → county 3; city 4 under province 1
  const parents = new Map<number, number | null>([[1, null], [2, 1], [3, 2], [4, 1], [5, null]]);

  it('sums top-level employee pooling funds and skips those nested in a summed ancestor', () => {
    const total = employeePoolingBalance([
      row({ regionId: 1, balanceYuan: 1_000_000_000.01 }),
      row({ regionId: 3, parentRegionId: 2, balanceYuan: 5e7 }),
      row({ regionId: 5, balanceYuan: 2e8 }),
      row({ regionId: 4, parentRegionId: 1, scheme: 'resident', balanceYuan: 9e9 }),
      row({ regionId: 2, parentRegionId: 1, account: 'personal', balanceYuan: 9e9 }),
    ], parents);
    expect(total).toEqual({ yuan: 1_200_000_000.01, funds: 2, nested: 1 });
  });
  it('sums sibling cities when the province has no fund of its own', () => {
    const total = employeePoolingBalance([
      row({ regionId: 2, parentRegionId: 1, balanceYuan: 0.1 }),
      row({ regionId: 4, parentRegionId: 1, balanceYuan: 0.2 }),
    ], parents);
    expect(total.yuan).toBe(0.3); // summed in fen: 0.1 + 0.2 would be 0.30000000000000004 in floats
    expect(total.funds).toBe(2);
  });
  it('falls back to the rows’ parent ids when the region tree has not loaded', () => {
    const total = employeePoolingBalance([
      row({ regionId: 10, balanceYuan: 100 }),
      row({ regionId: 11, parentRegionId: 10, balanceYuan: 50 }),
    ], new Map());
    expect(total).toEqual({ yuan: 100, funds: 1, nested: 1 });
  });
  it('leaves out funds with no balance yet', () => {
    expect(employeePoolingBalance([row({ balanceYuan: null })], parents)).toEqual({ yuan: 0, funds: 0, nested: 0 });
  });
});
