/**
 * Amount text → integer fen, exactly as `parseAmountToFen` does, but without BigInt on the common
 * path: a million-row file has ten million amount cells, and BigInt costs about 1 µs each.
 *
 * Numerics: an amount with at most D fraction digits, where D = 2 + log10(unit factor in yuan)
 * (元 2, 万元 6, 亿元 10), is the integer `digits × 10^(D − fractionLength)` fen with no rounding.
 * When that integer has at most 15 decimal digits it is below 2^53, so `Number(text)` of the
 * digit string is exact. Anything else (more fraction digits, so rounding; longer numbers) goes
 * through `parseAmountToFen`, which is the reference the property test compares against.
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

/**
 * @throws Error `not a number: "<text>"` (scientific notation gets its own explanation).
 * @throws Error `amount too large: "<text>"`
 * @example amountToFen('1.23456', 'wan') // => 1234560
 */
export function amountToFen(text: string, unit: MoneyUnit): number {
  let t = text.trim();
  if (t.includes(',')) t = t.replace(/,/g, '');
  const m = PLAIN.exec(t);
  if (m) {
    const frac = m[3] ?? '';
    const decimals = FRACTION_DIGITS[unit];
    if (frac.length <= decimals) {
      const digits = (m[2] ?? '') + frac + '0'.repeat(decimals - frac.length);
      if (digits.length <= MAX_EXACT_DIGITS) {
        const fen = Number(digits);
        return m[1] === '-' && fen !== 0 ? -fen : fen;
      }
    }
  }
  if (SCIENTIFIC.test(t)) {
    throw new Error(`not a number: "${text}" is in scientific notation, which spreadsheets round; format the column as a plain number`);
  }
  return parseAmountToFen(text, unit);
}
