import { describe, expect, it } from 'vitest';
import { consecutiveDeficitRuns, evaluateFundSeries, DEFAULT_WARNING_PARAMS, sortSeries, windowSums, type FundPeriodRow } from '../../../models/index.ts';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const month = (period: string, incomeFen: number, expenditureFen = 0, balanceFen = 0): FundPeriodRow => ({ period, incomeFen, expenditureFen, balanceFen });

describe('window sums in plain numbers stay exact', () => {
  it('sums safe integers exactly and skips the sort for sorted input', () => {
    const points = sortSeries([month('2024-01', 2 ** 52), month('2024-02', 2 ** 52 - 1), month('2024-03', -(2 ** 52))]);
    expect(windowSums(points, 'trailing_12').map((w) => w.incomeFen)).toEqual([2 ** 52, MAX_SAFE, 2 ** 52 - 1]);
  });

  it('a running sum that leaves the safe range and comes back is recomputed exactly, not rounded', () => {
    // 2^53 − 1 + 2 would round in doubles; the window of March is back to 2^53 − 1 − 2^52 + 2
    const points = sortSeries([month('2024-01', MAX_SAFE), month('2024-02', 2), month('2024-03', -(2 ** 52))]);
    expect(() => windowSums(points, 'trailing_12')).toThrow(`period 2024-02: window sum ${BigInt(MAX_SAFE) + 2n} fen is beyond the exact range`);
    const rolled = sortSeries([month('2023-01', MAX_SAFE), month('2024-01', 2), month('2024-02', 1)]);
    // the year-to-date window of 2024 never holds 2023's amount
    expect(windowSums(rolled, 'year_to_date').map((w) => w.incomeFen)).toEqual([MAX_SAFE, 2, 3]);
    // the trailing window adds 2024-01 (2^53 + 1 in exact terms) before dropping 2023-01: exact again
    expect(windowSums(rolled, 'trailing_12').map((w) => w.incomeFen)).toEqual([MAX_SAFE, 2, 3]);
  });

  it('names the expenditure when only the expenditure is beyond the range', () => {
    const points = sortSeries([month('2024-01', 1, MAX_SAFE), month('2024-02', 1, 1)]);
    expect(() => windowSums(points, 'trailing_12')).toThrow(`period 2024-02: window sum ${BigInt(MAX_SAFE) + 1n} fen is beyond the exact range`);
  });

  it('evaluateFundSeries reports the first row in period order whose window or annualised expenditure is beyond the range', () => {
    const big = 2 ** 50;
    // 2024-01 alone: E × 12 = 12 · 2^50 is beyond the range, reported before the February window (8 · 2^50) is
    expect(() => evaluateFundSeries([month('2024-01', 0, big), month('2024-02', 0, 7 * big)], { scheme: 'employee', params: DEFAULT_WARNING_PARAMS }))
      .toThrow(`period 2024-01: window sum ${12n * BigInt(big)} fen is beyond the exact range`);
  });

  it('treats −0 fen as 0, as the BigInt conversion of earlier versions did', () => {
    const [w] = evaluateFundSeries([month('2024', 5, 10, -0)], { scheme: 'resident', params: DEFAULT_WARNING_PARAMS });
    expect(Object.is(w?.payableMonths, 0)).toBe(true);
    expect(Object.is(sortSeries([month('2024', -0, -0, -0)])[0]?.incomeFen, 0)).toBe(true);
  });

  it('counts deficit runs on the numbers, a gap breaking the run', () => {
    const points = sortSeries([month('2024-03', 1, 2), month('2024-01', 1, 2), month('2024-02', 2, 1), month('2024-05', 1, 2), month('2024-04', 1, 2)]);
    expect(consecutiveDeficitRuns(points)).toEqual([1, 0, 1, 2, 3]);
  });
});
