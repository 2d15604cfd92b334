import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WARNING_PARAMS,
  TIER_LABELS,
  TIER_ORDER,
  classifyPayableMonths,
  parseAmountToFen,
  tierSeverity,
  type Tier,
} from '../../../models/index.ts';

const T = DEFAULT_WARNING_PARAMS.thresholds;
const fen = (yuan: string) => parseAmountToFen(yuan, 'yuan');
const yearly = (balanceYuan: string, expenditureYuan: string) => classifyPayableMonths(fen(balanceYuan), 12, fen(expenditureYuan), T);

describe('payable months and tier (domain.md §3.1–3.2)', () => {
  it('reproduces the official Urumqi 2013 case: 22.48 亿 / (15.67 亿 / 12) = 17.2 months, purple', () => {
    const r = classifyPayableMonths(parseAmountToFen('22.48', 'yi'), 12, parseAmountToFen('15.67', 'yi'), T);
    expect(r.tier).toBe('purple');
    // published to one decimal: 17.2
    expect(r.payableMonths?.toFixed(1)).toBe('17.2');
    expect(r.payableMonths).toBe((2248 * 12) / 1567);
  });

  // a year's expenditure of 1200 元 makes m = balance / 100
  it.each<[string, number, Tier]>([
    ['299.99', 2.9999, 'red'],
    ['300', 3, 'orange'],
    ['300.01', 3.0001, 'orange'],
    ['599.99', 5.9999, 'orange'],
    ['600', 6, 'green'],
    ['600.01', 6.0001, 'green'],
    ['899.99', 8.9999, 'green'],
    ['900', 9, 'green'],
    ['900.01', 9.0001, 'blue'],
    ['1499.99', 14.9999, 'blue'],
    ['1500', 15, 'blue'],
    ['1500.01', 15.0001, 'purple'],
    ['0', 0, 'red'],
    ['-50', -0.5, 'red'],
  ])('balance %s 元 against 1200 元 a year: %d months, %s', (balance, months, tier) => {
    expect(yearly(balance, '1200')).toEqual({ payableMonths: months, tier });
  });

  it('decides a boundary exactly where doubles would not', () => {
    // B / (E / 12) in doubles gives 15.000000000000002 (purple); B·12/E is exactly 15 (blue)
    expect(15000000.05 / (12000000.04 / 12)).toBeGreaterThan(15);
    expect(yearly('15000000.05', '12000000.04')).toEqual({ payableMonths: 15, tier: 'blue' });
    // and at 3 months: 3000000.01 / (12000000.04 / 12) exactly 3 → orange
    expect(yearly('3000000.01', '12000000.04').tier).toBe('orange');
  });

  it('reads decimal thresholds as written (7.3 months is 73/10, not the nearest double)', () => {
    const t = { redBelow: 3, orangeBelow: 7.3, greenUpTo: 9.1, blueUpTo: 15 };
    expect(classifyPayableMonths(fen('730'), 12, fen('1200'), t).tier).toBe('green');
    expect(classifyPayableMonths(fen('729.99'), 12, fen('1200'), t).tier).toBe('orange');
    expect(classifyPayableMonths(fen('910'), 12, fen('1200'), t).tier).toBe('green');
    expect(classifyPayableMonths(fen('910.01'), 12, fen('1200'), t).tier).toBe('blue');
  });

  it('uses n months of window expenditure: mean monthly spending is E/n', () => {
    // 3 months spending 900 → 300 a month; balance 1800 → 6 months
    expect(classifyPayableMonths(fen('1800'), 3, fen('900'), T)).toEqual({ payableMonths: 6, tier: 'green' });
  });

  it('with no spending in the window: null months, purple for a positive balance, red otherwise', () => {
    expect(classifyPayableMonths(100, 12, 0, T)).toEqual({ payableMonths: null, tier: 'purple' });
    expect(classifyPayableMonths(0, 12, 0, T)).toEqual({ payableMonths: null, tier: 'red' });
    expect(classifyPayableMonths(-1, 12, 0, T)).toEqual({ payableMonths: null, tier: 'red' });
    expect(classifyPayableMonths(100, 12, -5, T)).toEqual({ payableMonths: null, tier: 'purple' });
  });

  it('refuses a window of no months', () => {
    expect(() => classifyPayableMonths(1, 0, 1, T)).toThrow('windowMonths must be a positive integer, got 0');
    expect(() => classifyPayableMonths(1, 1.5, 1, T)).toThrow('windowMonths must be a positive integer, got 1.5');
  });
});

describe('tier order and labels', () => {
  it('sorts alerts red, orange, purple, blue, green', () => {
    expect(TIER_ORDER).toEqual(['red', 'orange', 'purple', 'blue', 'green']);
    expect(tierSeverity('red')).toBe(0);
    expect(tierSeverity('green')).toBe(4);
  });

  it('labels every tier in Chinese and English', () => {
    expect(`${TIER_LABELS.red.colourZh} ${TIER_LABELS.red.zh}`).toBe('红色 严重预警');
    expect(`${TIER_LABELS.orange.colourZh} ${TIER_LABELS.orange.zh}`).toBe('橙色 预警');
    expect(`${TIER_LABELS.green.colourZh} ${TIER_LABELS.green.zh}`).toBe('绿色 合理');
    expect(`${TIER_LABELS.blue.colourZh} ${TIER_LABELS.blue.zh}`).toBe('蓝色 偏高');
    expect(`${TIER_LABELS.purple.colourZh} ${TIER_LABELS.purple.zh}`).toBe('紫色 结余过多');
    expect(TIER_LABELS.purple.en).toBe('excessive surplus');
  });
});
