/**
 * Money in fundrisk is held as integer fen (分, 1 元 = 100 分) so that sums are exact.
 * A JavaScript number holds every integer up to 2^53 − 1 fen ≈ 90 万亿元 exactly, far above the
 * national fund balance (≈ 3.6 万亿元 in 2024), so fen travel as plain `number`s and are summed
 * with integer arithmetic; parsing goes through BigInt so no decimal text is ever rounded twice.
 */

/** Display and input units of money; the factor converts one unit to yuan. */
export const MONEY_UNITS = {
  yuan: { factorYuan: 1n, zh: '元', en: 'yuan' },
  wan: { factorYuan: 10_000n, zh: '万元', en: '10k yuan' },
  yi: { factorYuan: 100_000_000n, zh: '亿元', en: '100M yuan' },
} as const;

export type MoneyUnit = keyof typeof MONEY_UNITS;

const FEN_PER_YUAN = 100n;
const DECIMAL_PATTERN = /^([+-])?(\d+)(?:\.(\d+))?$/;

/** Accepts `元`/`yuan`, `万元`/`wan`, `亿元`/`yi` and returns the canonical unit key. */
export function parseMoneyUnit(text: string): MoneyUnit {
  const t = text.trim().toLowerCase();
  if (t === '元' || t === 'yuan' || t === 'cny') return 'yuan';
  if (t === '万元' || t === 'wan' || t === '10k') return 'wan';
  if (t === '亿元' || t === 'yi' || t === '100m') return 'yi';
  throw new Error(`unknown money unit "${text}": use 元, 万元 or 亿元 (yuan, wan, yi)`);
}

/**
 * Parses a decimal amount written in `unit` into integer fen, rounding half away from zero at
 * the fen. Thousands separators (`,`) and surrounding spaces are tolerated; anything else is not.
 * @throws Error `not a number: "<text>"` when the text is not a plain decimal.
 * @throws Error `amount too large: "<text>"` beyond Number.MAX_SAFE_INTEGER fen.
 * @example parseAmountToFen('12.345', 'wan') // => 12345000
 */
export function parseAmountToFen(text: string, unit: MoneyUnit = 'yuan'): number {
  const cleaned = text.trim().replace(/,/g, '');
  const m = DECIMAL_PATTERN.exec(cleaned);
  if (!m) throw new Error(`not a number: "${text}"`);
  const sign = m[1] === '-' ? -1n : 1n;
  const intPart = m[2] ?? '0';
  const fracPart = m[3] ?? '';
  const scale = 10n ** BigInt(fracPart.length);
  const numerator = BigInt(intPart + fracPart) * MONEY_UNITS[unit].factorYuan * FEN_PER_YUAN;
  // round half away from zero: floor((2n + d) / 2d)
  const fen = (2n * numerator + scale) / (2n * scale);
  const signed = sign * fen;
  if (signed > BigInt(Number.MAX_SAFE_INTEGER) || signed < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new Error(`amount too large: "${text}"`);
  }
  return Number(signed);
}

/**
 * A yuan amount computed in doubles rounded to the fen for output: half away from zero, never −0.
 * @example roundYuanToFen(-0.005) // => -0.01
 * @example roundYuanToFen(-0.004) // => 0
 */
export function roundYuanToFen(yuan: number): number {
  const rounded = Math.round(Math.abs(yuan) * 100) / 100;
  return (yuan < 0 ? -rounded : rounded) + 0;
}

/** Integer fen to a yuan number (exact to the fen for every safe integer). */
export function fenToYuan(fen: number): number {
  return fen / 100;
}

/** Exact decimal text of fen in yuan, e.g. 12345 → "123.45". */
export function formatFenAsYuan(fen: number): string {
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}${yuan}.${cents}`;
}
