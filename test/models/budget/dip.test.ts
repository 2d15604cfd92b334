import { describe, expect, it } from 'vitest';
import { adjustCasePoints, budgetPointValue, dipGroupPoints, pointValueTrend, resolveBudgetParams, settlementPointValue } from '../../../models/index.ts';

describe('DIP points and point values (domain.md §5.5)', () => {
  it('gives each group its mean cost over the mean of all cases, × 100', () => {
    // means 3,000, 1,000, 1,000; all cases 12,000 / 8 = 1,500
    const r = dipGroupPoints([{ groupId: 'A', totalCostFen: 6_000, cases: 2 }, { groupId: 'B', totalCostFen: 2_000, cases: 2 }, { groupId: 'C', totalCostFen: 4_000, cases: 4 }]);
    expect(r.meanCostAllFen).toBe(1_500);
    expect(r.groups.map((g) => g.points)).toEqual([200, 200 / 3, 200 / 3]);
  });

  it('weights three years 1:2:7 in the budget point value, two years 2:7', () => {
    // (1·10,000 + 2·20,000 + 7·30,000) / (1·10 + 2·20 + 7·25) = 260,000 / 225 fen per point
    expect(budgetPointValue([{ inpatientCostFen: 10_000, totalPoints: 10 }, { inpatientCostFen: 20_000, totalPoints: 20 }, { inpatientCostFen: 30_000, totalPoints: 25 }]))
      .toEqual({ pointValueYuan: 260_000 / 225 / 100, weights: [1, 2, 7] });
    expect(budgetPointValue([{ inpatientCostFen: 9_000, totalPoints: 10 }, { inpatientCostFen: 18_000, totalPoints: 20 }])).toEqual({ pointValueYuan: 9, weights: [2, 7] });
  });

  it('sets the settlement point value from the year\'s DIP fund grossed up by the reimbursement ratio', () => {
    expect(settlementPointValue({ dipFundFen: 7_000_000, reimbursementRatio: 0.7, totalPoints: 1_000 })).toBe(100);
  });

  it.each([
    // case cost (fen) against a standard of 20,000 fen and 100 points
    [9_999, 'low', 49.995],
    [10_000, 'normal', 100],
    [40_000, 'normal', 100],
    [40_002, 'high', 100 * (40_002 / 20_000 - 1)],
    [100_000, 'high', 400],
    [100_002, 'review', 100 * (100_002 / 20_000 - 1)],
  ])('adjusts a case of %i fen: %s', (caseCostFen, band, points) => {
    const r = adjustCasePoints({ groupPoints: 100, caseCostFen, standardCostFen: 20_000 });
    expect(r.band).toBe(band);
    expect(r.needsReview).toBe(band === 'review');
    expect(r.points).toBeCloseTo(points, 9);
  });

  it('takes the case bands from the parameters', () => {
    const params = resolveBudgetParams({ dipCaseBands: { lowBelow: 0.4, highAbove: 3 } });
    expect(adjustCasePoints({ groupPoints: 100, caseCostFen: 9_000, standardCostFen: 20_000 }, params).band).toBe('normal');
    expect(adjustCasePoints({ groupPoints: 100, caseCostFen: 70_000, standardCostFen: 20_000 }, params)).toMatchObject({ band: 'high', points: 150 });
  });

  it('flags devaluation when volume grows faster than the fund, exactly', () => {
    expect(pointValueTrend({ previous: { fundFen: 100, totalPoints: 100 }, current: { fundFen: 110, totalPoints: 110 } })).toMatchObject({ devaluation: false, pointValueChange: 0 });
    const faster = pointValueTrend({ previous: { fundFen: 1_000, totalPoints: 0.3 }, current: { fundFen: 1_050, totalPoints: 0.33 } });
    expect(faster.devaluation).toBe(true);
    expect(faster.pointValueChange).toBeCloseTo(1.05 / 1.1 - 1, 12);
  });

  it.each([
    [() => dipGroupPoints([{ groupId: 'A', totalCostFen: 1, cases: 0 }]), 'group "A": cases must be a whole number > 0, got 0'],
    [() => dipGroupPoints([{ groupId: 'A', totalCostFen: 0, cases: 1 }]), 'no cost in any group: points are undefined'],
    [() => budgetPointValue([]), 'years must hold 1 to 3 years, oldest first, got 0'],
    [() => budgetPointValue([{ inpatientCostFen: 1, totalPoints: 0 }]), 'years[0]: totalPoints must be a number > 0, got 0'],
    [() => settlementPointValue({ dipFundFen: 1, reimbursementRatio: 0, totalPoints: 1 }), 'reimbursementRatio must be a decimal in (0, 1], got 0'],
    [() => adjustCasePoints({ groupPoints: 1, caseCostFen: 1, standardCostFen: 0 }), 'standardCostFen must be a number > 0, got 0'],
    [() => pointValueTrend({ previous: { fundFen: 0, totalPoints: 1 }, current: { fundFen: 1, totalPoints: 1 } }), 'previous.fundFen must be a number > 0, got 0'],
  ])('refuses bad input %#', (run, message) => {
    expect(run).toThrow(message);
  });
});
