/** Formatting of money, payable months, rates and periods (client/src/lib/format.ts), in Node's full ICU. */
import { describe, expect, it } from 'vitest';
import {
  EMPTY, formatCount, formatMoney, formatMoneyTick, formatMoneyValue, formatMonths, formatNumber, formatPercent,
  formatPeriod, formatPeriodTick, moneyUnitLabel, pickMoneyUnit, toAppLanguage,
} from '../../client/src/lib/format.ts';

describe('pickMoneyUnit', () => {
  it('chooses 亿元 once the largest magnitude reaches 10^8 yuan, else 万元', () => {
    expect(pickMoneyUnit([2.5e9, 3.1e7])).toBe('yi');
    expect(pickMoneyUnit([1e8])).toBe('yi');
    expect(pickMoneyUnit([99_999_999.99, null])).toBe('wan');
    expect(pickMoneyUnit([-3e8, 10])).toBe('yi');
  });
  it('defaults to 万元 for an empty or all-missing column', () => {
    expect(pickMoneyUnit([])).toBe('wan');
    expect(pickMoneyUnit([null, undefined, Number.NaN])).toBe('wan');
  });
});

describe('money', () => {
  it('prints the unit after the value, never a currency symbol', () => {
    expect(formatMoney(123_456_789, 'yi', 'zh-CN')).toBe('1.23 亿元');
    expect(formatMoney(123_456_789, 'wan', 'zh-CN')).toBe('12,345.68 万元');
    expect(formatMoney(1234.5, 'yuan', 'zh-CN')).toBe('1,234.50 元');
    expect(formatMoney(123_456_789, 'yi', 'en')).toBe('1.23 × 10⁸ yuan');
    expect(formatMoney(123_456_789, 'wan', 'en')).toBe('12,345.68 × 10⁴ yuan');
    expect(formatMoney(1234.5, 'yuan', 'en')).toBe('1,234.50 yuan');
    expect(formatMoney(-2.248e9, 'yi', 'zh-CN')).toBe('-22.48 亿元');
    for (const s of [formatMoney(1e9, 'yi', 'zh-CN'), formatMoney(1e9, 'yi', 'en')]) expect(s).not.toMatch(/[¥￥]/);
  });
  it('gives the bare value for cells whose column title carries the unit', () => {
    expect(formatMoneyValue(2_248_000_000, 'yi', 'zh-CN')).toBe('22.48');
    expect(formatMoneyValue(null, 'yi', 'zh-CN')).toBe(EMPTY);
    expect(formatMoneyTick(250_000_000, 'yi', 'zh-CN')).toBe('2.5');
    expect(formatMoneyTick(75_000_000, 'yi', 'zh-CN')).toBe('0.75');
    expect(formatMoneyTick(300_000_000, 'yi', 'en')).toBe('3');
  });
  it('names the units in both languages', () => {
    expect(moneyUnitLabel('wan', 'zh-CN')).toBe('万元');
    expect(moneyUnitLabel('yi', 'zh-CN')).toBe('亿元');
    expect(moneyUnitLabel('yi', 'en')).toBe('10⁸ yuan');
  });
  it('shows a dash for missing and non-finite amounts', () => {
    expect(formatMoney(undefined, 'wan', 'zh-CN')).toBe(EMPTY);
    expect(formatMoney(Number.POSITIVE_INFINITY, 'wan', 'zh-CN')).toBe(EMPTY);
  });
});

describe('payable months', () => {
  it('has one decimal and the unit (Urumqi 2013: 22.48 亿 ÷ (15.67 亿 ÷ 12), domain.md §3.1)', () => {
    const months = (22.48e8 * 12) / 15.67e8;
    expect(formatMonths(months, 'zh-CN')).toBe('17.2 个月');
    expect(formatMonths(months, 'en')).toBe('17.2 months');
  });
  it('rounds half away from zero at one decimal and keeps negatives', () => {
    expect(formatMonths(8.44, 'zh-CN')).toBe('8.4 个月');
    expect(formatMonths(8.45, 'en')).toBe('8.5 months');
    expect(formatMonths(-1.25, 'zh-CN')).toBe('-1.3 个月');
  });
  it('shows a dash when undefined (no expenditure in the window)', () => {
    expect(formatMonths(null, 'zh-CN')).toBe(EMPTY);
  });
});

describe('numbers and rates', () => {
  it('formats rates given as decimals', () => {
    expect(formatPercent(0.1534, 'zh-CN')).toBe('15.3%');
    expect(formatPercent(0.25, 'en', 0)).toBe('25%');
    expect(formatPercent(null, 'en')).toBe(EMPTY);
  });
  it('groups thousands', () => {
    expect(formatNumber(12345.678, 'zh-CN', 1)).toBe('12,345.7');
    expect(formatCount(1_234_567, 'en')).toBe('1,234,567');
  });
});

describe('periods', () => {
  it('formats months and years per language', () => {
    expect(formatPeriod('2025-06', 'zh-CN')).toBe('2025年6月');
    expect(formatPeriod('2025-06', 'en')).toBe('Jun 2025');
    expect(formatPeriod('2025-01', 'zh-CN')).toBe('2025年1月');
    expect(formatPeriod('2024', 'zh-CN')).toBe('2024年');
    expect(formatPeriod('2024', 'en')).toBe('2024');
    expect(formatPeriod(null, 'en')).toBe(EMPTY);
  });
  it('does not shift a month across time zones (formatted in UTC)', () => {
    expect(formatPeriod('2025-12', 'en')).toBe('Dec 2025');
  });
  it('shortens axis ticks', () => {
    expect(formatPeriodTick('2025-06', 'zh-CN')).toBe('25/06');
    expect(formatPeriodTick('2024', 'en')).toBe('2024');
  });
});

describe('toAppLanguage', () => {
  it('maps any English code to en and everything else to Chinese', () => {
    expect(toAppLanguage('en-GB')).toBe('en');
    expect(toAppLanguage('zh')).toBe('zh-CN');
    expect(toAppLanguage(null)).toBe('zh-CN');
  });
});
