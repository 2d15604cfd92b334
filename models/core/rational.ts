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

/**
 * Relative margin of the floating-point fast path of {@link approxSign}: a quotient computed in
 * doubles that lies farther than this from a threshold is on the same side of it as the exact
 * quotient is of the threshold's decimal value.
 */
export const APPROX_SIGN_MARGIN = 1e-9;

/** The smallest positive normal double; below it relative rounding bounds no longer hold. */
const MIN_NORMAL = 2.2250738585072014e-308;

/**
 * Sign of v − t decided in floating point, or `undefined` when too close to call, where
 * - `approx` is a quotient v = a / b of integers (|a| ≥ 1 when v ≠ 0, 1 ≤ |b| ≤ 2^60) computed
 *   in doubles with at most four correctly rounded operations, so approx = v·(1 + ε) with
 *   |ε| ≤ 4·2^-53 + O(2^-106) < 4.5e-16 (binary64 has a 53-bit significand; round to nearest is
 *   off by at most half an ulp, 2^-53 relative, per operation, and no result under- or overflows);
 * - `x` is the threshold double and t = {@link rationalFromNumber}(x) the decimal it was written
 *   as, which rounds back to x, so |x − t| ≤ 2^-53·|x| for normal x.
 *
 * Claim: if |approx − x| > δ·|x| with δ = {@link APPROX_SIGN_MARGIN} = 1e-9, then
 * sign(v − t) = sign(approx − x). Write v − t = (approx − x) + (v − approx) + (x − t); the last
 * two terms total at most 4.6e-16·|approx| + 1.2e-16·|x|.
 * - If |approx| ≤ 2|x|, they total at most 1.1e-15·|x| < δ·|x| < |approx − x|.
 * - If |approx| > 2|x|, then |approx − x| > |approx| / 2, which is more than they total.
 * - If x = 0 (t = 0), any approx ≠ 0 has the sign of v: rounding never flips a sign, and
 *   |v| ≥ 2^-60 cannot underflow.
 * Either way the error terms cannot reach across the threshold. δ = 1e-9 is ~10^6 times the
 * bound, so the claim holds with room to spare; only quotients within a relative 1e-9 of a
 * threshold (a fund at 6.000000001 months, or exactly at 6) pay for the BigInt comparison.
 * NaN, ±Infinity and subnormal thresholds are never decided here.
 * @example approxSign(2248 * 12 / 1567, 15) // => 1
 */
export function approxSign(approx: number, x: number): -1 | 1 | undefined {
  const ax = Math.abs(x);
  if (!(ax <= Number.MAX_VALUE) || (ax < MIN_NORMAL && x !== 0)) return undefined;
  const d = approx - x;
  if (d > APPROX_SIGN_MARGIN * ax) return 1;
  if (d < -APPROX_SIGN_MARGIN * ax) return -1;
  return undefined;
}

/**
 * A threshold double with its exact decimal value ({@link rationalFromNumber}) computed on
 * first use and kept, so repeated exact comparisons against it parse its text once.
 */
export interface LazyThreshold {
  readonly value: number;
  exact: Rational | undefined;
}

/**
 * @example lazyThreshold(7.3).value // => 7.3
 */
export function lazyThreshold(value: number): LazyThreshold {
  return { value, exact: undefined };
}

/**
 * The exact value of a lazy threshold, computing and caching it on first use.
 * @throws Error `not a finite number: <x>` (from {@link rationalFromNumber}, on every use).
 * @example exactThreshold(lazyThreshold(7.3)) // => { num: 73n, den: 10n }
 */
export function exactThreshold(t: LazyThreshold): Rational {
  return (t.exact ??= rationalFromNumber(t.value));
}

