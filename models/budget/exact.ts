/**
 * Exact integer helpers for the budget models: every money figure of §5 is integer fen, every
 * rate or coefficient is the decimal a user wrote (1.02, 0.3), read as an exact rational with
 * {@link rationalFromNumber}. Products of the two are rationals; they become fen through exactly
 * one rounding, half away from zero, done here in BigInt so no double ever decides a fen.
 */
import { rationalFromNumber, type Rational } from '../core/rational.ts';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Greatest common divisor of two non-negative BigInts (Euclid).
 * @example gcd(12n, 18n) // => 6n
 */
export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/**
 * Least common multiple of positive BigInts; 1n for an empty list.
 * @example lcm([8n, 9n, 10n, 7n]) // => 2520n
 */
export function lcm(values: readonly bigint[]): bigint {
  return values.reduce((acc, v) => (acc / gcd(acc, v)) * v, 1n);
}

/**
 * A decimal rate or coefficient as a rational in lowest terms (denominator > 0).
 * @throws Error `not a finite number: <x>` (from rationalFromNumber).
 * @example exactRate(1.02) // => { num: 51n, den: 50n }
 */
export function exactRate(x: number): Rational {
  const r = rationalFromNumber(x);
  const g = gcd(r.num, r.den);
  return g > 1n ? { num: r.num / g, den: r.den / g } : r;
}

/**
 * num / den rounded to the nearest integer, halves away from zero (den > 0):
 * round(x) = sign(x) · ⌊(2|num| + den) / (2·den)⌋.
 * @example roundHalfAway(-5n, 2n) // => -3n
 */
export function roundHalfAway(num: bigint, den: bigint): bigint {
  const abs = num < 0n ? -num : num;
  const q = (2n * abs + den) / (2n * den);
  return num < 0n ? -q : q;
}

/** Below this magnitude a quotient of two BigInts computed in doubles is within 5e-4 of the exact one. */
const FAST_QUOTIENT_LIMIT = 2 ** 40;
/** Distance from a half-point beyond which that error cannot change the nearest integer. */
const FAST_QUOTIENT_MARGIN = 1e-3;

/**
 * num / den rounded half away from zero, like {@link roundHalfAway}, as a number, decided in doubles
 * when that is provably right: approx = Number(num) / Number(den) is three correctly rounded
 * operations from the exact quotient x, so |approx − x| ≤ 4·2^-53·|x| < 5e-4 for |x| < 2^40; when
 * approx is farther than 1e-3 from a half-point, x rounds to the same integer. Otherwise (near a
 * half, or huge) the BigInt path decides. This keeps 100,000 explanations from costing 800,000 BigInt
 * allocations. For display figures such as a sum of raw quotas: exact up to 2^53, the nearest
 * double beyond.
 * @example roundQuotient(25n, 10n) // => 3
 */
export function roundQuotient(num: bigint, den: bigint): number {
  const approx = Number(num) / Number(den);
  if (Math.abs(approx) < FAST_QUOTIENT_LIMIT && Math.abs(approx - Math.floor(approx) - 0.5) > FAST_QUOTIENT_MARGIN) return Math.round(approx) + 0; // + 0: no −0
  return Number(roundHalfAway(num, den));
}

/**
 * A BigInt known to be a fen amount back to a number.
 * @throws Error `amount too large: <n> fen` beyond Number.MAX_SAFE_INTEGER.
 * @example toFen(12345n) // => 12345
 */
export function toFen(n: bigint): number {
  if (n > MAX_SAFE || n < -MAX_SAFE) throw new Error(`amount too large: ${n} fen`);
  return Number(n);
}

/**
 * fen × rate rounded half away from zero to the fen, exactly.
 * @example fenTimesRate(12345, exactRate(0.01)) // => 123
 */
export function fenTimesRate(fen: number, rate: Rational): number {
  return toFen(roundHalfAway(BigInt(fen) * rate.num, rate.den));
}

/**
 * Checks a fen amount: a safe integer, ≥ 0 unless `allowNegative`.
 * @throws Error `<what> must be a whole number of fen ≥ 0, got <x>` (or without `≥ 0`).
 * @example checkFen(100, 'quotaFen') // => 100
 */
export function checkFen(x: number, what: string, allowNegative = false): number {
  if (!Number.isSafeInteger(x) || (!allowNegative && x < 0)) {
    throw new Error(`${what} must be a whole number of fen${allowNegative ? '' : ' ≥ 0'}, got ${x}`);
  }
  return x;
}
