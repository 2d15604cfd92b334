/**
 * Periods are calendar months `YYYY-MM` or years `YYYY`. A month is also handled as an integer
 * month index (year × 12 + month − 1) so that gaps and windows are plain integer arithmetic.
 */

export type PeriodKind = 'month' | 'year';

export interface ParsedPeriod {
  kind: PeriodKind;
  year: number;
  /** 1–12 for months; undefined for years. */
  month?: number;
  /** year × 12 + (month − 1) for months; the year itself for years. */
  index: number;
  text: string;
}

const MONTH_PATTERN = /^(\d{4})-(\d{1,2})$/;
const YEAR_PATTERN = /^(\d{4})$/;
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

/**
 * Parses `YYYY` or `YYYY-MM` (also `YYYY-M`, `YYYY/MM`, `YYYYMM`, `YYYY年M月`) into a period.
 * @throws Error `not a period (expected YYYY or YYYY-MM): "<text>"`
 * @example parsePeriod('2024-02').index // => 24289
 */
export function parsePeriod(text: string): ParsedPeriod {
  const raw = text.trim();
  const t = raw
    .replace(/年/, '-')
    .replace(/月$/, '')
    .replace('/', '-')
    .replace(/^(\d{4})(\d{2})$/, '$1-$2')
    .replace(/-$/, '');
  const fail = () => new Error(`not a period (expected YYYY or YYYY-MM): "${text}"`);
  const mm = MONTH_PATTERN.exec(t);
  if (mm) {
    const year = Number(mm[1]);
    const month = Number(mm[2]);
    if (month < 1 || month > 12 || year < MIN_YEAR || year > MAX_YEAR) throw fail();
    return { kind: 'month', year, month, index: year * 12 + month - 1, text: formatMonth(year, month) };
  }
  const ym = YEAR_PATTERN.exec(t);
  if (ym) {
    const year = Number(ym[1]);
    if (year < MIN_YEAR || year > MAX_YEAR) throw fail();
    return { kind: 'year', year, index: year, text: String(year) };
  }
  throw fail();
}

export function formatMonth(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The `YYYY-MM` text of a month index. */
export function monthIndexToText(index: number): string {
  return formatMonth(Math.floor(index / 12), (index % 12) + 1);
}

/** The period text that follows `period` (next month or next year). */
export function nextPeriod(period: ParsedPeriod): string {
  return period.kind === 'month' ? monthIndexToText(period.index + 1) : String(period.year + 1);
}
