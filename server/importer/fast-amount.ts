/**
 * Amount text → integer fen, exactly as `parseAmountToFen` does, but without BigInt on the common
 * path: a million-row file has ten million amount cells, and BigInt costs about 1 µs each.
 *
 * Numerics: an amount with at most D fraction digits, where D = 2 + log10(unit factor in yuan)
 * (元 2, 万元 6, 亿元 10), is the integer `digits × 10^(D − fractionLength)` fen with no rounding.
 * When that integer has at most 15 decimal digits it is below 2^53, so accumulating the digits
 * and multiplying in floating point is exact. Anything else (more fraction digits, so rounding;
 * longer numbers; spaces) goes through `parseAmountToFen`, the reference that a property test
 * compares this function against.
 */
import { MONEY_UNITS, parseAmountToFen, type MoneyUnit } from '../../models/core/money.ts';

const PLAIN = /^([+-])?(\d+)(?:\.(\d+))?$/;
const SCIENTIFIC = /^[+-]?(\d+\.?\d*|\.\d+)e[+-]?\d+$/i;
const MAX_EXACT_DIGITS = 15;

const FRACTION_DIGITS: Record<MoneyUnit, number> = {
  yuan: 2 + Math.log10(Number(MONEY_UNITS.yuan.factorYuan)),
  wan: 2 + Math.log10(Number(MONEY_UNITS.wan.factorYuan)),
  yi: 2 + Math.log10(Number(MONEY_UNITS.yi.factorYuan)),
};

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const CODE_0 = 48;
const CODE_9 = 57;
const CODE_DOT = 46;
const CODE_COMMA = 44;
const CODE_MINUS = 45;
const CODE_PLUS = 43;

/**
 * @throws Error `not a number: "<text>"` (scientific notation gets its own explanation).
 * @throws Error `amount too large: "<text>"`
 * @example amountToFen('1.23456', 'wan') // => 1234560
 */
export function amountToFen(text: string, unit: MoneyUnit): number {
  // One pass over the characters: sign, digits, at most one dot, thousands commas (dropped
  // anywhere, as parseAmountToFen does). Any other character takes the reference path.
  const decimals = FRACTION_DIGITS[unit];
  const n = text.length;
  let i = 0;
  let c = text.charCodeAt(0);
  const negative = c === CODE_MINUS;
  if (negative || c === CODE_PLUS) i = 1;
  let acc = 0;
  let intDigits = 0;
  let fracDigits = -1;
  for (; i < n; i++) {
    c = text.charCodeAt(i);
    if (c >= CODE_0 && c <= CODE_9) {
      acc = acc * 10 + (c - CODE_0);
      if (fracDigits < 0) intDigits++;
      else fracDigits++;
    } else if (c === CODE_DOT && fracDigits < 0) {
      fracDigits = 0;
    } else if (c !== CODE_COMMA) {
      return reference(text, unit);
    }
  }
  const frac = fracDigits < 0 ? 0 : fracDigits;
  if (intDigits === 0 || fracDigits === 0 || frac > decimals || intDigits + decimals > MAX_EXACT_DIGITS) return reference(text, unit);
  const fen = acc * (POW10[decimals - frac] as number);
  return negative && fen !== 0 ? -fen : fen;
}

/** The exact path for everything the fast loop does not take (rounding, spaces, long numbers, errors). */
function reference(text: string, unit: MoneyUnit): number {
  const t = text.trim().replace(/,/g, '');
  const m = PLAIN.exec(t);
  if (!m && SCIENTIFIC.test(t)) {
    throw new Error(`not a number: "${text}" is in scientific notation, which spreadsheets round; format the column as a plain number`);
  }
  return parseAmountToFen(text, unit);
}

const EXPONENT = /^([+-]?)(\d+)(?:\.(\d+))?e([+-]?\d+)$/i;

/**
 * `5e-7` → `0.0000005`, exactly (a string shift of the decimal point). For a number cell of an
 * XLSX workbook, which read-table.ts turns into text with `String(number)`: that text is the
 * exact double, not a rounded display as in a CSV saved by a spreadsheet. Other text is returned as is.
 * @example expandExponent('1.25e3') // => '1250'
 */
export function expandExponent(text: string): string {
  const m = EXPONENT.exec(text.trim());
  if (!m) return text;
  const digits = (m[2] ?? '') + (m[3] ?? '');
  const point = (m[2] ?? '').length + Number(m[4]);
  if (Math.abs(point) > 400) return text;
  const body = point <= 0 ? `0.${'0'.repeat(-point)}${digits}`
    : point >= digits.length ? digits + '0'.repeat(point - digits.length)
      : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return `${m[1]}${body}`;
}
