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
  return parseCanonicalPeriod(text) ?? parseTolerantPeriod(text);
}

/** Char code of `0`; a char code c is a digit when c − CHAR_0 is in 0–9. */
const CHAR_0 = 48;
const CHAR_DASH = 45;

/**
 * The fast path of {@link parsePeriod} for the canonical spellings, `YYYY-MM` (two-digit month)
 * and `YYYY`, by char codes and no regex: these are what the database and the importer hand
 * over, one per row. Returns undefined for any other text, including canonical text out of
 * range, so {@link parseTolerantPeriod} gives the result or the error message for it. For
 * canonical text in range the normalised text is the input itself.
 */
function parseCanonicalPeriod(text: string): ParsedPeriod | undefined {
  const len = text.length;
  if (len !== 7 && len !== 4) return undefined;
  const y0 = text.charCodeAt(0) - CHAR_0;
  const y1 = text.charCodeAt(1) - CHAR_0;
  const y2 = text.charCodeAt(2) - CHAR_0;
  const y3 = text.charCodeAt(3) - CHAR_0;
  if (!(isDigit(y0) && isDigit(y1) && isDigit(y2) && isDigit(y3))) return undefined;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  if (year < MIN_YEAR || year > MAX_YEAR) return undefined;
  if (len === 4) return { kind: 'year', year, index: year, text };
  const m0 = text.charCodeAt(5) - CHAR_0;
  const m1 = text.charCodeAt(6) - CHAR_0;
  if (text.charCodeAt(4) !== CHAR_DASH || !isDigit(m0) || !isDigit(m1)) return undefined;
  const month = m0 * 10 + m1;
  if (month < 1 || month > 12) return undefined;
  return { kind: 'month', year, month, index: year * 12 + month - 1, text };
}

function isDigit(d: number): boolean {
  return d >= 0 && d <= 9;
}

/** The general parser: normalises the other spellings by regex, then reads `YYYY-M(M)` or `YYYY`. */
function parseTolerantPeriod(text: string): ParsedPeriod {
  const raw = text.trim();
  const t = raw
    .replace(/年/, '-')
    .replace(/月$/, '')
    .replace('/', '-')
    .replace(/^(\d{4})(\d{2})$/, '$1-$2')
    .replace(/-$/, '');
  const mm = MONTH_PATTERN.exec(t);
  if (mm) {
    const year = Number(mm[1]);
    const month = Number(mm[2]);
    if (month < 1 || month > 12 || year < MIN_YEAR || year > MAX_YEAR) throw notAPeriod(text);
    return { kind: 'month', year, month, index: year * 12 + month - 1, text: formatMonth(year, month) };
  }
  const ym = YEAR_PATTERN.exec(t);
  if (ym) {
    const year = Number(ym[1]);
    if (year < MIN_YEAR || year > MAX_YEAR) throw notAPeriod(text);
    return { kind: 'year', year, index: year, text: String(year) };
  }
  throw notAPeriod(text);
}

function notAPeriod(text: string): Error {
  return new Error(`not a period (expected YYYY or YYYY-MM): "${text}"`);
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
