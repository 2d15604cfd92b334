/**
 * All number, money, month and date formatting of the client, through `Intl` (house style).
 * Money arrives from the API in yuan (元) and is shown in 万元 or 亿元 with the unit printed; the
 * unit is chosen once per column or chart so the figures in it stay comparable. English keeps the
 * same scale as Chinese (10⁴ / 10⁸ yuan) so a figure reads the same in both languages and in an
 * export made with the same unit. No currency symbol is ever printed.
 */

export type AppLanguage = 'zh-CN' | 'en';
export type MoneyUnit = 'yuan' | 'wan' | 'yi';

export const LANGUAGES: readonly AppLanguage[] = ['zh-CN', 'en'];
export const MONEY_UNITS: readonly MoneyUnit[] = ['yuan', 'wan', 'yi'];

/** Yuan in one unit. */
export const YUAN_PER_UNIT: Readonly<Record<MoneyUnit, number>> = { yuan: 1, wan: 1e4, yi: 1e8 };

/** Shown for a missing value. */
export const EMPTY = '—';

const UNIT_LABELS: Readonly<Record<AppLanguage, Record<MoneyUnit, string>>> = {
  'zh-CN': { yuan: '元', wan: '万元', yi: '亿元' },
  en: { yuan: 'yuan', wan: '10⁴ yuan', yi: '10⁸ yuan' },
};

const INTL_LOCALE: Readonly<Record<AppLanguage, string>> = { 'zh-CN': 'zh-CN', en: 'en-US' };

/** Decimals shown for money in each unit: 0.01 亿元 = 1 万元 and 0.01 万元 = 100 元 are fine enough for a report. */
const MONEY_DECIMALS: Readonly<Record<MoneyUnit, number>> = { yuan: 2, wan: 2, yi: 2 };

/** Parses an i18next language code ('zh', 'zh-CN', 'en-GB', …) into one of ours; Chinese is the default. */
export function toAppLanguage(code: string | undefined | null): AppLanguage {
  return code?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: AppLanguage, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(INTL_LOCALE[lang], options);
    formatters.set(key, f);
  }
  return f;
}

const isNumber = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * A plain number with grouping and a fixed number of decimals.
 * @example formatNumber(12345.678, 'zh-CN', 1) // => '12,345.7'
 */
export function formatNumber(value: number | null | undefined, lang: AppLanguage, decimals = 0): string {
  if (!isNumber(value)) return EMPTY;
  return numberFormat(lang, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/**
 * A whole count (people, rows, funds).
 * @example formatCount(1234567, 'en') // => '1,234,567'
 */
export function formatCount(value: number | null | undefined, lang: AppLanguage): string {
  return formatNumber(value, lang, 0);
}

/**
 * The unit that suits a column of yuan amounts: 亿元 when the largest magnitude reaches one 亿
 * (10⁸ yuan), otherwise 万元.
 * @example pickMoneyUnit([2.5e9, 3.1e7]) // => 'yi'
 * @example pickMoneyUnit([8.2e7, null]) // => 'wan'
 */
export function pickMoneyUnit(valuesYuan: ReadonlyArray<number | null | undefined>): MoneyUnit {
  let max = 0;
  for (const v of valuesYuan) if (isNumber(v)) max = Math.max(max, Math.abs(v));
  return max >= YUAN_PER_UNIT.yi ? 'yi' : 'wan';
}

/**
 * The printed name of a money unit.
 * @example moneyUnitLabel('yi', 'zh-CN') // => '亿元'
 * @example moneyUnitLabel('wan', 'en') // => '10⁴ yuan'
 */
export function moneyUnitLabel(unit: MoneyUnit, lang: AppLanguage): string {
  return UNIT_LABELS[lang][unit];
}

/**
 * A yuan amount expressed in `unit`, without the unit (for table cells whose title carries it).
 * @example formatMoneyValue(123_456_789, 'yi', 'zh-CN') // => '1.23'
 */
export function formatMoneyValue(yuan: number | null | undefined, unit: MoneyUnit, lang: AppLanguage, decimals = MONEY_DECIMALS[unit]): string {
  if (!isNumber(yuan)) return EMPTY;
  return formatNumber(yuan / YUAN_PER_UNIT[unit], lang, decimals);
}

/**
 * A yuan amount with its unit printed.
 * @example formatMoney(123_456_789, 'yi', 'zh-CN') // => '1.23 亿元'
 * @example formatMoney(123_456_789, 'yi', 'en') // => '1.23 × 10⁸ yuan'
 */
export function formatMoney(yuan: number | null | undefined, unit: MoneyUnit, lang: AppLanguage, decimals = MONEY_DECIMALS[unit]): string {
  if (!isNumber(yuan)) return EMPTY;
  const value = formatMoneyValue(yuan, unit, lang, decimals);
  if (lang === 'en' && unit !== 'yuan') return `${value} × ${moneyUnitLabel(unit, lang)}`;
  return `${value} ${moneyUnitLabel(unit, lang)}`;
}

/**
 * A short axis tick for a money chart whose axis label carries the unit (at most two decimals,
 * enough for the quarter steps a chart axis picks).
 * @example formatMoneyTick(225_000_000, 'yi', 'zh-CN') // => '2.25'
 */
export function formatMoneyTick(yuan: number, unit: MoneyUnit, lang: AppLanguage): string {
  if (!isNumber(yuan)) return '';
  return numberFormat(lang, { maximumFractionDigits: 2 }).format(yuan / YUAN_PER_UNIT[unit]);
}

/**
 * Payable months (可支付月数) with one decimal and the unit.
 * @example formatMonths(8.44, 'zh-CN') // => '8.4 个月'
 * @example formatMonths(8.44, 'en') // => '8.4 months'
 */
export function formatMonths(months: number | null | undefined, lang: AppLanguage): string {
  if (!isNumber(months)) return EMPTY;
  const value = formatNumber(months, lang, 1);
  if (lang === 'en') return `${value} months`;
  return `${value} 个月`;
}

/**
 * A decimal rate as a percentage (rates are decimals everywhere else).
 * @example formatPercent(0.1534, 'zh-CN') // => '15.3%'
 */
export function formatPercent(rate: number | null | undefined, lang: AppLanguage, decimals = 1): string {
  if (!isNumber(rate)) return EMPTY;
  return numberFormat(lang, { style: 'percent', minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(rate);
}

const monthFormats = new Map<AppLanguage, Intl.DateTimeFormat>();

/**
 * A `YYYY-MM` month or `YYYY` year for display.
 * @example formatPeriod('2025-06', 'zh-CN') // => '2025年6月'
 * @example formatPeriod('2025-06', 'en') // => 'Jun 2025'
 * @example formatPeriod('2024', 'zh-CN') // => '2024年'
 */
export function formatPeriod(period: string | null | undefined, lang: AppLanguage): string {
  if (!period) return EMPTY;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) {
    let f = monthFormats.get(lang);
    if (!f) {
      f = new Intl.DateTimeFormat(INTL_LOCALE[lang], { year: 'numeric', month: 'short', timeZone: 'UTC' });
      monthFormats.set(lang, f);
    }
    return f.format(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
  }
  if (/^\d{4}$/.test(period)) return lang === 'en' ? period : `${period}年`;
  return period;
}

/**
 * A compact month label for chart axes.
 * @example formatPeriodTick('2025-06', 'zh-CN') // => '25/06'
 * @example formatPeriodTick('2024', 'en') // => '2024'
 */
export function formatPeriodTick(period: string, _lang: AppLanguage): string {
  const month = /^\d{2}(\d{2})-(\d{2})$/.exec(period);
  return month ? `${month[1]}/${month[2]}` : period;
}
