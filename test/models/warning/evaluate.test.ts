import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WARNING_PARAMS,
  evaluateFundSeries,
  monthIndexToText,
  parseAmountToFen,
  type FundPeriodRow,
  type WarningParams,
} from '../../../models/index.ts';

const params = DEFAULT_WARNING_PARAMS;
const row = (period: string, income: number, expenditure: number, balance: number): FundPeriodRow =>
  ({ period, incomeFen: income * 100, expenditureFen: expenditure * 100, balanceFen: balance * 100 });
const employee = (rows: FundPeriodRow[], p: WarningParams = params) => evaluateFundSeries(rows, { scheme: 'employee', params: p });

/** 2023-01…2023-12 after one month 2022-12: spending 100 a month, 700 in December (year-end settlement). */
function seasonalYear(): FundPeriodRow[] {
  const rows = [row('2022-12', 150, 700, 1000)];
  for (let k = 1; k <= 11; k++) rows.push(row(monthIndexToText(2023 * 12 + k - 1), 150, 100, 1000 + 50 * k));
  rows.push(row('2023-12', 150, 700, 1000));
  return rows;
}

describe('evaluateFundSeries: yearly data', () => {
  it('Urumqi 2013 (domain.md §3.1): purple, with the year as the window', () => {
    const [w] = employee([{ period: '2013', incomeFen: 0, expenditureFen: parseAmountToFen('15.67', 'yi'), balanceFen: parseAmountToFen('22.48', 'yi') }]);
    expect(w).toMatchObject({ period: '2013', periodKind: 'year', tier: 'purple', windowMonths: 12, denominator: 'current_year' });
    expect(w?.payableMonths?.toFixed(1)).toBe('17.2');
    expect(w?.annualExpenditureFen).toBe(parseAmountToFen('15.67', 'yi'));
  });

  it('flags a deficit year and counts consecutive deficit years, a gap breaking the run', () => {
    const out = employee([row('2020', 90, 100, 100), row('2021', 90, 100, 90), row('2023', 90, 100, 80), row('2024', 110, 100, 90)]);
    expect(out.map((w) => w.consecutiveDeficits)).toEqual([1, 2, 1, 0]);
    expect(out.map((w) => w.flags)).toEqual([['current_deficit'], ['current_deficit'], ['current_deficit'], []]);
    expect(out.map((w) => w.tier)).toEqual(['blue', 'blue', 'blue', 'blue']);
  });

  it('year_to_date on yearly data is the year itself', () => {
    const ytd = { ...params, denominator: 'year_to_date' as const };
    expect(employee([row('2024', 100, 1200, 600)], ytd)[0]).toMatchObject({ payableMonths: 6, tier: 'green', windowMonths: 12 });
  });
});

describe('evaluateFundSeries: monthly data, current_year', () => {
  it('uses the trailing 12 months, not the last month: seasonal December stays green', () => {
    const out = employee(seasonalYear());
    const dec = out.find((w) => w.period === '2023-12');
    // 1000 × 12 / (11 × 100 + 700) = 6.67; December alone would give 1000 / 700 = 1.43 (red)
    expect(dec).toMatchObject({ tier: 'green', windowMonths: 12, windowExpenditureFen: 180_000, annualExpenditureFen: 180_000, flags: [] });
    expect(dec?.payableMonths).toBe(20 / 3);
    // November: the window still holds 2022-12; a single November would give 15.5 (purple)
    expect(out.find((w) => w.period === '2023-11')).toMatchObject({ tier: 'blue', payableMonths: 1550 * 12 / 1800 });
  });

  it('with fewer than 12 months uses the mean of the months available and flags short_history', () => {
    const out = employee(seasonalYear());
    expect(out[0]).toMatchObject({ period: '2022-12', windowMonths: 1, payableMonths: 1000 / 700, tier: 'red', flags: ['current_deficit', 'short_history'] });
    expect(out[5]).toMatchObject({ period: '2023-05', windowMonths: 6, payableMonths: 6.25, tier: 'green', annualExpenditureFen: 240_000 });
  });

  it('counts the months present inside the 12-month calendar window when there are gaps', () => {
    // 2023-01 … 2023-12 with March and April missing: the 2024-01 window is 2023-02…2024-01, 10 months present
    const rows: FundPeriodRow[] = [];
    for (let i = 0; i < 13; i++) if (i !== 2 && i !== 3) rows.push(row(monthIndexToText(2023 * 12 + i), 100, 100, 1000));
    const last = employee(rows).at(-1);
    expect(last).toMatchObject({ period: '2024-01', windowMonths: 10, windowExpenditureFen: 100_000, payableMonths: 10, flags: ['short_history'] });
  });

  it('counts consecutive deficit months, a missing month breaking the run', () => {
    const out = employee([row('2024-01', 90, 100, 10), row('2024-02', 90, 100, 0), row('2024-04', 90, 100, -10), row('2024-05', 90, 100, -20)]);
    expect(out.map((w) => w.consecutiveDeficits)).toEqual([1, 2, 1, 2]);
  });

  it('returns one warning per row in period order whatever the input order', () => {
    const rows = seasonalYear();
    const shuffled = [rows[5], rows[12], rows[0], ...rows.slice(1, 5), ...rows.slice(6, 12)] as FundPeriodRow[];
    expect(employee(shuffled)).toEqual(employee(rows));
    expect(employee(shuffled).map((w) => w.period)).toEqual(rows.map((r) => r.period));
  });

  it('returns nothing for no rows', () => {
    expect(employee([])).toEqual([]);
  });
});

describe('evaluateFundSeries: other denominators', () => {
  it('year_to_date: the calendar year so far, never short_history', () => {
    const out = employee(seasonalYear(), { ...params, denominator: 'year_to_date' });
    // 2023-k: (1000 + 50k) × k / (100k) = 10 + k/2
    expect(out.slice(1, 12).map((w) => w.payableMonths)).toEqual([10.5, 11, 11.5, 12, 12.5, 13, 13.5, 14, 14.5, 15, 15.5]);
    expect(out[10]).toMatchObject({ period: '2023-10', tier: 'blue', windowMonths: 10, flags: [] });
    expect(out[11]).toMatchObject({ period: '2023-11', tier: 'purple' });
    expect(out[12]).toMatchObject({ period: '2023-12', payableMonths: 20 / 3, tier: 'green', windowMonths: 12 });
    expect(out.every((w) => !w.flags.includes('short_history'))).toBe(true);
  });

  it('projected_next_12: divides by the supplied projection; flags come from the trailing window', () => {
    const projections: Record<string, number> = { '2024-01': 144_000, '2024-02': 100_000 };
    const out = evaluateFundSeries([row('2024-01', 100, 200, 600), row('2024-02', 300, 100, 500)], {
      scheme: 'employee', params: { ...params, denominator: 'projected_next_12' }, projectedNext12ExpenditureFen: (p) => projections[p],
    });
    expect(out[0]).toMatchObject({ payableMonths: 5, tier: 'orange', annualExpenditureFen: 144_000, flags: ['current_deficit', 'short_history'], denominator: 'projected_next_12' });
    expect(out[1]).toMatchObject({ payableMonths: 6, tier: 'green', windowIncomeFen: 40_000, windowExpenditureFen: 30_000, flags: ['short_history'] });
  });

  it('projected_next_12: refuses a missing or fractional projection', () => {
    const p = { ...params, denominator: 'projected_next_12' as const };
    expect(() => employee([row('2024', 1, 1, 1)], p)).toThrow('projected_next_12 denominator needs a projected expenditure for period 2024');
    expect(() => evaluateFundSeries([row('2024', 1, 1, 1)], { scheme: 'employee', params: p, projectedNext12ExpenditureFen: () => 1.5 }))
      .toThrow('projected expenditure for period 2024 must be a safe integer (fen), got 1.5');
  });
});

describe('evaluateFundSeries: schemes', () => {
  it('resident: surplus rate and accumulated ratio over the window, breaches strictly above the bands', () => {
    const out = evaluateFundSeries([row('2021', 1000, 1000, 250), row('2022', 1000, 850, 400), row('2023', 0, 0, 300)], { scheme: 'resident', params });
    expect(out.map((w) => w.resident)).toEqual([
      { currentSurplusRate: 0, accumulatedSurplusRatio: 0.25, surplusRateBreach: false, accumulatedRatioBreach: false },
      { currentSurplusRate: 0.15, accumulatedSurplusRatio: 0.4, surplusRateBreach: false, accumulatedRatioBreach: true },
      { currentSurplusRate: null, accumulatedSurplusRatio: null, surplusRateBreach: false, accumulatedRatioBreach: false },
    ]);
    expect(employee([row('2021', 1000, 1000, 250)])[0]?.resident).toBeUndefined();
  });

  it('resident monthly: the ratio scales the window income to a year (I × 12 / n)', () => {
    const [w] = evaluateFundSeries([row('2024-01', 1000, 800, 3000)], { scheme: 'resident', params });
    expect(w?.resident).toEqual({ currentSurplusRate: 0.2, accumulatedSurplusRatio: 0.25, surplusRateBreach: true, accumulatedRatioBreach: false });
  });

  it('applies scheme overrides itself; region overrides come resolved from the caller', () => {
    const p: WarningParams = { ...params, schemes: { resident: { thresholds: { blueUpTo: 12 } } } };
    const rows = [row('2024', 1200, 1200, 1300)];
    expect(evaluateFundSeries(rows, { scheme: 'resident', params: p })[0]?.tier).toBe('purple');
    expect(evaluateFundSeries(rows, { scheme: 'employee', params: p })[0]?.tier).toBe('blue');
  });
});

describe('evaluateFundSeries: bad input', () => {
  it.each<[string, FundPeriodRow[], string]>([
    ['the same month twice', [row('2024-01', 1, 1, 1), row('2024-01', 2, 2, 2)], 'duplicate period 2024-01'],
    ['the same month spelt two ways', [row('2024-01', 1, 1, 1), row('2024-1', 2, 2, 2)], 'duplicate period 2024-01'],
    ['a year and a month', [row('2023', 1, 1, 1), row('2024-01', 2, 2, 2)], 'mixed yearly and monthly periods: 2023 and 2024-01'],
    ['month 13', [row('2024-13', 1, 1, 1)], 'not a period (expected YYYY or YYYY-MM): "2024-13"'],
    ['fractional fen', [{ period: '2024', incomeFen: 1.5, expenditureFen: 1, balanceFen: 1 }], 'period 2024: incomeFen must be a safe integer (fen), got 1.5'],
    ['NaN fen', [{ period: '2024', incomeFen: 1, expenditureFen: Number.NaN, balanceFen: 1 }], 'period 2024: expenditureFen must be a safe integer (fen), got NaN'],
  ])('%s → %s', (_label, rows, message) => {
    expect(() => employee(rows)).toThrow(message);
  });
});
