/**
 * How many decimals show the solver's answer to its precision: the bisection stops with
 * |value − x*| ≤ precision, so digits beyond the precision's first significant digit carry no
 * information, and fewer would hide the stated precision.
 */

const MAX_DECIMALS = 8;

/**
 * Decimals for a value with this precision, in the display unit (a rate is shown in percent).
 * @example solverDecimals(1e-7, 'rate') // => 5 (1e-7 = 0.00001 %)
 * @example solverDecimals(0.01, 'yuan') // => 2
 * @example solverDecimals(0, 'rate') // => 2
 */
export function solverDecimals(precision: number, unit: 'rate' | 'yuan'): number {
  const shown = unit === 'rate' ? precision * 100 : precision;
  if (!(shown > 0) || !Number.isFinite(shown)) return 2;
  return Math.min(MAX_DECIMALS, Math.max(2, Math.ceil(-Math.log10(shown) - 1e-9)));
}
