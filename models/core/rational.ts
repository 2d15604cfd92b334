/**
 * Exact rational numbers over BigInt, for decisions that must not depend on floating-point
 * rounding: a tier boundary such as "payable months ≥ 6" is decided by comparing integer
 * cross-products, never by comparing two doubles.
 *
 * A threshold typed by a user (e.g. `7.3`) is read as the decimal they wrote, via JavaScript's
 * shortest round-trip representation (`String(7.3) === "7.3"` → 73/10), not as the binary double
 * nearest to it (7.29999999999999982236431605997495353221893310546875).
 */

/** `num / den` with `den > 0`; not necessarily in lowest terms. */
export interface Rational {
  num: bigint;
  den: bigint;
}

const DECIMAL_TEXT = /^(-)?(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i;

/**
 * The exact rational value of the decimal text of a finite number.
 * @throws Error `not a finite number: <x>` for NaN and ±Infinity.
 * @example rationalFromNumber(7.3) // => { num: 73n, den: 10n }
 */
export function rationalFromNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  const m = DECIMAL_TEXT.exec(String(x));
  if (!m) throw new Error(`not a finite number: ${x}`);
  const sign = m[1] ? -1n : 1n;
  const frac = m[3] ?? '';
  const exponent = Number(m[4] ?? '0') - frac.length;
  const digits = sign * BigInt((m[2] ?? '0') + frac);
  return exponent >= 0
    ? { num: digits * 10n ** BigInt(exponent), den: 1n }
    : { num: digits, den: 10n ** BigInt(-exponent) };
}

/**
 * Builds `num / den` from integers, moving the sign to the numerator.
 * @throws Error `zero denominator` when `den` is 0.
 * @example ratio(3n, -4n) // => { num: -3n, den: 4n }
 */
export function ratio(num: bigint, den: bigint): Rational {
  if (den === 0n) throw new Error('zero denominator');
  return den < 0n ? { num: -num, den: -den } : { num, den };
}

/**
 * Sign of `a − b`: −1, 0 or 1, from the cross-products `a.num·b.den` and `b.num·a.den`
 * (both denominators positive, so the inequality keeps its direction).
 * @example compareRational({ num: 600n * 12n, den: 1200n }, { num: 6n, den: 1n }) // => 0
 */
export function compareRational(a: Rational, b: Rational): -1 | 0 | 1 {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}
