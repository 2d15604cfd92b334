import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WARNING_PARAMS,
  evaluateFundSeries,
  explainWarning,
  forwardWarning,
  formatAmountFen,
  monthIndexToText,
  monthsInBand,
  resolveParams,
  type FundPeriodRow,
  type FundWarning,
} from '../../../models/index.ts';

const yuan = (period: string, income: number, expenditure: number, balance: number): FundPeriodRow =>
  ({ period, incomeFen: Math.round(income * 100), expenditureFen: Math.round(expenditure * 100), balanceFen: Math.round(balance * 100) });
const months2024 = (k: number) => monthIndexToText(2024 * 12 + k);

/** Evaluates a fund and explains its last period, as the services do. */
function explainLast(rows: FundPeriodRow[], scheme = 'employee', params = DEFAULT_WARNING_PARAMS) {
  const resolved = resolveParams(params, undefined, scheme);
  const warning = evaluateFundSeries(rows, { scheme, params: resolved }).at(-1) as FundWarning;
  return explainWarning({ warning, balanceFen: (rows.at(-1) as FundPeriodRow).balanceFen, params: resolved });
}

describe('explainWarning: the issue\'s example and each tier', () => {
  it('orange at 4.2 months after three deficit months: "可支付月数 4.2 个月 < 6：橙色预警；当期收不抵支 3 个月"', () => {
    // 12 months spending 100; income 110 for nine months then 90 for three: the window is in surplus
    // (1260 ≥ 1200), the last three months are not; balance 420 → 420 × 12 / 1200 = 4.2 months
    const rows = Array.from({ length: 12 }, (_, k) => yuan(months2024(k), k < 9 ? 110 : 90, 100, k === 11 ? 420 : 1000));
    const out = explainLast(rows);
    expect(out.zh).toBe('可支付月数 4.2 个月 < 6：橙色预警；当期收不抵支 3 个月');
    expect(out.en).toBe('payable months 4.2 < 6: orange (warning); expenditure above income for 3 months in a row');
    expect(out.reasons.map((r) => r.code)).toEqual(['tier', 'consecutive_deficits']);
  });

  it('names every band with its cut points, 6.0 months green and 9.0 months green (closed band)', () => {
    const at = (balance: number) => explainLast([yuan('2024', 1200, 1200, balance)]).zh;
    expect(at(200)).toBe('可支付月数 2.0 个月 < 3：红色严重预警');
    expect(at(600)).toBe('可支付月数 6.0 个月，在 6–9 之间：绿色合理');
    expect(at(900)).toBe('可支付月数 9.0 个月，在 6–9 之间：绿色合理');
    expect(at(1200)).toBe('可支付月数 12.0 个月 > 9：蓝色偏高');
    expect(at(2000)).toBe('可支付月数 20.0 个月 > 15：紫色结余过多');
    expect(explainLast([yuan('2024', 1200, 1200, 2000)]).en).toBe('payable months 20.0 > 15: purple (excessive surplus)');
  });

  it('prints more decimals when one decimal would contradict the tier: 5.96 < 6, 9.04 > 9', () => {
    expect(explainLast([yuan('2024', 1200, 1200, 596)]).zh).toBe('可支付月数 5.96 个月 < 6：橙色预警');
    expect(explainLast([yuan('2024', 1200, 1200, 904)]).zh).toBe('可支付月数 9.04 个月 > 9：蓝色偏高');
  });

  it('a balance at or below zero is red for that reason, with the amount', () => {
    const out = explainLast([yuan('2024', 100e6, 200e6, -120e6)]);
    expect(out.reasons[0]?.zh).toBe('累计结余 -1.20 亿元 ≤ 0：红色严重预警');
    expect(out.reasons[0]?.en).toBe('accumulated balance -1.20 × 10⁸ yuan ≤ 0: red (severe warning)');
  });

  it('no spending and a positive balance: purple, without a payable-months figure', () => {
    expect(explainLast([yuan('2024', 100, 0, 50)]).zh).toBe('窗口内无支出，累计结余 50.00 元 > 0：紫色结余过多');
  });

  it('regional cut points are the ones quoted', () => {
    const params = { ...DEFAULT_WARNING_PARAMS, regions: { R1: { employee: { thresholds: { orangeBelow: 7 } } } } };
    const resolved = resolveParams(params, 'R1', 'employee');
    const [warning] = evaluateFundSeries([yuan('2024', 1200, 1200, 650)], { scheme: 'employee', params: resolved });
    expect(explainWarning({ warning: warning as FundWarning, balanceFen: 65_000, params: resolved }).zh).toBe('可支付月数 6.5 个月 < 7：橙色预警');
  });
});

describe('explainWarning: flags and resident indicators', () => {
  it('a deficit year gives the run and the window with both amounts', () => {
    const out = explainLast([yuan('2023', 9e8, 10e8, 20e8), yuan('2024', 10.2e8, 11.3e8, 18.9e8)]);
    expect(out.zh).toBe('可支付月数 20.1 个月 > 15：紫色结余过多；当期收不抵支 2 年；当年收不抵支：收入 10.20 亿元 < 支出 11.30 亿元');
    expect(out.en).toContain('expenditure above income for 2 years in a row; income below expenditure in the year: 10.20 × 10⁸ yuan < 11.30 × 10⁸ yuan');
  });

  it('a short monthly history says how many months the annual figure rests on', () => {
    const rows = [0, 1, 2].map((k) => yuan(months2024(k), 90e4, 100e4, 600e4));
    const out = explainLast(rows);
    expect(out.reasons.map((r) => r.code)).toEqual(['tier', 'consecutive_deficits', 'current_deficit', 'short_history']);
    expect(out.reasons[2]?.zh).toBe('近12个月（有数据的 3 个月）收不抵支：收入 270.00 万元 < 支出 300.00 万元');
    expect(out.reasons[3]?.zh).toBe('历史不足12个月：年支出按已有 3 个月的均值折算');
    expect(out.reasons[3]?.en).toBe('short history: annual expenditure estimated from the mean of 3 months');
  });

  it('the year-to-date window is named as such', () => {
    const ytd = { ...DEFAULT_WARNING_PARAMS, denominator: 'year_to_date' as const };
    const out = explainLast([yuan('2024-01', 90, 100, 1000), yuan('2024-02', 90, 100, 980)], 'employee', ytd);
    expect(out.reasons.find((r) => r.code === 'current_deficit')?.zh).toBe('本年前 2 个月收不抵支：收入 180.00 元 < 支出 200.00 元');
  });

  it('resident breaches quote the rate and the limit (residentIndicators example: 20% and 30%)', () => {
    const out = explainLast([yuan('2024', 1000, 800, 300)], 'resident');
    expect(out.zh).toBe('可支付月数 4.5 个月 < 6：橙色预警；当期结余率 20.0% > 15%；累计结余为年收入的 30.0% > 25%');
    expect(out.en).toBe('payable months 4.5 < 6: orange (warning); current surplus rate 20.0% > 15%; accumulated surplus 30.0% of a year\'s income > 25%');
  });
});

describe('explainWarning: forward entries and the probability of red', () => {
  const history = Array.from({ length: 12 }, (_, k) => yuan(months2024(k), 100, 100, 800));
  const path = Array.from({ length: 24 }, (_, k) => ({ period: monthIndexToText(2025 * 12 + k), incomeFen: 10_000, expenditureFen: 15_000 }));

  it('tells when the median path enters orange and red (forward.test.ts works the path out)', () => {
    const forward = forwardWarning(history, path, { scheme: 'employee', params: DEFAULT_WARNING_PARAMS });
    const warning = evaluateFundSeries(history, { scheme: 'employee', params: DEFAULT_WARNING_PARAMS }).at(-1) as FundWarning;
    const out = explainWarning({ warning, balanceFen: 80_000, params: DEFAULT_WARNING_PARAMS, forward });
    expect(out.reasons.filter((r) => r.code === 'forward').map((r) => r.zh)).toEqual([
      '预测 3 个月后（2025-03）可支付月数 5.8 个月：橙色预警',
      '预测 9 个月后（2025-09）可支付月数 2.5 个月：红色严重预警',
    ]);
    expect(out.en).toContain('forecast: in 3 months (2025-03) payable months 5.8: orange (warning)');
  });

  it('a first warning period already red is told once; an exhausted balance is named; yearly paths count years', () => {
    const forward = forwardWarning([yuan('2024', 1200, 1200, 1200)], [
      { period: '2025', incomeFen: 0, expenditureFen: 120_000 },
      { period: '2026', incomeFen: 0, expenditureFen: 120_000 },
    ], { scheme: 'employee', params: DEFAULT_WARNING_PARAMS });
    const warning = evaluateFundSeries([yuan('2024', 1200, 1200, 1200)], { scheme: 'employee', params: DEFAULT_WARNING_PARAMS })[0] as FundWarning;
    const out = explainWarning({ warning, balanceFen: 120_000, params: DEFAULT_WARNING_PARAMS, forward });
    expect(out.reasons.filter((r) => r.code === 'forward').map((r) => r.zh)).toEqual(['预测 1 年后（2025）累计结余耗尽：红色严重预警']);
    expect(out.en).toContain('forecast: in 1 year (2025) the balance is exhausted: red (severe warning)');
  });

  it('passes the stochastic probability of red through per horizon', () => {
    const probabilityRedBy = path.map((_, k) => Math.min(1, k / 100));
    const forward = forwardWarning(history, path, { scheme: 'employee', params: DEFAULT_WARNING_PARAMS, probabilityRedBy });
    const warning = evaluateFundSeries(history, { scheme: 'employee', params: DEFAULT_WARNING_PARAMS }).at(-1) as FundWarning;
    const out = explainWarning({ warning, balanceFen: 80_000, params: DEFAULT_WARNING_PARAMS, forward });
    expect(out.reasons.at(-1)).toEqual({
      code: 'probability_red',
      zh: '随机模拟进入红色预警的概率：12 个月内 11.0%，24 个月内 23.0%',
      en: 'stochastic probability of red: 11.0% within 12 months, 23.0% within 24 months',
    });
  });
});

describe('reason formatting', () => {
  it('monthsInBand falls back to the nearest four-decimal value inside the band', () => {
    // a double on the cut point whose exact value lies below it (tier-classifier.ts decides such cases exactly)
    expect(monthsInBand(6, { hi: { value: 6, inclusive: false } })).toBe('5.9999');
    expect(monthsInBand(9, { lo: { value: 9, inclusive: false } })).toBe('9.0001');
    // one decimal already agrees with a closed band: the usual rounding is kept
    expect(monthsInBand(5.99999999, { lo: { value: 6, inclusive: true } })).toBe('6.0');
  });

  it('amounts pick 亿元, 万元 or 元', () => {
    expect(formatAmountFen(123_456_789_00, 'zh')).toBe('1.23 亿元');
    expect(formatAmountFen(123_456_00, 'en')).toBe('12.35 × 10⁴ yuan');
    expect(formatAmountFen(99_99, 'zh')).toBe('99.99 元');
  });

  it('property: the printed months always satisfy the comparison of the tier', () => {
    const T = DEFAULT_WARNING_PARAMS.thresholds;
    fc.assert(fc.property(fc.integer({ min: 1, max: 1e12 }), fc.integer({ min: 1, max: 1e12 }), (balanceFen, expenditureFen) => {
      const [warning] = evaluateFundSeries([{ period: '2024', incomeFen: 0, expenditureFen, balanceFen }], { scheme: 'employee', params: DEFAULT_WARNING_PARAMS });
      const w = warning as FundWarning;
      const text = explainWarning({ warning: w, balanceFen, params: DEFAULT_WARNING_PARAMS }).reasons[0]?.zh ?? '';
      const m = Number(/可支付月数 ([\d.]+) 个月/.exec(text)?.[1]);
      const ok = { red: m < T.redBelow, orange: m >= T.redBelow && m < T.orangeBelow, green: m >= T.orangeBelow && m <= T.greenUpTo, blue: m > T.greenUpTo && m <= T.blueUpTo, purple: m > T.blueUpTo }[w.tier];
      expect(ok).toBe(true);
    }), { seed: 20260115, numRuns: 500 });
  });
});
